import * as vscode from 'vscode';
import type { Analysis } from '../core';
import { AnalysisService } from './analysis/analysisService';
import { AnnotateTermCodeActions } from './annotations/annotateCodeActions';
import { type AnnotateArgs, registerAnnotationCommands } from './annotations/annotationCommands';
import { AnnotationDecorations } from './annotations/annotationDecorations';
import { AnnotationHoverProvider } from './annotations/annotationHover';
import { registerPairCommands } from './annotations/pairCommands';
import { type ArticleAnnotations, AnnotationService } from './annotations/annotationService';
import { type AnnotationNode, AnnotationTreeProvider } from './annotations/annotationTree';
import { poleTag } from './annotations/tagColors';
import { registerTagCommands } from './annotations/tagCommands';
import { HIGHLIGHTS_KEY, registerRefresh, registerToggleAxis, registerToggleHighlights } from './commands/highlightCommands';
import { registerFilterTerms, registerRevealRange, registerShowOccurrences } from './commands/navigationCommands';
import { registerOpenSample } from './commands/sampleCommand';
import { registerWalkthroughCommands } from './commands/walkthroughCommands';
import { ConfigService } from './config';
import { ConcordancePanel, type ConcordanceSnapshot } from './concordance/concordancePanel';
import { registerConcordanceCommand } from './concordance/concordanceCommand';
import { Dashboard, type DashboardSnapshot } from './dashboard/dashboard';
import { DecorationScreen, type ShownDecorations } from './decorations/decorationScreen';
import { PoleDecorations } from './decorations/poleDecorations';
import { type EncodingOffer, registerMisdecodedDocuments } from './encoding/misdecoded';
import { registerExportCommands } from './export/exportCommands';
import { TermHoverProvider } from './hover/termHover';
import { registerImportCommand } from './import/importCommand';
import { VariableTableFiles } from './variables/variableTables';
import { LexiconService } from './lexicon/lexiconService';
import { LensRefresh } from './lensRefresh';
import { TensionStatusBar } from './statusBar';
import { type Suggestion } from '../core';
import { type SuggestServices, suggestFromWorkspace } from './suggest/corpusEvidence';
import { offerLexiconTerm } from './suggest/learnFromCoding';
import { type AcceptTerm, UserLexiconWriter } from './suggest/lexiconWriter';
import { registerSuggestTerms } from './suggest/suggestCommand';
import { ShownArticle } from './views/shownArticle';
import { TagTreeProvider, type TagNode } from './views/tagTree';
import { CodebookService } from './memos/codebookService';
import { registerMemoCommands } from './memos/memoCommands';
import { type TermNode, TermTreeProvider } from './views/termTree';
import { type AgreementSnapshot, AgreementPanel } from './team/agreementPanel';
import { AdjudicationPanel } from './team/adjudicationPanel';
import { CoderService } from './team/coderService';
import { CodingViews } from './team/codingViews';
import { OtherCodingDecorations } from './team/otherCodingDecorations';
import { OtherCodingHoverProvider } from './team/otherCodingHover';
import { showCodingOf } from './team/showCodingOf';

/** What `activate` returns: enough for tests and other extensions to read what Tension Lens sees and shows. */
export interface TensionLensApi {
  readonly version: string;
  /** How long `activate` took, in milliseconds (the benchmark reads it). */
  readonly activationMs: number;
  /** The latest analysis of a document (undefined when it is not a Chinese article we analyse). */
  getAnalysis(uri: vscode.Uri): Analysis | undefined;
  /** Waits until the document's current version is analysed (after the debounce). */
  whenAnalyzed(document: vscode.TextDocument): Promise<Analysis | undefined>;
  /**
   * What the editors showing a document were last told to draw, read at the one place the extension calls
   * `setDecorations`, on live decoration types only (a disposed type's ranges are gone from the screen), by type:
   * pole id (`open`…), `site`, `ruler:<pole>`, `ruler:site`, `annotation:<#colour>`.
   */
  getDecorations(uri: vscode.Uri): ShownDecorations;
  /** The Terms and Tags views' nodes, as the trees show them. */
  getTermTree(node?: TermNode): TermNode[];
  getTermTreeItem(node: TermNode): vscode.TreeItem;
  getTagTree(): TagNode[];
  /** The status-bar text ('' when hidden). */
  getStatusText(): string;
  /** Resolves when user lexicons have been (re)loaded. */
  lexiconReady(): Promise<void>;
  /** Loads (once) and returns the annotations of an article. */
  loadAnnotations(document: vscode.TextDocument): Promise<ArticleAnnotations>;
  /** The Annotations view's nodes, the tree items it hands VS Code, and its title-bar description (the article it shows). */
  getAnnotationTree(node?: AnnotationNode): AnnotationNode[];
  getAnnotationTreeItem(node: AnnotationNode): vscode.TreeItem;
  getAnnotationViewDescription(): string | undefined;
  /** Annotates without prompts (what the command does once its pickers are answered); returns the new id. */
  annotate(args: AnnotateArgs): Promise<string | undefined>;
  /** The dashboard: whether it is open, the update (model) it last posted to its webview, what the webview rendered. */
  getDashboardModel(): DashboardSnapshot;
  /** The "Reopen with Encoding" warnings handed to VS Code for mis-decoded files, oldest first. */
  getEncodingOffers(): readonly EncodingOffer[];
  /** The concordance: whether it is open, its query, the lines found so far, whether the search is over. */
  getConcordance(): ConcordanceSnapshot;
  /** The coder status-bar item's text, and the Intercoder Agreement page as its script last reported it drawn. */
  getCoderStatusText(): string;
  getAgreementView(): AgreementSnapshot;
  /** Clicks a figure of the agreement page by its element id (`s<section>r<row>-<a|b|both|percent|kappa|alpha>`). */
  clickAgreementFigure(id: string): void;
  /** Runs Intercoder Agreement on two coders without the pick. */
  showAgreement(a: string, b: string): Promise<void>;
  /** Suggest Terms without its UI: the ranked candidates of the workspace's articles. */
  suggestTerms(): Promise<readonly Suggestion[]>;
  /** Accept or reject as the review list's buttons do (written to .vscode/tension-lexicon.json); true when written. */
  acceptTerm(term: AcceptTerm): Promise<boolean>;
  rejectTerms(forms: readonly string[]): Promise<boolean>;
}

