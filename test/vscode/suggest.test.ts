import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TensionLensApi } from '../../src/extension/extension';
import { api } from './support/extensionApi';
import { fixtureFolder, waitFor } from './support/workspace';

const ARTICLE = 'suggest-article.md';
const TEXT = '# 竞争格局\n\n这场开放与壁垒之争仍在继续。\n\n从封闭到互通，行业走了十年。\n';

describe('Suggest Terms: accept and reject round-trip through .vscode/tension-lexicon.json', () => {
  let tl: TensionLensApi;
  let editor: vscode.TextEditor;
  const lexiconUri = () => vscode.Uri.joinPath(fixtureFolder().uri, '.vscode', 'tension-lexicon.json');
  const articleUri = () => vscode.Uri.joinPath(fixtureFolder().uri, ARTICLE);
  const readLexicon = async (): Promise<string> => new TextDecoder().decode(await vscode.workspace.fs.readFile(lexiconUri()));
  const texts = async (): Promise<string[]> => (await tl.suggestTerms()).map((s) => s.text);

  before(async () => {
    tl = await api();
    await vscode.workspace.fs.delete(lexiconUri()).then(undefined, () => undefined);
    await vscode.workspace.fs.writeFile(articleUri(), new TextEncoder().encode(TEXT));
    editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(articleUri()));
    await tl.whenAnalyzed(editor.document);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(articleUri()).then(undefined, () => undefined);
    await vscode.workspace.fs.delete(lexiconUri()).then(undefined, () => undefined);
    await vscode.commands.executeCommand('tensionLens.refresh');
    await tl.lexiconReady();
  });

  it('suggests the unknown side of a contrast frame on the opposite pole, and not before accepting is it drawn', async () => {
    const found = await tl.suggestTerms();
    const wall = found.find((s) => s.text === '壁垒');
    assert.deepEqual(wall && { axis: wall.axis, pole: wall.pole }, { axis: 'open-closed', pole: 'closed' });
    assert.equal(wall?.examples[0]?.path, articleUri().toString());
    assert.equal(wall?.examples[0]?.line, 2);
    const at = TEXT.indexOf('壁垒');
    assert.equal((tl.getDecorations(editor.document.uri).closed ?? []).some((r) => r.start === at), false);
  });

  it('accept writes a schema-valid term to the file and the editor is told to draw it at once', async () => {
    const wall = (await tl.suggestTerms()).find((s) => s.text === '壁垒');
    assert.ok(wall);
    assert.equal(await tl.acceptTerm({ forms: wall.forms, axis: wall.axis, pole: wall.pole }), true);
    const written = JSON.parse(await readLexicon()) as { version: number; axes: { id: string; poles: { id: string; terms: { forms: string[] }[] }[] }[] };
    assert.equal(written.version, 1);
    assert.deepEqual(written.axes.map((a) => [a.id, a.poles.map((p) => [p.id, p.terms.flatMap((t) => t.forms)])]), [['open-closed', [['open', []], ['closed', ['壁垒']]]]]);
    const at = TEXT.indexOf('壁垒');
    await waitFor(() => (tl.getDecorations(editor.document.uri).closed ?? []).some((r) => r.start === at && r.end === at + 2), 'the accepted term drawn in the closed pole');
    assert.equal((await texts()).includes('壁垒'), false, 'an accepted term is known, so no longer suggested');
  });

  it('reject is remembered in the same file and the form is never suggested again', async () => {
    assert.ok((await texts()).includes('互通'));
    assert.equal(await tl.rejectTerms(['互通']), true);
    const written = JSON.parse(await readLexicon()) as { rejected?: string[]; axes: unknown[] };
    assert.deepEqual(written.rejected, ['互通']);
    assert.equal(written.axes.length, 1, 'the accepted term is still there');
    assert.equal((await texts()).includes('互通'), false);
    assert.equal(vscode.languages.getDiagnostics(lexiconUri()).length, 0, 'the file stays valid');
  });

  it('a malformed lexicon file is never overwritten', async () => {
    const broken = '{ "version": 1, "axes": [ { "id": "open-closed", "poles": "oops" } ] }\n';
    await vscode.workspace.fs.writeFile(lexiconUri(), new TextEncoder().encode(broken));
    assert.equal(await tl.rejectTerms(['竞争格局']), false);
    assert.equal(await readLexicon(), broken);
    assert.equal(await tl.acceptTerm({ forms: ['互通'], axis: 'open-closed', pole: 'open' }), false);
    assert.equal(await readLexicon(), broken);
  });
});
