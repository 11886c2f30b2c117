import * as vscode from 'vscode';
import { cellQuery, poleColors } from '../../core';
import {
  type ArticleDetail, type ArticleError, type CooccurrenceSettings, type DashboardUpdate, type DashboardView, type FromWebview, INITIAL_COOCCURRENCE, type ToWebview,
  analyseArticle, buildArticleDetail, displayDetail,
} from '../../core/dashboard';
import type { AnalysisService } from '../analysis/analysisService';
import type { AnnotationService } from '../annotations/annotationService';
import type { ConfigService } from '../config';
import type { LexiconService } from '../lexicon/lexiconService';
import { setArticleVariable } from '../variables/editVariable';
import { readArticle } from './articleFiles';
import { CooccurrenceCache, type CountedCooccurrence, countCooccurrence } from './cooccurrence';
import { dashboardHtml, dashboardResourceRoots } from './html';
import { dashboardStrings } from './strings';
import { WorkspaceArticles } from './workspaceArticles';

/** "Cannot open broken.txt: binary file (contains NUL bytes)." */
function cannotOpen(path: string, reason: string): string {
  return vscode.l10n.t('Cannot open {0}: {1}', path, reason);
}

/** Why a row has no counts, as its row in the dashboard says it. */
function errorReason(error: ArticleError): string {
  const s = dashboardStrings();
  switch (error.code) {
    case 'binary': return s.errorBinary;
    case 'encoding': return s.errorEncoding;
    case 'tooLarge': return s.errorTooLarge.replace('{0}', () => error.detail ?? '?');
    case 'unreadable': return s.errorUnreadable.replace('{0}', () => error.detail ?? '');
  }
}

/** The dashboard's webview panel type: the command, the serializer and `onWebviewPanel:` all name it. */
export const DASHBOARD_VIEW_TYPE = 'tensionLens.dashboard';

/** What the webview last said it rendered. */
export interface RenderedReport {
  readonly view: DashboardView;
  readonly rows: number;
}

/** Services the panel reads; owned by the composition root. */
export interface DashboardServices {
  readonly extensionUri: vscode.Uri;
  readonly config: ConfigService;
  readonly lexicon: LexiconService;
  readonly analyses: AnalysisService;
  /** The Co-occurrence tab's tags (live annotations, else the sidecars). */
  readonly annotations: AnnotationService;
}

/** Webview options: scripts on, and only the dashboard's own folders readable. */
export function dashboardOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  // No retainContextWhenHidden: a hidden dashboard costs nothing; the webview keeps its UI state with setState and
  // gets the model again when it is shown.
  return { enableScripts: true, enableFindWidget: true, localResourceRoots: dashboardResourceRoots(extensionUri) };
}

/**
 * One open dashboard: its webview, the workspace overview it shows (scanned while it is open) and the article
 * view of the active (or last active) article. Posts a fresh `update` whenever either changes, coalesced.
 */
export class DashboardPanel implements vscode.Disposable {
  readonly #panel: vscode.WebviewPanel;
  readonly #services: DashboardServices;
  readonly #articles: WorkspaceArticles;
  readonly #subscriptions: vscode.Disposable[] = [];
  readonly #disposed = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.#disposed.event;
  readonly #rendered = new vscode.EventEmitter<RenderedReport>();
  readonly onDidRender = this.#rendered.event;
  /** The article of the article view: the last text editor that showed an article. */
  #active: vscode.Uri | undefined;
  #postTimer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped per post, so a slow post that was overtaken does not send stale data. */
  #sequence = 0;
  #lastPosted: DashboardUpdate | undefined;
  #lastRendered: RenderedReport | undefined;
  #isDisposed = false;
  /** The article view last built, and what it was built from: rebuilt only when one of these changed. */
  #detail: { key: readonly unknown[]; detail: ArticleDetail | undefined; articleKey: number } | undefined;
  #articleKeys = 0;
  /** The article key the webview holds (undefined after it was torn down or reloaded). */
  #webviewArticleKey: number | undefined;
  /** The co-occurrence matrix last sent, and its settings: a clicked cell is read from it. */
  #cooccurrence: { key: string; counted: CountedCooccurrence } | undefined;
  /** Bumped per co-occurrence request, so an overtaken count is not sent. */
  #cooccurSequence = 0;
  #cooccurCancel: vscode.CancellationTokenSource | undefined;
  /** The settings the tab last asked for: counted again (quietly) when an article or the active one changes. */
  #cooccurSettings: CooccurrenceSettings | undefined;
  #recountTimer: ReturnType<typeof setTimeout> | undefined;
  /** Per-article matrices, so that a recount after an edit reads only the articles that changed. */
  readonly #cooccurCache = new CooccurrenceCache();
  /** True between the webview's `ready` and its teardown: a message posted before would be lost. */
  #webviewReady = false;
  /** The Co-occurrence tab to show once the webview is ready (the command on selected articles opened the panel). */
  #pendingShow: CooccurrenceSettings | undefined;

