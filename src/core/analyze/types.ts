/** Half-open range of UTF-16 code units into the text as the editor holds it (no BOM). */
export interface TextRange {
  readonly start: number;
  readonly end: number;
}

/** One tension term found in a text. */
export interface TermHit extends TextRange {
  /** 0-based line and UTF-16 character of `start`, as in VS Code. */
  readonly line: number;
  readonly character: number;
  /** The matched surface form as it reads (without markup that split it). */
  readonly text: string;
  readonly term: string;
  readonly axis: string;
  readonly pole: string;
  /** True when a negator stands right before the term (不开放, 拒绝开源). */
  readonly negated: boolean;
}

/** A heading and the text it governs, up to the next heading. */
export interface Section extends TextRange {
  readonly title: string;
  /** 1–6 for headings, 0 for the text before the first heading. */
  readonly level: number;
  readonly headingRange: TextRange;
}

export interface Sentence extends TextRange {
  readonly line: number;
}

/** A sentence in which both poles of one axis occur. */
export interface TensionSite extends TextRange {
  readonly line: number;
  readonly axis: string;
  readonly text: string;
  /** Indices into `hits` of the terms of each pole inside the sentence. */
  readonly poleA: readonly number[];
  readonly poleB: readonly number[];
  /** Contrast markers found in the sentence (而, 但, 博弈 …), in order. */
  readonly markers: readonly { readonly text: string; readonly start: number; readonly end: number }[];
}

/** Counts per axis, per pole and per term. */
export interface TensionCounts {
  readonly total: number;
  readonly axes: Readonly<Record<string, { readonly total: number; readonly poles: Readonly<Record<string, number>> }>>;
  readonly terms: Readonly<Record<string, number>>;
}

export interface AbstractBlock {
  readonly abstract?: TextRange & { readonly text: string };
  readonly keywords?: readonly (TextRange & { readonly text: string })[];
}

import type { CompiledLexicon, CompiledTerm } from '../lexicon/compile';
import type { LexiconAxis } from '../lexicon/types';

export type ArticleFormat = 'markdown' | 'plaintext';

/**
 * The hits of an article in columns, in text order: row i of every column is `hits[i]`. A 10 MB article has over
 * 100,000 hits, and columns need no object per hit — the analyzer builds them from an unchanged tail by copying and
 * shifting numbers. Private to the core: the layers above ask `Analysis`'s queries, which read these.
 */
export interface HitTable {
  readonly count: number;
  /** UTF-16 offsets, as `TermHit.start` and `end`. */
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** 0-based line and UTF-16 character of `start`, as in VS Code. */
  readonly line: Int32Array;
  readonly character: Int32Array;
  /** Index of the term in the compiled lexicon's `terms` (its axis, pole and id). */
  readonly term: Int32Array;
  /** Pattern id of the matched form: its text is the compiled lexicon's `patterns[form]`. */
  readonly form: Int32Array;
  /** 1 when a negator stands right before the term. */
  readonly negated: Uint8Array;
}

/** Sentences in columns, as `Analysis.sentences`. */
export interface SentenceTable {
  readonly count: number;
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly line: Int32Array;
}

/** Tension sites in columns, as `Analysis.sites` (without their text, poles and markers). */
export interface SiteTable {
  readonly count: number;
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly line: Int32Array;
  /** Index of the axis in the lexicon's `axes`. */
  readonly axis: Int32Array;
}

/** Lines `from` to `to`, both included, 0-based. */
export interface LineSpan {
  readonly from: number;
  readonly to: number;
}

/**
 * One hit as `Analysis.forEachHit` hands it to its callback: the same object refilled for every hit of one call
 * (no object per hit on the editor's hot paths), valid only during the callback; copy what you keep.
 */
export interface HitCursor {
  /** Its index in `hits` (for `hitAt`). */
  readonly index: number;
  readonly start: number;
  readonly end: number;
  /** 0-based line and UTF-16 character of `start`, as in VS Code. */
  readonly line: number;
  readonly character: number;
  readonly term: CompiledTerm;
  /** The matched form as it reads. */
  readonly form: string;
  readonly negated: boolean;
  /**
   * True when the source text is exactly the form, so the hit ends on `line` at `character + end - start`; false
   * when markup splits it (开**源**), which may, rarely, span lines.
   */
  readonly plain: boolean;
}

/** One tension site as `Analysis.forEachSite` hands it to its callback (refilled, like `HitCursor`). */
export interface SiteCursor {
  readonly index: number;
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly axis: LexiconAxis;
}

/** A surface form and how often it occurs. */
export interface FormCount {
  readonly text: string;
  readonly count: number;
}

/**
 * Everything the layers above need to know about one article. The analysis builds tables (private to the core)
 * and counts; the object arrays (`hits`, `sentences`, `sites`, `sections`) and `abstract` are built from them when
 * first read, so a caller that needs only the queries (the editor, on every keystroke) never pays for them.
 */
export interface Analysis {
  readonly format: ArticleFormat;
  readonly length: number;
  readonly hits: readonly TermHit[];
  readonly sections: readonly Section[];
  readonly sentences: readonly Sentence[];
  readonly sites: readonly TensionSite[];
  readonly counts: TensionCounts;
  readonly abstract: AbstractBlock;
  /** The lexicon the analysis was made with. */
  readonly lexicon: CompiledLexicon;
  /** How many hits and tension sites: `hits.length` and `sites.length` without building either. */
  readonly hitCount: number;
  readonly siteCount: number;
  /** Hit `index` as an object, without building all of `hits`; undefined when out of range. */
  hitAt(index: number): TermHit | undefined;
  /** Site `index` as an object, without building all of `sites`; undefined when out of range. */
  siteAt(index: number): TensionSite | undefined;
  /** Index of the hit with start ≤ offset < end, or -1: a binary search. */
  hitIndexAt(offset: number): number;
  /** The hit with start ≤ offset < end, as an object. */
  hitAtOffset(offset: number): TermHit | undefined;
  /** Every hit (or those starting on `lines`), in text order, through one reused cursor. */
  forEachHit(visit: (hit: HitCursor) => void, lines?: LineSpan): void;
  /** Every tension site (or those starting on `lines`), in text order, through one reused cursor. */
  forEachSite(visit: (site: SiteCursor) => void, lines?: LineSpan): void;
  /** The hits of the term with id `termId`, in text order. */
  hitsOfTerm(termId: string): TermHit[];
  /** The first sentence with start ≤ offset ≤ end (a cursor right after a sentence is still in it). */
  sentenceAt(offset: number): TextRange | undefined;
  /** The tension sites whose sentence contains `offset` (start ≤ offset < end). */
  sitesAt(offset: number): TensionSite[];
  /** The forms of a pole's terms as they occur, with their counts, most frequent first (then by text). */
  formCountsOfPole(poleId: string): FormCount[];
}
