// Annotations that survive real editing, in a real extension host: outside changes (which VS Code applies as
// whole-line replacements), cut and undo, edits during a load, closing a dirty article, the tag codebook, folder
// renames in folder mode, and a storage-location switch. Each asserts the ranges handed to `setDecorations`.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TensionLensApi } from '../../src/extension/extension';
import { api, hoverText } from './support/extensionApi';
import { fixtureFolder, waitFor } from './support/workspace';

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const LINE = 2; // the abstract: one 729-character paragraph on one line
const QUOTES = ['开源模型优化项目', '闭源商用路径', '算力资源配置'];

interface SidecarJson {
  document: { path: string; sha256: string; length: number };
  tags: { id: string; label: string }[];
  annotations: { id: string; tags: string[]; target: { selector: { type: string; exact?: string; start?: number }[] } }[];
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  return vscode.workspace.fs.stat(uri).then(() => true, () => false);
}

async function readSidecar(uri: vscode.Uri): Promise<SidecarJson | undefined> {
  try {
    return JSON.parse(decoder.decode(await vscode.workspace.fs.readFile(uri))) as SidecarJson;
  } catch {
    return undefined;
  }
}

async function eventually(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function tmp(...parts: string[]): vscode.Uri {
  return vscode.Uri.joinPath(fixtureFolder().uri, 'tmp-editing', ...parts);
}

async function seedText(): Promise<string> {
  return decoder.decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(fixtureFolder().uri, 'ai-lab-expert-departure.md')));
}

/** A fresh copy of the seed article, opened, with the three line-3 quotes annotated. */
async function annotatedCopy(tl: TensionLensApi, path: string[]): Promise<{ uri: vscode.Uri; editor: vscode.TextEditor; ids: string[] }> {
  const uri = tmp(...path);
  await vscode.workspace.fs.writeFile(uri, encoder.encode(await seedText()));
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  const ids: string[] = [];
  const lineStart = editor.document.offsetAt(new vscode.Position(LINE, 0));
  for (const quote of QUOTES) {
    const start = editor.document.getText().indexOf(quote, lineStart);
    const id = await tl.annotate({ uri: uri.toString(), start, end: start + quote.length, tags: ['x'], note: '' });
    assert.ok(id);
    ids.push(id);
  }
  return { uri, editor, ids };
}

/**
 * For each quote, the quote when an annotation is drawn on that text (what reached setDecorations on a live
 * annotation type), else undefined.
 */
function drawnQuotes(tl: TensionLensApi, document: vscode.TextDocument, quotes: readonly string[]): (string | undefined)[] {
  const drawn = new Set<string>();
  for (const [type, ranges] of Object.entries(tl.getDecorations(document.uri))) {
    if (!type.startsWith('annotation:')) continue;
    for (const r of ranges) drawn.add(document.getText(new vscode.Range(document.positionAt(r.start), document.positionAt(r.end))));
  }
  return quotes.map((quote) => (drawn.has(quote) ? quote : undefined));
}

function orphanedInTree(tl: TensionLensApi): number {
  return tl.getAnnotationTree().filter((g) => g.kind === 'group' && g.group === 'orphaned').reduce((n, g) => n + (g.kind === 'group' ? g.anchors.length : 0), 0);
}

async function setLocation(value: 'beside' | 'folder' | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('tensionLens').update('sidecar.location', value, vscode.ConfigurationTarget.Workspace);
}