const SELECTOR: vscode.DocumentSelector = [{ language: 'markdown' }, { language: 'plaintext' }];

export function activate(context: vscode.ExtensionContext): TensionLensApi {
  const activationStart = performance.now();
  const config = new ConfigService();
  const lexicon = new LexiconService(config);
  const analyses = new AnalysisService(config, lexicon);
  const highlightsOn = context.workspaceState.get<boolean>(HIGHLIGHTS_KEY, true);
  const screen = new DecorationScreen();
  const decorations = new PoleDecorations(screen, analyses, config, lexicon, highlightsOn);
  const shown = new ShownArticle(analyses);
  const terms = new TermTreeProvider(analyses, config, shown);
  const coders = new CoderService(config);
  const annotations = new AnnotationService(config, () => lexicon.current.lexicon.axes.flatMap((axis) => axis.poles.map((pole) => poleTag(pole, lexicon.current.lexicon))), coders);
  const codingViews = new CodingViews(config, annotations, context.workspaceState);
  const agreement = new AgreementPanel((articles) => codingViews.agreementComputed(articles));
  const adjudication = new AdjudicationPanel(config, (article) => codingViews.isHidden(article));
  const annotationDecorations = new AnnotationDecorations(screen, annotations, codingViews);
  const otherCodingDecorations = new OtherCodingDecorations(screen, codingViews, [annotations.onDidChange]);
  const axisLabel = (id: string): string => lexicon.current.lexicon.axes.find((a) => a.id === id)?.label.zh || id;
  const annotationTree = new AnnotationTreeProvider(annotations, axisLabel, codingViews);
  const annotationView = vscode.window.createTreeView('tensionLens.annotations', { treeDataProvider: annotationTree, showCollapseAll: true });
  const codebook = new CodebookService();
  const tags = new TagTreeProvider(analyses, annotations, lexicon, shown, codebook);
  const termView = vscode.window.createTreeView('tensionLens.terms', { treeDataProvider: terms, showCollapseAll: true });
  const tagView = vscode.window.createTreeView('tensionLens.tags', { treeDataProvider: tags });
  shown.attach(termView);
  shown.attach(tagView);
  const status = new TensionStatusBar(analyses, config);
  const lexiconWriter = new UserLexiconWriter(lexicon);
  const suggestServices: SuggestServices = { extensionUri: context.extensionUri, config, lexicon };
  const refresh = new LensRefresh(config, lexicon, analyses, decorations, [terms, status]);
  const variableTables = new VariableTableFiles();
  const hover = vscode.languages.registerHoverProvider(SELECTOR, new TermHoverProvider(analyses, config, variableTables));

  const updateContext = (): void => {
    const editor = vscode.window.activeTextEditor;
    void vscode.commands.executeCommand('setContext', 'tensionLens.hasArticle', !!(editor && analyses.get(editor.document.uri)));
  };
  context.subscriptions.push(
    config, lexicon, analyses, decorations, shown, terms, tags, termView, tagView, status, hover, refresh,
    variableTables,
    analyses.onDidAnalyze(updateContext),
    vscode.window.onDidChangeActiveTextEditor(updateContext),
    registerToggleHighlights(context, decorations),
    registerToggleAxis(config, lexicon),
    registerRefresh(lexicon, analyses, annotations, variableTables),
    registerRevealRange(),
    registerShowOccurrences(analyses),
    ...registerFilterTerms(terms, termView),
    registerOpenSample(context.extensionUri),
    ...registerWalkthroughCommands(analyses, decorations),
    annotations, annotationDecorations, annotationTree, annotationView, annotationTree.bind(annotationView),
    vscode.languages.registerHoverProvider(SELECTOR, new AnnotationHoverProvider(annotations, axisLabel, codebook)),
    vscode.languages.registerCodeActionsProvider(SELECTOR, new AnnotateTermCodeActions(analyses, lexicon), { providedCodeActionKinds: AnnotateTermCodeActions.kinds }),
    ...registerAnnotationCommands(annotations, analyses, lexicon, offerLexiconTerm(lexicon, lexiconWriter)),
    ...registerTagCommands(annotations),
    ...registerPairCommands(annotations, analyses, lexicon),
    // Annotations load with the article, so they are drawn without waiting for a hover or a command.
    analyses.onDidAnalyze(({ document, result }) => {
      if (result && !document.isUntitled && !document.isClosed) void annotations.load(document);
    }),
  );
  context.subscriptions.push(
    coders, agreement, adjudication, codingViews, otherCodingDecorations,
    vscode.languages.registerHoverProvider(SELECTOR, new OtherCodingHoverProvider(codingViews)),
    vscode.commands.registerCommand('tensionLens.showCodingOf', (arg?: unknown) => showCodingOf(codingViews, annotations, config, arg)),
    vscode.commands.registerCommand('tensionLens.resetBlindCoding', () => codingViews.resetComputed()),
    vscode.commands.registerCommand('tensionLens.adjudicate', () => adjudication.run()),
    vscode.commands.registerCommand('tensionLens.switchCoder', () => coders.switchCoder()),
    vscode.commands.registerCommand('tensionLens.intercoderAgreement', () => agreement.run()),
  );
  context.subscriptions.push(registerSuggestTerms(suggestServices, lexiconWriter));
  context.subscriptions.push(codebook, ...registerMemoCommands(annotations, codebook, (context.extension.packageJSON as { version: string }).version));
  const misdecoded = registerMisdecodedDocuments();
  context.subscriptions.push(misdecoded);
  const dashboard = new Dashboard({ extensionUri: context.extensionUri, config, lexicon, analyses, annotations });
  context.subscriptions.push(dashboard);
  context.subscriptions.push(...registerExportCommands({
    extensionUri: context.extensionUri, version: (context.extension.packageJSON as { version: string }).version, config, lexicon, analyses, annotations,
    othersHidden: (article: vscode.Uri) => codingViews.isHidden(article),
  }));
  context.subscriptions.push(registerImportCommand(context.extensionUri));
  const concordance = new ConcordancePanel({ extensionUri: context.extensionUri, config, lexicon, annotations });
  context.subscriptions.push(concordance, registerConcordanceCommand(concordance, analyses, lexicon));
  void vscode.commands.executeCommand('setContext', 'tensionLens.highlightsOn', highlightsOn);
  void lexicon.reload();
  analyses.analyzeVisible();
  updateContext();

  const { version } = context.extension.packageJSON as { version: string };
  const activationMs = performance.now() - activationStart;
  return Object.freeze({
    version,
    activationMs,
    getAnalysis: (uri: vscode.Uri) => analyses.get(uri)?.analysis,
    whenAnalyzed: async (document: vscode.TextDocument) => (await analyses.whenAnalyzed(document))?.analysis,
    getDecorations: (uri: vscode.Uri) => screen.shown(uri),
    getTermTree: (node?: TermNode) => terms.getChildren(node),
    getTermTreeItem: (node: TermNode) => terms.getTreeItem(node),
    getTagTree: () => tags.getChildren(),
    getStatusText: () => status.text,
    lexiconReady: () => lexicon.ready,
    loadAnnotations: (document: vscode.TextDocument) => annotations.load(document),
    getAnnotationTree: (node?: AnnotationNode) => annotationTree.getChildren(node),
    getAnnotationTreeItem: (node: AnnotationNode) => annotationTree.getTreeItem(node),
    getAnnotationViewDescription: () => annotationView.description,
    annotate: async (args: AnnotateArgs) => (await vscode.commands.executeCommand<string | undefined>('tensionLens.annotateSelection', args)),
    getDashboardModel: () => dashboard.snapshot(),
    getEncodingOffers: () => [...misdecoded.offers],
    getConcordance: () => concordance.snapshot(),
    getCoderStatusText: () => coders.statusText,
    getAgreementView: () => agreement.snapshot(),
    clickAgreementFigure: (id: string) => agreement.click(id),
    showAgreement: (a: string, b: string) => agreement.run([a, b]),
    suggestTerms: async () => (await suggestFromWorkspace(suggestServices, () => undefined, new vscode.CancellationTokenSource().token)) ?? [],
    acceptTerm: (term: AcceptTerm) => lexiconWriter.accept(term),
    rejectTerms: (forms: readonly string[]) => lexiconWriter.reject(forms),
  });
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
