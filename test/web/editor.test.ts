// The editor features in VS Code's web worker extension host (the `browser` entry, dist/web/extension.js):
// highlights, hover, the Terms view and the bundled sample article.
import * as vscode from 'vscode';
import type { TensionLensApi } from '../../src/extension/extension';
import { openFixture, waitFor } from '../vscode/support/workspace';
import { api, extensionId, hoverText } from '../vscode/support/extensionApi';
import { equal, match, ok } from './assert';

const ARTICLE = 'ai-lab-expert-departure.md';

describe('web: the browser build in the web worker extension host', () => {
  let tl: TensionLensApi;
  let editor: vscode.TextEditor;

  before(async () => {
    tl = await api();
    editor = await openFixture(ARTICLE);
    await tl.whenAnalyzed(editor.document);
    await waitFor(() => (tl.getDecorations(editor.document.uri).open?.length ?? 0) > 0, 'open-pole decorations');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('runs as a web extension: a web worker, no Node', () => {
    ok(typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope === 'function', 'not running in a web worker');
    equal(typeof (globalThis as { process?: unknown }).process, 'undefined', 'typeof process');
    equal(vscode.env.uiKind, vscode.UIKind.Web, 'uiKind');
    const extension = vscode.extensions.getExtension(extensionId);
    equal((extension?.packageJSON as { browser?: string } | undefined)?.browser, './dist/web/extension.js', 'the browser entry');
  });

  it('decorates 开源, 闭源商用, 商业化, 基础研究 with the right pole', () => {
    const analysis = tl.getAnalysis(editor.document.uri);
    ok(analysis, 'no analysis');
    const decorated = tl.getDecorations(editor.document.uri);
    for (const [word, pole] of [['开源', 'open'], ['闭源商用', 'closed'], ['商业化', 'commercial'], ['基础研究', 'research']] as const) {
      const hit = analysis.hits.find((h) => h.text === word);
      ok(hit, `no hit for ${word}`);
      equal(hit.pole, pole, `the pole of ${word}`);
      ok(decorated[pole]?.some((r) => r.start === hit.start && r.end === hit.end), `${word} carries the ${pole} decoration`);
    }
    ok((decorated.site?.length ?? 0) > 0, 'tension sites are marked');
  });

  it('hover on 闭源商用 explains its axis and the opposite pole', async () => {
    const text = editor.document.getText();
    const at = editor.document.positionAt(text.indexOf('闭源商用') + 1);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, at);
    const markdown = hoverText(hovers);
    match(markdown, /闭源商用/, 'the hover names the term');
    match(markdown, /Opposite pole|对立/, 'the hover names the opposite pole');
    match(markdown, /开源 ×\d+/, 'the hover lists the opposite pole’s terms in this article');
  });

  it('the Terms view lists the axes with their counts', () => {
    const axes = tl.getTermTree();
    const openClosed = axes.find((n) => n.kind === 'axis' && n.axis.id === 'open-closed');
    ok(openClosed?.kind === 'axis' && openClosed.count > 0, 'open-closed is in the Terms view with a count');
    match(tl.getStatusText(), /开放\d+:\d+封闭/, 'status bar');
  });

  it('Open Sample Article opens the bundled article in an untitled editor, highlighted', async () => {
    await vscode.commands.executeCommand('tensionLens.openSample');
    const sample = vscode.window.activeTextEditor;
    ok(sample?.document.isUntitled, 'the sample is not in an untitled editor');
    const analysis = await tl.whenAnalyzed(sample.document);
    ok((analysis?.hits.length ?? 0) > 20, `only ${analysis?.hits.length ?? 0} hits in the sample`);
    await waitFor(() => (tl.getDecorations(sample.document.uri).closed?.length ?? 0) > 0, 'closed-pole decorations in the sample');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
