/**
 * Full analysis — parse, match, sentences, sites, sections — with a fresh `Analyzer` per run, as a file opened
 * for the first time is analysed. Reports ms per MB at each size, so a non-linear cost shows as a growing figure.
 */
import { type Analysis, Analyzer, type ArticleFormat, type Lexicon, splitChunks } from '../src/core';
import { unified } from 'unified';
import { markdownBlocks } from '../src/core/parse/markdown';
import { MiB, distinctChunkShare } from './inputs';
import { type RunPlan, type Stat, mbPerSecond, measure, measureEach } from './stats';

/** One row of the analysis table. */
export interface AnalysisRow {
  readonly layout: string;
  readonly format: ArticleFormat;
  readonly sizeBytes: number;
  /** Median milliseconds of a fresh `new Analyzer(lexicon).analyze(text, format)`. */
  readonly ms: number;
  readonly msPerMB: number;
  readonly MBps: number;
  readonly stat: Stat;
  /**
   * Building the object views afterwards (hits, sentences, sites, sections, abstract as objects): not part of the
   * analysis, which hands out typed-array tables, but what a caller that reads every view pays on top.
   */
  readonly views: Stat;
  readonly hits: number;
  readonly sites: number;
  readonly chunks: number;
  /** Chunks whose text occurs once in the article: the rest the analyzer's memo would reuse within one run. */
  readonly distinctChunks: number;
  /** Markdown only: share of chunks (and of their text) that the parser handled without calling remark. */
  readonly fastPathChunks?: number;
  readonly fastPathBytes?: number;
}

/** The fast-path share is measured on the chunks in the first this many chars (the rest has the same mix). */
const FAST_PATH_SAMPLE = 512 * 1024;

/**
 * How much of a Markdown article skips remark: each chunk goes through `markdownBlocks` (an internal of the core,
 * used here for this diagnosis only) while unified's `Processor#parse` is wrapped to count calls, so whatever fast
 * path the parser has, the figure is what it really parsed.
 */
export function fastPathShare(text: string): { chunks: number; bytes: number } {
  const chunks = splitChunks(text, 'markdown').filter((c) => c.end <= FAST_PATH_SAMPLE);
  const proto = Object.getPrototypeOf(unified()) as { parse: (...args: unknown[]) => unknown };
  const parse = proto.parse;
  let calls = 0;
  proto.parse = function (this: unknown, ...args: unknown[]) {
    calls++;
    return parse.apply(this, args);
  };
  let fast = 0;
  let fastChars = 0;
  try {
    for (const c of chunks) {
      const before = calls;
      markdownBlocks(text.slice(c.start, c.end));
      if (calls === before) {
        fast++;
        fastChars += c.end - c.start;
      }
    }
  } finally {
    proto.parse = parse;
  }
  const sampled = chunks.length > 0 ? (chunks[chunks.length - 1]?.end ?? 0) : 0;
  return { chunks: chunks.length > 0 ? fast / chunks.length : 1, bytes: sampled > 0 ? fastChars / sampled : 1 };
}

/** Times a fresh analysis of `text` in `format`. */
export function benchAnalysis(layout: string, text: string, format: ArticleFormat, sizeBytes: number, lexicon: Lexicon, plan: RunPlan): AnalysisRow {
  const analysis = new Analyzer(lexicon).analyze(text, format); // also the first warm-up run
  const stat = measure(() => new Analyzer(lexicon).analyze(text, format), { ...plan, warmup: Math.max(0, plan.warmup - 1) });
  // Each run reads the views of an analysis made for it outside the timing: views are built once and cached.
  const views = measureEach(() => new Analyzer(lexicon).analyze(text, format), (a: Analysis) => [a.hits, a.sentences, a.sites, a.sections, a.abstract], plan);
  const chunks = splitChunks(text, format);
  const fast = format === 'markdown' ? fastPathShare(text) : undefined;
  return {
    layout, format, sizeBytes, ms: stat.median, msPerMB: stat.median / (sizeBytes / MiB), MBps: mbPerSecond(sizeBytes, stat.median), stat, views,
    hits: analysis.hits.length, sites: analysis.sites.length, chunks: chunks.length, distinctChunks: distinctChunkShare(text, chunks),
    ...(fast ? { fastPathChunks: fast.chunks, fastPathBytes: fast.bytes } : {}),
  };
}
