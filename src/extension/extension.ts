import * as vscode from 'vscode';
import type { Analysis } from '../core';
import { AnalysisService } from './analysis/analysisService';
import { HIGHLIGHTS_KEY, registerRefresh, registerToggleAxis, registerToggleHighlights } from './commands/highlightCommands';
import { registerFilterTerms, registerRevealRange, registerShowOccurrences } from './commands/navigationCommands';
import { registerOpenSample } from './commands/sampleCommand';
import { ConfigService } from './config';
import { type DecoratedRanges, PoleDecorations } from './decorations/poleDecorations';
import { TermHoverProvider } from './hover/termHover';
import { LexiconService } from './lexicon/lexiconService';
import { TensionStatusBar } from './statusBar';
import { TagTreeProvider, type TagNode } from './views/tagTree';
import { type TermNode, TermTreeProvider } from './views/termTree';

/** What `activate` returns: enough for tests and other extensions to read what Tension Lens sees and shows. */
export interface TensionLensApi {
  readonly version: string;
  /** The latest analysis of a document (undefined when it is not a Chinese article we analyse). */
  getAnalysis(uri: vscode.Uri): Analysis | undefined;
  /** Waits until the document's current version is analysed (after the debounce). */
  whenAnalyzed(document: vscode.TextDocument): Promise<Analysis | undefined>;
  /** Ranges currently decorated in a document, by pole id (`site` for tension sites). */
  getDecorations(uri: vscode.Uri): DecoratedRanges;
  /** The Terms and Tags views' nodes, as the trees show them. */
  getTermTree(node?: TermNode): TermNode[];
  getTermTreeItem(node: TermNode): vscode.TreeItem;
  getTagTree(): TagNode[];
  /** The status-bar text ('' when hidden). */
  getStatusText(): string;
  /** Resolves when user lexicons have been (re)loaded. */
  lexiconReady(): Promise<void>;
}

const SELECTOR: vscode.DocumentSelector = [{ language: 'markdown' }, { language: 'plaintext' }];

export function activate(context: vscode.ExtensionContext): TensionLensApi {
  const config = new ConfigService();
  const lexicon = new LexiconService(config);
  const analyses = new AnalysisService(config, lexicon);
  const highlightsOn = context.workspaceState.get<boolean>(HIGHLIGHTS_KEY, true);
  const decorations = new PoleDecorations(analyses, config, lexicon, highlightsOn);
  const terms = new TermTreeProvider(analyses, config, lexicon);
  const tags = new TagTreeProvider(analyses, lexicon);
  const termView = vscode.window.createTreeView('tensionLens.terms', { treeDataProvider: terms, showCollapseAll: true });
  const tagView = vscode.window.createTreeView('tensionLens.tags', { treeDataProvider: tags });
  const status = new TensionStatusBar(analyses, config, lexicon);
  const hover = vscode.languages.registerHoverProvider(SELECTOR, new TermHoverProvider(analyses, lexicon, config));

  const updateContext = (): void => {
    const editor = vscode.window.activeTextEditor;
    void vscode.commands.executeCommand('setContext', 'tensionLens.hasArticle', !!(editor && analyses.get(editor.document.uri)));
  };
  context.subscriptions.push(
    config, lexicon, analyses, decorations, terms, tags, termView, tagView, status, hover,
    analyses.onDidAnalyze(updateContext),
    vscode.window.onDidChangeActiveTextEditor(updateContext),
    registerToggleHighlights(context, decorations),
    registerToggleAxis(config, lexicon),
    registerRefresh(lexicon, analyses),
    registerRevealRange(),
    registerShowOccurrences(analyses),
    ...registerFilterTerms(terms, termView),
    registerOpenSample(),
  );
  void vscode.commands.executeCommand('setContext', 'tensionLens.highlightsOn', highlightsOn);
  void lexicon.reload();
  analyses.analyzeVisible();
  updateContext();

  const { version } = context.extension.packageJSON as { version: string };
  return Object.freeze({
    version,
    getAnalysis: (uri: vscode.Uri) => analyses.get(uri)?.analysis,
    whenAnalyzed: async (document: vscode.TextDocument) => (await analyses.whenAnalyzed(document))?.analysis,
    getDecorations: (uri: vscode.Uri) => decorations.decorated(uri),
    getTermTree: (node?: TermNode) => terms.getChildren(node),
    getTermTreeItem: (node: TermNode) => terms.getTreeItem(node),
    getTagTree: () => tags.getChildren(),
    getStatusText: () => status.text,
    lexiconReady: () => lexicon.ready,
  });
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
