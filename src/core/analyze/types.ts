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

export type ArticleFormat = 'markdown' | 'plaintext';

/** Everything the layers above need to know about one article. */
export interface Analysis {
  readonly format: ArticleFormat;
  readonly length: number;
  readonly hits: readonly TermHit[];
  readonly sections: readonly Section[];
  readonly sentences: readonly Sentence[];
  readonly sites: readonly TensionSite[];
  readonly counts: TensionCounts;
  readonly abstract: AbstractBlock;
}
