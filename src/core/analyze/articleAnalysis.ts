import type { CompiledLexicon } from '../lexicon/compile';
import { OPAQUE } from '../parse/markdown';
import { findAbstract } from './abstract';
import { type GroupResult, type GroupSite, siteMarkers, siteText } from './group';
import { type Tables, firstRowAtLeast } from './tables';
import type { CompiledTerm } from '../lexicon/compile';
import type { LexiconAxis } from '../lexicon/types';
import type {
  AbstractBlock, Analysis, ArticleFormat, FormCount, HitCursor, HitTable, LineSpan, Section, Sentence, SentenceTable, SiteCursor, SiteTable,
  TensionCounts, TensionSite, TermHit, TextRange,
} from './types';

/** What an analysis is made of: the tables, and what the lazily built parts are built from. */
export interface AnalysisParts {
  readonly format: ArticleFormat;
  readonly text: string;
  readonly lexicon: CompiledLexicon;
  readonly tables: Tables;
  readonly counts: TensionCounts;
  /** The groups' results and where each group starts: what the abstract is searched in. */
  readonly results: readonly GroupResult[];
  readonly groupStarts: Int32Array;
}

/**
 * An analysis as plain data, without its lexicon: typed arrays, numbers and strings, which cross from a worker thread
 * by structured clone; `restoreAnalysis` makes it an analysis again with the same lexicon compiled on the other side.
 */
export type PortableAnalysis = Omit<AnalysisParts, 'lexicon'>;

/** What `analysis` is made of, to send to another thread (see `PortableAnalysis`). */
export function portableAnalysis(analysis: Analysis): PortableAnalysis {
  if (!(analysis instanceof ArticleAnalysis)) throw new TypeError('not an analysis made by the core');
  return analysis.portable();
}

/** The analysis a `PortableAnalysis` was made from; `lexicon` must be the one it was made with, compiled here. */
export function restoreAnalysis(portable: PortableAnalysis, lexicon: CompiledLexicon): Analysis {
  return new ArticleAnalysis({ ...portable, lexicon });
}

/** The cursor `forEachHit` refills: writable here, read-only to its callers. */
type Writable<T> = { -readonly [K in keyof T]: T[K] };
type MutableHitCursor = Writable<HitCursor>;
type MutableSiteCursor = Writable<SiteCursor>;

/** The tables behind an analysis, for the core's own code and tests (the layers above use the queries). */
export function tablesOf(analysis: Analysis): { readonly hits: HitTable; readonly sentences: SentenceTable; readonly sites: SiteTable } {
  if (!(analysis instanceof ArticleAnalysis)) throw new TypeError('not an analysis made by the core');
  return { hits: analysis.hitTable, sentences: analysis.sentenceTable, sites: analysis.siteTable };
}

/**
 * One article's analysis: tables built eagerly, object views built on first read and kept. Immutable from the
 * outside; the caches only ever go from unset to set.
 */
export class ArticleAnalysis implements Analysis {
  readonly format: ArticleFormat;
  readonly length: number;
  readonly counts: TensionCounts;
  /** The tables: not part of `Analysis`, so only the core reads them (`tablesOf`). */
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

  /** The parts without the lexicon (`portableAnalysis`). */
  portable(): PortableAnalysis {
    const { lexicon: _lexicon, ...rest } = this.#parts;
    return rest;
  }

  get hitCount(): number {
    return this.hitTable.count;
  }

