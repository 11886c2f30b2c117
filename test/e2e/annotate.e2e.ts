// Annotating through the real UI: select text, Ctrl+Alt+A, type a new tag in the picker, type a note — the
// sidecar appears beside the article with that tag, note and quote, and the annotation is drawn.
import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { expectNoErrorNotification, findWordBox, openFile, openWorkbench, screenshot, waitForEditorText, workbench } from './workbench';

const ARTICLE = 'openai-departures-news.txt';

interface SidecarJson {
  tags: { id: string; label: string }[];
  annotations: { tags: string[]; note: string; target: { selector: { type: string; exact?: string }[] } }[];
}

describe('annotate a selection through the UI', () => {
  const folder = process.env['VSCODE_E2E_FOLDER'] ?? '';
  const sidecar = path.join(folder, `${ARTICLE}.tension.json`);

  before(async () => {
    assert.ok(folder, 'VSCODE_E2E_FOLDER is set by scripts/vscode/runE2E.mjs');
    fs.rmSync(sidecar, { force: true });
    await openWorkbench();
  });

  after(() => fs.rmSync(sidecar, { force: true }));

  it('Ctrl+Alt+A → new tag → note writes the sidecar and draws the annotation', async () => {
    const p = workbench();
    await openFile(ARTICLE);
    await waitForEditorText('科研圣地');
    const box = await findWordBox('科研圣地');
    assert.ok(box, '科研圣地 is not on screen');
    // Select the word: click at its left edge, shift-click at its right edge.
    await p.mouse.click(box.x + 1, box.y + box.height / 2);
    await p.keyboard.down('Shift');
    await p.mouse.click(box.x + box.width - 1, box.y + box.height / 2);
    await p.keyboard.up('Shift');

    await p.keyboard.press('Control+Alt+A');
    const input = p.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill('研究取向');
    await p.locator('.quick-input-list .monaco-list-row', { hasText: '研究取向' }).first().waitFor();
    await p.keyboard.press('Enter');
    await p.locator('.quick-input-widget', { hasText: /Note|备注/ }).waitFor({ state: 'visible' });
    await input.fill('离职者的核心诉求\\n第二行');
    await p.keyboard.press('Enter');

    let json: SidecarJson | undefined;
    for (let i = 0; i < 100 && !json; i++) {
      if (fs.existsSync(sidecar)) json = JSON.parse(fs.readFileSync(sidecar, 'utf8')) as SidecarJson;
      else await p.waitForTimeout(100);
    }
    assert.ok(json, `${sidecar} was not written`);
    assert.deepEqual(json.tags.map((t) => t.label), ['研究取向']);
    const [annotation] = json.annotations;
    assert.equal(annotation?.note, '离职者的核心诉求\n第二行');
    assert.deepEqual(annotation?.tags, [json.tags[0]?.id]);
    const exact = annotation?.target.selector.find((s) => s.type === 'TextQuoteSelector')?.exact;
    assert.ok(exact?.includes('科研圣地'), `quote was ${exact ?? ''}`);
    await expectNoErrorNotification();
    await screenshot('annotation');
  });
});
