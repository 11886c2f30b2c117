import * as vscode from 'vscode';
import { MEMO_SCHEME } from '../memos/memoScheme';
import { plural } from '../plural';
import {
  type Anchor, AnnotationSet, type AnchorSummary, type SidecarLocation, type SidecarTag, type TextChange, type TextSource,
  formatJsonProblem, isSidecarPath, SIDECAR_SUFFIX, parseSidecar, reanchorAll, serializeSidecar, sidecarForSave,
} from '../../core';
import type { ConfigService } from '../config';
import type { CoderIdentity } from '../team/coderService';
import { articleOfSidecar, coderSidecarUriAt, coderSidecarsOf, exists, locateSidecar, otherLocation, readText, sidecarUriAt, writeTextAtomic } from './sidecarFiles';
import { SidecarStore } from './sidecarStore';

/** The annotations of one article as the editor holds them. */
export interface ArticleAnnotations {
  readonly article: vscode.Uri;
  readonly sidecar: vscode.Uri;
  /** Undefined while the sidecar is malformed: nothing is shown from it and nothing is written over it. */
  readonly set: AnnotationSet | undefined;
  /** Why the sidecar cannot be used (file, line/column, what is wrong), when it cannot. */
  readonly problem: string | undefined;
  /** Ids of annotations that moved or changed after an outside edit of the article, waiting for the user's review. */
  readonly review: ReadonlySet<string>;
}

/** An open article: its sidecar store, and what the editor keeps about it beside the file. */
class Entry implements ArticleAnnotations {
  article: vscode.Uri;
  /** The sidecar the user's changes go to. */
  readonly store: SidecarStore;
  review = new Set<string>();
  loading: Promise<void> | undefined;
  /** Takes down the notification about this sidecar being malformed (once it is fixed, or replaced). */
  dismissProblem: (() => void) | undefined;

  constructor(article: vscode.Uri, sidecar: vscode.Uri) {
    this.article = article;
    this.store = new SidecarStore(sidecar);
  }

  get sidecar(): vscode.Uri {
    return this.store.uri;
  }

  get set(): AnnotationSet | undefined {
    return this.store.set;
  }

  get problem(): string | undefined {
    return this.store.problem;
  }
}

/** What moving sidecars to the configured location did. */
export interface SidecarMoveSummary {
  readonly moved: number;
  /** Left in place because a sidecar already exists at the target (both are kept; nothing is overwritten). */
  readonly skipped: number;
  readonly failed: number;
}

/** The tags every article offers without having them in its sidecar (the lexicon's poles), preferred on merges. */
export type BuiltinTags = () => readonly SidecarTag[];

/** The article's text after an edit, read lazily from the editor buffer. */
function documentSource(document: vscode.TextDocument): TextSource {
  const end = document.lineAt(document.lineCount - 1).range.end;
  return {
    length: document.offsetAt(end),
    slice: (start, to) => document.getText(new vscode.Range(document.positionAt(start), document.positionAt(to))),
    text: () => document.getText(),
  };
}

/** The longest a load waits for the sidecars of a rename to be moved. */
const RENAME_WAIT_MS = 10_000;

/** Thrown for a change the user cannot make now; `message` says why and how to fix it. */
export class AnnotationBlocked extends Error {}

/** Runs a change and turns a blocked write into a warning that says why, instead of an exception. */
export async function guarded(action: () => Promise<unknown>): Promise<void> {
  try {
    await action();
  } catch (e) {
    if (e instanceof AnnotationBlocked) void vscode.window.showWarningMessage(e.message);
    else throw e;
  }
}

/**
 * Loads, keeps and writes the sidecar of every open article: re-anchors on open and on outside changes, follows
 * live edits, moves the sidecar with a renamed article, and never overwrites a sidecar it could not read.
 */