  get siteCount(): number {
    return this.siteTable.count;
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

  hitAtOffset(offset: number): TermHit | undefined {
    return this.hitAt(this.hitIndexAt(offset));
  }

  forEachHit(visit: (hit: HitCursor) => void, lines?: LineSpan): void {
    const t = this.hitTable;
    const { terms, patterns } = this.lexicon;
    const from = lines ? firstRowAtLeast(t.line, t.count, lines.from) : 0;
    const to = lines ? firstRowAtLeast(t.line, t.count, lines.to + 1) : t.count;
    const cursor: MutableHitCursor = { index: 0, start: 0, end: 0, line: 0, character: 0, term: terms[0] as CompiledTerm, form: '', negated: false, plain: true };
    for (let i = from; i < to; i++) {
      const start = t.start[i] as number;
      const end = t.end[i] as number;
      const form = patterns[t.form[i] as number] ?? '';
      cursor.index = i;
      cursor.start = start;
      cursor.end = end;
      cursor.line = t.line[i] as number;
      cursor.character = t.character[i] as number;
      cursor.term = terms[t.term[i] as number] as CompiledTerm;
      cursor.form = form;
      cursor.negated = t.negated[i] === 1;
      cursor.plain = end - start === form.length;
      visit(cursor);
    }
  }

  forEachSite(visit: (site: SiteCursor) => void, lines?: LineSpan): void {
    const s = this.siteTable;
    const axes = this.lexicon.lexicon.axes;
    const from = lines ? firstRowAtLeast(s.line, s.count, lines.from) : 0;
    const to = lines ? firstRowAtLeast(s.line, s.count, lines.to + 1) : s.count;
    const cursor: MutableSiteCursor = { index: 0, start: 0, end: 0, line: 0, axis: axes[0] as LexiconAxis };
    for (let i = from; i < to; i++) {
      cursor.index = i;
      cursor.start = s.start[i] as number;
      cursor.end = s.end[i] as number;
      cursor.line = s.line[i] as number;
      cursor.axis = axes[s.axis[i] as number] as LexiconAxis;
      visit(cursor);
    }
  }

  hitsOfTerm(termId: string): TermHit[] {
    // Which compiled terms carry the id (a user lexicon may list a term under a second form), then one pass.
    const wanted = this.lexicon.terms.map((t) => t.term.id === termId);
    const t = this.hitTable;
    const out: TermHit[] = [];
    for (let i = 0; i < t.count; i++) if (wanted[t.term[i] as number]) out.push(this.hitAt(i) as TermHit);
    return out;
  }

  sentenceAt(offset: number): TextRange | undefined {
    const { start, end, count } = this.sentenceTable;
    // First sentence ending at or after offset: sentences are in order and do not overlap.
    const i = firstRowAtLeast(end, count, offset);
    return i < count && (start[i] as number) <= offset ? { start: start[i] as number, end: end[i] as number } : undefined;
  }

  sitesAt(offset: number): TensionSite[] {
    const { start, end, count } = this.siteTable;
    // First site starting after offset; the sites containing it start at the same sentence, just before.
    const lo = firstRowAtLeast(start, count, offset + 1);
    const found: TensionSite[] = [];
    const sentence = lo > 0 ? (start[lo - 1] as number) : -1;
    for (let i = lo - 1; i >= 0 && start[i] === sentence; i--) {
      if (offset < (end[i] as number)) found.unshift(this.siteAt(i) as TensionSite);
    }
    return found;
  }

  formCountsOfPole(poleId: string): FormCount[] {
    const { terms, patterns } = this.lexicon;
    const onPole = terms.map((t) => t.pole.id === poleId);
    const t = this.hitTable;
    const byForm = new Map<number, number>();
    for (let i = 0; i < t.count; i++) {
      if (onPole[t.term[i] as number]) byForm.set(t.form[i] as number, (byForm.get(t.form[i] as number) ?? 0) + 1);
    }
    // Forms of one text (a pattern listed twice) count together.
    const counts = new Map<string, number>();
    for (const [form, n] of byForm) {
      const text = patterns[form] ?? '';
      counts.set(text, (counts.get(text) ?? 0) + n);
    }
    return [...counts].map(([text, count]) => ({ text, count })).sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
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
    const site = t.details[i] as GroupSite;
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
    this.#abstract ??= findAbstract(this.#parts.results, this.#parts.groupStarts);
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
