import * as vscode from 'vscode';
import { type ArticleRow, type DashboardModel, analyseArticle, assembleModel } from '../../core/dashboard';
import { isTensionLensExport } from '../../core/export';
import type { ConfigService, TensionConfig } from '../config';
import type { LexiconService } from '../lexicon/lexiconService';
import { type RowAnalyser, rowAnalyser } from 'tension-lens-row-analyser';
import { VariableTableFiles } from '../variables/variableTables';
import { findArticles, readArticle } from './articleFiles';

interface Entry {
  readonly uri: vscode.Uri;
  /** Undefined for a file with no Chinese text or an export of Tension Lens: not an article, so no row. */
  readonly row: ArticleRow | undefined;
  /** An export of Tension Lens (it carries the export marker): neither a row nor a skipped file. */
  readonly export?: true;
}

/** Scans past this many files show a cancellable notification; smaller ones only the status-bar spinner. */
const NOTIFY_ABOVE = 200;
/** Longest stretch of analysis between two yields to the event loop, so the extension host stays responsive. */
const SLICE_MS = 10;
/** Files read and waiting for the worker thread (desktop): enough to keep it busy while the host reads the next. */
const IN_FLIGHT = 16;
/** While scanning, listeners hear about new rows at most this often. */
const SCAN_REPORT_MS = 400;

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Settings that change which files are articles or how they read: only these trigger a rescan. */
const scanKey = (c: TensionConfig): string => JSON.stringify([c.include, c.maxFileSizeMB, c.sidecarLocation]);

/**
 * The workspace overview, kept up to date: a background scan of every included file, then one row re-read at a
 * time as files, open documents and sidecars change (debounced). Exists only while the dashboard is open.
 */
export class WorkspaceArticles implements vscode.Disposable {
  readonly #config: ConfigService;
  readonly #lexicon: LexiconService;
  readonly #extensionUri: vscode.Uri;
  readonly #entries = new Map<string, Entry>();
  readonly #changed = new vscode.EventEmitter<void>();
  /** Fires when rows were added, changed or removed, or a scan started or ended; read `model()`. */
  readonly onDidChange = this.#changed.event;
  readonly #progress = new vscode.EventEmitter<{ done: number; total: number }>();
  readonly onProgress = this.#progress.event;
  /** Files to re-read when the debounce timer fires, by URI string. */
  readonly #pending = new Map<string, vscode.Uri>();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #scan: vscode.CancellationTokenSource | undefined;
  #scanning: { done: number; total: number } | undefined;
  #scanKey: string;
  #watchers: vscode.Disposable[] = [];
  readonly #subscriptions: vscode.Disposable[] = [];
  readonly #tables = new VariableTableFiles();

