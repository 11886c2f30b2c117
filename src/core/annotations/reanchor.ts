import { ADJACENT_CONTEXT, adjacentContextMatches, contextScore } from './context';
import { fuzzyFind } from './fuzzy';
import { retarget } from './quote';
import { compareAnnotations } from './serialize';
import type { Anchor, AnchorState, AnchorSummary, Annotation, TextQuote } from './types';

/**
 * Quotes this short (in UTF-16 units; two or three Chinese characters are a common annotation) occur all over an
 * article, so they are trusted only where their adjacent context also agrees, and never matched fuzzily: a confident
 * wrong match is worse than an orphan.
 */
export const SHORT_QUOTE = 4;

/** Least similarity (1 − Levenshtein / length) for a changed quote to be re-anchored as `fuzzy`. */
export const FUZZY_THRESHOLD = 0.75;

function place(annotation: Annotation, text: string, start: number, end: number, state?: AnchorState): Anchor {
  const { position } = annotation.target;
  const same = position.start === start && position.end === end;
  return { annotation: retarget(annotation, text, start, end), state: state ?? (same ? 'exact' : 'moved') };
}

/** How far either side of the expected place the first, local search looks (UTF-16 units). */
const LOCAL_WINDOW = 4096;

/**
 * The occurrence of the quote starting in `[from, to]` whose stored context agrees best with the text around it, the
 * nearest to `expected` among equals; `undefined` when there is none. Short quotes (and every quote when `trustedOnly`)
 * count only where the adjacent context agrees on at least one side.
 */
function bestOccurrence(quote: TextQuote, text: string, expected: number, from: number, to: number, trustedOnly: boolean): number | undefined {
  const { exact } = quote;
  const short = exact.length <= SHORT_QUOTE;
  let best: number | undefined;
  let bestScore = -1;
  let bestDistance = Infinity;
  const consider = (start: number): void => {
    const end = start + exact.length;
    if ((short || trustedOnly) && !adjacentContextMatches(quote, text, start, end)) return;
    const score = contextScore(quote, text, start, end);
    const distance = Math.abs(start - expected);
    if (score > bestScore || (score === bestScore && distance < bestDistance)) {
      best = start;
      bestScore = score;
      bestDistance = distance;
    }
  };
  const scan = (needle: string, offset: number): void => {
    for (let i = text.indexOf(needle, Math.max(0, from - offset)); i >= 0 && i + offset <= to; i = text.indexOf(needle, i + 1)) consider(i + offset);
  };
  if (short) {
    // Searching for the quote with a side of its context skips the hundreds of bare occurrences of, say, 我们.
    const before = quote.prefix.slice(-ADJACENT_CONTEXT);
    scan(before + exact, before.length);
    scan(exact + quote.suffix.slice(0, ADJACENT_CONTEXT), 0);
  } else {
    scan(exact, 0);
  }
  return best;
}

/**
 * The part of the text a change wrote, `[start, end)` in the new text (empty for a pure deletion: the place where the
 * text closed up). Re-anchoring after a live change looks only at quotes that overlap it: every other occurrence was
 * there before the change and was not this annotation's.
 */
export interface ChangedRegion {
  readonly start: number;
  readonly end: number;
}

/** True when `[start, end)` overlaps the region, or, for an empty region, straddles the place the text closed up. */
function touches(region: ChangedRegion, start: number, end: number): boolean {
  return region.end > region.start ? start < region.end && end > region.start : start < region.start && end > region.start;
}

/**
 * Finds an annotation in `text`: at its stored position (or shifted by `hintDelta`, the shift of its neighbour) when
 * the quote and adjacent context are there — O(quote length) — `exact` if the range is unchanged; else the occurrence
 * of the quote with the best-agreeing context, nearest the old position (`moved`; a nearby occurrence with agreeing
 * adjacent context is preferred to a far one); else, for quotes longer than `SHORT_QUOTE`, a span at least
 * `FUZZY_THRESHOLD` similar near the old position (`fuzzy`, quote updated); else `orphaned`, keeping its last
 * selectors. Placed annotations get their selectors refreshed from `text`. With `within`, only places that overlap
 * that changed region count (a live change; see `ChangedRegion`).
 */
export function reanchor(annotation: Annotation, text: string, hintDelta = 0, within?: ChangedRegion): Anchor {
  const { quote, position } = annotation.target;
  const { exact } = quote;
  if (exact.length === 0) return { annotation, state: 'orphaned' };
  const allowed = (start: number): boolean => !within || touches(within, start, start + exact.length);
  for (const delta of hintDelta === 0 ? [0] : [0, hintDelta]) {
    const start = position.start + delta;
    if (start >= 0 && allowed(start) && text.startsWith(exact, start) && adjacentContextMatches(quote, text, start, start + exact.length)) {
      return place(annotation, text, start, start + exact.length);
    }
  }
  const expected = Math.min(Math.max(0, position.start + hintDelta), text.length);
  // Near the expected place first, trusting only agreeing context, so that after scattered edits an annotation is
  // found without reading the whole text; then everywhere (or everywhere in the changed region).
  const lo = within ? within.start - exact.length + 1 : 0;
  const hi = within ? (within.end > within.start ? within.end - 1 : within.start - 1) : text.length;
  const found = bestOccurrence(quote, text, expected, Math.max(lo, expected - LOCAL_WINDOW), Math.min(hi, expected + LOCAL_WINDOW), true)
    ?? bestOccurrence(quote, text, expected, lo, hi, false);
  if (found !== undefined) return place(annotation, text, found, found + exact.length);
  if (exact.length > SHORT_QUOTE) {
    const span = fuzzyFind(text, quote, expected);
    if (span && span.end > span.start && span.similarity >= FUZZY_THRESHOLD && (!within || touches(within, span.start, span.end))) {
      return place(annotation, text, span.start, span.end, 'fuzzy');
    }
  }
  return { annotation, state: 'orphaned' };
}

/** The number of anchors in each state. */
export function summarize(anchors: readonly Anchor[]): AnchorSummary {
  const summary = { exact: 0, moved: 0, fuzzy: 0, orphaned: 0 };
  for (const a of anchors) summary[a.state]++;
  return summary;
}

/**
 * Re-anchors every annotation (on open, or when the file changed outside the editor). Annotations are visited in
 * position order and each tries its predecessor's shift first, so after one insertion every later annotation is found
 * in O(quote length). Returns one anchor per annotation, in the input order — none is ever dropped.
 */
export function reanchorAll(annotations: readonly Annotation[], text: string): { anchors: Anchor[]; summary: AnchorSummary } {
  const order = annotations.map((annotation, index) => ({ annotation, index })).sort((a, b) => compareAnnotations(a.annotation, b.annotation));
  const anchors: Anchor[] = new Array<Anchor>(annotations.length);
  let delta = 0;
  for (const { annotation, index } of order) {
    const anchor = reanchor(annotation, text, delta);
    anchors[index] = anchor;
    if (anchor.state !== 'orphaned') delta = anchor.annotation.target.position.start - annotation.target.position.start;
  }
  return { anchors, summary: summarize(anchors) };
}
