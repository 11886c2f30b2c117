import type { ArticleVariables } from '../variables/types';
import type { ArticleFormat, TensionCounts } from '../analyze/types';
import type { Bilingual } from '../lexicon/types';

/** Why an article could not be analysed; the webview turns the code into a sentence in the UI language. */
export interface ArticleError {
  readonly code: 'binary' | 'encoding' | 'tooLarge' | 'unreadable';
  /**
   * Extra words for the sentence: the size limit in MB for `tooLarge`, the file system's message for `unreadable`, the
   * legacy encoding the bytes read in ("GB18030", "Big5") for `encoding`, when one does.
   */
  readonly detail?: string;
}

/** What the model is built from: one file's path and either its text (no BOM) or why it has none. */
export type ArticleInput =
  | {
    readonly path: string; readonly text: string; readonly format?: ArticleFormat; readonly sidecar?: SidecarSummary;
    /** The article's row of tension-variables.csv: over the front matter's variables, value by value. */
    readonly tableVariables?: ArticleVariables;
  }
  | { readonly path: string; readonly error: ArticleError };

/** An axis as the dashboard shows it: ids and labels of the axis and its two poles, in lexicon order. */
export interface DashboardAxis {
  readonly id: string;
  readonly label: Bilingual;
  readonly poles: readonly [DashboardPole, DashboardPole];
}

export interface DashboardPole {
  readonly id: string;
  readonly label: Bilingual;
}

/** Counts of one axis in one article: `a` for the first pole, `b` for the second. */
export interface AxisCount {
  readonly axis: string;
  readonly a: number;
  readonly b: number;
}

/** One row of the workspace overview. Error rows have zero counts and no format. */
export interface ArticleRow {
  readonly path: string;
  readonly error?: ArticleError;
  readonly format?: ArticleFormat;
  /** Length of the text in UTF-16 units (0 for an error row). */
  readonly length: number;
  readonly counts: TensionCounts;
  /** One entry per axis of the lexicon, in lexicon order. */
  readonly axes: readonly AxisCount[];
  /** Term hits in all. */
  readonly terms: number;
  /**
   * How evenly the poles are matched, 0–1: the weaker pole's count over the stronger one's, summed over axes.
   * 1 when every axis is evenly split, 0 when every axis is one-sided; 0 too when there are no terms.
   */
  readonly balance: number;
  readonly sites: number;
  readonly annotations: number;
  /** The article's document variables (front matter, then tension-variables.csv); absent when it has none. */
  readonly variables?: ArticleVariables;
}

/** The workspace overview: every article's row and the counts added up as the CLI's `stats` does. */
export interface DashboardModel {
  readonly version: 1;
  readonly axes: readonly DashboardAxis[];
  /** Sorted by path; error rows included. */
  readonly articles: readonly ArticleRow[];
  /** Sum over the rows without an error: equals `tension-lens stats --json` on the same files. */
  readonly totals: TensionCounts;
  /** Files read that hold no Chinese text, so have no row. */
  readonly skipped: number;
}

/** What a sidecar says, reduced to what the dashboard shows; `error` when the file was unusable. */
export interface SidecarSummary {
  readonly count: number;
  readonly byTag: readonly TagCount[];
  /** Annotations with no tag. */
  readonly untagged: number;
  readonly error?: string;
}

export interface TagCount {
  readonly id: string;
  readonly label: string;
  readonly color?: string;
  readonly count: number;
}

/** One heading-to-heading section of the article view's profile, with per-axis counts. */
export interface SectionProfile {
  readonly title: string;
  readonly level: number;
  readonly start: number;
  readonly line: number;
  readonly axes: readonly AxisCount[];
  /** How many sections the row stands for, when the article view grouped several (see `groupSections`). */
  readonly sections?: number;
  /** The title of the last section of such a group. */
  readonly lastTitle?: string;
}

/** A tension site in the article view: where it is, its axis, its text and its contrast markers. */
export interface SiteEntry {
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly axis: string;
  readonly text: string;
  readonly markers: readonly string[];
  /** The terms of each pole inside the sentence, as they read. */
  readonly termsA: readonly string[];
  readonly termsB: readonly string[];
}

/** A term and how often it occurs. */
export interface TermCount {
  readonly text: string;
  readonly count: number;
}

/** The article view: the active article in detail. */
export interface ArticleDetail {
  readonly path: string;
  readonly row: ArticleRow;
  readonly sections: readonly SectionProfile[];
  readonly sites: readonly SiteEntry[];
  /** Pole id → its most frequent surface forms, most frequent first. */
  readonly topTerms: Readonly<Record<string, readonly TermCount[]>>;
  /** Undefined when the article has no sidecar. */
  readonly annotations?: SidecarSummary;
}
