import type { TextRange } from '../analyze/types';
import type { ConcordanceArticle } from './article';
import type { WindowKind } from './query';

/** An article's windows of one kind, in order and never overlapping, with a lookup from an offset to its window. */
export class Windows {
  readonly #starts: Int32Array;
  readonly #ends: Int32Array;

  constructor(ranges: readonly TextRange[]) {
    this.#starts = Int32Array.from(ranges, (r) => r.start);
    this.#ends = Int32Array.from(ranges, (r) => r.end);
  }

  get count(): number {
    return this.#starts.length;
  }

  range(index: number): TextRange {
    return { start: this.#starts[index] ?? 0, end: this.#ends[index] ?? 0 };
  }

  /** The window with start ≤ offset < end, or -1 when the offset lies between windows. */
  indexOf(offset: number): number {
    const starts = this.#starts;
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((starts[mid] as number) <= offset) lo = mid + 1;
      else hi = mid;
    }
    const i = lo - 1;
    return i >= 0 && offset < (this.#ends[i] as number) ? i : -1;
  }

  /** The windows a range overlaps, `first` to `last` (none when last < first); an empty range counts as one unit. */
  span(start: number, end: number): { first: number; last: number } {
    // Windows never overlap, so their ends are in order too.
    const first = firstAbove(this.#ends, start);
    const last = firstAbove(this.#starts, Math.max(end, start + 1) - 1) - 1;
    return { first, last };
  }
}

/** The first index whose value is greater than `value` (the length when none). */
function firstAbove(values: Int32Array, value: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((values[mid] as number) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Paragraphs: runs of lines holding something other than white space, from the first line's start to the last
 * line's end (its line break left out). Read from the text, so a paragraph is what the reader sees as one.
 */
export function paragraphsOf(text: string): TextRange[] {
  const out: TextRange[] = [];
  let start = -1;
  let end = 0;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = lineStart;
    while (lineEnd < text.length && text.charCodeAt(lineEnd) !== 10 && text.charCodeAt(lineEnd) !== 13) lineEnd++;
    const blank = text.slice(lineStart, lineEnd).trim() === '';
    if (!blank) {
      if (start < 0) start = lineStart;
      end = lineEnd;
    } else if (start >= 0) {
      out.push({ start, end });
      start = -1;
    }
    if (lineEnd >= text.length) break;
    lineStart = lineEnd + (text.charCodeAt(lineEnd) === 13 && text.charCodeAt(lineEnd + 1) === 10 ? 2 : 1);
  }
  if (start >= 0) out.push({ start, end });
  return out;
}

const cache = new WeakMap<ConcordanceArticle, Map<WindowKind, Windows>>();

/**
 * The article's windows of a kind. Sentences are the analysis' own (those tension sites are found in), sections
 * its sections, paragraphs read from the text. Kept per article object.
 */
export function windowsOf(article: ConcordanceArticle, kind: WindowKind): Windows {
  let byKind = cache.get(article);
  if (!byKind) cache.set(article, (byKind = new Map<WindowKind, Windows>()));
  let windows = byKind.get(kind);
  if (!windows) {
    const { analysis, text } = article;
    windows = new Windows(kind === 'sentence' ? analysis.sentences : kind === 'section' ? analysis.sections : paragraphsOf(text));
    byKind.set(kind, windows);
  }
  return windows;
}