describe('annotations that survive real editing', () => {
  let tl: TensionLensApi;

  before(async () => {
    tl = await api();
    await vscode.workspace.fs.createDirectory(tmp());
  });

  after(async () => {
    await setLocation(undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(tmp(), { recursive: true }).then(undefined, () => undefined);
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(fixtureFolder().uri, '.tension'), { recursive: true }).then(undefined, () => undefined);
  });

  it('an outside change to the paragraph keeps its annotations drawn on their text and rewrites the sidecar', async () => {
    const { uri, editor } = await annotatedCopy(tl, ['outside.md']);
    const document = editor.document;
    const line = document.lineAt(LINE).text;
    const lines = document.getText().split('\n');
    // Another program appends a sentence to the paragraph, then changes its first word.
    for (const changed of [`${line}外部程序追加了一句。`, `最近${line.slice(2)}外部程序追加了一句。`]) {
      lines[LINE] = changed;
      const text = lines.join('\n');
      await vscode.workspace.fs.writeFile(uri, encoder.encode(text));
      await waitFor(() => document.getText() === text, 'VS Code to apply the outside change');
      await waitFor(() => drawnQuotes(tl, document, QUOTES).every((q, i) => q === QUOTES[i]), `the annotations to be drawn on ${QUOTES.join(', ')}`);
      assert.equal(orphanedInTree(tl), 0, 'nothing is listed as orphaned');
      const sidecar = uri.with({ path: `${uri.path}.tension.json` });
      await eventually(async () => (await readSidecar(sidecar))?.document.length === text.length, 'the sidecar to describe the changed article');
    }
    // A reload after that finds every annotation exactly where it was: nothing waits for review.
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('cut then undo, and replace then undo, restore the anchor', async () => {
    const { editor } = await annotatedCopy(tl, ['cut.md']);
    const document = editor.document;
    const line = document.lineAt(LINE).rangeIncludingLineBreak;
    assert.ok(await editor.edit((b) => b.delete(line)));
    await waitFor(() => drawnQuotes(tl, document, QUOTES).every((q) => q === undefined), 'the cut annotations to disappear');
    await vscode.commands.executeCommand('undo');
    await waitFor(() => document.lineAt(LINE).text.includes(QUOTES[0] ?? ''), 'undo to restore the line');
    await waitFor(() => drawnQuotes(tl, document, QUOTES).every((q, i) => q === QUOTES[i]), 'the annotations to be drawn again after undo');
    assert.equal(orphanedInTree(tl), 0);

    const start = document.getText().indexOf(QUOTES[1] ?? '', document.offsetAt(line.start));
    assert.ok(await editor.edit((b) => b.replace(new vscode.Range(document.positionAt(start), document.positionAt(start + 6)), '别的文字别的字')));
    await waitFor(() => drawnQuotes(tl, document, QUOTES)[1] === undefined, 'the replaced annotation to be orphaned');
    await vscode.commands.executeCommand('undo');
    await waitFor(() => drawnQuotes(tl, document, QUOTES).every((q, i) => q === QUOTES[i]), 'the annotation to be drawn again after undo');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('edits typed while the annotations load are replayed, not dropped', async () => {
    const { uri: source, editor: first } = await annotatedCopy(tl, ['load-source.md']);
    const sidecar = await vscode.workspace.fs.readFile(source.with({ path: `${source.path}.tension.json` }));
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    void first;
    let overlapped = 0;
    for (let trial = 0; trial < 6; trial++) {
      const uri = tmp(`load-${trial}.md`);
      await vscode.workspace.fs.writeFile(uri, encoder.encode(await seedText()));
      await vscode.workspace.fs.writeFile(uri.with({ path: `${uri.path}.tension.json` }), sidecar);
      const document = await vscode.workspace.openTextDocument(uri);
      const editor = await vscode.window.showTextDocument(document);
      let editSeen = false;
      let loadedFirst = false;
      const listener = vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === document) editSeen = true;
      });
      // The edit is sent first and the load starts while it is on its way, so its change event arrives mid-load.
      const editing = editor.edit((b) => b.insert(new vscode.Position(0, 0), '插入一行。\n'));
      const loading = tl.loadAnnotations(document).then((loaded) => {
        loadedFirst = !editSeen;
        return loaded;
      });
      await Promise.all([editing, loading]);
      listener.dispose();
      if (!loadedFirst) overlapped++;
      await waitFor(() => drawnQuotes(tl, document, QUOTES).every((q, i) => q === QUOTES[i]), `trial ${trial}: the annotations to be drawn on their text`);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
    assert.ok(overlapped > 0, 'no edit arrived during a load: the test did not exercise the case');
  });

  it('closing a dirty article keeps the annotations made since its last save, anchored to the saved text', async () => {
    const { uri, editor } = await annotatedCopy(tl, ['dirty.md']);
    const document = editor.document;
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(0, 0), '未保存的一行。\n')));
    const start = document.getText().indexOf('短期技术落地指标');
    const late = await tl.annotate({ uri: uri.toString(), start, end: start + 8, tags: ['y'], note: '' });
    assert.ok(late);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    const sidecar = uri.with({ path: `${uri.path}.tension.json` });
    const saved = await seedText();
    await eventually(async () => {
      const json = await readSidecar(sidecar);
      return json?.document.length === saved.length && json.annotations.length === 4;
    }, 'the sidecar to hold all four annotations for the saved text');
    const reopened = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await tl.loadAnnotations(reopened.document);
    await waitFor(() => drawnQuotes(tl, reopened.document, [...QUOTES, '短期技术落地指标']).every((q, i) => q === [...QUOTES, '短期技术落地指标'][i]), 'all four annotations drawn after reopening');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('annotating with a built-in pole label uses the pole tag; duplicate labels in a sidecar are merged on load', async () => {
    const { uri, editor } = await annotatedCopy(tl, ['tags.md']);
    const text = editor.document.getText();
    const start = text.indexOf('开放协作');
    const id = await tl.annotate({ uri: uri.toString(), start, end: start + 4, tags: ['开放'], note: '' });
    assert.ok(id);
    const sidecar = uri.with({ path: `${uri.path}.tension.json` });
    const json = await readSidecar(sidecar);
    assert.deepEqual(json?.tags.filter((t) => t.label === '开放').map((t) => t.id), ['pole-open']);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');

    // A sidecar written by an older version: a second tag labelled 开放 beside pole-open.
    const dup = tmp('dup.md');
    await vscode.workspace.fs.writeFile(dup, encoder.encode(text));
    const raw = JSON.parse(decoder.decode(await vscode.workspace.fs.readFile(sidecar))) as SidecarJson;
    raw.tags.push({ id: 'legacy-open', label: '开放' });
    const [first] = raw.annotations;
    assert.ok(first);
    first.tags = ['legacy-open'];
    await vscode.workspace.fs.writeFile(dup.with({ path: `${dup.path}.tension.json` }), encoder.encode(JSON.stringify(raw)));
    const opened = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(dup));
    const loaded = await tl.loadAnnotations(opened.document);
    assert.deepEqual(loaded.set?.tags.filter((t) => t.label === '开放').map((t) => t.id), ['pole-open']);
    assert.equal(loaded.set?.anchors.length, raw.annotations.length, 'no annotation lost');
    assert.ok(loaded.set?.get(first.id)?.annotation.tags.includes('pole-open'));
    const groups = tl.getAnnotationTree().filter((g) => g.kind === 'group' && g.group === 'tag' && g.tag?.label === '开放');
    assert.equal(groups.length, 1, 'one 开放 group in the Annotations view');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('renaming a file updates the sidecar’s document.path', async () => {
    const { uri } = await annotatedCopy(tl, ['before-rename.md']);
    const renamed = tmp('after-rename.md');
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(uri, renamed);
    assert.ok(await vscode.workspace.applyEdit(edit));
    const sidecar = renamed.with({ path: `${renamed.path}.tension.json` });
    await eventually(async () => (await readSidecar(sidecar))?.document.path === 'tmp-editing/after-rename.md', 'document.path to follow the rename');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('in folder mode, renaming a folder moves its mirror under .tension/ and the article keeps its annotations', async () => {
    await setLocation('folder');
    try {
      await vscode.workspace.fs.createDirectory(tmp('corpus'));
      const { uri } = await annotatedCopy(tl, ['corpus', 'a.md']);
      const root = fixtureFolder().uri;
      const mirror = vscode.Uri.joinPath(root, '.tension', 'tmp-editing', 'corpus', 'a.md.tension.json');
      assert.ok(await exists(mirror), 'the sidecar is in the .tension mirror');
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      const edit = new vscode.WorkspaceEdit();
      edit.renameFile(tmp('corpus'), tmp('corpus2'));
      assert.ok(await vscode.workspace.applyEdit(edit));
      const moved = vscode.Uri.joinPath(root, '.tension', 'tmp-editing', 'corpus2', 'a.md.tension.json');
      await eventually(() => exists(moved), 'the mirror to follow the folder');
      assert.equal(await exists(mirror), false);
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(tmp('corpus2', 'a.md')));
      await tl.loadAnnotations(editor.document);
      await waitFor(() => drawnQuotes(tl, editor.document, QUOTES).every((q, i) => q === QUOTES[i]), 'the annotations drawn after the folder rename');
      void uri;
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await setLocation(undefined);
    }
  });

  it('switching the storage location keeps every annotation readable and moves the sidecars on request', async () => {
    const { uri } = await annotatedCopy(tl, ['switch.md']);
    const beside = uri.with({ path: `${uri.path}.tension.json` });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await setLocation('folder');
    try {
      // Before moving: the sidecar beside the article is still read.
      let editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      await waitFor(() => drawnQuotes(tl, editor.document, QUOTES).every((q, i) => q === QUOTES[i]), 'the annotations read from the old place');
      const summary = await vscode.commands.executeCommand<{ moved: number; skipped: number }>('tensionLens.moveSidecars');
      assert.ok(summary && summary.moved >= 1 && summary.skipped === 0, JSON.stringify(summary));
      const mirror = vscode.Uri.joinPath(fixtureFolder().uri, '.tension', 'tmp-editing', 'switch.md.tension.json');
      assert.ok(await exists(mirror), 'moved into .tension/');
      assert.equal(await exists(beside), false, 'nothing left beside');
      // The open article writes to the new place.
      const start = editor.document.getText().indexOf('论文发表政策');
      assert.ok(await tl.annotate({ uri: uri.toString(), start, end: start + 6, tags: ['x'], note: '' }));
      assert.equal((await readSidecar(mirror))?.annotations.length, 4);
      assert.equal(await exists(beside), false);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      await waitFor(() => drawnQuotes(tl, editor.document, QUOTES).every((q, i) => q === QUOTES[i]), 'the annotations read from the new place');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await setLocation(undefined);
    }
  });

  it('New Tag with a non-article active creates no stray sidecar', async () => {
    const json = tmp('data.json');
    await vscode.workspace.fs.writeFile(json, encoder.encode('{"a": 1}\n'));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(json));
    await vscode.commands.executeCommand('tensionLens.createTag', '新标签');
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(await exists(json.with({ path: `${json.path}.tension.json` })), false);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('the hover gives a longer matched form the pinyin of its term’s own form, never as its own', async () => {
    const uri = tmp('hover.md');
    await vscode.workspace.fs.writeFile(uri, encoder.encode('面对外部竞争，实验室坚持开放协作。\n'));
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await tl.whenAnalyzed(editor.document);
    const at = editor.document.positionAt(editor.document.getText().indexOf('外部竞争') + 1);
    const text = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, at));
    assert.match(text, /\*\*外部竞争\*\*/);
    assert.doesNotMatch(text, /\*\*外部竞争\*\* `jìng zhēng`/, 'the pinyin of 竞争 shown as if it were 外部竞争’s');
    assert.match(text, /竞争 `jìng zhēng`/, 'the pinyin names the form it belongs to');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('the Annotations view names its article and its rows announce label and count, not the tooltip', async () => {
    const { uri, ids } = await annotatedCopy(tl, ['a11y.md']);
    await waitFor(() => tl.getAnnotationViewDescription() === 'tmp-editing/a11y.md', 'the view to name the article');
    const [group] = tl.getAnnotationTree();
    assert.ok(group && group.kind === 'group');
    assert.equal(tl.getAnnotationTreeItem(group).accessibilityInformation?.label, `x: ${ids.length} annotations`);
    const [row] = tl.getAnnotationTree(group);
    assert.ok(row);
    assert.match(tl.getAnnotationTreeItem(row).accessibilityInformation?.label ?? '', /^Annotation on “开源模型优化项目”, exact$/);
    // A JSON file becomes active: the view keeps the article and still names it.
    const json = tmp('other.json');
    await vscode.workspace.fs.writeFile(json, encoder.encode('{}\n'));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(json));
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(tl.getAnnotationViewDescription(), 'tmp-editing/a11y.md');
    assert.equal(tl.getAnnotationTree().length > 0, true);
    void uri;
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