  constructor(config: ConfigService, lexicon: LexiconService, extensionUri: vscode.Uri) {
    this.#config = config;
    this.#lexicon = lexicon;
    this.#extensionUri = extensionUri;
    this.#scanKey = scanKey(config.current);
    this.#subscriptions.push(
      this.#tables,
      // The table gives variables to any article: read every row again.
      this.#tables.onDidChange(() => void this.rescan()),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0 && this.#entries.has(e.document.uri.toString())) this.#schedule(e.document.uri);
      }),
      // Closing a document without saving takes the row back to what is on disk.
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (this.#entries.has(d.uri.toString())) this.#schedule(d.uri);
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.rescan()),
      lexicon.onDidChange(() => void this.rescan()),
      config.onDidChange((c) => {
        if (scanKey(c) === this.#scanKey) return;
        this.#scanKey = scanKey(c);
        void this.rescan();
      }),
    );
  }

  /** Scan progress, or undefined when no scan runs. */
  get scanning(): { done: number; total: number } | undefined {
    return this.#scanning;
  }

  /** The overview as it stands (rows come in while a scan runs). */
  model(): DashboardModel {
    const rows: ArticleRow[] = [];
    let skipped = 0;
    for (const entry of this.#entries.values()) {
      if (entry.row) rows.push(entry.row);
      else if (!entry.export) skipped++;
    }
    return assembleModel(rows, this.#lexicon.current, skipped);
  }

  /** The row a path shows, if the scan has read it. */
  rowOf(path: string): ArticleRow | undefined {
    for (const entry of this.#entries.values()) if (entry.row?.path === path) return entry.row;
    return undefined;
  }

  /** The file of a row, by the path the row shows. */
  uriOf(path: string): vscode.Uri | undefined {
    for (const entry of this.#entries.values()) if (entry.row?.path === path) return entry.uri;
    return undefined;
  }

  /** The path a row shows for a file: relative to its workspace folder (prefixed by the folder's name in multi-root). */
  static pathOf(uri: vscode.Uri): string {
    return vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
  }

  /**
   * Finds and analyses every article again, in the background: a progress indicator in the status bar (or a
   * cancellable notification for a large workspace), a yield to the event loop every few milliseconds, and
   * cancellation when a newer scan starts, the user cancels or the dashboard closes. Rows appear as they are read.
   */
  async rescan(): Promise<void> {
    this.#scan?.cancel();
    this.#scan?.dispose();
    const source = new vscode.CancellationTokenSource();
    this.#scan = source;
    const token = source.token;
    const config = this.#config.current;
    this.#watch(config);
    const uris = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Tension Lens: finding articles') },
      () => findArticles(config.include, token));
    if (token.isCancellationRequested) return;
    const keep = new Set(uris.map((u) => u.toString()));
    for (const key of [...this.#entries.keys()]) if (!keep.has(key)) this.#entries.delete(key);
    this.#scanning = { done: 0, total: uris.length };
    this.#changed.fire();
    const location = uris.length > NOTIFY_ABOVE ? vscode.ProgressLocation.Notification : vscode.ProgressLocation.Window;
    try {
      await vscode.window.withProgress({ location, title: vscode.l10n.t('Tension Lens: scanning articles'), cancellable: true }, async (progress, cancel) => {
        const stop = cancel.onCancellationRequested(() => source.cancel());
        try {
          await this.#scanFiles(uris, config, token, (done) => progress.report({ increment: 100 / Math.max(1, uris.length), message: `${done}/${uris.length}` }));
        } finally {
          stop.dispose();
        }
      });
    } finally {
      // A scan replaced by a newer one leaves the progress to it; a cancelled or finished one clears it.
      if (this.#scan === source) {
        this.#scanning = undefined;
        this.#changed.fire();
      }
    }
  }

  /**
   * Reads and analyses `uris`, rows in path order. On the desktop the analysis runs in a worker thread
   * (rowAnalyser.node.ts) while this thread reads the next files, several in flight; in a web worker host it runs
   * here, one file at a time. Either way this thread yields every few milliseconds.
   */
  async #scanFiles(uris: readonly vscode.Uri[], config: TensionConfig, token: vscode.CancellationToken, report: (done: number) => void): Promise<void> {
    const analyser = rowAnalyser(this.#lexicon.current, this.#extensionUri);
    const inFlight = analyser.offThread ? IN_FLIGHT : 1;
    const queue: Promise<Entry>[] = [];
    let next = 0;
    let sliceStart = Date.now();
    let lastReport = Date.now();
    try {
      for (let done = 0; done < uris.length;) {
        while (next < uris.length && queue.length < inFlight) {
          const entry = this.#analyse(uris[next++] as vscode.Uri, config, analyser);
          // Awaited in turn below; this keeps one that fails early from counting as unhandled.
          entry.catch(() => undefined);
          queue.push(entry);
        }
        const entry = await (queue.shift() as Promise<Entry>);
        if (token.isCancellationRequested) return;
        this.#entries.set(entry.uri.toString(), entry);
        done++;
        this.#scanning = { done, total: uris.length };
        report(done);
        if (Date.now() - sliceStart > SLICE_MS) {
          await yieldToEventLoop();
          sliceStart = Date.now();
        }
        if (Date.now() - lastReport > SCAN_REPORT_MS) {
          lastReport = Date.now();
          this.#progress.fire({ done, total: uris.length });
          this.#changed.fire();
        }
      }
    } finally {
      analyser.dispose();
    }
  }

  async #analyse(uri: vscode.Uri, config: TensionConfig, analyser?: RowAnalyser): Promise<Entry> {
    const input = await readArticle(uri, WorkspaceArticles.pathOf(uri), config.maxFileSizeMB * 1024 * 1024, config.sidecarLocation);
    // An export beside the articles matches the include globs too; read back, it would count its quotes again.
    if ('text' in input && isTensionLensExport(input.text)) return { uri, row: undefined, export: true };
    const tableVariables = 'text' in input ? await this.#tables.variablesOf(uri) : undefined;
    const full = tableVariables ? { ...input, tableVariables } : input;
    // A worker that failed or was stopped leaves the article to this thread: the row is never lost.
    const row = analyser ? await analyser.analyse(full).catch(() => analyseArticle(full, this.#lexicon.current)?.row) : analyseArticle(full, this.#lexicon.current)?.row;
    return { uri, row };
  }

  #watch(config: TensionConfig): void {
    for (const w of this.#watchers) w.dispose();
    const excluded = (path: string): boolean => /\/(?:node_modules|\.git|\.tension)\//.test(path);
    const articles = config.include.map((glob) => {
      const watcher = vscode.workspace.createFileSystemWatcher(glob);
      const update = (uri: vscode.Uri): void => {
        if (!excluded(uri.path)) this.#schedule(uri);
      };
      watcher.onDidCreate(update);
      watcher.onDidChange(update);
      watcher.onDidDelete(update);
      return watcher;
    });
    // A sidecar changes an article's annotation count: re-read that article (beside: drop the suffix; folder mode:
    // map .tension/<path> back to <path>).
    const sidecars = vscode.workspace.createFileSystemWatcher('**/*.tension.json');
    const onSidecar = (uri: vscode.Uri): void => {
      const path = uri.path.slice(0, -'.tension.json'.length).replace(/\/\.tension\//, '/');
      const article = uri.with({ path });
      if (this.#entries.has(article.toString())) this.#schedule(article);
    };
    sidecars.onDidCreate(onSidecar);
    sidecars.onDidChange(onSidecar);
    sidecars.onDidDelete(onSidecar);
    // A folder created or deleted with its files is reported as the folder alone (VS Code folds the children's events
    // into the parent's), and a folder matches no article glob: look inside a new folder, and drop every row below a
    // deleted one, or the dashboard would miss articles that came and keep ones that are gone.
    const folders = vscode.workspace.createFileSystemWatcher('**', false, true, false);
    folders.onDidCreate(async (uri) => {
      const stat = await vscode.workspace.fs.stat(uri).then((s) => s, () => undefined);
      if (!stat || !(stat.type & vscode.FileType.Directory) || excluded(`${uri.path}/`)) return;
      for (const glob of config.include) {
        for (const found of await vscode.workspace.findFiles(new vscode.RelativePattern(uri, glob))) if (!excluded(found.path)) this.#schedule(found);
      }
    });
    folders.onDidDelete((uri) => {
      const below = `${uri.toString()}/`;
      const gone = [...this.#entries.keys()].filter((key) => key.startsWith(below));
      for (const key of gone) this.#entries.delete(key);
      if (gone.length > 0) this.#changed.fire();
    });
    this.#watchers = [...articles, sidecars, folders];
  }

  #schedule(uri: vscode.Uri): void {
    this.#pending.set(uri.toString(), uri);
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#flush(), Math.max(this.#config.current.debounceMs, 100));
  }

  async #flush(): Promise<void> {
    this.#timer = undefined;
    const uris = [...this.#pending.values()];
    this.#pending.clear();
    const config = this.#config.current;
    for (const uri of uris) {
      if (!(await exists(uri))) this.#entries.delete(uri.toString());
      else this.#entries.set(uri.toString(), await this.#analyse(uri, config));
    }
    if (uris.length > 0) this.#changed.fire();
  }

  dispose(): void {
    this.#scan?.cancel();
    this.#scan?.dispose();
    if (this.#timer) clearTimeout(this.#timer);
    for (const d of [...this.#watchers, ...this.#subscriptions]) d.dispose();
    this.#changed.dispose();
    this.#progress.dispose();
  }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString() && !d.isClosed)) return true;
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
