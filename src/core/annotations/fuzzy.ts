import DiffMatchPatch from 'diff-match-patch';
import type { TextQuote } from './types';

/** A span of the text that resembles a quote, with its similarity in [0, 1] (1 − Levenshtein / longer length). */
export interface FuzzySpan {
  readonly start: number;
  readonly end: number;
  readonly similarity: number;
}

const dmp = new DiffMatchPatch();
// Bitap accepts a head match when errors/length + distance/Match_Distance ≤ threshold: 0.5 with 1000 searches about
// ±500 units around the expected place at zero errors. The real decision is the similarity check afterwards.
dmp.Match_Threshold = 0.5;
dmp.Match_Distance = 1000;
// A quote is short; a diff that runs this long is not going to be a good match anyway.
dmp.Diff_Timeout = 0.1;
/** Bitap works on patterns of at most this many code units (one machine word of bits). */
const MAX_BITS = dmp.Match_MaxBits;
/**
 * Bitap runs on this much text either side of the expected place, not the whole text: it allocates arrays as long as
 * the offset it searches at (22 ms a probe at the end of 1 MB), and with the threshold and distance above it cannot
 * accept a match further than Match_Distance × Match_Threshold away anyway.
 */
const SEARCH_RADIUS = dmp.Match_Distance;

/** `match_main` on the window of `text` around `loc`, returning an offset in the whole text or -1. */
function matchNear(text: string, pattern: string, loc: number): number {
  const from = Math.max(0, loc - SEARCH_RADIUS);
  const at = dmp.match_main(text.slice(from, Math.min(text.length, loc + SEARCH_RADIUS + pattern.length)), pattern, loc - from);
  return at < 0 ? -1 : from + at;
}

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;
const splitsPair = (text: string, at: number): boolean => isHigh(text.charCodeAt(at - 1)) && isLow(text.charCodeAt(at));

/** Widens a span by one unit at either end that would otherwise split a surrogate pair (a diff works on code units). */
function wholeCodePoints(text: string, start: number, end: number): [number, number] {
  return [start > 0 && splitsPair(text, start) ? start - 1 : start, end < text.length && splitsPair(text, end) ? end + 1 : end];
}

/** 1 − Levenshtein distance / longer length, from a semantic-cleaned diff. */
function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const diffs = dmp.diff_main(a, b, false);
  dmp.diff_cleanupSemantic(diffs);
  return 1 - dmp.diff_levenshtein(diffs) / Math.max(a.length, b.length);
}

/**
 * Aligns the quote with its stored context inside `text[from, to)` and maps the quote's two ends through the diff:
 * where the prefix still agrees, a reworded head stays part of the annotation rather than being cut off, and window
 * text beyond the context is left out.
 */
function align(quote: TextQuote, text: string, from: number, to: number): FuzzySpan | undefined {
  const { exact, prefix, suffix } = quote;
  const diffs = dmp.diff_main(prefix + exact + suffix, text.slice(from, to), false);
  dmp.diff_cleanupSemantic(diffs);
  const [start, end] = wholeCodePoints(text, from + dmp.diff_xIndex(diffs, prefix.length), from + dmp.diff_xIndex(diffs, prefix.length + exact.length));
  if (end <= start) return undefined;
  return { start, end, similarity: similarity(exact, text.slice(start, end)) };
}

/**
 * The span most like the quote near `expected`, or `undefined` when bitap finds nothing there. Quotes longer than
 * Match_MaxBits (32) are located by their head, middle and tail 32 units, each giving an estimate of where the quote
 * starts; every estimate is aligned by a diff and the most similar span wins. The caller decides what is similar enough.
 */
export function fuzzyFind(text: string, quote: TextQuote, expected: number): FuzzySpan | undefined {
  const pattern = quote.exact;
  const n = pattern.length;
  if (n === 0 || text.length === 0) return undefined;
  const probes = n <= MAX_BITS ? [0] : [0, n - MAX_BITS, (n >> 1) - (MAX_BITS >> 1)];
  // Room for the quote to have grown or shrunk by the amount the similarity threshold could still accept.
  const slack = Math.max(8, Math.ceil(n / 3));
  const tried = new Set<number>();
  let best: FuzzySpan | undefined;
  for (const offset of probes) {
    const chunk = pattern.slice(offset, offset + MAX_BITS);
    const at = matchNear(text, chunk, Math.min(Math.max(0, expected + offset), text.length));
    if (at < 0) continue;
    const estimate = at - offset;
    if (tried.has(estimate)) continue;
    tried.add(estimate);
    const span = align(quote, text, Math.max(0, estimate - quote.prefix.length - slack), Math.min(text.length, estimate + n + quote.suffix.length + slack));
    if (span && (!best || span.similarity > best.similarity
      || (span.similarity === best.similarity && Math.abs(span.start - expected) < Math.abs(best.start - expected)))) best = span;
  }
  return best;
}
