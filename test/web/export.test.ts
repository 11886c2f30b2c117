// Exports from the web worker extension host: the HTML report and the annotations CSV are written through
// `vscode.workspace.fs`, beside the article in the workspace and in a virtual file system.
import * as vscode from 'vscode';
import { fixtureFolder } from '../vscode/support/workspace';
import { api } from '../vscode/support/extensionApi';
import { equal, match, ok } from './assert';
import { MemFs } from './memfs';

const decoder = new TextDecoder();
const ARTICLE = 'ai-lab-expert-departure.md';

interface ExportResult {
  readonly target: string;
}

describe('web: exports', () => {
  before(async () => {
    await api();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('Export HTML Report writes a self-contained report of the active article', async () => {
    const folder = fixtureFolder().uri;
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, ARTICLE)));
    await (await api()).whenAnalyzed(editor.document);
    const target = vscode.Uri.joinPath(folder, 'web-export', 'report.html');
    try {
      const result = await vscode.commands.executeCommand<ExportResult | undefined>('tensionLens.exportHtmlReport', { scope: 'file', target: target.toString() });
      equal(result?.target, target.toString(), 'the export reports where it wrote');
      const html = decoder.decode(await vscode.workspace.fs.readFile(target));
      match(html, /^<!DOCTYPE html>/i, 'an HTML document');
      match(html, /闭源商用/, 'the report quotes the article’s terms');
      ok(!/<script[^>]+src=/i.test(html), 'no external scripts: the report is self-contained');
    } finally {
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder, 'web-export'), { recursive: true }).then(undefined, () => undefined);
    }
  });

  it('Export Annotations as CSV works in a virtual file system', async () => {
    const memfs = new MemFs();
    const registration = vscode.workspace.registerFileSystemProvider('tension-mem-export', memfs, { isCaseSensitive: true });
    try {
      const article = vscode.Uri.from({ scheme: 'tension-mem-export', path: '/a/article.md' });
      await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(article, '..'));
      await vscode.workspace.fs.writeFile(article, await vscode.workspace.fs.readFile(vscode.Uri.joinPath(fixtureFolder().uri, ARTICLE)));
      const tl = await api();
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(article));
      await tl.whenAnalyzed(editor.document);
      const start = editor.document.getText().indexOf('闭源商用路径');
      ok(await tl.annotate({ uri: article.toString(), start, end: start + 6, tags: ['争议焦点'], note: 'csv' }), 'annotated');
      // A Uri, not its string: `tension-mem-export:/a/…` has no authority (no `//`), and the command reads such a
      // string as a file path.
      const target = vscode.Uri.joinPath(article, '..', 'annotations.csv');
      const result = await vscode.commands.executeCommand<ExportResult | undefined>('tensionLens.exportAnnotationsCsv', { scope: 'file', target });
      equal(result?.target, target.toString(), 'the export reports where it wrote');
      const csv = decoder.decode(memfs.readFile(target));
      match(csv, /闭源商用路径/, 'the CSV holds the annotated quote');
      match(csv, /争议焦点/, 'the CSV holds the tag');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      registration.dispose();
    }
  });
});
