import type { ProseBlock } from '../parse/proseBlock';
import type { GroupSite } from './group';
import type { HitTable, SentenceTable, SiteTable } from './types';

/** Site columns plus what a `TensionSite` object is built from: the group's site and its group's first hit. */
export interface SiteRows extends SiteTable {
  /** The site as its group found it (relative offsets, group-relative hit indices). */
  readonly details: GroupSite[];
  /** Index in the article's hits of the first hit of the site's group. */
  readonly hitBase: Int32Array;
}

/** Headings in columns, with the block each title is read from when sections are first asked for. */
export interface HeadingRows {
  readonly count: number;
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly level: Int32Array;
  readonly blocks: ProseBlock[];
}

/** All tables of one analysis. */
export interface Tables {
  readonly hits: HitTable;
  readonly sentences: SentenceTable;
  readonly sites: SiteRows;
  readonly headings: HeadingRows;
}

/** Rows of each table: hits, sentences, sites, headings, in that order wherever four counts travel together. */
export type RowCounts = readonly number[];

export const HITS = 0;
export const SENTENCES = 1;
export const SITES = 2;
export const HEADINGS = 3;
export const TABLES = 4;

/** Empty tables with room for exactly `rows` rows each. */
export function allocateTables(rows: RowCounts): Tables {
  const [h = 0, s = 0, t = 0, g = 0] = rows;
  return {
    hits: {
      count: h, start: new Int32Array(h), end: new Int32Array(h), line: new Int32Array(h), character: new Int32Array(h),
      term: new Int32Array(h), form: new Int32Array(h), negated: new Uint8Array(h),
    },
    sentences: { count: s, start: new Int32Array(s), end: new Int32Array(s), line: new Int32Array(s) },
    sites: {
      count: t, start: new Int32Array(t), end: new Int32Array(t), line: new Int32Array(t), axis: new Int32Array(t),
      hitBase: new Int32Array(t), details: new Array<GroupSite>(t),
    },
    headings: { count: g, start: new Int32Array(g), end: new Int32Array(g), level: new Int32Array(g), blocks: new Array<ProseBlock>(g) },
  };
}

/** How rows copied from an older analysis move: by the change in length before them, lines and hits. */
export interface Shift {
  readonly offset: number;
  readonly line: number;
  readonly hits: number;
}

const NO_SHIFT: Shift = { offset: 0, line: 0, hits: 0 };

/**
 * Copies rows `[from[i], to[i])` of each of the old tables to row `at[i]` of the new ones, shifted. Characters
 * are copied as they are: callers copy only rows whose group starts at the same column as before.
 */
export function copyRows(dst: Tables, at: RowCounts, src: Tables, from: RowCounts, to: RowCounts, shift: Shift = NO_SHIFT): void {
  const h = dst.hits;
  const oh = src.hits;
  copyShifted(h.start, (at[HITS] as number), oh.start, (from[HITS] as number), (to[HITS] as number), shift.offset);
  copyShifted(h.end, (at[HITS] as number), oh.end, (from[HITS] as number), (to[HITS] as number), shift.offset);
  copyShifted(h.line, (at[HITS] as number), oh.line, (from[HITS] as number), (to[HITS] as number), shift.line);
  h.character.set(oh.character.subarray((from[HITS]), (to[HITS])), (at[HITS]));
  h.term.set(oh.term.subarray((from[HITS]), (to[HITS])), (at[HITS]));
  h.form.set(oh.form.subarray((from[HITS]), (to[HITS])), (at[HITS]));
  h.negated.set(oh.negated.subarray((from[HITS]), (to[HITS])), (at[HITS]));

  const s = dst.sentences;
  const os = src.sentences;
  copyShifted(s.start, (at[SENTENCES] as number), os.start, (from[SENTENCES] as number), (to[SENTENCES] as number), shift.offset);
  copyShifted(s.end, (at[SENTENCES] as number), os.end, (from[SENTENCES] as number), (to[SENTENCES] as number), shift.offset);
  copyShifted(s.line, (at[SENTENCES] as number), os.line, (from[SENTENCES] as number), (to[SENTENCES] as number), shift.line);

  const t = dst.sites;
  const ot = src.sites;
  copyShifted(t.start, (at[SITES] as number), ot.start, (from[SITES] as number), (to[SITES] as number), shift.offset);
  copyShifted(t.end, (at[SITES] as number), ot.end, (from[SITES] as number), (to[SITES] as number), shift.offset);
  copyShifted(t.line, (at[SITES] as number), ot.line, (from[SITES] as number), (to[SITES] as number), shift.line);
  copyShifted(t.hitBase, (at[SITES] as number), ot.hitBase, (from[SITES] as number), (to[SITES] as number), shift.hits);
  t.axis.set(ot.axis.subarray((from[SITES]), (to[SITES])), (at[SITES]));
  for (let i = (from[SITES] as number), j = (at[SITES] as number); i < (to[SITES] as number); i++, j++) t.details[j] = ot.details[i] as GroupSite;

  const g = dst.headings;
  const og = src.headings;
  copyShifted(g.start, (at[HEADINGS] as number), og.start, (from[HEADINGS] as number), (to[HEADINGS] as number), shift.offset);
  copyShifted(g.end, (at[HEADINGS] as number), og.end, (from[HEADINGS] as number), (to[HEADINGS] as number), shift.offset);
  g.level.set(og.level.subarray((from[HEADINGS]), (to[HEADINGS])), (at[HEADINGS]));
  for (let i = (from[HEADINGS] as number), j = (at[HEADINGS] as number); i < (to[HEADINGS] as number); i++, j++) g.blocks[j] = og.blocks[i] as ProseBlock;
}

function copyShifted(dst: Int32Array, at: number, src: Int32Array, from: number, to: number, by: number): void {
  dst.set(src.subarray(from, to), at);
  if (by === 0) return;
  const end = at + (to - from);
  for (let i = at; i < end; i++) dst[i] = (dst[i] as number) + by;
}

/**
 * First row whose value in `column` is ≥ `value`, or `count` when none: a binary search of a table column in text
 * order (starts, ends and lines of hits, sentences and sites all are). What every lookup by offset or line is.
 */
export function firstRowAtLeast(column: Int32Array, count: number, value: number): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((column[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
