/**
 * Incremental re-analysis: a one-character edit in the middle of a large article, re-analysed by the `Analyzer`
 * that analysed it before (it memoizes the results of groups of chunks by text), as the extension does on every keystroke.
 */
import { type Analysis, Analyzer, type ArticleFormat, type Lexicon, splitChunks } from '../src/core';
import { type RunPlan, type Stat, measure, measureEach } from './stats';

/** What one edit costs, and where the time goes. */
export interface IncrementalResult {
  readonly format: ArticleFormat;
  readonly sizeBytes: number;
  /** `analyzer.analyze(edited)` after `analyzer.analyze(original)`, alternating, so every timed run is a real change. */
  readonly stat: Stat;
  /** Reading the new analysis's hits as objects afterwards: what a caller that wants `hits`, not the table, adds. */
  readonly hitObjects: Stat;
  /** `splitChunks` alone on the same text: the part of every re-analysis that is proportional to the whole text. */
  readonly split: Stat;
  /** The kept analyzer's result equals a fresh analyzer's on the edited text (hit ranges compared). */
  readonly agreed: boolean;
}

/** The text with one character inserted at the first Han character at or after its middle. */
export function editInMiddle(text: string): string {
  let at = text.length >> 1;
  while (at < text.length && !/\p{Script=Han}/u.test(text[at] ?? '')) at++;
  return `${text.slice(0, at)}改${text.slice(at)}`;
}

function sameHits(a: ReturnType<Analyzer['analyze']>, b: ReturnType<Analyzer['analyze']>): boolean {
  if (a.hits.length !== b.hits.length || a.sites.length !== b.sites.length) return false;
  return a.hits.every((h, i) => h.start === b.hits[i]?.start && h.end === b.hits[i]?.end && h.term === b.hits[i]?.term && h.line === b.hits[i]?.line);
}

/** Times re-analysis after a one-character edit, alternating between the original and the edited text. */
export function benchIncremental(text: string, format: ArticleFormat, sizeBytes: number, lexicon: Lexicon, plan: RunPlan): IncrementalResult {
  // Both versions are built (and flattened by a first analysis) before timing: the editor hands us a flat string.
  const edited = editInMiddle(text);
  const analyzer = new Analyzer(lexicon);
  analyzer.analyze(text, format);
  const agreed = sameHits(analyzer.analyze(edited, format), new Analyzer(lexicon).analyze(edited, format));
  // Even runs see `text` after `edited`, odd ones `edited` after `text`: each call differs from the last by one character.
  const stat = measure((run) => analyzer.analyze(run % 2 === 0 ? text : edited, format), plan);
  const split = measure(() => splitChunks(text, format), plan);
  const hitObjects = measureEach((run) => new Analyzer(lexicon).analyze(run % 2 === 0 ? text : edited, format), (a: Analysis) => a.hits, plan);
  return { format, sizeBytes, stat, hitObjects, split, agreed };
}
