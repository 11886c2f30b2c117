import { type CompiledLexicon, compileLexicon } from '../lexicon/compile';
import type { Lexicon } from '../lexicon/types';
import { splitChunks } from '../parse/chunks';
import { OPAQUE } from '../parse/markdown';
import { findAbstract } from './abstract';
import { type ChunkResult, analyzeChunk } from './chunk';
import { countHits } from './counts';
import type { Analysis, ArticleFormat, Section, Sentence, TensionSite, TermHit } from './types';

/** A chunk result placed in the text: absolute start, first line and the column it starts at. */
export interface PlacedChunk {
  readonly start: number;
  readonly line: number;
  readonly column: number;
  readonly result: ChunkResult;
}

/**
 * Analyses articles and remembers each chunk's result by its text, so the next analysis of the same
 * document after an edit re-parses only the chunks the edit touched. Keep one per document.
 */
export class Analyzer {
  readonly #lexicon: CompiledLexicon;
  #memo = new Map<string, ChunkResult>();
  #memoFormat: ArticleFormat | undefined;
  /** The first chunk is memoized apart: a plain-text first line may be the title, elsewhere it is not. */
  #first: { source: string; result: ChunkResult } | undefined;

  constructor(lexicon: Lexicon | CompiledLexicon) {
    this.#lexicon = 'termAutomaton' in lexicon ? lexicon : compileLexicon(lexicon);
  }

  get lexicon(): CompiledLexicon {
    return this.#lexicon;
  }

  /** Analyses `text` (as the editor holds it, no BOM) in the given format. */
  analyze(text: string, format: ArticleFormat): Analysis {
    // Chunk texts are the keys as they are (no prefix), so a lookup hashes the slice without copying it.
    const previous = this.#memoFormat === format ? this.#memo : new Map<string, ChunkResult>();
    const previousFirst = this.#memoFormat === format ? this.#first : undefined;
    const memo = new Map<string, ChunkResult>();
    const placed: PlacedChunk[] = [];
    let line = 0;
    let column = 0;
    splitChunks(text, format).forEach((chunk, i) => {
      const source = text.slice(chunk.start, chunk.end);
      let result: ChunkResult | undefined;
      if (i === 0) {
        result = previousFirst?.source === source ? previousFirst.result : analyzeChunk(source, format, this.#lexicon, true);
        this.#first = { source, result };
      } else {
        result = previous.get(source) ?? memo.get(source) ?? analyzeChunk(source, format, this.#lexicon, false);
        memo.set(source, result);
      }
      placed.push({ start: chunk.start, line, column, result });
      const breaks = result.lineBreaks;
      line += breaks.length;
      column = breaks.length > 0 ? result.length - (breaks[breaks.length - 1] ?? 0) : column + result.length;
    });
    this.#memoFormat = format;
    // Only the chunks of the latest text are kept: memory stays proportional to one version of the document.
    this.#memo = memo;
    return stitch(text, format, placed, this.#lexicon);
  }
}

function stitch(text: string, format: ArticleFormat, placed: readonly PlacedChunk[], lexicon: CompiledLexicon): Analysis {
  const hits: TermHit[] = [];
  const sentences: Sentence[] = [];
  const sites: TensionSite[] = [];
  const headings: { start: number; end: number; level: number; title: string }[] = [];
  const axes = lexicon.lexicon.axes;
  for (const chunk of placed) {
    const { start: base, result } = chunk;
    const position = chunkPositions(chunk);
    const hitBase = hits.length;
    for (const hit of result.hits) {
      const term = lexicon.terms[hit.termIndex];
      if (!term) continue;
      const { line, character } = position(hit.start);
      hits.push({
        start: base + hit.start, end: base + hit.end, line, character, text: hit.text,
        term: term.term.id, axis: term.axis.id, pole: term.pole.id, negated: hit.negated,
      });
    }
    const s = result.sentences;
    for (let k = 0; k < s.length; k += 2) {
      const start = s[k] ?? 0;
      sentences.push({ start: base + start, end: base + (s[k + 1] ?? start), line: position(start).line });
    }
    for (const site of result.sites) {
      sites.push({
        start: base + site.start, end: base + site.end, line: position(site.start).line,
        axis: axes[site.axisIndex]?.id ?? '', text: site.text,
        poleA: site.poleA.map((i) => hitBase + i), poleB: site.poleB.map((i) => hitBase + i),
        markers: site.markers.map((m) => ({ text: m.text, start: base + m.start, end: base + m.end })),
      });
    }
    for (const block of result.blocks) {
      if (block.headingLevel === undefined) continue;
      headings.push({ start: base + block.start, end: base + block.end, level: block.headingLevel, title: block.text.replaceAll(OPAQUE, '').trim() });
    }
  }
  return Object.freeze({
    format, length: text.length, hits, sentences, sites,
    sections: sectionsOf(text, headings),
    counts: countHits(hits, lexicon.lexicon),
    abstract: findAbstract(placed),
  });
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

function sectionsOf(text: string, headings: readonly { start: number; end: number; level: number; title: string }[]): Section[] {
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
