import * as vscode from 'vscode';
import { CODEBOOK_FILE, type Codebook, type CodebookTag, type SidecarTag, emptyCodebook, formatJsonProblem, parseCodebook, serializeCodebook, tagMemo } from '../../core';
import { writeAtomic } from '../files/atomicWrite';

/** The codebook file could not be read as a codebook: it is reported, never written over. */
export class CodebookProblem extends Error {
  constructor(message: string, readonly uri: vscode.Uri, readonly line: number, readonly character: number) {
    super(message);
  }
}

/**
 * The shared codebook, `tension-codebook.json` at the root of the first workspace folder: tag memos and colours by
 * label, and the project memo. Read on start and whenever the file changes; a change is made on the file as it is on
 * disk at that moment (so an edit from git or another window is not lost) and written atomically. A malformed file
 * is reported with its line and column and never written.
 */
export class CodebookService implements vscode.Disposable {
  readonly #emitter = new vscode.EventEmitter<Codebook | undefined>();
  /** Fires with the new codebook (undefined when there is none or it is malformed). */
  readonly onDidChange = this.#emitter.event;
  readonly #subscriptions: vscode.Disposable[] = [];
  #codebook: Codebook | undefined;
  #problem: CodebookProblem | undefined;
  #ready: Promise<void>;

  constructor() {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${CODEBOOK_FILE}`);
    const reload = (uri: vscode.Uri): void => {
      if (this.uri?.toString() === uri.toString()) this.#ready = this.#reload();
    };
    this.#subscriptions.push(watcher, watcher.onDidChange(reload), watcher.onDidCreate(reload), watcher.onDidDelete(reload),
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        this.#ready = this.#reload();
      }));
    this.#ready = this.#reload();
  }

  /** The codebook file's place, or undefined without a workspace folder. */
  get uri(): vscode.Uri | undefined {
    const folder = vscode.workspace.workspaceFolders?.[0];
    return folder ? vscode.Uri.joinPath(folder.uri, CODEBOOK_FILE) : undefined;
  }

  /** The codebook as last read; undefined when there is no file or it is malformed (see `problem`). */
  get codebook(): Codebook | undefined {
    return this.#codebook;
  }

  get problem(): CodebookProblem | undefined {
    return this.#problem;
  }

  /** Resolves once the file has been read. */
  get ready(): Promise<void> {
    return this.#ready;
  }

  /** A tag's memo: the codebook's for its label, else the tag's own description. */
  memoOf(tag: Pick<SidecarTag, 'label' | 'description'>): string | undefined {
    return tagMemo(this.#codebook, tag);
  }

  /** The codebook's entry for a label. */
  tag(label: string): CodebookTag | undefined {
    return this.#codebook?.tags.find((t) => t.label === label.trim());
  }

  /** Reads the file; throws `CodebookProblem` when it is malformed. Undefined when there is none. */
  async read(): Promise<Codebook | undefined> {
    const uri = this.uri;
    if (!uri) return undefined;
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(uri);
    } catch (e) {
      if (e instanceof vscode.FileSystemError && e.code === 'FileNotFound') return undefined;
      throw e;
    }
    const parsed = parseCodebook(new TextDecoder().decode(bytes), vscode.workspace.asRelativePath(uri, false));
    if ('problems' in parsed) {
      const [first] = parsed.problems;
      throw new CodebookProblem(first ? formatJsonProblem(first) : CODEBOOK_FILE, uri, first?.line ?? 0, first?.character ?? 0);
    }
    return parsed.codebook;
  }

  /**
   * Applies `change` to the codebook as it is on disk now (an empty one when there is no file) and writes it
   * atomically. Throws without writing when there is no workspace folder, the workspace is untrusted or the file is
   * malformed. Returns the codebook written.
   */
  async update(change: (codebook: Codebook) => Codebook): Promise<Codebook> {
    const uri = this.uri;
    if (!uri) throw new Error(vscode.l10n.t('Open a folder first: the codebook is saved as {0} at its root.', CODEBOOK_FILE));
    if (!vscode.workspace.isTrusted) throw new Error(vscode.l10n.t('This workspace is not trusted: the codebook is not saved. Trust the workspace to edit it.'));
    const current = (await this.read()) ?? emptyCodebook();
    const next = change(current);
    await writeAtomic(uri, new TextEncoder().encode(serializeCodebook(next)));
    this.#set(next, undefined);
    return next;
  }

  async #reload(): Promise<void> {
    try {
      this.#set(await this.read(), undefined);
    } catch (e) {
      this.#set(undefined, e instanceof CodebookProblem ? e : undefined);
      if (e instanceof CodebookProblem) {
        const open = vscode.l10n.t('Open Codebook');
        void vscode.window.showErrorMessage(vscode.l10n.t('The codebook cannot be read, so it is left as it is: {0}', e.message), open).then((answer) => {
          if (answer === open) void vscode.window.showTextDocument(e.uri, { selection: new vscode.Range(e.line, e.character, e.line, e.character) });
        });
      }
    }
  }

  #set(codebook: Codebook | undefined, problem: CodebookProblem | undefined): void {
    this.#codebook = codebook;
    this.#problem = problem;
    this.#emitter.fire(codebook);
  }

  dispose(): void {
    for (const d of this.#subscriptions) d.dispose();
    this.#emitter.dispose();
  }
}
