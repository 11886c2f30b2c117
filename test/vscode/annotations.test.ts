// Annotations in a real extension host: the sidecar beside the article, reopening, live edits, orphans, renames,
// malformed sidecars, and "Annotate this term".
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TensionLensApi } from '../../src/extension/extension';
import { annotationDrawn, api } from './support/extensionApi';
import { exists, fixtureFolder, scratchFolder, waitFor } from './support/workspace';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

async function readJson(uri: vscode.Uri): Promise<Record<string, unknown>> {
  return JSON.parse(decoder.decode(await vscode.workspace.fs.readFile(uri))) as Record<string, unknown>;
}

interface SidecarJson {
  version: number;
  document: { path: string; sha256: string; length: number };
  tags: { id: string; label: string; color: string }[];
  annotations: { id: string; tags: string[]; note: string; target: { selector: { type: string; exact?: string; start?: number; end?: number }[] } }[];
}

/** A fresh copy of the seed article under a unique name, opened in an editor. */
async function articleCopy(name: string): Promise<{ uri: vscode.Uri; sidecar: vscode.Uri; editor: vscode.TextEditor }> {
  const folder = fixtureFolder().uri;
  const uri = vscode.Uri.joinPath(folder, 'tmp', `${name}.md`);
  await vscode.workspace.fs.writeFile(uri, await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, 'ai-lab-expert-departure.md')));
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  return { uri, sidecar: uri.with({ path: `${uri.path}.tension.json` }), editor };
}

