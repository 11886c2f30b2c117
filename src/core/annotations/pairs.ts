import { type TextSource, followEdits } from './followEdits';
import type { TextChange } from './liveEdits';
import { quoteAt, retarget } from './quote';
import { reanchor } from './reanchor';
import type { Anchor, AnchorState, Annotation, AnnotationTarget, PairAnchor, TensionPair } from './types';

/** One end of a new pair: a half-open range of the article's current text, in UTF-16 code units. */
export interface PairSpan {
  readonly start: number;
  readonly end: number;
}

/** What `createTensionPair` needs; `now` (ISO 8601) and `id` are passed in so the function stays pure. */
export interface NewTensionPair {
  readonly text: string;
  readonly a: PairSpan;
  readonly b: PairSpan;
  readonly axis?: string;
  readonly note?: string;
  readonly now: string;
  readonly id: string;
}

function endAt(text: string, span: PairSpan, which: string): AnnotationTarget {
  const { start, end } = span;
  if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start < end && end <= text.length)) {
    throw new RangeError(`cannot link ${which} end [${start}, ${end}) in a text of length ${text.length}: the range must be non-empty and inside the text`);
  }
  return { quote: quoteAt(text, start, end), position: { start, end } };
}

/**
 * A tension pair linking `text[a]` and `text[b]`, each end with both W3C selectors (as `createAnnotation`). Throws a
 * `RangeError` for an empty or out-of-range end, or when both ends are the same range (a pair needs two sides).
 */
export function createTensionPair(input: NewTensionPair): TensionPair {
  const { text, a, b } = input;
  const first = endAt(text, a, 'the first');
  const second = endAt(text, b, 'the second');
  if (a.start === b.start && a.end === b.end) throw new RangeError(`cannot link [${a.start}, ${a.end}) with itself: a tension pair needs two different passages`);
  return { id: input.id, axis: input.axis ?? '', note: input.note ?? '', created: input.now, modified: input.now, ends: [first, second] };
}

/**
 * An end seen as an annotation, so the one re-anchoring chain (and live-edit following) serves both: the pair's ends
 * fit, move, go fuzzy and orphan by exactly the rules annotations do.
 */
function endAsAnnotation(pair: TensionPair, k: 0 | 1): Annotation {
  return { id: `${pair.id}#${k}`, tags: [], note: '', created: pair.created, modified: pair.modified, target: pair.ends[k] };
}

function withEnds(pair: TensionPair, a: Annotation, b: Annotation): TensionPair {
  return a.target === pair.ends[0] && b.target === pair.ends[1] ? pair : { ...pair, ends: [a.target, b.target] };
}

/** Re-anchors both ends of a pair in `text` (see `reanchor`); an end that is not found is orphaned, never dropped. */
export function reanchorPair(pair: TensionPair, text: string): PairAnchor {
  const a = reanchor(endAsAnnotation(pair, 0), text);
  const b = reanchor(endAsAnnotation(pair, 1), text);
  return { pair: withEnds(pair, a.annotation, b.annotation), states: [a.state, b.state] };
}

/** Follows live text changes on both ends of every pair (see `followEdits`); same length, same order. */
export function followPairEdits(pairs: readonly PairAnchor[], changes: readonly TextChange[], after: TextSource): PairAnchor[] {
  if (pairs.length === 0) return [];
  const ends: Anchor[] = pairs.flatMap(({ pair, states }) => [
    { annotation: endAsAnnotation(pair, 0), state: states[0] },
    { annotation: endAsAnnotation(pair, 1), state: states[1] },
  ]);
  const moved = followEdits(ends, changes, after);
  return pairs.map((p, i): PairAnchor => {
    const a = moved[2 * i];
    const b = moved[2 * i + 1];
    if (!a || !b) return p;
    if (a.annotation.target === p.pair.ends[0] && b.annotation.target === p.pair.ends[1] && a.state === p.states[0] && b.state === p.states[1]) return p;
    return { pair: withEnds(p.pair, a.annotation, b.annotation), states: [a.state, b.state] };
  });
}

/**
 * The pair to write for `text`: an end whose quote is at its position gets its context refreshed; any other end is
 * looked for again in `text` (the positions may belong to an unsaved buffer), and keeps its last selectors if it is
 * not found. Nothing is dropped.
 */
export function pairForSave(pair: TensionPair, text: string): TensionPair {
  const fresh = (k: 0 | 1): Annotation => {
    const end = endAsAnnotation(pair, k);
    const { start, end: stop } = end.target.position;
    if (stop <= text.length && start < stop && text.startsWith(end.target.quote.exact, start)) return retarget(end, text, start, stop);
    const found = reanchor(end, text);
    return found.state === 'orphaned' ? end : found.annotation;
  };
  return withEnds(pair, fresh(0), fresh(1));
}

/** True when either end of the pair is orphaned: shown as such, with the end's last known text. */
export function pairIsOrphaned(states: readonly [AnchorState, AnchorState]): boolean {
  return states[0] === 'orphaned' || states[1] === 'orphaned';
}
