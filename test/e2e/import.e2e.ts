// Importing a saved web page from the Explorer's context menu, in the real workbench: the new Markdown article
// opens beside the page, with the article's text (not the page's menus and comments) and its terms highlighted.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { runCommand, runContextMenuEntry } from './screen';
import { editorLines, eventually, openViewContainer, openWorkbench, screenshot, waitForEditorText, wordDecorations } from './workbench';

const PAGE = 'import-e2e-news.html';
const ARTICLE = 'import-e2e-news.md';

describe('e2e: import a web page from the Explorer', () => {
  let page: Page;
  let folder: string;

  before(async () => {
    const f = process.env['VSCODE_E2E_FOLDER'];
    if (!f) throw new Error('VSCODE_E2E_FOLDER is not set: run with `npm run test:e2e`');
    folder = f;
    // The GBK news page of the unit tests (scripts/makeImportFixtures.mjs): Open Graph tags, menus, an ad, comments.
    fs.copyFileSync(path.resolve(__dirname, '../fixtures/import/news-gbk.html'), path.join(folder, PAGE));
    page = await openWorkbench();
  });

  after(async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+1');
    for (const name of [PAGE, ARTICLE]) fs.rmSync(path.join(folder, name), { force: true });
  });

  it('Import Articles… on the page writes the article beside it and opens it, highlighted', async () => {
    await openViewContainer('Explorer');
    const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: PAGE }).first();
    // A workbench opened by an earlier suite learns of the new file from its file watcher, which can miss it:
    // refresh the Explorer as a user would.
    await eventually(async () => {
      if (!(await row.isVisible())) await runCommand('File: Refresh Explorer');
      await row.waitFor({ timeout: 5_000 });
    }, { timeout: 40_000 });
    await runContextMenuEntry(() => row.click({ button: 'right' }), 'Import Articles…');
    await page.locator('.part.editor .tab.active', { hasText: ARTICLE }).waitFor({ timeout: 30_000 });
    await waitForEditorText('一家成立五年的人工智能实验室');
    // What the user reads: the front matter, the title, the text; nothing of the menus or the comments.
    const shown = (await editorLines().allInnerTexts()).join('\n').replace(/\u00a0/g, ' ');
    assert.match(shown, /title: "开源还是闭源：一家实验室的抉择"/);
    assert.match(shown, /date: "2024-05-01T08:30:00\+08:00"/);
    assert.doesNotMatch(shown, /网友评论|广告|首页/);
    // On disk, the same article (the web workbench's editor shows only the lines in view).
    const written = fs.readFileSync(path.join(folder, ARTICLE), 'utf8');
    assert.match(written, /^---\ntitle: "开源还是闭源：一家实验室的抉择"\nsource: "晨光网"\n/);
    // And the extension highlights the imported article's terms, as drawn in the editor.
    // 闭源's first occurrence is in the front matter (never scanned); the second is the title heading's.
    await eventually(async () => assert.ok((await wordDecorations('闭源', { occurrence: 1 }))?.parts.some((p) => p.decorations.length > 0), 'a highlight on 闭源'));
    assert.ok((await wordDecorations('闭源'))?.parts.every((p) => p.decorations.length === 0), 'no highlight in the front matter');
    await eventually(async () => assert.ok((await wordDecorations('商业化'))?.parts.some((p) => p.decorations.length > 0), 'a highlight on 商业化'));
    await screenshot('import-web-page');
  });
});
