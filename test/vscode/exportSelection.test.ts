// An export of selected articles (Explorer selection or `{ articles }`): only those articles go into the file, a
// selected folder standing for the articles under it, as the Co-occurrence of Selected Articles reads a selection.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExportOutcome } from '../../src/extension/export/exportCommands';
import { api } from './support/extensionApi';
import { fixtureFolder } from './support/workspace';

describe('export: selected articles', () => {
  const folder = (): vscode.Uri => fixtureFolder().uri;
  const dir = (): vscode.Uri => vscode.Uri.joinPath(folder(), 'tmp-export-selection');
  const out = (): vscode.Uri => vscode.Uri.joinPath(folder(), 'tmp-export-selection-out');
  const write = (uri: vscode.Uri, text: string): Thenable<void> => vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  const read = async (uri: vscode.Uri): Promise<string> => new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  const run = (options: object): Thenable<ExportOutcome | undefined> => vscode.commands.executeCommand<ExportOutcome | undefined>('tensionLens.export', options);
  const exportedPaths = async (json: vscode.Uri): Promise<string[]> =>
    (JSON.parse(await read(json)) as { files: { path: string }[] }).files.map((f) => f.path).sort();

  before(async () => {
    await api();
    await write(vscode.Uri.joinPath(dir(), 'a.md'), '# 甲\n\n实验室坚持开源，也走向闭源。\n');
    await write(vscode.Uri.joinPath(dir(), 'nested', 'b.md'), '基础研究与商业化之间的张力。\n');
    await write(vscode.Uri.joinPath(dir(), 'c.txt'), '非营利组织转向盈利。\n');
  });

  after(async () => {
    for (const uri of [dir(), out()]) await vscode.workspace.fs.delete(uri, { recursive: true }).then(undefined, () => undefined);
  });

  it('{ articles: [file] } exports that file alone, and the message counts the articles', async () => {
    const json = vscode.Uri.joinPath(out(), 'one.json');
    const outcome = await run({ what: 'terms', format: 'json', articles: [vscode.Uri.joinPath(dir(), 'c.txt').toString()], target: json.toString() });
    assert.ok(outcome, 'the export wrote nothing');
    assert.deepEqual(await exportedPaths(json), ['tmp-export-selection/c.txt']);
    assert.equal(outcome.summary.articles, 1);
    assert.match(outcome.message, /1 article/);
  });

  it('a selected folder stands for the articles under it; a file beside it is added once', async () => {
    const html = vscode.Uri.joinPath(out(), 'report.html');
    const json = vscode.Uri.joinPath(out(), 'report.json');
    const articles = [vscode.Uri.joinPath(dir(), 'nested'), vscode.Uri.joinPath(dir(), 'a.md'), vscode.Uri.joinPath(dir(), 'nested', 'b.md')].map((u) => u.fsPath);
    assert.ok(await run({ what: 'report', format: 'json', articles, target: json.toString() }));
    assert.deepEqual(await exportedPaths(json), ['tmp-export-selection/a.md', 'tmp-export-selection/nested/b.md']);
    assert.ok(await run({ what: 'report', format: 'html', articles, target: html.toString(), groupBy: null, cooccurrence: { window: 'sentence', of: 'poles' } }));
    const page = await read(html);
    assert.ok(page.includes('nested/b.md') && page.includes('a.md'), 'the report names both selected articles');
    assert.ok(!page.includes('c.txt'), 'an article outside the selection is in the report');
    assert.match(page, /<section class="card cooccurrence-card"/);
  });

  it('a wrong articles value, or one with another scope, is refused and writes nothing', async () => {
    const refused = vscode.Uri.joinPath(out(), 'refused.json');
    assert.equal(await run({ what: 'terms', format: 'json', articles: 'a.md', target: refused.toString() }), undefined);
    assert.equal(await run({ what: 'terms', format: 'json', scope: 'workspace', articles: [vscode.Uri.joinPath(dir(), 'a.md').toString()], target: refused.toString() }), undefined);
    assert.equal(await vscode.workspace.fs.stat(refused).then(() => true, () => false), false);
  });

  it('is a command, offered in the Explorer\'s context menu on articles and folders', async () => {
    assert.ok((await vscode.commands.getCommands(true)).includes('tensionLens.exportSelected'));
    interface Manifest { contributes?: { commands?: { command: string }[]; menus?: Record<string, { command: string; when?: string }[]> } }
    const manifests = vscode.extensions.all.map((e) => e.packageJSON as Manifest);
    const ours = manifests.find((m) => m.contributes?.commands?.some((c) => c.command === 'tensionLens.exportSelected'));
    const menu = ours?.contributes?.menus?.['explorer/context'] ?? [];
    assert.match(menu.find((m) => m.command === 'tensionLens.exportSelected')?.when ?? '', /explorerResourceIsFolder.*listMultiSelection/);
  });
});
