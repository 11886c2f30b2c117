import * as vscode from 'vscode';
import {
  type FromConcordanceView, type KwicLine, type ToConcordanceView, type ViewLine, QueryError, atomsOf, checkQuery, concordance,
  decodeFromConcordanceView, hitAtomOccurrences, isHitAtom, kwicLinesOf, parseQuery, writeConcordanceCsv,
} from '../../core';
import type { AnnotationService } from '../annotations/annotationService';
import type { ConfigService } from '../config';
import { findArticles } from '../dashboard/articleFiles';
import { writeAtomic } from '../files/atomicWrite';
import type { LexiconService } from '../lexicon/lexiconService';
import { readArticleText, readConcordanceArticle, taggedSpans } from './articleSource';
import { annotateLines } from './annotateLines';
import { concordanceHtml } from './html';
import { concordanceStrings } from './strings';

/** The concordance view's panel type. */
export const CONCORDANCE_VIEW_TYPE = 'tensionLens.concordance';

/** Services the panel reads; owned by the composition root. */
export interface ConcordanceServices {
  readonly extensionUri: vscode.Uri;
  readonly config: ConfigService;
  readonly lexicon: LexiconService;
  readonly annotations: AnnotationService;
}

/** What tests read: the query, the lines found so far (in search order) and whether the search is over. */
export interface ConcordanceSnapshot {
  readonly open: boolean;
  readonly query: string;
  readonly lines: readonly KwicLine[];
  readonly done: boolean;
}

/** Lines posted to the view at most this often while a search runs, so a big search does not flood it. */
const POST_MS = 100;
/** Longest stretch of analysis between two yields, so the extension host stays responsive. */
const SLICE_MS = 15;
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * The concordance: one webview panel, reused. A search reads every article of the workspace in the background
 * (cancellable, with progress), posting lines as files are done; the view sorts, filters, marks and opens them.
 */
export class ConcordancePanel implements vscode.Disposable {
  readonly #services: ConcordanceServices;
  #panel: vscode.WebviewPanel | undefined;
  #search: vscode.CancellationTokenSource | undefined;
  #query = '';
  /** The articles the last search was limited to (a co-occurrence cell of a selection); undefined: the workspace. */
  #files: readonly vscode.Uri[] | undefined;
  #lines: { line: ViewLine; uri: vscode.Uri }[] = [];
  #done = true;
  #ready: Promise<void> | undefined;
  readonly #subscriptions: vscode.Disposable[] = [];

  constructor(services: ConcordanceServices) {
    this.#services = services;
  }

  snapshot(): ConcordanceSnapshot {
    return { open: this.#panel !== undefined, query: this.#query, lines: this.#lines.map((l) => l.line), done: this.#done };
  }

  /**
   * Shows the panel and runs `query` (checked first: a bad query is reported with its position, nothing runs) over
   * the workspace's articles, or over `files` only when given (a co-occurrence cell of one article).
   */
  async show(query: string, files?: readonly vscode.Uri[]): Promise<void> {
    try {
      checkQuery(parseQuery(query), query, this.#services.lexicon.current);
    } catch (e) {
      if (e instanceof QueryError) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Concordance query: {0}', e.message.split('\n')[0] ?? e.message));
        return;
      }
      throw e;
    }
    this.#open();
    await this.#ready;
    await this.#run(query, files);
  }

  #open(): void {
    if (this.#panel) {
      this.#panel.reveal(undefined, true);
      return;
    }
    const { extensionUri } = this.#services;
    const panel = vscode.window.createWebviewPanel(CONCORDANCE_VIEW_TYPE, vscode.l10n.t('Tension Lens Concordance'), vscode.ViewColumn.Beside, {
      enableScripts: true, enableFindWidget: true, retainContextWhenHidden: true,
      localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media', 'concordance')],
    });
    this.#panel = panel;
    let ready: () => void = () => undefined;
    this.#ready = new Promise((resolve) => (ready = resolve));
    panel.webview.html = concordanceHtml(panel.webview, extensionUri, vscode.l10n.t('Tension Lens Concordance'), vscode.env.language);
    const listeners = [
      panel.webview.onDidReceiveMessage((raw) => {
        const message = decodeFromConcordanceView(raw);
        if (message?.type === 'ready') ready();
        else if (message) void this.#onMessage(message);
      }),
      panel.onDidDispose(() => {
        this.#search?.cancel();
        this.#panel = undefined;
        for (const l of listeners) l.dispose();
      }),
    ];
  }

