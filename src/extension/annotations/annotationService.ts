import * as vscode from 'vscode';
import {
  type Anchor, AnnotationSet, type AnchorSummary, describeDocument, formatJsonProblem, newSidecar, parseSidecar, serializeSidecar,
  sha256Hex, sidecarForSave,
} from '../../core';
import type { ConfigService } from '../config';
import { readText, sidecarUriFor, writeTextAtomic } from './sidecarFiles';

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

interface Entry {
  article: vscode.Uri;
  sidecar: vscode.Uri;
  set: AnnotationSet | undefined;
  problem: string | undefined;
  review: Set<string>;
  /** Live edits shifted positions since the last write; written when the article is saved. */
  shifted: boolean;
  /** A user change that could not be written (disk error): in memory only. */
  unsaved: boolean;
  /** Text we last wrote, so the watcher can tell our own writes from outside ones. */
  lastWritten: string | undefined;
  loading: Promise<void> | undefined;
}

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
  readonly #config: ConfigService;
  readonly #entries = new Map<string, Entry>();
  readonly #emitter = new vscode.EventEmitter<vscode.Uri>();
  /** Fires with the article's URI whenever its annotations (or their state) change. */
  readonly onDidChange = this.#emitter.event;
  readonly #subscriptions: vscode.Disposable[] = [];

  constructor(config: ConfigService) {
    this.#config = config;
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.tension.json');
    this.#subscriptions.push(
      watcher,
      watcher.onDidChange((uri) => void this.#onSidecarChanged(uri)),
      watcher.onDidCreate((uri) => void this.#onSidecarChanged(uri)),
      watcher.onDidDelete((uri) => this.#onSidecarDeleted(uri)),
      vscode.workspace.onDidChangeTextDocument((e) => this.#onEdit(e)),
      vscode.workspace.onDidSaveTextDocument((d) => void this.#onArticleSaved(d)),
      vscode.workspace.onDidRenameFiles((e) => void this.#onRenamed(e)),
      vscode.workspace.onDidCloseTextDocument((d) => this.#entries.delete(d.uri.toString())),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.#emitter.fire(vscode.Uri.file('/'))),
    );
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
      entry = {
        article: document.uri, sidecar: sidecarUriFor(document.uri, this.#config.current), set: undefined, problem: undefined,
        review: new Set(), shifted: false, unsaved: false, lastWritten: undefined, loading: undefined,
      };
      this.#entries.set(key, entry);
      entry.loading = this.#read(entry, document);
    }
    await entry.loading;
    return entry;
  }

  async #read(entry: Entry, document: vscode.TextDocument): Promise<void> {
    const text = document.getText();
    const relative = vscode.workspace.asRelativePath(document.uri, false);
    let raw: string | undefined;
    try {
      raw = document.isUntitled ? undefined : await readText(entry.sidecar);
    } catch (e) {
      entry.problem = String(e);
      entry.set = undefined;
      this.#emitter.fire(entry.article);
      return;
    }
    if (raw === undefined) {
      entry.set = AnnotationSet.fromAnchors(newSidecar(await describeDocument(relative, text)), []);
      entry.problem = undefined;
      this.#emitter.fire(entry.article);
      return;
    }
    entry.lastWritten = raw;
    const parsed = parseSidecar(raw, vscode.workspace.asRelativePath(entry.sidecar));
    if ('problems' in parsed) {
      entry.set = undefined;
      entry.problem = parsed.problems.map(formatJsonProblem).join('\n');
      this.#emitter.fire(entry.article);
      const open = vscode.l10n.t('Open sidecar');
      void vscode.window.showErrorMessage(vscode.l10n.t('Tension Lens cannot read {0}; it will not be changed until it is fixed. {1}', vscode.workspace.asRelativePath(entry.sidecar), parsed.problems[0] ? formatJsonProblem(parsed.problems[0]) : ''), open)
        .then((choice) => (choice === open ? this.openSidecarAt(entry.sidecar, parsed.problems[0]?.line ?? 0, parsed.problems[0]?.character ?? 0) : undefined));
      return;
    }
    const set = AnnotationSet.load(parsed.sidecar, text);
    entry.set = set;
    entry.problem = undefined;
    // The article changed outside the editor since the sidecar was written: what moved waits for review.
    const changed = parsed.sidecar.document.sha256 !== (await sha256Hex(text));
    entry.review = new Set(changed ? set.anchors.filter((a) => a.state === 'moved' || a.state === 'fuzzy').map((a) => a.annotation.id) : []);
    this.#emitter.fire(entry.article);
    if (changed) this.#reportReanchor(entry, set.summary);
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
    if (!entry.set) throw new AnnotationBlocked(entry.problem ?? 'the sidecar is not loaded');
    entry.set = apply(entry.set);
    for (const id of [...entry.review]) if (!entry.set.get(id)) entry.review.delete(id);
    this.#emitter.fire(entry.article);
    await this.#write(entry, document);
    return entry.set;
  }

  /** Takes annotations out of the review group (the user accepted where they are now). */
  accept(uri: vscode.Uri, ids: readonly string[]): void {
    const entry = this.#entries.get(uri.toString());
    if (!entry) return;
    for (const id of ids) entry.review.delete(id);
    this.#emitter.fire(uri);
  }

  async #write(entry: Entry, document: vscode.TextDocument): Promise<void> {
    if (!entry.set) return;
    const text = document.getText();
    const sidecar = await sidecarForSave(entry.set.toSidecar(), entry.set.anchors, text);
    const serialized = serializeSidecar(sidecar);
    try {
      await writeTextAtomic(entry.sidecar, serialized);
      entry.lastWritten = serialized;
      entry.unsaved = false;
      entry.shifted = false;
    } catch (e) {
      entry.unsaved = true;
      void vscode.window.showErrorMessage(vscode.l10n.t('Tension Lens could not save {0}: {1}. Your annotations are kept in memory; fix the problem and make any change to save again.', vscode.workspace.asRelativePath(entry.sidecar), String(e)));
    }
  }

  #onEdit(e: vscode.TextDocumentChangeEvent): void {
    const entry = this.#entries.get(e.document.uri.toString());
    if (!entry?.set || e.contentChanges.length === 0) return;
    entry.set = entry.set.edit(e.contentChanges.map((c) => ({ rangeOffset: c.rangeOffset, rangeLength: c.rangeLength, text: c.text })));
    entry.shifted = true;
    this.#emitter.fire(entry.article);
  }

  async #onArticleSaved(document: vscode.TextDocument): Promise<void> {
    const entry = this.#entries.get(document.uri.toString());
    // Positions in the sidecar are offsets into the saved article: write them when the article is written.
    if (entry?.set && (entry.shifted || entry.unsaved) && !this.writeBlocker(document) && entry.set.anchors.length > 0) await this.#write(entry, document);
  }

  #entryForSidecar(uri: vscode.Uri): Entry | undefined {
    for (const entry of this.#entries.values()) if (entry.sidecar.toString() === uri.toString()) return entry;
    return undefined;
  }

  async #onSidecarChanged(uri: vscode.Uri): Promise<void> {
    const entry = this.#entryForSidecar(uri);
    if (!entry) return;
    const raw = await readText(uri).catch(() => undefined);
    if (raw === undefined || raw === entry.lastWritten) return; // our own write
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === entry.article.toString());
    if (!document) return;
    if (entry.unsaved && entry.set) {
      // Our copy never reached the disk and the file changed under it: keep both, say where ours went.
      const keep = entry.sidecar.with({ path: entry.sidecar.path.replace(/\.tension\.json$/, `.conflict-${Date.now()}.tension.json`) });
      await writeTextAtomic(keep, serializeSidecar(entry.set.toSidecar())).catch(() => undefined);
      void vscode.window.showWarningMessage(vscode.l10n.t('{0} changed on disk while your annotations were unsaved. Loaded the file from disk; your version is kept in {1}.', vscode.workspace.asRelativePath(uri), vscode.workspace.asRelativePath(keep)));
    }
    entry.unsaved = false;
    await this.#read(entry, document);
  }

  #onSidecarDeleted(uri: vscode.Uri): void {
    const entry = this.#entryForSidecar(uri);
    if (!entry?.set || entry.set.anchors.length === 0) return;
    entry.lastWritten = undefined;
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === entry.article.toString());
    const restore = vscode.l10n.t('Restore');
    void vscode.window.showWarningMessage(vscode.l10n.t('{0} was deleted. Its {1} annotations are still in memory.', vscode.workspace.asRelativePath(uri), entry.set.anchors.length), restore)
      .then((choice) => (choice === restore && document ? this.#write(entry, document) : undefined));
  }

  async #onRenamed(e: vscode.FileRenameEvent): Promise<void> {
    for (const { oldUri, newUri } of e.files) {
      if (oldUri.path.endsWith('.tension.json')) continue;
      const from = sidecarUriFor(oldUri, this.#config.current);
      const to = sidecarUriFor(newUri, this.#config.current);
      if (from.toString() === to.toString()) continue;
      try {
        await vscode.workspace.fs.stat(from);
      } catch {
        continue; // no sidecar to move (a directory rename moves beside-sidecars with it)
      }
      try {
        await vscode.workspace.fs.rename(from, to, { overwrite: false });
      } catch (err) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Tension Lens could not move {0} to {1}: {2}', vscode.workspace.asRelativePath(from), vscode.workspace.asRelativePath(to), String(err)));
        continue;
      }
      const entry = this.#entries.get(oldUri.toString());
      if (entry) {
        this.#entries.delete(oldUri.toString());
        entry.article = newUri;
        entry.sidecar = to;
        this.#entries.set(newUri.toString(), entry);
        this.#emitter.fire(newUri);
      }
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
