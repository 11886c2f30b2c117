import { LineIndex } from '../text/lines';
import type { ConcordanceArticle, Occurrence } from './article';
import { evaluateQuery } from './evaluate';
import type { QueryNode } from './query';

/** Context each side of the match, in UTF-16 units, when none is asked for. */
export const DEFAULT_KWIC_WIDTH = 20;

/**
 * One concordance line, as `kwic --json` prints it: `left` ends at `start`, `right` starts at `end` (UTF-16
 * offsets into the text as analysed, no BOM), line breaks in all three shown as a space. `term`, `axis` and `pole`
 * are null for a match that is not a hit (a tag's annotation, a literal string), and `negated` false.
 */
export interface KwicLine {
  readonly path: string;
  readonly start: number;
  readonly end: number;
  /** 0-based line and UTF-16 character of `start`, as in VS Code. */
  readonly line: number;
  readonly character: number;
  readonly left: string;
  readonly match: string;
  readonly right: string;
  readonly term: string | null;
  readonly axis: string | null;
  readonly pole: string | null;
  readonly negated: boolean;
}

/** How lines are ordered: by the left context read backwards from the match, the right context, the file, or as found. */
export type KwicSort = 'left' | 'right' | 'file' | 'position';
export const KWIC_SORTS: readonly KwicSort[] = ['left', 'right', 'file', 'position'];

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** A line break (CRLF, LF, CR, U+2028, U+2029) becomes one space, so a line of the concordance stays one line. */
export function flattenBreaks(text: string): string {
  return text.replace(/\r\n|[\r\n\u2028\u2029]/g, ' ');
}

/** Up to `width` units before `start`, one less rather than half of a surrogate pair. */
export function leftContext(text: string, start: number, width: number): string {
  let from = Math.max(0, start - width);
  if (from > 0 && isLow(text.charCodeAt(from)) && isHigh(text.charCodeAt(from - 1))) from++;
  return flattenBreaks(text.slice(from, start));
}

/** Up to `width` units after `end`, one less rather than half of a surrogate pair. */
export function rightContext(text: string, end: number, width: number): string {
  let to = Math.min(text.length, end + width);
  if (to < text.length && isHigh(text.charCodeAt(to - 1)) && isLow(text.charCodeAt(to))) to--;
  return flattenBreaks(text.slice(end, to));
}

/** The lines of found occurrences of one article, in text order. */
export function kwicLinesOf(path: string, text: string, found: readonly Occurrence[], width: number = DEFAULT_KWIC_WIDTH): KwicLine[] {
  if (found.length === 0) return [];
  const lines = LineIndex.of(text);
  return found.map((o) => {
    const { line, character } = lines.positionAt(o.start);
    return {
      path, start: o.start, end: o.end, line, character,
      left: leftContext(text, o.start, width), match: flattenBreaks(text.slice(o.start, o.end)), right: rightContext(text, o.end, width),
      term: o.term, axis: o.axis, pole: o.pole, negated: o.negated,
    };
  });
}

/** The concordance of a query over one article, in text order. */
export function concordance(path: string, article: ConcordanceArticle, query: QueryNode, width: number = DEFAULT_KWIC_WIDTH): KwicLine[] {
  return kwicLinesOf(path, article.text, evaluateQuery(query, article), width);
}

/** A string read backwards by code points: the key that sorts left contexts nearest character first. */
function reversed(s: string): string {
  return Array.from(s).reverse().join('');
}

const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The lines sorted (a new array). `position` keeps the order given (path order, then text order); `file` orders by
 * path; `left` by the left context read from the match outwards (as concordancers do), `right` by the right context
 * from the match on. Strings compare by code unit, so the order is the same in every locale; ties keep the given order.
 */
export function sortKwicLines(lines: readonly KwicLine[], sort: KwicSort): KwicLine[] {
  const indexed = lines.map((line, i) => ({ line, i, key: sort === 'left' ? reversed(line.left) : sort === 'right' ? line.right : line.path }));
  if (sort === 'position') return [...lines];
  indexed.sort((a, b) => compareStrings(a.key, b.key) || (sort === 'file' ? a.line.start - b.line.start : 0) || a.i - b.i);
  return indexed.map((x) => x.line);
}
