import * as vscode from 'vscode';
import { type CompiledLexicon, type LexiconProblem, type UserLexicon, builtinLexicon, compileLexicon, mergeLexicons, parseUserLexicon } from '../../core';
import type { ConfigService } from '../config';

/** The workspace lexicon file picked up without any setting. */
const WORKSPACE_LEXICON = '.vscode/tension-lexicon.json';

/**
 * The lexicon in force: the built-in one with the user's lexicon files merged over it. Watches those files,
 * reloads on change, and reports a broken one in the Problems panel while the rest keeps working.
 */
export class LexiconService implements vscode.Disposable {
  readonly #config: ConfigService;
  readonly #diagnostics = vscode.languages.createDiagnosticCollection('tensionLens.lexicon');
  readonly #emitter = new vscode.EventEmitter<CompiledLexicon>();
  readonly onDidChange = this.#emitter.event;
  #watchers: vscode.Disposable[] = [];
  /** The files the watchers are for. */
  #watched: string | undefined;
  #compiled: CompiledLexicon = compileLexicon(builtinLexicon);
  #rejected: readonly string[] = [];
  #loading: Promise<void> = Promise.resolve();
  /** The user lexicon files' texts the current lexicon was built from: a reload that reads the same keeps it. */
  #sources = '[]';
  #paths: string;
  readonly #subscriptions: vscode.Disposable[] = [];

  constructor(config: ConfigService) {
    this.#config = config;
    this.#paths = JSON.stringify(config.current.lexiconPaths);
    this.#subscriptions.push(
      config.onDidChange((c) => {
        // Only the lexicon paths concern the lexicon: other settings must not rebuild it (and re-analyse everything).
        const paths = JSON.stringify(c.lexiconPaths);
        if (paths === this.#paths) return;
        this.#paths = paths;
        void this.reload();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.reload()),
    );
  }

  get current(): CompiledLexicon {
    return this.#compiled;
  }

  /** Forms the user lexicons reject (Suggest Terms never proposes them), from every file in force. */
  get rejected(): readonly string[] {
    return this.#rejected;
  }

  /** The workspace lexicon file that Suggest Terms and "Add to lexicon" write: the one of the article's folder, or the first folder's. */
  workspaceFile(near?: vscode.Uri): vscode.Uri | undefined {
    const folder = (near && vscode.workspace.getWorkspaceFolder(near)) ?? vscode.workspace.workspaceFolders?.[0];
    return folder ? vscode.Uri.joinPath(folder.uri, WORKSPACE_LEXICON) : undefined;
  }

  /** Resolves once the latest reload has finished. */
  get ready(): Promise<void> {
    return this.#loading;
  }

  /** Lexicon files in force: the configured paths (relative ones against each workspace folder) and the workspace file. */
  files(): vscode.Uri[] {
    const folders = vscode.workspace.workspaceFolders ?? [];
    const uris: vscode.Uri[] = [];
    for (const p of this.#config.current.lexiconPaths) {
      if (/^([a-zA-Z]:[\\/]|\/)/.test(p)) uris.push(vscode.Uri.file(p));
      else for (const f of folders) uris.push(vscode.Uri.joinPath(f.uri, p));
    }
    for (const f of folders) uris.push(vscode.Uri.joinPath(f.uri, WORKSPACE_LEXICON));
    return uris;
  }

  reload(): Promise<void> {
    this.#loading = this.#loading.then(() => this.#load());
    return this.#loading;
  }

  async #load(): Promise<void> {
    const files = this.files();
    this.#watch(files);
    const users: UserLexicon[] = [];
    const sources: [string, string][] = [];
    this.#diagnostics.clear();
    for (const uri of files) {
      let bytes: Uint8Array;
      try {
        bytes = await vscode.workspace.fs.readFile(uri);
      } catch {
        continue; // a configured file that does not exist (yet) is not an error: the workspace file is optional
      }
      const text = new TextDecoder().decode(bytes).replace(/^\uFEFF/, '');
      const { lexicon, problems } = parseUserLexicon(text, uri.fsPath || uri.toString());
      if (lexicon) {
        users.push(lexicon);
        sources.push([uri.toString(), text]);
      } else this.#diagnostics.set(uri, problems.map(toDiagnostic));
    }
    this.#rejected = [...new Set(users.flatMap((u) => u.rejected ?? []))];
    const key = JSON.stringify(sources);
    if (key === this.#sources) return;
    this.#sources = key;
    const previous = this.#compiled;
    this.#compiled = compileLexicon(users.length > 0 ? mergeLexicons(builtinLexicon, ...users) : builtinLexicon);
    if (previous !== this.#compiled) this.#emitter.fire(this.#compiled);
  }

  /**
   * Watches `files`, keeping the watchers in place while the list is the same: a watcher made anew on every reload
   * misses what happens on disk while it is being set up (a lexicon saved just after the previous one).
   */
  #watch(files: readonly vscode.Uri[]): void {
    const key = JSON.stringify(files.map((f) => f.toString()));
    if (key === this.#watched) return;
    this.#watched = key;
    for (const w of this.#watchers) w.dispose();
    this.#watchers = files.map((uri) => {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.joinPath(uri, '..'), uri.path.split('/').pop() ?? ''));
      const reload = (): void => void this.reload();
      watcher.onDidChange(reload);
      watcher.onDidCreate(reload);
      watcher.onDidDelete(reload);
      return watcher;
    });
  }

  dispose(): void {
    for (const d of [...this.#watchers, ...this.#subscriptions]) d.dispose();
    this.#diagnostics.dispose();
    this.#emitter.dispose();
  }
}

function toDiagnostic(p: LexiconProblem): vscode.Diagnostic {
  const start = new vscode.Position(p.line, p.character);
  const range = new vscode.Range(start, start.translate(0, Math.max(1, Math.min(p.length, 200))));
  const d = new vscode.Diagnostic(range, `${p.path ? `${p.path}: ` : ''}${p.message}`, vscode.DiagnosticSeverity.Error);
  d.source = 'Tension Lens';
  return d;
}
