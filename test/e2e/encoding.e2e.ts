// A GBK article in the real web workbench: its dashboard row says which encoding works; VS Code opens it as UTF-8
// (mojibake), Tension Lens shows a warning with a "Reopen with Encoding GB18030" button, and one click shows the
// Chinese text with its highlights.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import iconv from 'iconv-lite';
import type { FrameLocator, Page } from 'playwright-core';
import { editorLines, eventually, openFile, openWorkbench, waitForEditorText, wordDecorations } from './workbench';

const NAME = 'gbk-e2e-article.txt';

describe('e2e: a GBK article', () => {
  let page: Page;
  let file: string;

  before(async () => {
    page = await openWorkbench();
    const folder = process.env['VSCODE_E2E_FOLDER'];
    if (!folder) throw new Error('VSCODE_E2E_FOLDER is not set: run with `npm run test:e2e`');
    const text = fs.readFileSync(path.join(folder, 'ai-lab-expert-departure.md'), 'utf8');
    file = path.join(folder, NAME);
    fs.writeFileSync(file, iconv.encode(text, 'gbk'));
  });

  after(async () => {
    await page.keyboard.press('Escape');
    // Leave the first editor group active, as the suites after this one expect (the dashboard was brought to the front).
    await page.keyboard.press('Control+1');
    fs.rmSync(file, { force: true });
  });

  /** Opens (or brings to the front) the dashboard on its Overview tab; returns its page. */
  async function overview(): Promise<FrameLocator> {
    // Retried: run first in a fresh workbench, the palette can open before the extension's commands are listed.
    for (let attempt = 1; ; attempt++) {
      try {
        await page.locator('.command-center .command-center-center').first().click();
        await page.locator('.quick-input-widget input').fill('>Tension Lens: Open Dashboard');
        await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Tension Lens: Open Dashboard' }).first().waitFor({ timeout: 10_000 });
        await page.keyboard.press('Enter');
        break;
      } catch (e) {
        if (attempt >= 4) throw e;
        await page.keyboard.press('Escape');
      }
    }
    const frame = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    // The dashboard suite may have left it on another tab (it comes back on the tab it showed).
    await frame.getByRole('tab', { name: /Overview/ }).click();
    return frame;
  }

  it('before it is reopened, its dashboard row names the encoding that works', async () => {
    const frame = await overview();
    const row = frame.locator('tbody tr.row.error', { hasText: NAME });
    await row.waitFor({ timeout: 30_000 });
    assert.match(await row.innerText(), /Not valid UTF-8; reads as GB18030/);
  });

  it('opens as mojibake with a warning whose one button reopens it as GB18030: Chinese text, highlighted', async () => {
    await openFile(NAME);
    assert.ok((await editorLines().first().innerText()).includes('\uFFFD'), 'VS Code shows replacement characters');
    const toast = page.locator('.notification-toast .notification-list-item', { hasText: 'reads as GB18030 Chinese' });
    await toast.waitFor({ timeout: 20_000 });
    assert.match(await toast.locator('.notification-list-item-message').innerText(), new RegExp(`${NAME.replace(/\./g, '\\.')} is not UTF-8: it reads as GB18030 Chinese`));
    await toast.locator('.monaco-button', { hasText: 'Reopen with Encoding GB18030' }).click();
    await waitForEditorText('开放原则');
    assert.ok(!(await editorLines().first().innerText()).includes('\uFFFD'));
    // VS Code's own encoding indicator in the status bar says so, and the terms are highlighted.
    await page.locator('.statusbar-item', { hasText: 'GB18030' }).first().waitFor();
    await eventually(async () => assert.ok((await wordDecorations('开放原则'))?.parts.some((p) => p.decorations.length > 0), 'a highlight on 开放原则'));
    // Open as GB18030, the article counts in the dashboard as its UTF-8 original does.
    const frame = await overview();
    const terms = async (name: string) => (await frame.locator('tbody tr.row', { hasText: name }).first().locator('td.num').first().innerText()).trim();
    await eventually(async () => assert.equal(await terms(NAME), await terms('ai-lab-expert-departure.md')));
  });
});
