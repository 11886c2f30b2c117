import type { Analysis } from '../analyze/types';

/** An annotation as the concordance sees it: its range and its tags' labels. */
export interface TaggedSpan {
  readonly start: number;
  readonly end: number;
  readonly labels: readonly string[];
}

/**
 * One article as the concordance reads it: its text (as analysed, no BOM), its analysis and, when known, its
 * annotations (re-anchored against this text; orphaned ones left out). Without `tags`, `tag:` finds nothing.
 */
export interface ConcordanceArticle {
  readonly text: string;
  readonly analysis: Analysis;
  readonly tags?: readonly TaggedSpan[];
}

/** One place a query found: a hit (with its term, axis, pole), an annotation or a literal string (those three null). */
export interface Occurrence {
  readonly start: number;
  readonly end: number;
  readonly term: string | null;
  readonly axis: string | null;
  readonly pole: string | null;
  readonly negated: boolean;
}