export class AnnotationService implements vscode.Disposable {
  readonly #entries = new Map<string, Entry>();
  readonly #emitter = new vscode.EventEmitter<vscode.Uri>();
  /** Fires with the article's URI whenever its annotations (or their state) change. */
  readonly onDidChange = this.#emitter.event;
  readonly #subscriptions: vscode.Disposable[] = [];
  readonly #builtinTags: BuiltinTags;
  #location: SidecarLocation;
  /** Set between a rename's start and the end of moving its sidecars: loads wait, so they read the moved files. */
  #renaming: { promise: Promise<void>; resolve: () => void; count: number } | undefined;

  /** Whose sidecar the user's changes go to: a coder's own, or (undefined) the single / consensus sidecar. */
  #coder: string | undefined;

  constructor(config: ConfigService, builtinTags: BuiltinTags = () => [], coder?: { readonly identity: CoderIdentity; readonly onDidChange: vscode.Event<CoderIdentity> }) {
    this.#builtinTags = builtinTags;
    this.#location = config.current.sidecarLocation;
    this.#coder = coder?.identity.ownSidecar ? coder.identity.coder : undefined;
    // Both the single sidecars (a.md.tension.json) and the coders' (a.md.tension.<coder>.json).
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.tension.*json');
    if (coder) this.#subscriptions.push(coder.onDidChange((identity) => void this.#onCoderChanged(identity)));
    this.#subscriptions.push(
      watcher,
      watcher.onDidChange((uri) => void this.#onSidecarChanged(uri)),
      watcher.onDidCreate((uri) => void this.#onSidecarChanged(uri)),
      watcher.onDidDelete((uri) => this.#onSidecarDeleted(uri)),
      vscode.workspace.onDidChangeTextDocument((e) => this.#onEdit(e)),
      vscode.workspace.onDidSaveTextDocument((d) => void this.#onArticleSaved(d)),
      vscode.workspace.onWillRenameFiles(() => this.#renameStarted()),
      vscode.workspace.onDidRenameFiles((e) => void this.#onRenamed(e).finally(() => this.#renameDone())),
      vscode.workspace.onDidCloseTextDocument((d) => void this.#onClosed(d)),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.#emitter.fire(vscode.Uri.file('/'))),
      config.onDidChange((c) => void this.#onLocationChanged(c.sidecarLocation)),
    );
  }

  /** True for a document Tension Lens annotates: Markdown or plain text, not one of its own sidecars. */
  isArticle(document: vscode.TextDocument): boolean {
    return (document.languageId === 'markdown' || document.languageId === 'plaintext') && !isSidecarPath(document.uri.path) && document.uri.scheme !== MEMO_SCHEME;
  }

  /** The active editor's document when it is an article; otherwise says so (naming the command's goal) and returns undefined. */
  activeArticle(): vscode.TextDocument | undefined {
    const document = vscode.window.activeTextEditor?.document;
    if (document && this.isArticle(document)) return document;
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a Markdown or plain-text article first: annotations and tags belong to an article.'));
    return undefined;
  }

  /** The tags offered in every article besides its own (the lexicon's poles). */
  get builtinTags(): readonly SidecarTag[] {
    return this.#builtinTags();
  }

  /** Why annotations cannot be written in this document, or undefined when they can. */
  writeBlocker(document: vscode.TextDocument): string | undefined {
    if (!vscode.workspace.isTrusted) return vscode.l10n.t('This workspace is not trusted: annotations are shown but not saved. Trust the workspace to annotate.');
    const entry = this.#entries.get(document.uri.toString());
    if (entry?.problem) return vscode.l10n.t('The sidecar {0} cannot be read, so it is not changed until you fix it: {1}', vscode.workspace.asRelativePath(entry.sidecar), entry.problem);
    if (document.isUntitled) return vscode.l10n.t('Save the article first: annotations are stored in a file beside it.');
    return undefined;
  }

  /** The annotations of an article if they have been loaded. */
  get(uri: vscode.Uri): ArticleAnnotations | undefined {
    return this.#entries.get(uri.toString());
  }

  /** Loads the article's sidecar (once; later calls wait for the same load). */
  async load(document: vscode.TextDocument): Promise<ArticleAnnotations> {
    const key = document.uri.toString();
    let entry = this.#entries.get(key);
    if (!entry) {
      entry = new Entry(document.uri, coderSidecarUriAt(document.uri, this.#coder, this.#location));
      this.#entries.set(key, entry);
      const created = entry;
      entry.loading = this.#inTurn(entry, () => this.#read(created, document, true));
    }
    await entry.loading;
    return entry;
  }

  /** Runs `task` once the reads and changes of this entry's sidecar queued before it are done. */
  #inTurn<T>(entry: Entry, task: () => Promise<T>): Promise<T> {
    return entry.store.inTurn(task);
  }

  /**
   * Reads the sidecar against the text the document has now; changes made while it is read are queued by `#onEdit`
   * and replayed here on the loaded set, so no keystroke is lost.
   */
  async #read(entry: Entry, document: vscode.TextDocument, locate = false): Promise<void> {
    const queued: TextChange[] = [];
    const { store } = entry;
    store.queues.add(queued);
    try {
      await this.#readQueued(entry, document, locate);
    } finally {
      store.queues.delete(queued);
      if (store.set && queued.length > 0) {
        store.set = store.set.edit(queued, documentSource(document));
        store.shifted = true;
        this.#emitter.fire(entry.article);
      }
    }
  }

  async #readQueued(entry: Entry, document: vscode.TextDocument, locate: boolean): Promise<void> {
    const text = document.getText();
    const { store } = entry;
    try {
      // An article reopened under its new name while its sidecar is being moved: read it once it has arrived.
      if (this.#renaming) await this.#renaming.promise;
      if (locate && !document.isUntitled) store.uri = await locateSidecar(document.uri, this.#location, this.#coder);
    } catch (e) {
      store.problem = String(e);
      store.set = undefined;
      this.#emitter.fire(entry.article);
      return;
    }
    const builtin = new Set(this.#builtinTags().map((t) => t.id));
    const read = await store.read(text, vscode.workspace.asRelativePath(document.uri, false), document.isUntitled, (t) => builtin.has(t.id));
    if (read.kind === 'malformed') {
      this.#emitter.fire(entry.article);
      const [first] = read.problems;
      this.#showProblem(entry, vscode.l10n.t('Tension Lens cannot read {0}; it will not be changed until it is fixed. {1}', vscode.workspace.asRelativePath(store.uri), first ? formatJsonProblem(first) : ''), first?.line ?? 0, first?.character ?? 0);
      return;
    }
    if (read.kind === 'unreadable') {
      this.#emitter.fire(entry.article);
      return;
    }
    this.#clearProblem(entry);
    if (read.kind === 'missing') {
      this.#emitter.fire(entry.article);
      return;
    }
    const set = store.set;
    // The article changed outside the editor since the sidecar was written: what moved waits for review.
    const { changed } = read;
    entry.review = new Set(changed && set ? set.anchors.filter((a) => a.state === 'moved' || a.state === 'fuzzy').map((a) => a.annotation.id) : []);
    this.#emitter.fire(entry.article);
    if (changed) this.#reportReanchor(entry, read.summary);
  }

  /**
   * Tells the user a sidecar is malformed, in a notification that goes away by itself when the file is fixed (or
   * replaced by the next problem of the same file): a plain error message would stay on screen, stale.
   */
  #showProblem(entry: Entry, message: string, line: number, character: number): void {
    entry.dismissProblem?.();
    let done: () => void = () => undefined;
    const closed = new Promise<void>((resolve) => {
      done = resolve;
    });
    entry.dismissProblem = done;
    const sidecar = entry.sidecar;
    const open = vscode.l10n.t('Open sidecar');
    void vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: message, cancellable: true }, (_progress, token) => {
      token.onCancellationRequested(done);
      return closed;
    });
    // The progress notification has no buttons: the action is one status-bar click away instead.
    const item = vscode.window.createStatusBarItem('tensionLens.sidecarProblem', vscode.StatusBarAlignment.Left, 1000);
    item.name = vscode.l10n.t('Tension Lens: malformed sidecar');
    item.text = `$(error) ${open}`;
    item.tooltip = message;
    item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
    item.command = { title: open, command: 'vscode.open', arguments: [sidecar, { selection: new vscode.Range(line, character, line, character) }] };
    item.show();
    void closed.then(() => item.dispose());
  }

  #clearProblem(entry: Entry): void {
    entry.dismissProblem?.();
    entry.dismissProblem = undefined;
  }

  async openSidecarAt(uri: vscode.Uri, line: number, character: number): Promise<void> {
    const position = new vscode.Position(line, character);
    await vscode.window.showTextDocument(uri, { selection: new vscode.Range(position, position) });
  }

  #reportReanchor(entry: Entry, summary: AnchorSummary): void {
    if (summary.moved + summary.fuzzy + summary.orphaned === 0) return;
    void vscode.window.showInformationMessage(vscode.l10n.t(
      '{0} changed since its annotations were saved: {1} moved, {2} matched approximately, {3} orphaned (kept, listed under Orphaned).',
      vscode.workspace.asRelativePath(entry.article), summary.moved, summary.fuzzy, summary.orphaned,
    ));
  }

  /**
   * Applies a change to an article's annotations and writes the sidecar. Throws `AnnotationBlocked` when the
   * workspace is untrusted or the sidecar is malformed; the in-memory state is kept when the write fails.
   */
  async change(document: vscode.TextDocument, apply: (set: AnnotationSet) => AnnotationSet): Promise<AnnotationSet> {
    const blocker = this.writeBlocker(document);
    if (blocker) throw new AnnotationBlocked(blocker);
    const entry = (await this.load(document)) as Entry;
    // After any re-read of the sidecar in progress (an outside change, or the echo of our own write), so the change
    // is made on the set it loads; and a re-read that starts now waits until this change is written.
    return this.#inTurn(entry, async () => {
      await this.#catchUp(entry);
      if (!entry.set) throw new AnnotationBlocked(entry.problem ?? 'the sidecar is not loaded');
      const set = apply(entry.set);
      entry.store.set = set;
      for (const id of [...entry.review]) if (!set.get(id)) entry.review.delete(id);
      this.#emitter.fire(entry.article);
      await this.#write(entry, document);
      return set;
    });
  }

  /** Takes annotations out of the review group (the user accepted where they are now). */
  accept(uri: vscode.Uri, ids: readonly string[]): void {
    const entry = this.#entries.get(uri.toString());
    if (!entry) return;
    for (const id of ids) entry.review.delete(id);
    this.#emitter.fire(uri);
  }

  /** Writes the entry's set (as it is once the writes queued before have landed) to its sidecar; says so when it fails. */
  async #write(entry: Entry, document: vscode.TextDocument): Promise<void> {
    const error = await entry.store.write(() => document.getText());
    if (error !== undefined) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Tension Lens could not save {0}: {1}. Your annotations are kept in memory; fix the problem and make any change to save again.', vscode.workspace.asRelativePath(entry.sidecar), error));
    }
  }

  #onEdit(e: vscode.TextDocumentChangeEvent): void {
    const entry = this.#entries.get(e.document.uri.toString());
    if (!entry || e.contentChanges.length === 0) return;
    const changes = e.contentChanges.map((c) => ({ rangeOffset: c.rangeOffset, rangeLength: c.rangeLength, text: c.text }));
    // A read in progress replaces the set and replays these changes on it.
    if (!entry.store.follow(changes, documentSource(e.document)) || !entry.set) return;
    this.#emitter.fire(entry.article);
    // Not dirty after a change: VS Code applied an outside change (or a revert, or undo back to the saved text), so
    // the article on disk is this text. Write the positions for it now, so a reload finds them exactly.
    if (!e.document.isDirty) void this.#writeShifted(entry, e.document);
  }

