import { type TextSource, followEdits } from './followEdits';
import type { TextChange } from './liveEdits';
import { quoteAt } from './quote';
import { followPairEdits, reanchorPair } from './pairs';
import { reanchor, reanchorAll, summarize } from './reanchor';
import type { Anchor, AnchorState, AnchorSummary, Annotation, PairAnchor, Sidecar, SidecarDocument, SidecarTag, TensionPair } from './types';

/** What an undo step restores: the tags and annotations before an operation, and whose ranges it changed. */
interface UndoEntry {
  readonly label: string;
  readonly tags: readonly SidecarTag[];
  readonly annotations: readonly Annotation[];
  /** The article memo before the operation. */
  readonly memo: string | undefined;
  readonly pairs: readonly TensionPair[];
  /** Ids whose range the operation set (re-pin); every other annotation keeps the range live edits gave it since. */
  readonly retargeted: ReadonlySet<string>;
}

/** Undo steps kept; older ones are forgotten. */
const UNDO_LIMIT = 100;

const unique = (ids: readonly string[]): string[] => [...new Set(ids)];

/**
 * The sidecar with tags that share a label (after trimming) merged into one: the first tag `prefer` accepts, else the
 * first in the list, keeps its id and place; the others' annotations are moved to it (each annotation keeps every other
 * tag and its own order). The same object when no two tags share a label. Nothing else changes, no annotation is lost.
 */
export function mergeTagsByLabel(sidecar: Sidecar, prefer?: (tag: SidecarTag) => boolean): Sidecar {
  const byLabel = new Map<string, SidecarTag[]>();
  for (const tag of sidecar.tags) {
    const label = tag.label.trim();
    byLabel.set(label, [...(byLabel.get(label) ?? []), tag]);
  }
  const into = new Map<string, string>();
  for (const group of byLabel.values()) {
    if (group.length < 2) continue;
    const keep = group.find((t) => prefer?.(t)) ?? group[0];
    for (const t of group) if (keep && t.id !== keep.id) into.set(t.id, keep.id);
  }
  if (into.size === 0) return sidecar;
  const annotations = sidecar.annotations.map((a) => (a.tags.some((t) => into.has(t)) ? { ...a, tags: unique(a.tags.map((t) => into.get(t) ?? t)) } : a));
  const kept = sidecar.tags.filter((t) => !into.has(t.id));
  // The survivor takes the place of the first tag of its label, so the codebook's order does not jump.
  const order = sidecar.tags.map((t) => into.get(t.id) ?? t.id).filter((id, i, all) => all.indexOf(id) === i);
  return { ...sidecar, tags: order.map((id) => kept.find((t) => t.id === id)).filter((t): t is SidecarTag => t !== undefined), annotations };
}

/**
 * The annotations of one article in memory: an immutable value whose operations return a new set, with an undo
 * stack. User operations (add, update, delete, re-pin, tag changes) can be undone; following the text (`edit`,
 * `withAnchors`) cannot — the editor's own undo replays text changes. Unknown ids throw an `Error`.
 */
export class AnnotationSet {
  /** Everything but the annotations, which live in `#anchors`. */
  readonly #base: Sidecar;
  readonly #anchors: readonly Anchor[];
  readonly #pairs: readonly PairAnchor[];
  readonly #undo: readonly UndoEntry[];
  #byId: Map<string, number> | undefined;

  private constructor(base: Sidecar, anchors: readonly Anchor[], undo: readonly UndoEntry[], pairs: readonly PairAnchor[]) {
    const { pairs: _inFile, ...rest } = base;
    this.#base = rest;
    this.#anchors = anchors;
    this.#undo = undo;
    this.#pairs = pairs;
  }

  /**
   * The set for a parsed sidecar, every annotation re-anchored against the article's current text. Tags that share a
   * label are merged into one (see `mergeTagsByLabel`), so the views and exports cannot show two groups of the same name.
   */
  static load(sidecar: Sidecar, text: string, preferTag?: (tag: SidecarTag) => boolean): AnnotationSet {
    const merged = mergeTagsByLabel(sidecar, preferTag);
    const pairs = (merged.pairs ?? []).map((p) => reanchorPair(p, text));
    return new AnnotationSet({ ...merged, annotations: [] }, reanchorAll(merged.annotations, text).anchors, [], pairs);
  }