describe('annotations', () => {
  let tl: TensionLensApi;

  before(async () => {
    tl = await api();
  });

  scratchFolder('tmp');

  it('annotating a selection writes the sidecar beside the article in the documented format', async () => {
    const { sidecar, editor } = await articleCopy('format');
    const text = editor.document.getText();
    const start = text.indexOf('闭源商用路径');
    const id = await tl.annotate({ uri: editor.document.uri.toString(), start, end: start + 6, tags: ['争议焦点', '机构立场'], note: '第一行\n第二行' });
    assert.ok(id);
    await waitFor(() => annotationDrawn(tl, editor.document.uri, start, start + 6), 'the annotation to be drawn');
    const raw = decoder.decode(await vscode.workspace.fs.readFile(sidecar));
    assert.ok(raw.endsWith('}\n'), 'final newline');
    assert.match(raw, /^\{\n {2}"version": 1,\n {2}"document": \{/, '2-space indent, version then document');
    const json = JSON.parse(raw) as SidecarJson;
    assert.equal(json.document.length, text.length);
    assert.match(json.document.sha256, /^[0-9a-f]{64}$/);
    assert.deepEqual(json.tags.map((t) => t.label), ['争议焦点', '机构立场']);
    const [annotation] = json.annotations;
    assert.equal(annotation?.id, id);
    assert.equal(annotation?.note, '第一行\n第二行');
    assert.deepEqual(annotation?.tags, json.tags.map((t) => t.id));
    const quote = annotation?.target.selector.find((s) => s.type === 'TextQuoteSelector');
    const position = annotation?.target.selector.find((s) => s.type === 'TextPositionSelector');
    assert.equal(quote?.exact, '闭源商用路径');
    assert.deepEqual([position?.start, position?.end], [start, start + 6]);
    const byTag = tl.getAnnotationTree();
    assert.deepEqual(byTag.map((g) => (g.kind === 'group' ? g.tag?.label : '')), ['争议焦点', '机构立场']);
  });

  it('reopening restores annotations; an edit before one moves it; deleting its text orphans it (never drops it)', async () => {
    const { uri, sidecar, editor } = await articleCopy('live');
    const text = editor.document.getText();
    const start = text.indexOf('一事一批');
    const id = await tl.annotate({ uri: uri.toString(), start, end: start + 4, tags: ['收紧'], note: '' });
    assert.ok(id);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');

    const reopened = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const loaded = await tl.loadAnnotations(reopened.document);
    assert.equal(loaded.set?.get(id)?.state, 'exact');

    await reopened.edit((b) => b.insert(new vscode.Position(0, 0), '新增一行开头。\n'));
    const moved = tl.loadAnnotations(reopened.document).then((a) => a.set?.get(id)?.annotation.target.position.start);
    assert.equal(await moved, start + 8);
    await reopened.document.save();
    // The sidecar is rewritten when the article is saved (its offsets are offsets into the saved text).
    // VS Code's rename-with-overwrite deletes the target first, so a read can fall between the two steps.
    const positionInFile = async () => ((await readJson(sidecar).catch(() => ({ annotations: [] }))) as unknown as SidecarJson).annotations[0]?.target.selector.find((s) => s.type === 'TextPositionSelector')?.start;
    for (let i = 0; i < 100 && (await positionInFile()) !== start + 8; i++) await new Promise((r) => setTimeout(r, 50));
    assert.equal(await positionInFile(), start + 8, 'the sidecar follows the saved article');

    const from = reopened.document.positionAt(start + 8 - 2);
    await reopened.edit((b) => b.delete(new vscode.Range(from, reopened.document.positionAt(start + 8 + 6))));
    const after = await tl.loadAnnotations(reopened.document);
    assert.equal(after.set?.get(id)?.state, 'orphaned');
    assert.equal(after.set?.anchors.length, 1, 'the orphan is kept');
    const groups = tl.getAnnotationTree();
    assert.ok(groups.some((g) => g.kind === 'group' && g.group === 'orphaned' && g.anchors.length === 1));
    // Leave no unsaved document behind: a dirty editor outlives its deleted file, and later suites would see it.
    await vscode.window.showTextDocument(reopened.document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('renaming the article moves its sidecar with it', async () => {
    const { uri, sidecar, editor } = await articleCopy('rename');
    const start = editor.document.getText().indexOf('开源');
    assert.ok(await tl.annotate({ uri: uri.toString(), start, end: start + 2, tags: ['x'], note: '' }));
    assert.ok(await exists(sidecar));
    const renamed = vscode.Uri.joinPath(uri, '..', 'renamed-article.md');
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(uri, renamed);
    assert.ok(await vscode.workspace.applyEdit(edit));
    const moved = renamed.with({ path: `${renamed.path}.tension.json` });
    for (let i = 0; i < 100 && !(await exists(moved)); i++) await new Promise((r) => setTimeout(r, 50));
    assert.ok(await exists(moved), 'the sidecar moved');
    assert.equal(await exists(sidecar), false);
  });

  it('a malformed sidecar is reported, annotating is refused, and its bytes stay unchanged', async () => {
    const folder = fixtureFolder().uri;
    const uri = vscode.Uri.joinPath(folder, 'tmp', 'malformed.md');
    const sidecar = uri.with({ path: `${uri.path}.tension.json` });
    await vscode.workspace.fs.writeFile(uri, encoder.encode('开源与闭源之争。\n'));
    const bad = encoder.encode('{\n  "version": 1,\n  "annotations": [ oops ]\n}\n');
    await vscode.workspace.fs.writeFile(sidecar, bad);
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const loaded = await tl.loadAnnotations(editor.document);
    assert.equal(loaded.set, undefined);
    assert.match(loaded.problem ?? '', /malformed\.md\.tension\.json:3:/);
    const id = await tl.annotate({ uri: uri.toString(), start: 0, end: 2, tags: ['x'], note: '' });
    assert.equal(id, undefined, 'annotating is refused');
    assert.equal(decoder.decode(await vscode.workspace.fs.readFile(sidecar)), decoder.decode(bad), 'the file is untouched');
  });

  it('“Annotate this term” tags a highlight with its pole in one step; undo takes it back', async () => {
    const { uri, sidecar, editor } = await articleCopy('term');
    const analysis = await tl.whenAnalyzed(editor.document);
    const hit = analysis?.hits.find((h) => h.text === '闭源商用');
    assert.ok(hit);
    const id = await vscode.commands.executeCommand<string>('tensionLens.annotateTerm', uri.toString(), hit.start, hit.end);
    assert.ok(id);
    const json = (await readJson(sidecar)) as unknown as SidecarJson;
    assert.deepEqual(json.tags.map((t) => [t.id, t.label]), [['pole-closed', '封闭']]);
    assert.deepEqual(json.annotations[0]?.tags, ['pole-closed']);

    await vscode.commands.executeCommand('tensionLens.undoAnnotationChange', uri.toString());
    const after = (await readJson(sidecar)) as unknown as SidecarJson;
    assert.equal(after.annotations.length, 0);
  });
});
