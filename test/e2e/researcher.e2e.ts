// A researcher's day in the real web workbench (issue 23): the dashboard's tabs move focus with the arrow keys, a
// binary row says why it cannot be opened, counts read "1 file", a big article's Article tab stays small and is not
// drawn again when another file changes; the walkthrough's buttons act on the article beside the Welcome page.
import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { runCommand } from './screen';
import { eventually, openFile, openWorkbench, waitForEditorText } from './workbench';

const folder = (): string => process.env['VSCODE_E2E_FOLDER'] ?? '';
const QUICK_INPUT = '.quick-input-widget input';

function dashboardFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
}

/**
 * Opens a file with Quick Open, again if the first try did not make it the active editor: right after another
 * suite's clean-up, a first Ctrl+P has been seen to leave the previous editor active.
 */
async function openArticle(page: Page, name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await openFile(name);
      return;
    } catch (e) {
      if (attempt >= 3) throw e;
      await page.keyboard.press('Escape');
      await page.mouse.click(640, 400);
    }
  }
}

/** A notification toast (or center entry) whose text matches. */
function notification(page: Page, text: RegExp) {
  return page.locator('.notification-list-item-message', { hasText: text }).first();
}

/** A Markdown article of about `bytes` bytes with a heading every few lines: thousands of sections and sites. */
function bigArticle(bytes: number): string {
  const parts: string[] = ['# 大文章\n'];
  let size = 0;
  for (let i = 1; size < bytes; i++) {
    const block = `## 第${i}节\n\n开源与闭源之争，但是商业化与基础研究的取舍更难。第${i}段说到开放原则，而闭源商用路径另有所图。\n`;
    parts.push(block);
    size += Buffer.byteLength(block, 'utf8');
  }
  return parts.join('\n');
}

describe('a researcher’s day: the dashboard', () => {
  let page: Page;
  let frame: FrameLocator;
  const made: string[] = [];
  const write = (name: string, content: string | Uint8Array): void => {
    fs.writeFileSync(path.join(folder(), name), content);
    made.push(name);
  };

  before(async function () {
    this.timeout(300_000);
    assert.ok(folder(), 'VSCODE_E2E_FOLDER is set by scripts/vscode/runE2E.mjs');
    page = await openWorkbench();
    write('binary.txt', new Uint8Array([0xe5, 0xbc, 0x80, 0xe6, 0xba, 0x90, 0x00, 0x00, 0xff, 0x01]));
    write('english-notes.md', '# Notes\n\nNothing in Chinese here.\n');
    write('big-article.md', bigArticle(600 * 1024));
    await openArticle(page, 'big-article.md');
    await waitForEditorText('大文章', 30_000);
    await runCommand('Tension Lens: Open Dashboard');
    frame = dashboardFrame(page);
    await frame.locator('table.overview tbody tr.row', { hasText: 'binary.txt' }).waitFor({ timeout: 180_000 });
  });

  after(async () => {
    await runCommand('Notifications: Clear All Notifications');
    await runCommand('View: Close All Editors');
    for (const name of made) fs.rmSync(path.join(folder(), name), { force: true });
  });

  it('counts in the singular where there is one: "1 file without Chinese text"', async () => {
    await eventually(async () => assert.match(await frame.locator('p.note').innerText(), /^1 file without Chinese text is not listed\.$/), { timeout: 30_000 });
  });

  it('a binary row says why it cannot be opened, instead of failing silently', async () => {
    await frame.locator('table.overview tbody tr.row', { hasText: 'binary.txt' }).click();
    await notification(page, /Cannot open binary\.txt: Binary file/).waitFor({ timeout: 15_000 });
  });

  it('arrow keys on the tabs move the focus with the selection (roving tabindex)', async () => {
    const overview = frame.getByRole('tab', { name: /Overview/ });
    await overview.click();
    await overview.focus();
    await page.keyboard.press('ArrowRight');
    await frame.locator('#tab-article[aria-selected="true"]').waitFor();
    const focused = async (): Promise<string> => frame.locator('body').evaluate(() => document.activeElement?.id ?? '');
    assert.equal(await focused(), 'tab-article', 'focus follows the selected tab');
    assert.equal(await frame.locator('#tab-article').getAttribute('tabindex'), '0');
    await page.keyboard.press('End');
    // End: the last tab (Co-occurrence since #19).
    await frame.locator('#tab-cooccur[aria-selected="true"]').waitFor();
    assert.equal(await focused(), 'tab-cooccur');
    await page.keyboard.press('Home');
    await frame.locator('#tab-overview[aria-selected="true"]').waitFor();
    assert.equal(await focused(), 'tab-overview');
  });

  it('the Article tab of a 600 KB article (4,000 sections) draws a bounded page, and is not drawn again when another file changes', async function () {
    this.timeout(120_000);
    await frame.getByRole('tab', { name: /Article/ }).click();
    await frame.locator('.article-head h2', { hasText: 'big-article.md' }).waitFor({ timeout: 60_000 });
    const nodes = await frame.locator('body').evaluate(() => document.getElementsByTagName('*').length);
    assert.ok(nodes < 5_000, `${nodes} elements in the dashboard page`);
    const rows = await frame.locator('.heatmap svg g[data-row]').count();
    assert.ok(rows > 1 && rows <= 60, `${rows} profile rows`);
    assert.ok(await frame.locator('.sites-window li').count() < 60, 'only the sites in view are in the DOM');
    // Scrolling the site list brings later sites in.
    await frame.locator('.sites-window').evaluate((el) => { el.scrollTop = 56 * 1000; });
    await frame.locator('.sites-window li[aria-posinset="1001"]').waitFor();

    await frame.locator('.heatmap svg').evaluate((el) => el.setAttribute('data-e2e-mark', 'drawn once'));
    write('another-article.md', '# 另一篇\n\n开源与闭源。\n');
    await frame.getByRole('tab', { name: /Overview/ }).waitFor();
    // The overview learns of the new file (the update reached the page) …
    await page.waitForTimeout(3_000);
    assert.equal(await frame.locator('.heatmap svg[data-e2e-mark]').count(), 1, 'the article view was drawn again for an unrelated file');
    await frame.getByRole('tab', { name: /Overview/ }).click();
    await frame.locator('table.overview tbody tr.row', { hasText: 'another-article.md' }).waitFor({ timeout: 30_000 });
    // … and the article view comes back as it was drawn.
    await frame.getByRole('tab', { name: /Article/ }).click();
    assert.equal(await frame.locator('.heatmap svg[data-e2e-mark]').count(), 1);
  });
});