  constructor(panel: vscode.WebviewPanel, services: DashboardServices, active: vscode.Uri | undefined) {
    this.#panel = panel;
    this.#services = services;
    this.#active = active;
    this.#articles = new WorkspaceArticles(services.config, services.lexicon, services.extensionUri);
    const strings = dashboardStrings();
    panel.title = strings.title;
    panel.iconPath = vscode.Uri.joinPath(services.extensionUri, 'media', 'tension-lens.svg');
    panel.webview.options = dashboardOptions(services.extensionUri);
    panel.webview.html = dashboardHtml(panel.webview, services.extensionUri, strings.title, vscode.env.language);
    this.#subscriptions.push(
      this.#articles,
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: FromWebview) => void this.#receive(m)),
      // A hidden webview is torn down; it asks again with `ready` when shown. Nothing to post meanwhile.
      panel.onDidChangeViewState(() => {
        if (panel.visible) this.#schedulePost(0);
        else {
          // A hidden webview is torn down with what it held.
          this.#webviewArticleKey = undefined;
          this.#webviewReady = false;
        }
      }),
      this.#articles.onDidChange(() => {
        this.#schedulePost();
        this.#scheduleRecount(false);
      }),
      this.#articles.onProgress((p) => void this.#send({ type: 'progress', ...p })),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (!editor || !this.#isArticle(editor.document) || editor.document.uri.toString() === this.#active?.toString()) return;
        this.#active = editor.document.uri;
        this.#schedulePost();
        this.#scheduleRecount(true);
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0 && e.document.uri.toString() === this.#active?.toString()) this.#schedulePost(services.config.current.debounceMs);
      }),
      services.config.onDidChange(() => this.#schedulePost()),
    );
    void this.#articles.rescan();
  }

  get panel(): vscode.WebviewPanel {
    return this.#panel;
  }

  /** The last `update` posted to the webview (tests compare its model with the CLI's). */
  get lastPosted(): DashboardUpdate | undefined {
    return this.#lastPosted;
  }

  get lastRendered(): RenderedReport | undefined {
    return this.#lastRendered;
  }

  get scanning(): boolean {
    return this.#articles.scanning !== undefined;
  }

  reveal(): void {
    this.#panel.reveal();
  }

  /**
   * Shows the Co-occurrence tab counting over `articles`, with the window and labels the tab last asked for; the
   * webview asks for the matrix (as when the user changes the scope), so the count is the tab's usual one.
   */
  showCooccurrence(articles: readonly vscode.Uri[]): void {
    const files = articles.map((u) => u.toString()).sort();
    const settings: CooccurrenceSettings = { ...(this.#cooccurSettings ?? INITIAL_COOCCURRENCE), scope: 'selection', files };
    this.#panel.reveal();
    if (this.#webviewReady) void this.#send({ type: 'showCooccurrence', settings });
    else this.#pendingShow = settings;
  }

  /** Re-reads every article (command palette `Rescan` and the webview's refresh button). */
  rescan(): Promise<void> {
    return this.#articles.rescan();
  }

  #isArticle(document: vscode.TextDocument): boolean {
    return document.uri.scheme !== 'vscode-webview' && this.#services.analyses.isArticle(document);
  }

  #schedulePost(delayMs = 50): void {
    if (this.#postTimer) clearTimeout(this.#postTimer);
    this.#postTimer = setTimeout(() => void this.#post(), delayMs);
  }

  async #post(): Promise<void> {
    this.#postTimer = undefined;
    if (this.#isDisposed || !this.#panel.visible) return;
    const sequence = ++this.#sequence;
    const lexicon = this.#services.lexicon.current;
    const model = this.#articles.model();
    const { detail: article, articleKey } = await this.#currentDetail();
    if (sequence !== this.#sequence || this.#isDisposed) return;
    const scanning = this.#articles.scanning;
    const update: DashboardUpdate = {
      type: 'update', model, strings: dashboardStrings(),
      language: vscode.env.language.toLowerCase().startsWith('zh') ? 'zh' : 'en',
      colors: poleColors(lexicon.lexicon),
      // The webview keeps the article view it holds: a big article is neither sent nor drawn again for nothing.
      ...(article && this.#webviewArticleKey !== articleKey ? { article } : {}),
      articleKey,
      ...(scanning ? { scanning } : {}),
    };
    if (await this.#send(update)) {
      this.#webviewArticleKey = articleKey;
      this.#lastPosted = { ...update, ...(article ? { article } : {}) };
    }
  }

  /**
   * The article view, built again only when the active article, its text (document version), its row (re-read
   * when the file or its sidecar changed), the lexicon or the settings changed — not when another file did.
   */
  async #currentDetail(): Promise<{ detail: ArticleDetail | undefined; articleKey: number }> {
    const uri = this.#active;
    const document = uri && vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    const key = [uri?.toString(), document?.version, uri && this.#articles.rowOf(WorkspaceArticles.pathOf(uri)), this.#services.lexicon.current, this.#services.config.current];
    const cached = this.#detail;
    if (cached && cached.key.length === key.length && cached.key.every((k, i) => k === key[i])) return cached;
    const detail = await this.#buildDetail();
    this.#detail = { key, detail, articleKey: ++this.#articleKeys };
    return this.#detail;
  }

  /** The article view of the active article, read and analysed now, its sections grouped for display. */
  async #buildDetail(): Promise<ArticleDetail | undefined> {
    const uri = this.#active;
    if (!uri) return undefined;
    const config = this.#services.config.current;
    const input = await readArticle(uri, WorkspaceArticles.pathOf(uri), config.maxFileSizeMB * 1024 * 1024, config.sidecarLocation);
    const lexicon = this.#services.lexicon.current;
    const analysed = analyseArticle(input, lexicon);
    if (!analysed) return undefined;
    if (!analysed.analysis || 'error' in input) return { path: analysed.row.path, row: analysed.row, sections: [], sites: [], topTerms: {} };
    return displayDetail(buildArticleDetail(analysed.row, input.text, analysed.analysis, lexicon.lexicon, input.sidecar));
  }

  async #send(message: ToWebview): Promise<boolean> {
    if (this.#isDisposed) return false;
    try {
      return await this.#panel.webview.postMessage(message);
    } catch {
      return false; // the webview went away between the check and the post
    }
  }

  async #receive(message: FromWebview): Promise<void> {
    switch (message.type) {
      case 'ready':
        // A new page (shown again, reloaded): it holds no article view yet.
        this.#webviewArticleKey = undefined;
        this.#webviewReady = true;
        if (this.#pendingShow) void this.#send({ type: 'showCooccurrence', settings: this.#pendingShow });
        this.#pendingShow = undefined;
        this.#schedulePost(0);
        return;
      case 'refresh':
        await this.#articles.rescan();
        return;
      case 'setVariable': {
        const uri = this.#uriOf(message.path);
        if (!uri) return;
        try {
          await setArticleVariable(uri, message.name, message.value);
        } catch (e) {
          void vscode.window.showErrorMessage(vscode.l10n.t('Cannot write {0}: {1}', 'tension-variables.csv', e instanceof Error ? e.message : String(e)));
        }
        return;
      }
      case 'cooccur':
        this.#cooccurSettings = message.settings;
        await this.#countCooccurrence(message.settings, vscode.ProgressLocation.Notification);
        return;
      case 'cooccurExport': {
        const { window, of, scope, files } = message.settings;
        if (scope === 'selection') {
          await vscode.commands.executeCommand('tensionLens.export', { what: 'report', format: 'html', articles: files ?? [], cooccurrence: { window, of } });
          return;
        }
        // The active article's report is an export of the active file: show it first, as Export… reads the active editor.
        if (scope === 'article') {
          if (!this.#active) return;
          await vscode.window.showTextDocument(this.#active, { viewColumn: this.#articleColumn(), preview: true });
        }
        await vscode.commands.executeCommand('tensionLens.export', { what: 'report', format: 'html', scope: scope === 'article' ? 'file' : 'workspace', cooccurrence: { window, of } });
        return;
      }
      case 'cooccurCell': {
        const last = this.#cooccurrence;
        const { matrix, uris } = last?.counted ?? {};
        const size = matrix?.labels.length ?? 0;
        // Only a cell of the matrix on screen: a click that raced a recount is dropped.
        if (!last || !matrix || !uris || last.key !== JSON.stringify(message.settings) || message.row >= size || message.column >= size || message.row < 0 || message.column < 0) return;
        const query = cellQuery(matrix, message.row, message.column);
        await vscode.commands.executeCommand('tensionLens.concordance', { query, ...(message.settings.scope !== 'workspace' ? { files: uris.map((u) => u.toString()) } : {}) });
        return;
      }
      case 'rendered':
        this.#lastRendered = { view: message.view, rows: message.rows };
        this.#rendered.fire(this.#lastRendered);
        return;
      case 'open': {
        const uri = this.#uriOf(message.path);
        if (!uri) return;
        const error = this.#articles.rowOf(message.path)?.error;
        // A row that could not be read says why; VS Code could not open it as text either.
        if (error) {
          void vscode.window.showWarningMessage(cannotOpen(message.path, errorReason(error)));
          return;
        }
        try {
          await vscode.window.showTextDocument(uri, { viewColumn: this.#articleColumn(), preview: true });
        } catch (e) {
          void vscode.window.showWarningMessage(cannotOpen(message.path, e instanceof Error ? e.message : String(e)));
        }
        return;
      }
      case 'reveal': {
        const uri = this.#uriOf(message.path);
        if (!uri) return;
        const document = await vscode.workspace.openTextDocument(uri).then((d) => d, (e: unknown) => {
          void vscode.window.showWarningMessage(cannotOpen(message.path, e instanceof Error ? e.message : String(e)));
          return undefined;
        });
        if (!document) return;
        const range = new vscode.Range(document.positionAt(message.start), document.positionAt(message.end));
        const editor = await vscode.window.showTextDocument(document, { viewColumn: this.#articleColumn(), selection: range, preview: true });
        editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
        return;
      }
    }
  }

  async #countCooccurrence(settings: CooccurrenceSettings, location: vscode.ProgressLocation): Promise<void> {
    const sequence = ++this.#cooccurSequence;
    // A newer count supersedes the running one: its progress notification closes rather than standing beside the new one.
    this.#cooccurCancel?.cancel();
    this.#cooccurCancel?.dispose();
    const cancel = new vscode.CancellationTokenSource();
    this.#cooccurCancel = cancel;
    const article = settings.scope === 'article' ? this.#active : undefined;
    const counted = await countCooccurrence(settings, article, this.#services, location, cancel.token, this.#cooccurCache);
    if (!counted || sequence !== this.#cooccurSequence || this.#isDisposed) return;
    this.#cooccurrence = { key: JSON.stringify(settings), counted };
    await this.#send({
      type: 'cooccurrence', settings, matrix: counted.matrix, files: counted.uris.length,
      ...(article ? { article: WorkspaceArticles.pathOf(article) } : {}),
    });
  }

  /**
   * The matrix on screen counted again after an article changed (or, for the active article's matrix, when another
   * article became active), in the status bar: the numbers stay those of the files as they are.
   */
  #scheduleRecount(activeChanged: boolean): void {
    const settings = this.#cooccurSettings;
    if (!settings || this.#lastRendered?.view !== 'cooccur' || (activeChanged && settings.scope !== 'article')) return;
    if (this.#recountTimer) clearTimeout(this.#recountTimer);
    this.#recountTimer = setTimeout(() => {
      this.#recountTimer = undefined;
      if (!this.#isDisposed && this.#panel.visible) void this.#countCooccurrence(settings, vscode.ProgressLocation.Window);
    }, 500);
  }

  #uriOf(path: string): vscode.Uri | undefined {
    if (this.#active && WorkspaceArticles.pathOf(this.#active) === path) return this.#active;
    return this.#articles.uriOf(path);
  }

  /** Where articles open: beside the dashboard, in the column of a visible text editor if there is one. */
  #articleColumn(): vscode.ViewColumn {
    const own = this.#panel.viewColumn;
    const other = vscode.window.visibleTextEditors.find((e) => e.viewColumn !== undefined && e.viewColumn !== own)?.viewColumn;
    if (other !== undefined) return other;
    return own === vscode.ViewColumn.One ? vscode.ViewColumn.Beside : vscode.ViewColumn.One;
  }

  dispose(): void {
    if (this.#isDisposed) return;
    this.#isDisposed = true;
    if (this.#postTimer) clearTimeout(this.#postTimer);
    if (this.#recountTimer) clearTimeout(this.#recountTimer);
    this.#cooccurCancel?.cancel();
    this.#cooccurCancel?.dispose();
    for (const d of this.#subscriptions) d.dispose();
    this.#panel.dispose();
    this.#disposed.fire();
    this.#disposed.dispose();
    this.#rendered.dispose();
  }
}
