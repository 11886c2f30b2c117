// Export Selected Articles from the Explorer of the real web workbench: two articles selected with a click and a
// Ctrl+click, the command taken from the context menu, a full report as JSON saved where the dialog proposes; the
// file on disk holds those two articles and not the third of the folder.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { eventually, openViewContainer, openWorkbench, screenshot, workbench } from './workbench';
import { expectNotification, pick, runCommand, runContextMenuEntry } from './screen';

const SELECTED = ['ai-lab-expert-departure.md', 'openai-departures-news.txt'];
const LEFT_OUT = 'ai-lab-expert-departure.zh-Hant.md';
const QUICK_INPUT = '.quick-input-widget input';

describe('Export Selected Articles', () => {
  const folder = process.env['VSCODE_E2E_FOLDER'] ?? '';
  const report = (): string => path.join(folder, `${path.basename(folder)}.report.json`);

  before(async () => {
    assert.ok(folder, 'VSCODE_E2E_FOLDER is set by scripts/vscode/runE2E.mjs');
    await openWorkbench();
    fs.rmSync(report(), { force: true });
  });

  after(async () => {
    await workbench().keyboard.press('Escape');
    fs.rmSync(report(), { force: true });
  });

  it('from the Explorer\'s context menu on two selected articles: the report holds those two only', async () => {
    // Here, not only before the suite: a second try must not meet the first try's report (an overwrite question).
    fs.rmSync(report(), { force: true });
    const page = workbench();
    await openViewContainer('Explorer');
    const row = (name: string) => page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first();
    await eventually(async () => {
      if (!(await row(SELECTED[1] ?? '').isVisible())) await runCommand('File: Refresh Explorer');
      await row(SELECTED[1] ?? '').waitFor({ timeout: 5_000 });
    }, { timeout: 40_000 });
    await runContextMenuEntry(async () => {
      await row(SELECTED[0] ?? '').click();
      await row(SELECTED[1] ?? '').click({ modifiers: ['Control'] });
      await eventually(async () => assert.equal(await page.locator('.explorer-folders-view .monaco-list-row.selected').count(), 2), { timeout: 3_000 });
      await row(SELECTED[1] ?? '').click({ button: 'right' });
      // Seen once in CI: the menu came up over a selection of one (the export then held one article). Both rows must
      // still be selected when the entry is chosen, or the menu is opened again.
      assert.equal(await page.locator('.explorer-folders-view .monaco-list-row.selected').count(), 2, 'both articles are selected under the menu');
    }, 'Export Selected Articles…');
    await page.locator(QUICK_INPUT).waitFor({ state: 'visible', timeout: 30_000 });

    await pick('Full report', 'Full report');
    await pick('JSON', 'JSON');
    // The save dialog (the web workbench's own) proposes the workspace's report at its root.
    const input = page.locator(QUICK_INPUT);
    await eventually(async () => assert.match(await input.inputValue(), new RegExp(`${path.basename(report()).replace(/\./g, '\\.')}$`)));
    await page.keyboard.press('Enter');
    await eventually(() => Promise.resolve(assert.ok(fs.existsSync(report()), `${report()} is written`)), { timeout: 30_000 });
    await expectNotification(/Exported 2 articles/);
    await screenshot('export-selected-articles');

    const written = JSON.parse(fs.readFileSync(report(), 'utf8')) as { files: { path: string }[] };
    assert.deepEqual(written.files.map((f) => f.path).sort(), [...SELECTED].sort());
    assert.ok(!written.files.some((f) => f.path === LEFT_OUT), 'an article outside the selection was exported');
    await page.keyboard.press('Escape');
  });
});