describe('a researcher’s day: the walkthrough', () => {
  let page: Page;
  const report = 'openai-departures-news.report.html';

  /** Opens the Get Started walkthrough and selects a step by its title, so its button shows. */
  async function step(title: string): Promise<void> {
    const button = page.locator('.getting-started-step:not([disabled])', { hasText: title }).first();
    await button.waitFor({ timeout: 30_000 });
    await button.click();
  }

  /** Opens the walkthrough on top of the article (the Welcome page becomes the active editor). */
  async function openWalkthrough(): Promise<void> {
    await runCommand('Welcome: Open Walkthrough...', 'stays');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Get Started with Tension Lens' }).first().click();
    await page.locator('.getting-started-step:not([disabled])').first().waitFor({ timeout: 30_000 });
  }

  before(async function () {
    this.timeout(120_000);
    page = await openWorkbench();
    await openArticle(page, 'openai-departures-news.txt');
    await waitForEditorText('科研圣地');
    await openWalkthrough();
  });

  after(async () => {
    // Leave the workbench as the next suites expect it: no notification, no editor, the explorer shown.
    await page.keyboard.press('Escape');
    await runCommand('Notifications: Clear All Notifications');
    await runCommand('View: Close All Editors');
    await runCommand('View: Show Explorer');
    await page.mouse.move(0, 400);
    fs.rmSync(path.join(folder(), report), { force: true });
    fs.rmSync(path.join(folder(), 'openai-departures-news.txt.tension.json'), { force: true });
  });

  /** The walkthrough back on top (its steps are inert while it is not the active editor). */
  const welcome = (): Promise<void> => openWalkthrough();

  it('"Show Highlights" shows the article behind the Welcome page highlighted, and ticks "See the highlights"', async () => {
    await step('See the highlights');
    await page.locator('.getting-started-step.expanded a, .getting-started-step.expanded .monaco-button', { hasText: 'Show Highlights' }).first().click();
    await page.locator('.part.editor .tab.active', { hasText: 'openai-departures-news.txt' }).waitFor({ timeout: 15_000 });
    await waitForEditorText('科研圣地');
    await welcome();
    await eventually(async () => assert.equal(await page.locator('.getting-started-step[aria-checked="true"]', { hasText: 'See the highlights' }).count(), 1), { timeout: 15_000 });
  });

  it('"Annotate Selection" with the Welcome page active selects a sentence of the article and asks for its tags', async () => {
    await welcome();
    await step('Annotate a selection');
    await page.locator('.getting-started-step.expanded a, .getting-started-step.expanded .monaco-button', { hasText: 'Annotate Selection' }).first().click();
    await page.locator('.quick-input-widget', { hasText: /Tags for/ }).waitFor({ state: 'visible', timeout: 15_000 });
    await page.keyboard.press('Escape');
  });

  it('"Export HTML Report" exports the article beside it, not the whole workspace', async () => {
    await welcome();
    await step('Export a report');
    await page.locator('.getting-started-step.expanded a, .getting-started-step.expanded .monaco-button', { hasText: 'Export HTML Report' }).first().click();
    // The save dialog (the web workbench's own) proposes the article's report, beside it.
    const input = page.locator(QUICK_INPUT);
    await input.waitFor({ state: 'visible', timeout: 15_000 });
    await eventually(async () => assert.match(await input.inputValue(), new RegExp(`${report.replace(/\./g, '\\.')}$`)));
    await page.keyboard.press('Enter');
    await notification(page, new RegExp(`Exported .* to ${report.replace(/\./g, '\\.')}`)).waitFor({ timeout: 30_000 });
    assert.doesNotMatch(await notification(page, /Exported/).innerText(), /articles/, 'one article, not the workspace');
    assert.ok(fs.existsSync(path.join(folder(), report)));
  });
});