  /**
   * The set for a sidecar whose annotations have already been anchored (`anchors` replace its annotations); its
   * pairs are taken as placed unless `pairs` gives their anchors.
   */
  static fromAnchors(sidecar: Sidecar, anchors: readonly Anchor[], pairs?: readonly PairAnchor[]): AnnotationSet {
    const placed = pairs ?? (sidecar.pairs ?? []).map((pair): PairAnchor => ({ pair, states: ['exact', 'exact'] }));
    return new AnnotationSet({ ...sidecar, annotations: [] }, anchors, [], placed);
  }

  /** Annotations with their runtime states, in the order they were added or loaded. */
  get anchors(): readonly Anchor[] {
    return this.#anchors;
  }

  /** Tension pairs with the state of each end, in the order they were added or loaded. */
  get pairs(): readonly PairAnchor[] {
    return this.#pairs;
  }

  /** The pair with that id, or `undefined` when there is none. */
  getPair(id: string): PairAnchor | undefined {
    return this.#pairs.find((p) => p.pair.id === id);
  }

  /** The tags, in display order. */
  get tags(): readonly SidecarTag[] {
    return this.#base.tags;
  }

  /** The article memo; undefined when there is none. */
  get memo(): string | undefined {
    return this.#base.memo;
  }

  /** Counts of annotations per state. */
  get summary(): AnchorSummary {
    return summarize(this.#anchors);
  }

  /** The sidecar to serialize (positions as they are now; see `sidecarForSave` to refresh context and hash). */
  toSidecar(): Sidecar {
    const pairs = this.#pairs.map((p) => p.pair);
    return { ...this.#base, annotations: this.#anchors.map((a) => a.annotation), ...(pairs.length > 0 && { pairs }) };
  }

  /** The anchor with that id, or `undefined` when there is none. */
  get(id: string): Anchor | undefined {
    const i = this.#index().get(id);
    return i === undefined ? undefined : this.#anchors[i];
  }

  /** How many annotations carry the tag (to ask before deleting it). */
  tagUsage(tagId: string): number {
    return this.#anchors.filter((a) => a.annotation.tags.includes(tagId)).length;
  }

  /** True when there is an operation to undo. */
  get canUndo(): boolean {
    return this.#undo.length > 0;
  }

  /** Label of the operation `undo` would revert (e.g. "delete tag 'x'"), or `undefined` when there is none. */
  get undoLabel(): string | undefined {
    return this.#undo.at(-1)?.label;
  }

  /** Adds an annotation made from the current text (see `createAnnotation`); throws if its id is taken. */
  add(annotation: Annotation): AnnotationSet {
    if (this.get(annotation.id)) throw new Error(`annotation '${annotation.id}' already exists`);
    return this.#record('add annotation', this.tags, [...this.#anchors, { annotation, state: 'exact' }]);
  }

  /** Replaces the tags and/or note of an annotation, stamping `modified` with `now` (ISO 8601). */
  update(id: string, changes: { readonly tags?: readonly string[]; readonly note?: string }, now: string): AnnotationSet {
    return this.#change('edit annotation', id, (a) => ({
      ...a, ...(changes.tags && { tags: unique(changes.tags) }), ...(changes.note !== undefined && { note: changes.note }), modified: now,
    }));
  }

  /** Removes an annotation. */
  delete(id: string): AnnotationSet {
    this.#require(id);
    return this.#record('delete annotation', this.tags, this.#anchors.filter((a) => a.annotation.id !== id));
  }

  /** Moves an annotation to `text[start, end)` (fresh selectors, state `exact`), stamping `modified` with `now`. */
  repin(id: string, text: string, start: number, end: number, now: string): AnnotationSet {
    if (!(start >= 0 && start < end && end <= text.length)) throw new RangeError(`cannot re-pin to [${start}, ${end}) in a text of length ${text.length}`);
    const quote = quoteAt(text, start, end);
    return this.#change('re-pin annotation', id, (a) => ({
      ...a, modified: now, target: { ...a.target, quote: { ...a.target.quote, ...quote }, position: { ...a.target.position, start, end } },
    }), 'exact', true);
  }

  /** Adds a tension pair made from the current text (see `createTensionPair`); throws if its id is taken. */
  addPair(pair: TensionPair): AnnotationSet {
    if (this.getPair(pair.id)) throw new Error(`tension pair '${pair.id}' already exists`);
    return this.#record('add tension pair', this.tags, this.#anchors, [], [...this.#pairs, { pair, states: ['exact', 'exact'] }]);
  }

  /** Replaces the axis and/or note of a pair, stamping `modified` with `now` (ISO 8601). */
  updatePair(id: string, changes: { readonly axis?: string; readonly note?: string }, now: string): AnnotationSet {
    this.#requirePair(id);
    const pairs = this.#pairs.map((p) => (p.pair.id === id ? { ...p, pair: { ...p.pair, ...(changes.axis !== undefined && { axis: changes.axis }), ...(changes.note !== undefined && { note: changes.note }), modified: now } } : p));
    return this.#record('edit tension pair', this.tags, this.#anchors, [], pairs);
  }

  /** Removes a tension pair (its ends' annotations, if any, stay). */
  deletePair(id: string): AnnotationSet {
    this.#requirePair(id);
    return this.#record('delete tension pair', this.tags, this.#anchors, [], this.#pairs.filter((p) => p.pair.id !== id));
  }

  /** Adds annotations and a pair as one undo step (linking two terms that were not annotated yet). */
  addWithPair(annotations: readonly Annotation[], pair: TensionPair): AnnotationSet {
    for (const a of annotations) if (this.get(a.id)) throw new Error(`annotation '${a.id}' already exists`);
    if (this.getPair(pair.id)) throw new Error(`tension pair '${pair.id}' already exists`);
    const anchors = [...this.#anchors, ...annotations.map((annotation): Anchor => ({ annotation, state: 'exact' }))];
    return this.#record('add tension pair', this.tags, anchors, [], [...this.#pairs, { pair, states: ['exact', 'exact'] }]);
  }

  /** Adds a tag at the end of the list; throws if its id is taken. */
  createTag(tag: SidecarTag): AnnotationSet {
    if (this.tags.some((t) => t.id === tag.id)) throw new Error(`tag '${tag.id}' already exists`);
    return this.#record(`create tag '${tag.label}'`, [...this.tags, tag], this.#anchors);
  }

  /** Renames, recolours or re-describes a tag; annotations refer to its id, so they are untouched. */
  updateTag(id: string, changes: { readonly label?: string; readonly color?: string; readonly description?: string }): AnnotationSet {
    const tag = this.#requireTag(id);
    const next: SidecarTag = { ...tag, ...changes };
    return this.#record(`edit tag '${tag.label}'`, this.tags.map((t) => (t.id === id ? next : t)), this.#anchors);
  }

  /** Sets the article memo; an empty or blank memo removes it. */
  setMemo(memo: string): AnnotationSet {
    const next = memo.trim() === '' ? undefined : memo;
    const { memo: _old, ...rest } = this.#base;
    const entry = this.#entry('edit article memo');
    return new AnnotationSet(next === undefined ? rest : { ...rest, memo: next }, this.#anchors, [...this.#undo.slice(-(UNDO_LIMIT - 1)), entry], this.#pairs);
  }

  /** Moves every use of tag `fromId` to `intoId` and removes `fromId`. */
  mergeTags(fromId: string, intoId: string): AnnotationSet {
    const from = this.#requireTag(fromId);
    const into = this.#requireTag(intoId);
    if (fromId === intoId) throw new Error(`cannot merge tag '${fromId}' into itself`);
    const anchors = this.#mapTagged(fromId, (tags) => unique(tags.map((t) => (t === fromId ? intoId : t))));
    return this.#record(`merge tag '${from.label}' into '${into.label}'`, this.tags.filter((t) => t.id !== fromId), anchors);
  }

  /** Removes a tag and takes it off every annotation (`tagUsage` says how many beforehand). */
  deleteTag(id: string): AnnotationSet {
    const tag = this.#requireTag(id);
    const anchors = this.#mapTagged(id, (tags) => tags.filter((t) => t !== id));
    return this.#record(`delete tag '${tag.label}'`, this.tags.filter((t) => t.id !== id), anchors);
  }

  /** Follows text changes, re-anchoring what they cover on `after`, the text they left (see `followEdits`); not an undo step. */
  edit(changes: readonly TextChange[], after: TextSource): AnnotationSet {
    return new AnnotationSet(this.#base, followEdits(this.#anchors, changes, after), this.#undo, followPairEdits(this.#pairs, changes, after));
  }

  /** Replaces the anchors after re-anchoring (e.g. `reanchorAll` on an external change); not an undo step. */
  withAnchors(anchors: readonly Anchor[]): AnnotationSet {
    return new AnnotationSet(this.#base, anchors, this.#undo, this.#pairs);
  }

  /** Replaces the pairs' anchors after re-anchoring them (see `reanchorPair`); not an undo step. */
  withPairs(pairs: readonly PairAnchor[]): AnnotationSet {
    return new AnnotationSet(this.#base, this.#anchors, this.#undo, pairs);
  }

  /** Replaces the document block (after saving); not an undo step. */
  withDocument(document: SidecarDocument): AnnotationSet {
    return new AnnotationSet({ ...this.#base, document }, this.#anchors, this.#undo, this.#pairs);
  }

  /**
   * Reverts the last operation; the same set when there is none. Annotations keep the ranges live edits gave them
   * since; one that comes back (undone delete) or gets its old range back (undone re-pin) is re-anchored in `text`,
   * the article's current text, because the text may have changed in between.
   */
  undo(text: string): AnnotationSet {
    const entry = this.#undo.at(-1);
    if (!entry) return this;
    const anchors = entry.annotations.map((before): Anchor => {
      const now = this.get(before.id);
      if (!now || entry.retargeted.has(before.id)) return reanchor(before, text);
      return { annotation: before === now.annotation ? before : { ...before, target: now.annotation.target }, state: now.state };
    });
    const pairs = entry.pairs.map((before): PairAnchor => {
      const now = this.getPair(before.id);
      // A pair keeps the ranges live edits gave its ends; one that comes back is looked for in the current text.
      if (!now) return reanchorPair(before, text);
      return { pair: before === now.pair ? before : { ...before, ends: now.pair.ends }, states: now.states };
    });
    const { memo: _memo, ...rest } = this.#base;
    return new AnnotationSet({ ...rest, ...(entry.memo !== undefined && { memo: entry.memo }), tags: entry.tags }, anchors, this.#undo.slice(0, -1), pairs);
  }

  #index(): Map<string, number> {
    // Built on first lookup and cached: the set is immutable, so it can never go stale.
    this.#byId ??= new Map(this.#anchors.map((a, i) => [a.annotation.id, i]));
    return this.#byId;
  }

  #require(id: string): Anchor {
    const anchor = this.get(id);
    if (!anchor) throw new Error(`no annotation '${id}'`);
    return anchor;
  }

  #requirePair(id: string): PairAnchor {
    const pair = this.getPair(id);
    if (!pair) throw new Error(`no tension pair '${id}'`);
    return pair;
  }

  #requireTag(id: string): SidecarTag {
    const tag = this.tags.find((t) => t.id === id);
    if (!tag) throw new Error(`no tag '${id}'`);
    return tag;
  }

  #mapTagged(tagId: string, f: (tags: readonly string[]) => string[]): Anchor[] {
    return this.#anchors.map((a) => (a.annotation.tags.includes(tagId) ? { ...a, annotation: { ...a.annotation, tags: f(a.annotation.tags) } } : a));
  }

  #change(label: string, id: string, f: (a: Annotation) => Annotation, state?: AnchorState, retarget = false): AnnotationSet {
    this.#require(id);
    const anchors = this.#anchors.map((a) => (a.annotation.id === id ? { annotation: f(a.annotation), state: state ?? a.state } : a));
    return this.#record(label, this.tags, anchors, retarget ? [id] : []);
  }

  #entry(label: string, retargeted: readonly string[] = []): UndoEntry {
    return {
      label, tags: this.tags, annotations: this.#anchors.map((a) => a.annotation), memo: this.#base.memo, pairs: this.#pairs.map((p) => p.pair), retargeted: new Set(retargeted),
    };
  }

  #record(label: string, tags: readonly SidecarTag[], anchors: readonly Anchor[], retargeted: readonly string[] = [], pairs: readonly PairAnchor[] = this.#pairs): AnnotationSet {
    const entry = this.#entry(label, retargeted);
    return new AnnotationSet({ ...this.#base, tags }, anchors, [...this.#undo.slice(-(UNDO_LIMIT - 1)), entry], pairs);
  }
}
