import { type CompiledLexicon, compileLexicon } from '../lexicon/compile';
import type { Lexicon } from '../lexicon/types';
import { type Chunk, splitChunks } from '../parse/chunks';
import { OPAQUE } from '../parse/markdown';
import { findAbstract } from './abstract';
import { type ChunkResult, analyzeChunk } from './chunk';
import type { Analysis, ArticleFormat, Section, Sentence, TensionCounts, TensionSite, TermHit } from './types';

/** A chunk result placed in the text: absolute start, first line and the column it starts at. */
export interface PlacedChunk {
  readonly start: number;
  readonly line: number;
  readonly column: number;
  readonly result: ChunkResult;
}

/** One chunk of the last analysed text, with what it produced; `source` is a slice of that text. */
interface KeptChunk {
  readonly start: number;
  readonly end: number;
  readonly source: string;
  readonly result: ChunkResult;
}

/** The last analysis, kept so the next one can reuse its unchanged chunks and its unchanged leading output. */
interface Kept {
  readonly format: ArticleFormat;
  readonly length: number;
  readonly chunks: readonly KeptChunk[];
  readonly analysis: Analysis;
  readonly headings: readonly Heading[];
  /** Per chunk, how many hits, sentences, sites and headings the analysis had after it: [h, s, t, g, h, s, t, g, …]. */
  readonly ends: Int32Array;
}

interface Heading {
  readonly start: number;
  readonly end: number;
  readonly level: number;
  readonly title: string;
}

/**
 * Analyses articles and remembers the last one, so the next analysis of the same document after an edit re-parses
 * only the chunks the edit touched, and rebuilds the output only from the first touched chunk on. Keep one per
 * document.
 */
export class Analyzer {
  readonly #lexicon: CompiledLexicon;
  #kept: Kept | undefined;

  constructor(lexicon: Lexicon | CompiledLexicon) {
    this.#lexicon = 'termAutomaton' in lexicon ? lexicon : compileLexicon(lexicon);
  }

  get lexicon(): CompiledLexicon {
    return this.#lexicon;
  }