  #post(message: ToConcordanceView): void {
    void this.#panel?.webview.postMessage(message);
  }

  async #onMessage(message: FromConcordanceView): Promise<void> {
    switch (message.type) {
      case 'search': return this.show(message.query);
      case 'cancel': this.#search?.cancel(); return;
      case 'open': {
        const found = this.#lines[message.id];
        if (!found) return;
        const document = await vscode.workspace.openTextDocument(found.uri);
        const range = new vscode.Range(document.positionAt(found.line.start), document.positionAt(found.line.end));
        await vscode.window.showTextDocument(document, { selection: range, viewColumn: vscode.ViewColumn.One });
        return;
      }
      case 'annotate': {
        const picked = message.ids.map((id) => this.#lines[id]).filter((l) => l !== undefined);
        const done = await annotateLines(picked, this.#services.annotations);
        this.#post({ type: 'annotated', ids: done.map((l) => l.line.id) });
        return;
      }
      case 'export': return this.#export(message.ids);
      // The HTML report of the articles searched, with this concordance as a section (Export… asks where, and for a grouping).
      case 'exportHtml':
        await vscode.commands.executeCommand('tensionLens.export', {
          what: 'report', format: 'html', concordance: { query: this.#query, sort: message.sort }, ...(this.#files ? { articles: this.#files } : { scope: 'workspace' }),
        });
        return;
      default: return;
    }
  }

  async #export(ids: readonly number[]): Promise<void> {
    const lines = ids.map((id) => this.#lines[id]?.line).filter((l) => l !== undefined);
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const target = await vscode.window.showSaveDialog({
      ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, 'concordance.csv') } : {}), filters: { CSV: ['csv'] }, title: vscode.l10n.t('Export the concordance'),
    });
    if (!target) return;
    try {
      await writeAtomic(target, new TextEncoder().encode(writeConcordanceCsv(lines)));
      void vscode.window.showInformationMessage(vscode.l10n.t('Exported {0} concordance lines to {1}.', lines.length, vscode.workspace.asRelativePath(target)));
    } catch (e) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Cannot write {0}: {1}', target.fsPath, e instanceof Error ? e.message : String(e)));
    }
  }

  async #run(query: string, files?: readonly vscode.Uri[]): Promise<void> {
    this.#search?.cancel();
    const source = new vscode.CancellationTokenSource();
    this.#search = source;
    const token = source.token;
    const node = parseQuery(query);
    const wantsTags = atomsOf(node).some((a) => a.field === 'tag');
    const { config, lexicon, annotations } = this.#services;
    const settings = config.current;
    this.#query = query;
    this.#files = files;
    this.#lines = [];
    this.#done = false;
    this.#post({ type: 'start', query, strings: concordanceStrings() });
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Tension Lens: concordance of {0}', query), cancellable: true },
      async (progress, cancel) => {
        const stop = cancel.onCancellationRequested(() => source.cancel());
        try {
          const uris = files ?? await findArticles(settings.include, token);
          let pending: ViewLine[] = [];
          let lastPost = Date.now();
          let slice = Date.now();
          let posted = false;
          const flush = (files: number): void => {
            posted = true;
            this.#post({ type: 'lines', lines: pending, files, total: uris.length });
            pending = [];
            lastPost = Date.now();
          };
          // One term, pole or axis: its lines come from the matcher alone (the same hits), not from a whole analysis.
          const atom = isHitAtom(node) ? node : undefined;
          const maxBytes = settings.maxFileSizeMB * 1024 * 1024;
          const linesOf = async (uri: vscode.Uri, path: () => string): Promise<readonly KwicLine[]> => {
            if (atom) {
              const read = await readArticleText(uri, maxBytes);
              return read ? kwicLinesOf(path(), read.text, hitAtomOccurrences(atom, read.text, read.format, lexicon.current)) : [];
            }
            const article = await readConcordanceArticle(uri, lexicon.current, maxBytes,
              (text) => (wantsTags ? taggedSpans(uri, text, annotations, settings.sidecarLocation) : undefined));
            return article ? concordance(path(), article, node) : [];
          };
          for (const [i, uri] of uris.entries()) {
            if (token.isCancellationRequested) break;
            const found = await linesOf(uri, () => vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1));
            if (this.#search === source) {
              for (const line of found) {
                const viewLine = { ...line, id: this.#lines.length };
                this.#lines.push({ line: viewLine, uri });
                pending.push(viewLine);
              }
            }
            progress.report({ increment: 100 / Math.max(1, uris.length), message: `${i + 1}/${uris.length}` });
            // The first lines go out as soon as they are found; after that, one message per POST_MS.
            if ((pending.length > 0 && !posted) || Date.now() - lastPost > POST_MS) flush(i + 1);
            if (Date.now() - slice > SLICE_MS) {
              await yieldToEventLoop();
              slice = Date.now();
            }
          }
          if (this.#search === source) flush(uris.length);
        } finally {
          stop.dispose();
        }
      });
    if (this.#search !== source) return;
    this.#done = true;
    this.#post({ type: 'done', cancelled: token.isCancellationRequested });
  }

  dispose(): void {
    this.#search?.cancel();
    this.#panel?.dispose();
    for (const s of this.#subscriptions) s.dispose();
  }
}
