import * as vscode from 'vscode';
import {
  type AnchorSummary, AnnotationSet, type SidecarProblem, type SidecarTag, type TextChange, type TextSource, describeDocument, formatJsonProblem, newSidecar, parseSidecar,
  serializeSidecar, sha256Hex, sidecarForSave,
} from '../../core';
import { readText, writeTextAtomic } from './sidecarFiles';

/** What reading a sidecar found; the store holds the set (or the problem) afterwards. */
export type StoreRead =
  | { readonly kind: 'missing' }
  | { readonly kind: 'unreadable'; readonly error: string }
  | { readonly kind: 'malformed'; readonly problems: readonly SidecarProblem[] }
  /** `changed`: the article's text is not the one the sidecar was saved for (annotations were re-anchored). */
  | { readonly kind: 'loaded'; readonly changed: boolean; readonly summary: AnchorSummary };

/**
 * One sidecar file and the annotation set read from it: the single sidecar `a.md.tension.json`, or one coder's
 * `a.md.tension.<coder>.json` — the same rules for each. Reads and the user's changes take turns, writes take turns
 * (an older set never lands after a newer one), and a file it could not parse is never written over.
 */
export class SidecarStore {
  /** Where the file is; follows renames and location switches. */
  uri: vscode.Uri;
  /** Undefined while the file is malformed or unreadable: nothing is shown from it and nothing is written over it. */
  set: AnnotationSet | undefined;
  /** Why the file cannot be used (file, line/column, what is wrong), when it cannot. */
  problem: string | undefined;
  /** Live edits shifted positions since the last write; written when the article is saved. */
  shifted = false;
  /** A user change that could not be written (disk error): in memory only. */
  unsaved = false;
  /** Text last written or read, so the watcher can tell our own writes from outside ones. */
  lastWritten: string | undefined;
  /** Per read in progress: the changes made since it took the text, replayed on the set it loads. */
  readonly queues = new Set<TextChange[]>();
  #turn: Promise<void> = Promise.resolve();
  #writes: Promise<void> = Promise.resolve();

  constructor(uri: vscode.Uri) {
    this.uri = uri;
  }

  /**
   * Runs `task` once the reads and changes queued before it are done. They run one at a time: a read that took the
   * file before a change was written, and finished after, would put back a set without it.
   */
  inTurn<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#turn.then(task);
    this.#turn = run.then(() => undefined, () => undefined);
    return run;
  }

  /**
   * Reads the file against `text` (the article as the editor has it; `untitled`: there is no file yet). Tags whose
   * labels repeat are merged, keeping the one `prefer` accepts.
   */
  async read(text: string, articlePath: string, untitled: boolean, prefer: (tag: SidecarTag) => boolean): Promise<StoreRead> {
    let raw: string | undefined;
    try {
      raw = untitled ? undefined : await readText(this.uri);
    } catch (e) {
      this.problem = String(e);
      this.set = undefined;
      return { kind: 'unreadable', error: this.problem };
    }
    if (raw === undefined) {
      this.set = AnnotationSet.fromAnchors(newSidecar(await describeDocument(articlePath, text)), []);
      this.problem = undefined;
      return { kind: 'missing' };
    }
    this.lastWritten = raw;
    const parsed = parseSidecar(raw, vscode.workspace.asRelativePath(this.uri));
    if ('problems' in parsed) {
      this.set = undefined;
      this.problem = parsed.problems.map(formatJsonProblem).join('\n');
      return { kind: 'malformed', problems: parsed.problems };
    }
    const set = AnnotationSet.load(parsed.sidecar, text, prefer);
    this.set = set;
    this.problem = undefined;
    return { kind: 'loaded', changed: parsed.sidecar.document.sha256 !== (await sha256Hex(text)), summary: set.summary };
  }

  /** Follows live edits of the article; false when a read in progress will replay them instead (or nothing is loaded). */
  follow(changes: readonly TextChange[], source: TextSource): boolean {
    for (const queue of this.queues) queue.push(...changes);
    if (!this.set || this.queues.size > 0) return false;
    this.set = this.set.edit(changes, source);
    this.shifted = true;
    return true;
  }

  /**
   * Writes the set (as it is once the writes queued before have landed) for the article's `text()`, atomically.
   * Resolves to why the write failed (the set stays in memory, marked unsaved), else undefined.
   */
  async write(text: () => string): Promise<string | undefined> {
    const run = this.#writes.then(() => this.#writeNow(text()));
    this.#writes = run.then(() => undefined, () => undefined);
    return run;
  }

  /**
   * True when the file holds something else than what was last read or written here: an outside change (false when
   * it is missing or cannot be read, which the watcher's delete and the next read report).
   */
  async changedOnDisk(): Promise<boolean> {
    const raw = await readText(this.uri).catch(() => undefined);
    return raw !== undefined && raw !== this.lastWritten;
  }

  /** Resolves once the writes queued so far have landed (or failed). */
  writesSettled(): Promise<void> {
    return this.#writes;
  }

  async #writeNow(text: string): Promise<string | undefined> {
    if (!this.set) return undefined;
    const serialized = serializeSidecar(await sidecarForSave(this.set.toSidecar(), this.set.anchors, text));
    try {
      await writeTextAtomic(this.uri, serialized);
      this.lastWritten = serialized;
      this.unsaved = false;
      this.shifted = false;
      return undefined;
    } catch (e) {
      this.unsaved = true;
      return String(e);
    }
  }
}
