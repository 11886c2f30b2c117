// Document variables in a real extension host: the hover's article line shows the article's variables, from its
// front matter and from tension-variables.csv (which overrides it), and follows an edit of the table.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, hoverText } from './support/extensionApi';
import { fixtureFolder, openFixture } from './support/workspace';

const ARTICLE = 'variables-hover.md';

async function hoverAt(editor: vscode.TextEditor, word: string): Promise<string> {
  const at = editor.document.positionAt(editor.document.getText().indexOf(word) + 1);
  return hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, at));
}

async function eventually(check: () => Promise<void>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (e) {
      if (Date.now() > deadline) throw e;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

describe('document variables: the hover\'s article line', () => {
  const folder = (): vscode.Uri => fixtureFolder().uri;
  const table = (): vscode.Uri => vscode.Uri.joinPath(folder(), 'tension-variables.csv');
  const write = (uri: vscode.Uri, text: string): Thenable<void> => vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));

  before(async () => {
    await write(vscode.Uri.joinPath(folder(), ARTICLE), '---\nsource: 新华社\ndate: 2024年5月1日\nregion: 未知\n---\n\n实验室坚持开源，也走向闭源。\n');
    await write(table(), `\uFEFFpath,region\r\n${ARTICLE},大陆\r\n`);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const uri of [table(), vscode.Uri.joinPath(folder(), ARTICLE)]) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  });

  it('shows front matter (dates as ISO) and the table\'s value over the front matter\'s', async () => {
    const tl = await api();
    const editor = await openFixture(ARTICLE);
    await tl.whenAnalyzed(editor.document);
    // The table was just written: an earlier suite may have found none, and the watcher reports its creation a little
    // later (a lookup until then finds the table as it was).
    await eventually(async () => {
      const text = await hoverAt(editor, '开源');
      assert.match(text, /source: 新华社/);
      assert.match(text, /date: 2024\\?-05\\?-01/);
      assert.match(text, /region: 大陆/);
      assert.doesNotMatch(text, /未知/);
    });
  });

  it('Refresh reads tension-variables.csv again at once, without waiting for the watcher', async () => {
    const editor = await openFixture(ARTICLE);
    for (const region of ['台湾', '澳门']) {
      await write(table(), `path,region\n${ARTICLE},${region}\n`);
      await vscode.commands.executeCommand('tensionLens.refresh');
      assert.match(await hoverAt(editor, '闭源'), new RegExp(`region: ${region}`), `the hover shows ${region} once Refresh is done`);
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  });

  it('follows an edit of tension-variables.csv', async () => {
    const editor = await openFixture(ARTICLE);
    await write(table(), `path,region\n${ARTICLE},香港\n`);
    await eventually(async () => assert.match(await hoverAt(editor, '闭源'), /region: 香港/));
  });
});
