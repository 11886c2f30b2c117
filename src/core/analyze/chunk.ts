import type { CompiledLexicon } from '../lexicon/compile';
import { markdownBlocks } from '../parse/markdown';
import { plaintextBlocks } from '../parse/plaintext';
import { type ProseBlock, sourceRange } from '../parse/proseBlock';
import { splitSentences } from '../parse/sentences';
import type { ArticleFormat } from './types';

/** A term hit relative to its chunk. */
export interface ChunkHit {
  readonly start: number;
  readonly end: number;
  readonly termIndex: number;
  readonly text: string;
  readonly negated: boolean;
}

/** A tension site relative to its chunk; pole lists index into the chunk's hits. */
export interface ChunkSite {
  readonly start: number;
  readonly end: number;
  readonly axisIndex: number;
  readonly text: string;
  readonly poleA: readonly number[];
  readonly poleB: readonly number[];
  readonly markers: readonly { readonly text: string; readonly start: number; readonly end: number }[];
}

/** Everything found in one chunk, in offsets relative to the chunk: memoizable by chunk text. */
export interface ChunkResult {
  readonly length: number;
  readonly hits: readonly ChunkHit[];
  /** Flat [start, end, start, end, …] sentence ranges. */
  readonly sentences: readonly number[];
  readonly sites: readonly ChunkSite[];
  readonly blocks: readonly ProseBlock[];
  /**
   * Offsets of line starts after the first (the chunk's first line starts at 0). Plain arrays, not Int32Array: a
   * typed array costs ~200 bytes of headers, more than the few offsets a chunk has, and `Int32Array.from` is slow.
   */
  readonly lineBreaks: readonly number[];
}

/** Axis index per compiled term, cached per lexicon so sites group hits by axis without lookups. */
const axisIndexCache = new WeakMap<CompiledLexicon, Int32Array>();

function axisIndexOf(lexicon: CompiledLexicon): Int32Array {
  let cached = axisIndexCache.get(lexicon);
  if (!cached) {
    const axes = lexicon.lexicon.axes;
    cached = Int32Array.from(lexicon.terms.map((t) => axes.indexOf(t.axis)));
    axisIndexCache.set(lexicon, cached);
  }
  return cached;
}

/** Parses and matches one chunk. Pure: the same chunk text always gives the same result. */
export function analyzeChunk(source: string, format: ArticleFormat, lexicon: CompiledLexicon, isFirstChunk: boolean): ChunkResult {
  const blocks = format === 'markdown' ? markdownBlocks(source) : plaintextBlocks(source, isFirstChunk);
  const hits: ChunkHit[] = [];
  const sentences: number[] = [];
  const sites: ChunkSite[] = [];
  for (const block of blocks) analyzeBlock(block, lexicon, hits, sentences, sites);
  const breaks: number[] = [];
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 10) breaks.push(i + 1);
    else if (c === 13 && source.charCodeAt(i + 1) !== 10) breaks.push(i + 1);
  }
  return { length: source.length, hits, sentences, sites, blocks, lineBreaks: breaks };
}

function analyzeBlock(block: ProseBlock, lexicon: CompiledLexicon, hits: ChunkHit[], sentences: number[], sites: ChunkSite[]): void {
  const text = block.text;
  const firstHit = hits.length;
  // Visible-text ranges of this block's hits, parallel to hits[firstHit..].
  const visible: number[] = [];
  const negators = negatorIndexOf(lexicon);
  lexicon.termAutomaton.scan(text, 0, text.length, (start, end, id) => {
    const termIndex = lexicon.patternTerm[id] ?? -1;
    if (termIndex < 0) return; // an exclusion phrase: it consumed the text, nothing fires
    const range = sourceRange(block, start, end);
    // Properties spelled out, not `...range`: V8 gives every object built by spread-then-add its own hidden
    // class (measured: ~230 bytes and ~20× the time per object), which also makes every later read megamorphic.
    hits.push({
      start: range.start, end: range.end, termIndex, text: lexicon.patterns[id] ?? text.slice(start, end),
      negated: isNegated(text, start, negators),
    });
    visible.push(start, end);
  });

  const bounds: number[] = [];
  splitSentences(text, 0, text.length, bounds);
  const axisOf = axisIndexOf(lexicon);
  let h = 0;
  const blockHits = hits.length - firstHit;
  for (let s = 0; s < bounds.length; s += 2) {
    const from = bounds[s] ?? 0;
    const to = bounds[s + 1] ?? 0;
    const range = sourceRange(block, from, to);
    sentences.push(range.start, range.end);
    while (h < blockHits && (visible[2 * h] ?? 0) < from) h++;
    let end = h;
    while (end < blockHits && (visible[2 * end + 1] ?? 0) <= to) end++;
    // A site needs a hit on each side of an axis: most sentences have fewer than two hits and need no grouping.
    if (end - h < 2) {
      h = end;
      continue;
    }
    // Hits of this sentence, grouped by axis and side.
    const byAxis = new Map<number, [number[], number[]]>();
    let k = h;
    for (; k < end; k++) {
      const hit = hits[firstHit + k];
      if (!hit) continue;
      const axis = axisOf[hit.termIndex] ?? -1;
      let sides = byAxis.get(axis);
      if (!sides) byAxis.set(axis, (sides = [[], []]));
      sides[lexicon.terms[hit.termIndex]?.side ?? 0].push(firstHit + k);
    }
    h = k;
    for (const [axisIndex, [poleA, poleB]] of byAxis) {
      if (poleA.length === 0 || poleB.length === 0) continue;
      sites.push({
        start: range.start, end: range.end, axisIndex, text: text.slice(from, to), poleA, poleB,
        markers: findMarkers(block, from, to, lexicon),
      });
    }
  }
}

/** Negators by their last code unit, longest first, cached per lexicon (72 negators in the built-in one). */
const negatorIndexCache = new WeakMap<CompiledLexicon, Map<number, readonly string[]>>();

function negatorIndexOf(lexicon: CompiledLexicon): Map<number, readonly string[]> {
  let index = negatorIndexCache.get(lexicon);
  if (!index) {
    const byLast = new Map<number, string[]>();
    for (const negator of lexicon.negators) {
      if (negator.length === 0) continue;
      const last = negator.charCodeAt(negator.length - 1);
      const list = byLast.get(last);
      if (list) list.push(negator);
      else byLast.set(last, [negator]);
    }
    negatorIndexCache.set(lexicon, (index = byLast));
  }
  return index;
}

/**
 * True when a negator ends right where the term starts (不开放, 拒绝开源); only visible text counts. Looks only at
 * the negators ending with the character before the term: trying all of them for every hit was 40 % of matching.
 */
function isNegated(text: string, start: number, negators: Map<number, readonly string[]>): boolean {
  if (start === 0) return false;
  const candidates = negators.get(text.charCodeAt(start - 1));
  if (!candidates) return false;
  for (const negator of candidates) {
    if (start >= negator.length && text.startsWith(negator, start - negator.length)) return true;
  }
  return false;
}

function findMarkers(block: ProseBlock, from: number, to: number, lexicon: CompiledLexicon): ChunkSite['markers'] {
  const markers: { text: string; start: number; end: number }[] = [];
  lexicon.markerAutomaton.scan(block.text, from, to, (start, end, id) => {
    if (id >= lexicon.markers.length) return; // an exclusion such as 从而: not a contrast
    const range = sourceRange(block, start, end);
    markers.push({ text: block.text.slice(start, end), start: range.start, end: range.end });
  });
  return markers;
}
