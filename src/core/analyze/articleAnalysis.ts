import type { CompiledLexicon } from '../lexicon/compile';
import { OPAQUE } from '../parse/markdown';
import { findAbstract } from './abstract';
import { type ChunkResult, type ChunkSite, siteMarkers, siteText } from './chunk';
import { type Tables, firstRowAtLeast } from './tables';
import type {
  AbstractBlock, Analysis, ArticleFormat, HitTable, Section, Sentence, SentenceTable, SiteTable, TensionCounts, TensionSite, TermHit,
} from './types';

/** What an analysis is made of: the tables, and what the lazily built parts are built from. */
export interface AnalysisParts {
  readonly format: ArticleFormat;
  readonly text: string;
  readonly lexicon: CompiledLexicon;
  readonly tables: Tables;
  readonly counts: TensionCounts;
  /** The chunks' results and where each chunk starts: what the abstract is searched in. */
  readonly results: readonly ChunkResult[];
  readonly chunkStarts: Int32Array;
}

/**
 * One article's analysis: tables built eagerly, object views built on first read and kept. Immutable from the
 * outside; the caches only ever go from unset to set.
 */
export class ArticleAnalysis implements Analysis {
  readonly format: ArticleFormat;
  readonly length: number;
  readonly counts: TensionCounts;
  readonly hitTable: HitTable;
  readonly sentenceTable: SentenceTable;
  readonly siteTable: SiteTable;
  readonly lexicon: CompiledLexicon;
  readonly #parts: AnalysisParts;
  #hits: readonly TermHit[] | undefined;
  #sentences: readonly Sentence[] | undefined;
  #sites: readonly TensionSite[] | undefined;
  #sections: readonly Section[] | undefined;
  #abstract: AbstractBlock | undefined;

  constructor(parts: AnalysisParts) {
    this.format = parts.format;
    this.length = parts.text.length;
    this.counts = parts.counts;
    this.hitTable = parts.tables.hits;
    this.sentenceTable = parts.tables.sentences;
    this.siteTable = parts.tables.sites;
    this.lexicon = parts.lexicon;
    this.#parts = parts;
  }

  get hits(): readonly TermHit[] {
    if (!this.#hits) {
      const hits = new Array<TermHit>(this.hitTable.count);
      for (let i = 0; i < hits.length; i++) hits[i] = this.#hit(i);
      this.#hits = Object.freeze(hits);
    }
    return this.#hits;
  }

  hitAt(index: number): TermHit | undefined {
    if (!(index >= 0 && index < this.hitTable.count)) return undefined;
    return this.#hits ? this.#hits[index] : this.#hit(index);
  }

  hitIndexAt(offset: number): number {
    const { start, end, count } = this.hitTable;
    // Hits are in order and never overlap, so their ends are too: the first ending after offset is the only candidate.
    const i = firstRowAtLeast(end, count, offset + 1);
    return i < count && (start[i] as number) <= offset ? i : -1;
  }

  #hit(i: number): TermHit {
    const t = this.hitTable;
    const { terms, patterns } = this.#parts.lexicon;
    const term = terms[t.term[i] as number];
    // Properties in one literal, always in this order: one hidden class for every hit.
    return {
      start: t.start[i] as number, end: t.end[i] as number, line: t.line[i] as number, character: t.character[i] as number,
      text: patterns[t.form[i] as number] ?? '', term: term?.term.id ?? '', axis: term?.axis.id ?? '', pole: term?.pole.id ?? '',
      negated: t.negated[i] === 1,
    };
  }

  get sentences(): readonly Sentence[] {
    if (!this.#sentences) {
      const t = this.sentenceTable;
      const sentences = new Array<Sentence>(t.count);
      for (let i = 0; i < t.count; i++) sentences[i] = { start: t.start[i] as number, end: t.end[i] as number, line: t.line[i] as number };
      this.#sentences = Object.freeze(sentences);
    }
    return this.#sentences;
  }

  get sites(): readonly TensionSite[] {
    if (!this.#sites) {
      const sites = new Array<TensionSite>(this.siteTable.count);
      for (let i = 0; i < sites.length; i++) sites[i] = this.#site(i);
      this.#sites = Object.freeze(sites);
    }
    return this.#sites;
  }

  siteAt(index: number): TensionSite | undefined {
    if (!(index >= 0 && index < this.siteTable.count)) return undefined;
    return this.#sites ? this.#sites[index] : this.#site(index);
  }

  #site(i: number): TensionSite {
    const t = this.#parts.tables.sites;
    const site = t.details[i] as ChunkSite;
    const start = t.start[i] as number;
    const base = start - site.start;
    const hitBase = t.hitBase[i] as number;
    return {
      start, end: t.end[i] as number, line: t.line[i] as number, axis: this.lexicon.lexicon.axes[t.axis[i] as number]?.id ?? '', text: siteText(site),
      poleA: site.poleA.map((h) => hitBase + h), poleB: site.poleB.map((h) => hitBase + h),
      markers: siteMarkers(site, this.lexicon).map((m) => ({ text: m.text, start: base + m.start, end: base + m.end })),
    };
  }

  get sections(): readonly Section[] {
    if (!this.#sections) this.#sections = Object.freeze(sectionsOf(this.#parts));
    return this.#sections;
  }

  get abstract(): AbstractBlock {
    this.#abstract ??= findAbstract(this.#parts.results, this.#parts.chunkStarts);
    return this.#abstract;
  }
}

function sectionsOf({ text, tables: { headings } }: AnalysisParts): Section[] {
  const sections: Section[] = [];
  const first = headings.count > 0 ? (headings.start[0] as number) : text.length;
  if (text.slice(0, first).trim().length > 0) {
    const lead = text.slice(0, first).trim().split(/\r?\n/, 1)[0] ?? '';
    sections.push({ start: 0, end: first, title: lead.slice(0, 60), level: 0, headingRange: { start: 0, end: 0 } });
  }
  for (let i = 0; i < headings.count; i++) {
    const start = headings.start[i] as number;
    const headingEnd = headings.end[i] as number;
    const end = i + 1 < headings.count ? (headings.start[i + 1] as number) : text.length;
    const title = headings.blocks[i]?.text.replaceAll(OPAQUE, '').trim() ?? '';
    sections.push({ start, end, title, level: headings.level[i] as number, headingRange: { start, end: headingEnd } });
  }
  return sections;
}
