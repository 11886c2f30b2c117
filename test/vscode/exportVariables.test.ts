// Palette exports carry the document variables as the CLI export does (front matter, overridden by
// tension-variables.csv): CSV columns, JSON `variables`, REFI-QDA source variables; and an HTML or Markdown export
// of the workspace with a grouping adds the groups, crosstab and trend.
import * as assert from 'node:assert/strict';
import Papa from 'papaparse';
import * as vscode from 'vscode';
import type { ExportOutcome } from '../../src/extension/export/exportCommands';
import { api } from './support/extensionApi';
import { fixtureFolder } from './support/workspace';

const ARTICLE = 'export-variables.md';

describe('export: document variables from the palette', () => {
  const folder = (): vscode.Uri => fixtureFolder().uri;
  const table = (): vscode.Uri => vscode.Uri.joinPath(folder(), 'tension-variables.csv');
  const out = (): vscode.Uri => vscode.Uri.joinPath(folder(), 'tmp-export-variables');
  const write = (uri: vscode.Uri, text: string): Thenable<void> => vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  const read = async (uri: vscode.Uri): Promise<string> => new TextDecoder('utf-8', { ignoreBOM: true }).decode(await vscode.workspace.fs.readFile(uri));
  const run = (options: object): Thenable<ExportOutcome | undefined> => vscode.commands.executeCommand<ExportOutcome | undefined>('tensionLens.export', options);

  before(async () => {
    await api();
    await write(vscode.Uri.joinPath(folder(), ARTICLE), '---\nsource: 新华社\ndate: 2024年5月1日\nregion: 未知\n---\n\n实验室坚持开源，也走向闭源。\n');
    await write(table(), `\uFEFFpath,region\r\n${ARTICLE},大陆\r\n`);
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder(), ARTICLE)));
    assert.ok(editor);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const uri of [table(), vscode.Uri.joinPath(folder(), ARTICLE)]) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
    await vscode.workspace.fs.delete(out(), { recursive: true }).then(undefined, () => undefined);
  });

  it('CSV rows and JSON files carry the article\'s variables, the table\'s value over the front matter\'s', async () => {
    const csv = vscode.Uri.joinPath(out(), 'terms.csv');
    assert.ok(await run({ what: 'terms', scope: 'file', format: 'csv', target: csv.toString() }));
    const rows = Papa.parse<Record<string, string>>((await read(csv)).replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
    assert.ok(rows.length >= 2);
    for (const row of rows) assert.deepEqual([row['source'], row['date'], row['region']], ['新华社', '2024-05-01', '大陆']);

    const json = vscode.Uri.joinPath(out(), 'report.json');
    assert.ok(await run({ what: 'report', scope: 'workspace', format: 'json', target: json.toString() }));
    const doc = JSON.parse(await read(json)) as { files: { path: string; variables?: Record<string, string> }[] };
    assert.deepEqual(doc.files.find((f) => f.path === ARTICLE)?.variables, { source: '新华社', date: '2024-05-01', region: '大陆' });
  });

  it('REFI-QDA: the source carries the variables', async () => {
    const qdpx = vscode.Uri.joinPath(out(), 'report.qdpx');
    assert.ok(await run({ what: 'report', scope: 'file', format: 'qdpx', target: qdpx.toString() }));
    const { unzipSync, strFromU8 } = await import('fflate');
    const xml = strFromU8(unzipSync(await vscode.workspace.fs.readFile(qdpx))['project.qde'] ?? new Uint8Array());
    assert.match(xml, /<Variable [^>]*name="source"/);
    assert.match(xml, /<VariableValue[^>]*>[^]*?新华社[^]*?<\/VariableValue>/);
    assert.match(xml, /大陆/);
  });

  it('an HTML report of the workspace grouped by source holds the groups and the crosstab', async () => {
    const html = vscode.Uri.joinPath(out(), 'report.html');
    assert.ok(await run({ what: 'report', scope: 'workspace', format: 'html', target: html.toString(), groupBy: 'source' }));
    const page = await read(html);
    assert.match(page, /<section class="card groups-card"><h3>(Groups by|按) source/);
    assert.match(page, /<tr data-value="新华社">/);
    assert.match(page, /class="crosstab"|chi-square/);
  });

  it('an HTML report with { cooccurrence, concordance } adds the matrix and the concordance; a wrong value is refused', async () => {
    const html = vscode.Uri.joinPath(out(), 'sections.html');
    assert.ok(await run({
      what: 'report', scope: 'workspace', format: 'html', target: html.toString(), groupBy: '',
      cooccurrence: { window: 'paragraph', of: 'both' }, concordance: { query: 'pole:open', sort: 'right' },
    }));
    const page = await read(html);
    assert.match(page, /<section class="card cooccurrence-card" data-window="paragraph" data-of="both">/);
    assert.match(page, /<section class="card concordance-card"><h3>[^<]*pole:open[^<]*<span class="count">\d+<\/span>/);
    assert.ok(!page.includes('groups-card'), 'groupBy "" is no grouping');
    const refused = vscode.Uri.joinPath(out(), 'refused.html');
    assert.equal(await run({ what: 'report', scope: 'workspace', format: 'html', target: refused.toString(), cooccurrence: { window: 'page' } }), undefined);
    assert.equal(await vscode.workspace.fs.stat(refused).then(() => true, () => false), false);
  });
});
