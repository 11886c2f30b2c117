// Export in a real extension host: `Tension Lens: Export…` driven by its options argument (no pickers, no save
// dialog) for the seed article with annotations, a workspace export past a malformed sidecar, and the failures
// that must leave no file behind.
import * as assert from 'node:assert/strict';
import Papa from 'papaparse';
import * as vscode from 'vscode';
import type { TensionLensApi } from '../../src/extension/extension';
import type { ExportOutcome } from '../../src/extension/export/exportCommands';
import { api } from './support/extensionApi';
import { fixtureFolder } from './support/workspace';

const encoder = new TextEncoder();
const NOTE = '第一行, "引号"\n第二行 <b>粗体</b>';


async function exists(uri: vscode.Uri): Promise<boolean> {
  return vscode.workspace.fs.stat(uri).then(() => true, () => false);
}

const read = async (uri: vscode.Uri): Promise<string> => new TextDecoder('utf-8', { ignoreBOM: true }).decode(await vscode.workspace.fs.readFile(uri));

describe('export', () => {
  let tl: TensionLensApi;
  let dir: vscode.Uri;
  let article: vscode.Uri;

  before(async () => {
    tl = await api();
    dir = vscode.Uri.joinPath(fixtureFolder().uri, 'tmp-export');
    article = vscode.Uri.joinPath(dir, 'seed.md');
    await vscode.workspace.fs.writeFile(article, await vscode.workspace.fs.readFile(vscode.Uri.joinPath(fixtureFolder().uri, 'ai-lab-expert-departure.md')));
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(article));
    const text = editor.document.getText();
    const at = (quote: string): number => text.indexOf(quote);
    assert.ok(await tl.annotate({ uri: article.toString(), start: at('闭源商用路径'), end: at('闭源商用路径') + 6, tags: ['争议焦点', '机构立场'], note: NOTE }));
    assert.ok(await tl.annotate({ uri: article.toString(), start: at('开放原则'), end: at('开放原则') + 4, tags: ['争议焦点'], note: '' }));
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(dir, { recursive: true }).then(undefined, () => undefined);
  });

  const run = (command: string, options: object): Thenable<ExportOutcome | undefined> => vscode.commands.executeCommand<ExportOutcome | undefined>(command, options);

  it('Export… with { what, scope, format, target } writes the annotations of the active article as CSV', async () => {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(article));
    const target = vscode.Uri.joinPath(dir, 'out', 'seed.annotations.csv');
    const outcome = await run('tensionLens.export', { what: 'annotations', scope: 'file', format: 'csv', target: target.toString() });
    assert.ok(outcome, 'the command reports what it wrote');
    assert.equal(outcome.target, target.toString());
    assert.equal(outcome.summary.annotations, 2);
    const raw = await read(target);
    assert.equal(raw.charCodeAt(0), 0xfeff, 'BOM for Excel');
    const rows = Papa.parse<Record<string, string>>(raw.slice(1), { header: true, skipEmptyLines: true }).data;
    assert.deepEqual(rows.map((r) => [r['text'], r['tags'], r['note']]), [['开放原则', '争议焦点', ''], ['闭源商用路径', '争议焦点; 机构立场', NOTE]]);
    assert.equal(rows[1]?.['file'], 'tmp-export/seed.md');
    assert.equal(rows[1]?.['pinyin'], 'bì yuán shāng yòng lù jìng', 'pinyin from the lazily loaded dist/pinyin.js');
  });

  it('the one-step commands write the HTML report, and W3C and REFI-QDA exports open as what they are', async () => {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(article));
    const html = vscode.Uri.joinPath(dir, 'seed.report.html');
    const outcome = await run('tensionLens.exportHtmlReport', { scope: 'file', target: html.fsPath });
    assert.ok(outcome);
    const page = await read(html);
    assert.match(page, /^<!DOCTYPE html>/);
    assert.ok(page.includes('&lt;b&gt;粗体&lt;/b&gt;'), 'the note is escaped');
    assert.ok(page.includes('<svg'), 'charts inline');

    const w3c = vscode.Uri.joinPath(dir, 'seed.report.jsonld');
    assert.ok(await run('tensionLens.export', { what: 'report', scope: 'file', format: 'w3c', target: w3c.toString() }));
    const collection = JSON.parse(await read(w3c)) as { '@context': string; type: string; first: { items: { creator?: { type: string } }[] } };
    assert.equal(collection['@context'], 'http://www.w3.org/ns/anno.jsonld');
    assert.equal(collection.first.items.filter((a) => a.creator?.type === 'Software').length, tl.getAnalysis(article)?.hits.length);

    const qdpx = vscode.Uri.joinPath(dir, 'seed.report.qdpx');
    assert.ok(await run('tensionLens.export', { what: 'report', scope: 'file', format: 'qdpx', target: qdpx.toString() }));
    const zip = await vscode.workspace.fs.readFile(qdpx);
    assert.deepEqual([...zip.subarray(0, 2)], [0x50, 0x4b], 'a zip file');
  });

  it('a workspace export skips an article with a malformed sidecar and says so', async () => {
    const broken = vscode.Uri.joinPath(dir, 'broken.md');
    await vscode.workspace.fs.writeFile(broken, encoder.encode('开源与闭源之争。\n'));
    await vscode.workspace.fs.writeFile(broken.with({ path: `${broken.path}.tension.json` }), encoder.encode('{ "version": 1, oops }\n'));
    const target = vscode.Uri.joinPath(dir, 'workspace.annotations.json');
    const outcome = await run('tensionLens.export', { what: 'annotations', scope: 'workspace', format: 'json', target: target.toString() });
    assert.ok(outcome);
    // (Other suites may leave sidecars of their own in the workspace: only ours is asserted.)
    assert.ok(outcome.skipped.some((s) => s.path === 'tmp-export/broken.md.tension.json' && /oops|JSON/i.test(s.message)), JSON.stringify(outcome.skipped));
    const json = JSON.parse(await read(target)) as { files: { path: string }[]; skipped: { path: string }[] };
    assert.ok(json.files.some((f) => f.path === 'tmp-export/seed.md'));
    assert.ok(!json.files.some((f) => f.path === 'tmp-export/broken.md'));
    assert.ok(json.skipped.some((s) => s.path === 'tmp-export/broken.md.tension.json'));
  });

  it('nothing to export, or a target that cannot be written, leaves no file', async () => {
    const bare = vscode.Uri.joinPath(dir, 'bare.md');
    await vscode.workspace.fs.writeFile(bare, encoder.encode('开源与闭源之争。\n'));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(bare));
    const nothing = vscode.Uri.joinPath(dir, 'bare.annotations.csv');
    assert.equal(await run('tensionLens.exportAnnotationsCsv', { scope: 'file', target: nothing.toString() }), undefined);
    assert.equal(await exists(nothing), false);

    // The target's "folder" is a file: the write fails, and neither the export nor a temp file is left.
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(article));
    const blocked = vscode.Uri.joinPath(bare, 'out.csv');
    assert.equal(await run('tensionLens.export', { what: 'terms', scope: 'file', format: 'csv', target: blocked.toString() }), undefined);
    assert.equal(await exists(blocked), false);
    const left = (await vscode.workspace.fs.readDirectory(dir)).map(([name]) => name).filter((n) => n.endsWith('.tmp'));
    assert.deepEqual(left, []);
  });

  it('the result message counts what the file holds, in the right plural: one annotation, one orphan left out of a .qdpx', async () => {
    const one = vscode.Uri.joinPath(dir, 'one.md');
    const text = '开源与闭源之争。\n商业化还是基础研究？\n';
    await vscode.workspace.fs.writeFile(one, encoder.encode(text));
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(one));
    assert.ok(await tl.annotate({ uri: one.toString(), start: 0, end: 2, tags: [], note: '' }));
    const csv = await run('tensionLens.export', { what: 'annotations', scope: 'file', format: 'csv', target: vscode.Uri.joinPath(dir, 'one.annotations.csv').toString() });
    assert.equal(csv?.message, 'Exported 1 annotation to one.annotations.csv.');
    // A second annotation whose text then goes: it is orphaned, and a .qdpx leaves it out.
    const at = text.indexOf('商业化');
    assert.ok(await tl.annotate({ uri: one.toString(), start: at, end: at + 3, tags: [], note: '' }));
    await editor.edit((b) => b.delete(new vscode.Range(editor.document.positionAt(at), editor.document.positionAt(at + 10))));
    await editor.document.save();
    const qdpx = await run('tensionLens.export', { what: 'annotations', scope: 'file', format: 'qdpx', target: vscode.Uri.joinPath(dir, 'one.annotations.qdpx').toString() });
    assert.equal(qdpx?.summary.annotations, 1);
    assert.equal(qdpx?.message, 'Exported 1 annotation to one.annotations.qdpx. 1 orphaned annotation was left out: its text is no longer in the article.');
    await vscode.workspace.fs.delete(one.with({ path: `${one.path}.tension.json` }));
    await vscode.workspace.fs.delete(one);
  });

  it('a Markdown export beside the articles, even renamed, is not an article of the next workspace export', async () => {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(article));
    const first = vscode.Uri.joinPath(dir, 'ws.report.json');
    const before = await run('tensionLens.export', { what: 'report', scope: 'workspace', format: 'json', target: first.toString() });
    assert.ok(before);
    const md = vscode.Uri.joinPath(dir, 'ws.sites.md');
    assert.ok(await run('tensionLens.export', { what: 'sites', scope: 'workspace', format: 'md', target: md.toString() }));
    await vscode.workspace.fs.copy(md, vscode.Uri.joinPath(dir, 'renamed notes.md'));
    const html = vscode.Uri.joinPath(dir, 'seed.report.html');
    assert.ok(await run('tensionLens.export', { what: 'report', scope: 'file', format: 'html', target: html.toString() }));
    const after = await run('tensionLens.export', { what: 'report', scope: 'workspace', format: 'json', target: first.toString() });
    assert.equal(after?.summary.articles, before.summary.articles, 'the exports are not counted as articles');
    assert.equal(after?.summary.terms, before.summary.terms);
    const json = JSON.parse(await read(first)) as { files: { path: string }[] };
    assert.deepEqual(json.files.filter((f) => /sites|renamed/.test(f.path)), []);
    // The user can still open one as a document.
    const opened = await vscode.workspace.openTextDocument(md);
    assert.match(opened.getText(), /^\[\/\/\]: # \(tension-lens-export\)/);
    for (const f of [md, vscode.Uri.joinPath(dir, 'renamed notes.md'), first]) await vscode.workspace.fs.delete(f);
  });

  it('rejects options it does not understand instead of guessing', async () => {
    assert.equal(await run('tensionLens.export', { what: 'everything', scope: 'file', format: 'csv', target: vscode.Uri.joinPath(dir, 'x.csv').toString() }), undefined);
    assert.equal(await exists(vscode.Uri.joinPath(dir, 'x.csv')), false);
  });
});