  /**
   * Writes the positions the live edits shifted, in turn and after a look at the file: when the article and its
   * sidecar change on disk together (a pull), the sidecar that came with the article is read, not written over.
   */
  async #writeShifted(entry: Entry, document: vscode.TextDocument): Promise<void> {
    await this.#inTurn(entry, async () => {
      await this.#catchUp(entry);
      if (entry.set && (entry.store.shifted || entry.store.unsaved) && !this.writeBlocker(document) && entry.set.anchors.length + entry.set.pairs.length > 0) await this.#write(entry, document);
    });
  }

  /**
   * An article closed. Its annotations were written for the text in the editor; when that text was never saved, they
   * are anchored again on the saved file and written for it, so reopening finds them (orphans kept, never dropped).
   */
  async #onClosed(document: vscode.TextDocument): Promise<void> {
    const key = document.uri.toString();
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#entries.delete(key);
    entry.dismissProblem?.();
    const set = entry.set;
    if (!set || set.anchors.length + set.pairs.length === 0 || !(entry.store.shifted || entry.store.unsaved) || !vscode.workspace.isTrusted || document.isUntitled) return;
    let saved: string | undefined;
    try {
      saved = await readText(entry.article);
    } catch {
      saved = undefined;
    }
    if (saved === undefined) return; // renamed or deleted: the rename handler moves the sidecar
    if (saved === document.getText()) return;
    // The sidecar changed on disk since we last read or wrote it: that version is newer than our shifted positions.
    if (!entry.store.unsaved && (await entry.store.changedOnDisk())) return;
    const anchors = reanchorAll(set.anchors.map((a) => a.annotation), saved).anchors;
    try {
      await writeTextAtomic(entry.sidecar, serializeSidecar(await sidecarForSave(set.toSidecar(), anchors, saved)));
    } catch (e) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Tension Lens could not save {0}: {1}. Your annotations are kept in memory; fix the problem and make any change to save again.', vscode.workspace.asRelativePath(entry.sidecar), String(e)));
    }
  }

  async #onArticleSaved(document: vscode.TextDocument): Promise<void> {
    const entry = this.#entries.get(document.uri.toString());
    // Positions in the sidecar are offsets into the saved article: write them when the article is written.
    if (entry?.set && (entry.store.shifted || entry.store.unsaved)) await this.#writeShifted(entry, document);
  }

  #entryForSidecar(uri: vscode.Uri): Entry | undefined {
    for (const entry of this.#entries.values()) if (entry.sidecar.toString() === uri.toString()) return entry;
    return undefined;
  }

  /**
   * Re-reads the sidecar when the file is not what we last read or wrote: an outside change the watcher has not
   * reported yet (it reports some time later, and now and then not at all). Runs in the entry's turn before every
   * write, so a write never replaces a version of the file we have not seen.
   */
  async #catchUp(entry: Entry): Promise<void> {
    await entry.store.writesSettled();
    await this.#reloadChanged(entry, entry.sidecar);
  }

  /** Reads again every open article's sidecar that changed on disk (`Tension Lens: Refresh`, for a watcher that missed a change). */
  async reloadChanged(): Promise<void> {
    await Promise.all([...this.#entries.values()].map((entry) => this.#inTurn(entry, () => this.#catchUp(entry))));
  }

  async #onSidecarChanged(uri: vscode.Uri): Promise<void> {
    const entry = this.#entryForSidecar(uri);
    if (entry) await this.#inTurn(entry, () => this.#reloadChanged(entry, uri));
  }

  /** Reads a sidecar the watcher reported changed, unless the change is our own last write. */
  async #reloadChanged(entry: Entry, uri: vscode.Uri): Promise<void> {
    if (entry.sidecar.toString() !== uri.toString()) return; // moved on (rename, location switch) while waiting
    if (!(await entry.store.changedOnDisk())) return; // our own write
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === entry.article.toString());
    if (!document) return;
    if (entry.store.unsaved && entry.set) {
      // Our copy never reached the disk and the file changed under it: keep both, say where ours went.
      const keep = entry.sidecar.with({ path: entry.sidecar.path.replace(/\.tension\.json$/, `.conflict-${Date.now()}.tension.json`) });
      await writeTextAtomic(keep, serializeSidecar(entry.set.toSidecar())).catch(() => undefined);
      void vscode.window.showWarningMessage(vscode.l10n.t('{0} changed on disk while your annotations were unsaved. Loaded the file from disk; your version is kept in {1}.', vscode.workspace.asRelativePath(uri), vscode.workspace.asRelativePath(keep)));
    }
    entry.store.unsaved = false;
    await this.#read(entry, document);
  }

  #onSidecarDeleted(uri: vscode.Uri): void {
    const entry = this.#entryForSidecar(uri);
    if (!entry?.set || entry.set.anchors.length === 0) return;
    entry.store.lastWritten = undefined;
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === entry.article.toString());
    const restore = vscode.l10n.t('Restore');
    void vscode.window.showWarningMessage(plural(entry.set.anchors.length, vscode.l10n.t('{0} was deleted. Its {1} annotation is still in memory.', vscode.workspace.asRelativePath(uri), entry.set.anchors.length), vscode.l10n.t('{0} was deleted. Its {1} annotations are still in memory.', vscode.workspace.asRelativePath(uri), entry.set.anchors.length)), restore)
      .then((choice) => (choice === restore && document ? this.#write(entry, document) : undefined));
  }

  #renameStarted(): void {
    if (this.#renaming) {
      this.#renaming.count++;
      return;
    }
    let resolve: () => void = () => undefined;
    const promise = new Promise<void>((r) => {
      resolve = r;
    });
    const renaming = { promise, resolve, count: 1 };
    this.#renaming = renaming;
    // A rename that fails never reports its end: do not keep loads waiting for it.
    setTimeout(() => {
      if (this.#renaming === renaming) this.#renameDone(true);
    }, RENAME_WAIT_MS);
  }

  #renameDone(all = false): void {
    const renaming = this.#renaming;
    if (!renaming) return;
    renaming.count = all ? 0 : renaming.count - 1;
    if (renaming.count > 0) return;
    this.#renaming = undefined;
    renaming.resolve();
  }

  async #onRenamed(e: vscode.FileRenameEvent): Promise<void> {
    for (const { oldUri, newUri } of e.files) {
      if (isSidecarPath(oldUri.path)) continue;
      const folder = await vscode.workspace.fs.stat(newUri).then((s) => (s.type & vscode.FileType.Directory) !== 0, () => false);
      if (folder) await this.#onFolderRenamed(oldUri, newUri);
      else await this.#onFileRenamed(oldUri, newUri);
    }
  }

  async #onFileRenamed(oldUri: vscode.Uri, newUri: vscode.Uri): Promise<void> {
    // The single sidecar and every coder's sidecar of the article go with it; the open entry follows the one it edits.
    const owners: (string | undefined)[] = [undefined, ...await coderSidecarsOf(oldUri)];
    let followed: vscode.Uri | undefined;
    for (const coder of owners) {
      const to = await this.#moveSidecar(oldUri, newUri, coder);
      if (to && coder === this.#coder) followed = to;
      else if (to) await this.#retitle(to, newUri, undefined);
    }
    const entry = this.#rekey(oldUri, newUri, followed);
    if (followed) await this.#retitle(followed, newUri, entry);
  }

  /** Moves one sidecar (the single one, or `coder`'s) of a renamed article; where it is now, or undefined when none moved. */
  async #moveSidecar(oldUri: vscode.Uri, newUri: vscode.Uri, coder: string | undefined): Promise<vscode.Uri | undefined> {
    for (const location of [this.#location, otherLocation(this.#location)]) {
      const from = coderSidecarUriAt(oldUri, coder, location);
      if (!(await exists(from))) continue;
      // A sidecar left in the other location after a switch moves to the configured one with its article.
      const to = coderSidecarUriAt(newUri, coder, this.#location);
      if (from.toString() === to.toString()) return to;
      try {
        await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(to, '..'));
        await vscode.workspace.fs.rename(from, to, { overwrite: false });
      } catch (err) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Tension Lens could not move {0} to {1}: {2}', vscode.workspace.asRelativePath(from), vscode.workspace.asRelativePath(to), String(err)));
        return undefined;
      }
      return to;
    }
    return undefined;
  }

  /** Open articles under a renamed folder follow it; in folder mode, so does the mirror subtree under `.tension/`. */
  async #onFolderRenamed(oldUri: vscode.Uri, newUri: vscode.Uri): Promise<void> {
    const mirrorOf = (uri: vscode.Uri): vscode.Uri => {
      const sidecar = sidecarUriAt(uri, 'folder');
      return sidecar.with({ path: sidecar.path.slice(0, -SIDECAR_SUFFIX.length) });
    };
    const mirrorFrom = mirrorOf(oldUri);
    const mirrorTo = mirrorOf(newUri);
    const mirrored = mirrorFrom.toString() !== oldUri.toString() && (await exists(mirrorFrom));
    if (mirrored) {
      try {
        await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(mirrorTo, '..'));
        await vscode.workspace.fs.rename(mirrorFrom, mirrorTo, { overwrite: false });
      } catch (err) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Tension Lens could not move {0} to {1}: {2}', vscode.workspace.asRelativePath(mirrorFrom), vscode.workspace.asRelativePath(mirrorTo), String(err)));
      }
    }
    const prefix = `${oldUri.toString()}/`;
    for (const key of [...this.#entries.keys()]) {
      if (key.startsWith(prefix)) this.#rekey(vscode.Uri.parse(key), vscode.Uri.parse(`${newUri.toString()}/${key.slice(prefix.length)}`));
    }
    // Every moved sidecar names its article by path: keep those paths true.
    const moved = [
      ...(await vscode.workspace.findFiles(new vscode.RelativePattern(newUri, '**/*.tension.json'))),
      ...(mirrored ? await vscode.workspace.findFiles(new vscode.RelativePattern(mirrorTo, '**/*.tension.json')) : []),
    ];
    for (const sidecar of moved) {
      const article = articleOfSidecar(sidecar);
      if (article) await this.#retitle(sidecar, article, this.#entries.get(article.toString()));
    }
    // An article reopened under the new folder before its sidecar arrived holds an empty set: read it again.
    for (const [key, entry] of this.#entries) {
      if (!key.startsWith(`${newUri.toString()}/`) || !entry.set || entry.set.anchors.length + entry.set.tags.length > 0) continue;
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
      if (document) await this.#inTurn(entry, () => this.#read(entry, document, true));
    }
  }

  /** Moves an open article's entry to its new URI, its sidecar to `sidecar` or to the same kind of place as before. */
  #rekey(oldUri: vscode.Uri, newUri: vscode.Uri, sidecar?: vscode.Uri): Entry | undefined {
    const entry = this.#entries.get(oldUri.toString());
    if (!entry) return undefined;
    this.#entries.delete(oldUri.toString());
    const mirrored = entry.sidecar.toString() === coderSidecarUriAt(oldUri, this.#coder, 'folder').toString();
    entry.article = newUri;
    entry.store.uri = sidecar ?? coderSidecarUriAt(newUri, this.#coder, mirrored ? 'folder' : 'beside');
    this.#entries.set(newUri.toString(), entry);
    this.#emitter.fire(newUri);
    return entry;
  }

  /** Sets the sidecar's `document.path` to the article's workspace path (in memory too), leaving a malformed file alone. */
  async #retitle(sidecar: vscode.Uri, article: vscode.Uri, entry: Entry | undefined): Promise<void> {
    const path = vscode.workspace.asRelativePath(article, false);
    if (entry?.set) entry.store.set = entry.set.withDocument({ ...entry.set.toSidecar().document, path });
    const raw = await readText(sidecar).catch(() => undefined);
    if (raw === undefined) return;
    const parsed = parseSidecar(raw, vscode.workspace.asRelativePath(sidecar));
    if ('problems' in parsed || parsed.sidecar.document.path === path) return;
    const serialized = serializeSidecar({ ...parsed.sidecar, document: { ...parsed.sidecar.document, path } });
    try {
      await writeTextAtomic(sidecar, serialized);
      if (entry) entry.store.lastWritten = serialized;
    } catch (err) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Tension Lens could not save {0}: {1}. Your annotations are kept in memory; fix the problem and make any change to save again.', vscode.workspace.asRelativePath(sidecar), String(err)));
    }
  }

  /** The sidecars stored in the location that is not the configured one (what a move would take). */
  async #strays(): Promise<vscode.Uri[]> {
    const all = await vscode.workspace.findFiles('**/*.tension.json');
    return all.filter((uri) => {
      const article = articleOfSidecar(uri);
      return article !== undefined && sidecarUriAt(article, this.#location).toString() !== uri.toString() && sidecarUriAt(article, otherLocation(this.#location)).toString() === uri.toString();
    });
  }

  /**
   * Moves every sidecar stored in the other location to the configured one, one atomic rename each; a sidecar whose
   * target exists already stays where it is (nothing is overwritten) and is counted as skipped. Open articles follow.
   */
  async moveSidecars(): Promise<SidecarMoveSummary> {
    let moved = 0;
    let skipped = 0;
    let failed = 0;
    const strays = await this.#strays();
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Moving sidecars…') }, async (progress) => {
      for (const from of strays) {
        const article = articleOfSidecar(from);
        if (!article) continue;
        const to = sidecarUriAt(article, this.#location);
        if (await exists(to)) {
          skipped++;
          continue;
        }
        try {
          await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(to, '..'));
          await vscode.workspace.fs.rename(from, to, { overwrite: false });
          moved++;
          const entry = this.#entries.get(article.toString());
          if (entry && entry.sidecar.toString() === from.toString()) entry.store.uri = to;
        } catch {
          failed++;
        }
        progress.report({ increment: 100 / strays.length });
      }
    });
    return { moved, skipped, failed };
  }

  async #onLocationChanged(location: SidecarLocation): Promise<void> {
    if (location === this.#location) return;
    this.#location = location;
    // Open articles keep the sidecar they have until it is moved; new ones look in both places.
    const strays = await this.#strays();
    if (strays.length === 0) {
      for (const entry of this.#entries.values()) entry.store.uri = await locateSidecar(entry.article, location);
      return;
    }
    const move = vscode.l10n.t('Move Sidecars');
    const where = location === 'folder' ? vscode.l10n.t('in the .tension folder') : vscode.l10n.t('beside their articles');
    const choice = await vscode.window.showInformationMessage(
      plural(strays.length, vscode.l10n.t('Sidecars are now stored {0}. {1} existing sidecar is elsewhere; it is still read from there. Move it now?', where, strays.length), vscode.l10n.t('Sidecars are now stored {0}. {1} existing sidecars are elsewhere; they are still read from there. Move them now?', where, strays.length)), move,
    );
    if (choice === move) await vscode.commands.executeCommand('tensionLens.moveSidecars');
  }

  /** The coder whose sidecar the user now edits (undefined: the single / consensus sidecar). */
  get coder(): string | undefined {
    return this.#coder;
  }

  /**
   * Another coder (or the consensus) takes over: each open article writes what it still holds for the old sidecar,
   * then reads the new one, so what the user sees and edits is always the chosen coder's.
   */
  async #onCoderChanged(identity: CoderIdentity): Promise<void> {
    const coder = identity.ownSidecar ? identity.coder : undefined;
    if (coder === this.#coder) return;
    this.#coder = coder;
    for (const entry of [...this.#entries.values()]) {
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === entry.article.toString());
      if (!document) continue;
      await this.#inTurn(entry, async () => {
        await this.#catchUp(entry);
        if (entry.set && (entry.store.shifted || entry.store.unsaved) && !this.writeBlocker(document)) await this.#write(entry, document);
        entry.review = new Set();
        await this.#read(entry, document, true);
      });
    }
  }

  /** Anchors of an article in document order, orphans last. */
  sorted(uri: vscode.Uri): Anchor[] {
    const set = this.get(uri)?.set;
    if (!set) return [];
    return [...set.anchors].sort((a, b) => (a.state === 'orphaned' ? 1 : 0) - (b.state === 'orphaned' ? 1 : 0) || a.annotation.target.position.start - b.annotation.target.position.start);
  }

  dispose(): void {
    for (const d of this.#subscriptions) d.dispose();
    this.#emitter.dispose();
  }
}