  /** Analyses `text` (as the editor holds it, no BOM) in the given format. */
  analyze(text: string, format: ArticleFormat): Analysis {
    const kept = this.#kept?.format === format ? this.#kept : undefined;
    const old = kept?.chunks ?? [];
    const spans = splitChunks(text, format);
    const n = spans.length;
    // Unchanged chunks are found by position and checked with ===, which compares memory; hashing every chunk's
    // text into a Map (as lookups by text do) was most of a re-analysis, and startsWith compares char by char.
    const sources = spans.map((c) => text.slice(c.start, c.end));
    let prefix = 0;
    while (prefix < n && prefix < old.length) {
      const o = old[prefix] as KeptChunk;
      const c = spans[prefix] as Chunk;
      if (o.start !== c.start || o.end !== c.end || o.source !== sources[prefix]) break;
      prefix++;
    }
    // The same from the end, shifted by the change in length; never chunk 0, whose result depends on being first.
    const delta = text.length - (kept?.length ?? 0);
    let newTail = n;
    let oldTail = old.length;
    while (newTail > Math.max(prefix, 1) && oldTail > Math.max(prefix, 1)) {
      const o = old[oldTail - 1] as KeptChunk;
      const c = spans[newTail - 1] as Chunk;
      if (o.end - o.start !== c.end - c.start || o.start + delta !== c.start || o.source !== sources[newTail - 1]) break;
      newTail--;
      oldTail--;
    }
    // In between, chunks are looked up by text: a moved paragraph, or one that occurs twice, is analysed once.
    const byText = new Map<string, ChunkResult>();
    for (let k = Math.max(prefix, 1); k < oldTail; k++) {
      const o = old[k] as KeptChunk;
      byText.set(o.source, o.result);
    }
    const chunks: KeptChunk[] = new Array<KeptChunk>(n);
    const placed: PlacedChunk[] = new Array<PlacedChunk>(n);
    let line = 0;
    let column = 0;
    for (let k = 0; k < n; k++) {
      const { start, end } = spans[k] as Chunk;
      const source = sources[k] as string;
      let result: ChunkResult;
      if (k < prefix) result = (old[k] as KeptChunk).result;
      else if (k >= newTail) result = (old[k - newTail + oldTail] as KeptChunk).result;
      else if (k === 0) result = analyzeChunk(source, format, this.#lexicon, true);
      else {
        const known = byText.get(source);
        if (known) result = known;
        else byText.set(source, (result = analyzeChunk(source, format, this.#lexicon, false)));
      }
      chunks[k] = { start, end, source, result };
      placed[k] = { start, line, column, result };
      const breaks = result.lineBreaks;
      line += breaks.length;
      column = breaks.length > 0 ? result.length - (breaks[breaks.length - 1] ?? 0) : column + result.length;
    }
    // Chunks before the first changed one start at the same offset, line and column: their output is reused as is.
    const reuse = kept && prefix > 0 ? { analysis: kept.analysis, headings: kept.headings, chunks: prefix, ends: kept.ends } : undefined;
    const { analysis, headings, ends } = stitch(text, format, placed, this.#lexicon, reuse);
    // Only the latest text is kept: memory stays proportional to one version of the document.
    this.#kept = { format, length: text.length, chunks, analysis, headings, ends };
    return analysis;
  }
}

/** Output of the chunks before the first changed one, from the previous analysis. */
interface Reuse {
  readonly analysis: Analysis;
  readonly headings: readonly Heading[];
  readonly chunks: number;
  readonly ends: Int32Array;
}

function stitch(
  text: string, format: ArticleFormat, placed: readonly PlacedChunk[], lexicon: CompiledLexicon, reuse: Reuse | undefined,
): { analysis: Analysis; headings: Heading[]; ends: Int32Array } {
  const ends = new Int32Array(placed.length * 4);
  const first = reuse?.chunks ?? 0;
  const endOf = (k: number, what: number): number => (k > 0 ? (reuse?.ends[(k - 1) * 4 + what] ?? 0) : 0);
  const hits: TermHit[] = reuse ? reuse.analysis.hits.slice(0, endOf(first, 0)) : [];
  const sentences: Sentence[] = reuse ? reuse.analysis.sentences.slice(0, endOf(first, 1)) : [];
  const sites: TensionSite[] = reuse ? reuse.analysis.sites.slice(0, endOf(first, 2)) : [];
  const headings: Heading[] = reuse ? reuse.headings.slice(0, endOf(first, 3)) : [];
  if (reuse) ends.set(reuse.ends.subarray(0, first * 4));
  const axes = lexicon.lexicon.axes;
  const terms = lexicon.terms;
  const perTerm = new Int32Array(terms.length);
  const seenOrder: number[] = [];
  // Counts come from every chunk, reused or not: one integer increment per hit.
  for (const chunk of placed) {
    for (const hit of chunk.result.hits) {
      const seen = perTerm[hit.termIndex] ?? 0;
      if (seen === 0) seenOrder.push(hit.termIndex);
      perTerm[hit.termIndex] = seen + 1;
    }
  }
  for (let c = first; c < placed.length; c++) {
    const chunk = placed[c] as PlacedChunk;
    const { start: base, result } = chunk;
    const breaks = result.lineBreaks;
    const hitBase = hits.length;
    // Hits and sentences come in text order within a chunk, so one pointer walks the line breaks alongside them
    // (a binary search and a result object per position cost more than the hit itself).
    let b = 0;
    let last = 0;
    for (const hit of result.hits) {
      const term = terms[hit.termIndex];
      if (!term) continue;
      const at = hit.start;
      if (at < last) b = 0;
      last = at;
      while (b < breaks.length && (breaks[b] ?? 0) <= at) b++;
      hits.push({
        start: base + at, end: base + hit.end, line: chunk.line + b, character: b === 0 ? chunk.column + at : at - (breaks[b - 1] ?? 0),
        text: hit.text, term: term.term.id, axis: term.axis.id, pole: term.pole.id, negated: hit.negated,
      });
    }
    const s = result.sentences;
    b = 0;
    last = 0;
    for (let k = 0; k < s.length; k += 2) {
      const start = s[k] ?? 0;
      if (start < last) b = 0;
      last = start;
      while (b < breaks.length && (breaks[b] ?? 0) <= start) b++;
      sentences.push({ start: base + start, end: base + (s[k + 1] ?? start), line: chunk.line + b });
    }
    if (result.sites.length > 0) {
      const position = chunkPositions(chunk);
      for (const site of result.sites) {
        sites.push({
          start: base + site.start, end: base + site.end, line: position(site.start).line,
          axis: axes[site.axisIndex]?.id ?? '', text: site.text,
          poleA: site.poleA.map((i) => hitBase + i), poleB: site.poleB.map((i) => hitBase + i),
          markers: site.markers.map((m) => ({ text: m.text, start: base + m.start, end: base + m.end })),
        });
      }
    }
    for (const block of result.blocks) {
      if (block.headingLevel === undefined) continue;
      headings.push({ start: base + block.start, end: base + block.end, level: block.headingLevel, title: block.text.replaceAll(OPAQUE, '').trim() });
    }
    ends[c * 4] = hits.length;
    ends[c * 4 + 1] = sentences.length;
    ends[c * 4 + 2] = sites.length;
    ends[c * 4 + 3] = headings.length;
  }
  const analysis: Analysis = Object.freeze({
    format, length: text.length, hits, sentences, sites,
    sections: sectionsOf(text, headings),
    counts: countTerms(hits.length, perTerm, seenOrder, lexicon),
    abstract: findAbstract(placed),
  });
  return { analysis, headings, ends };
}

/** The same counts `countHits` gives, from per-term tallies: O(terms) instead of string-keyed updates per hit. */
function countTerms(total: number, perTerm: Int32Array, seenOrder: readonly number[], lexicon: CompiledLexicon): TensionCounts {
  const axes: Record<string, { total: number; poles: Record<string, number> }> = {};
  for (const axis of lexicon.lexicon.axes) {
    axes[axis.id] = { total: 0, poles: Object.fromEntries(axis.poles.map((p) => [p.id, 0])) };
  }
  const terms: Record<string, number> = {};
  for (const index of seenOrder) {
    const term = lexicon.terms[index];
    const n = perTerm[index] ?? 0;
    if (!term) continue;
    const axis = axes[term.axis.id];
    if (axis) {
      axis.total += n;
      axis.poles[term.pole.id] = (axis.poles[term.pole.id] ?? 0) + n;
    }
    terms[term.term.id] = (terms[term.term.id] ?? 0) + n;
  }
  return { total, axes, terms };
}

/** Line/character of a chunk-relative offset, knowing where the chunk starts. */
function chunkPositions(chunk: PlacedChunk): (offset: number) => { line: number; character: number } {
  const breaks = chunk.result.lineBreaks;
  return (offset) => {
    let lo = 0;
    let hi = breaks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((breaks[mid] ?? 0) <= offset) lo = mid + 1;
      else hi = mid;
    }
    if (lo === 0) return { line: chunk.line, character: chunk.column + offset };
    return { line: chunk.line + lo, character: offset - (breaks[lo - 1] ?? 0) };
  };
}

function sectionsOf(text: string, headings: readonly Heading[]): Section[] {
  const sections: Section[] = [];
  const first = headings[0]?.start ?? text.length;
  if (text.slice(0, first).trim().length > 0) {
    const lead = text.slice(0, first).trim().split(/\r?\n/, 1)[0] ?? '';
    sections.push({ start: 0, end: first, title: lead.slice(0, 60), level: 0, headingRange: { start: 0, end: 0 } });
  }
  headings.forEach((h, i) => {
    const end = headings[i + 1]?.start ?? text.length;
    sections.push({ start: h.start, end, title: h.title, level: h.level, headingRange: { start: h.start, end: h.end } });
  });
  return sections;
}

/** Analyses one text with a fresh analyzer: for one-off use (the CLI); editors keep an `Analyzer` per document. */
export function analyze(text: string, format: ArticleFormat, lexicon: Lexicon | CompiledLexicon): Analysis {
  return new Analyzer(lexicon).analyze(text, format);
}
