import { type CompiledLexicon, compileLexicon } from '../lexicon/compile';
import type { Lexicon } from '../lexicon/types';
import { splitChunks } from '../parse/chunks';
import { type ChunkGroup, groupChunks } from '../parse/groups';
import { ArticleAnalysis } from './articleAnalysis';
import { type GroupResult, type GroupSite, HIT_FIELDS, analyzeGroup } from './group';
import { HEADINGS, HITS, type RowCounts, SENTENCES, SITES, TABLES, type Tables, allocateTables, copyRows } from './tables';
import type { Analysis, ArticleFormat, HitTable, TensionCounts } from './types';

/** The last analysed text's groups (parse/groups.ts) and tables, kept so the next analysis can reuse what an edit left. */
interface Kept {
  readonly format: ArticleFormat;
  readonly length: number;
  /** Each group's text: a slice of the analysed text. */
  readonly sources: readonly string[];
  readonly results: readonly GroupResult[];
  /** Offset, line and column where each group starts. */
  readonly starts: Int32Array;
  readonly lines: Int32Array;
  readonly columns: Int32Array;
  /** Rows of each table up to and including group k: `ends[k * TABLES + table]`. */
  readonly ends: Int32Array;
  readonly tables: Tables;
}

/**
 * Analyses articles and remembers the last one, so the next analysis of the same document after an edit re-parses
 * only the group of paragraphs the edit touched. The rows of the groups before the edit are copied, those after it
 * copied and shifted by the change in length and lines: numbers in typed arrays, no object per hit. Keep one per
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
    const groups = groupChunks(text, splitChunks(text, format));
    const n = groups.length;
    const sources = new Array<string>(n);
    const starts = new Int32Array(n);
    for (let k = 0; k < n; k++) {
      const { start, end } = groups[k] as ChunkGroup;
      starts[k] = start;
      sources[k] = text.slice(start, end);
    }
    const delta = text.length - (kept?.length ?? 0);
    const { prefix, newTail, oldTail } = unchangedEnds(kept, starts, sources, delta);
    const results = this.#results(sources, groups, format, kept, prefix, newTail, oldTail);

    const lines = new Int32Array(n);
    const columns = new Int32Array(n);
    for (let k = 0, line = 0, column = 0; k < n; k++) {
      lines[k] = line;
      columns[k] = column;
      const result = results[k] as GroupResult;
      const breaks = result.lineBreaks;
      line += breaks.length;
      column = breaks.length > 0 ? result.length - (breaks[breaks.length - 1] as number) : column + result.length;
    }

    const { tables, ends } = buildTables({ kept, results, starts, lines, columns, prefix, newTail, oldTail, delta });
    const analysis = new ArticleAnalysis({
      format, text, lexicon: this.#lexicon, tables, counts: countTerms(tables.hits, this.#lexicon), results, groupStarts: starts,
    });
    // Only the latest text is kept: memory stays proportional to one version of the document.
    this.#kept = { format, length: text.length, sources, results, starts, lines, columns, ends, tables };
    return analysis;
  }

  /** Each group's result: reused for the unchanged head and tail, looked up by text or analysed in between. */
  #results(
    sources: readonly string[], groups: readonly ChunkGroup[], format: ArticleFormat, kept: Kept | undefined, prefix: number, newTail: number, oldTail: number,
  ): GroupResult[] {
    const n = sources.length;
    const results = new Array<GroupResult>(n);
    // In between, the old groups are looked up by text: a moved paragraph is not analysed again. Only on a
    // re-analysis: hashing every group of a newly opened article costs more than the rare repeated paragraph saves.
    const byText = new Map<string, GroupResult>();
    if (kept) for (let k = Math.max(prefix, 1); k < oldTail; k++) byText.set(kept.sources[k] as string, kept.results[k] as GroupResult);
    for (let k = 0; k < n; k++) {
      const source = sources[k] as string;
      if (kept && k < prefix) results[k] = kept.results[k] as GroupResult;
      else if (kept && k >= newTail) results[k] = kept.results[k - newTail + oldTail] as GroupResult;
      else if (k === 0) results[k] = analyzeGroup(source, format, this.#lexicon, true, (groups[k] as ChunkGroup).cuts);
      // Not even asked when empty: a lookup hashes the whole group's text.
      else results[k] = (byText.size > 0 ? byText.get(source) : undefined) ?? analyzeGroup(source, format, this.#lexicon, false, (groups[k] as ChunkGroup).cuts);
    }
    return results;
  }
}

/**
 * How many groups at the start are unchanged (same offset, same text), and where the unchanged tail starts in the
 * new and the old groups (same text, offset moved by `delta`). Compared with ===, which compares memory; hashing
 * every group's text into a Map (as lookups by text do) was most of a re-analysis. Never group 0 from the tail:
 * its result depends on being first.
 */
function unchangedEnds(kept: Kept | undefined, starts: Int32Array, sources: readonly string[], delta: number): { prefix: number; newTail: number; oldTail: number } {
  const n = sources.length;
  const oldN = kept?.sources.length ?? 0;
  let prefix = 0;
  let newTail = n;
  let oldTail = oldN;
  if (!kept) return { prefix, newTail, oldTail };
  while (prefix < n && prefix < oldN && kept.starts[prefix] === starts[prefix] && kept.sources[prefix] === sources[prefix]) prefix++;
  const floor = Math.max(prefix, 1);
  while (newTail > floor && oldTail > floor && (kept.starts[oldTail - 1] as number) + delta === starts[newTail - 1] && kept.sources[oldTail - 1] === sources[newTail - 1]) {
    newTail--;
    oldTail--;
  }
  return { prefix, newTail, oldTail };
}

/** What `buildTables` needs: the groups' results and places, and which of them are unchanged since `kept`. */
interface TablePlan {
  readonly kept: Kept | undefined;
  readonly results: readonly GroupResult[];
  readonly starts: Int32Array;
  readonly lines: Int32Array;
  readonly columns: Int32Array;
  readonly prefix: number;
  readonly newTail: number;
  readonly oldTail: number;
  readonly delta: number;
}

/**
 * The tables of the new text: the unchanged head's rows copied from the kept tables, the groups in between placed
 * from their results, and the unchanged tail's rows copied and shifted by the change in length, lines and hits.
 * Also the row counts after each group (`ends`), which the next re-analysis copies and shifts the same way.
 */
function buildTables(plan: TablePlan): { tables: Tables; ends: Int32Array } {
  const { kept, results, starts, lines, columns, prefix, newTail, oldTail, delta } = plan;
  const n = results.length;
  const oldN = kept?.sources.length ?? 0;
  // The old tail's rows can be shifted rather than rebuilt when it starts at the same column as before. Groups
  // start at line starts, so it always does; checked rather than assumed, since characters are copied unshifted.
  const shiftTail = kept !== undefined && newTail < n && columns[newTail] === kept.columns[oldTail];
  const rebuiltEnd = shiftTail ? newTail : n;
  const oldEnd = (k: number, table: number): number => (kept && k > 0 ? (kept.ends[(k - 1) * TABLES + table] as number) : 0);
  const oldRows = (k: number): number[] => [oldEnd(k, HITS), oldEnd(k, SENTENCES), oldEnd(k, SITES), oldEnd(k, HEADINGS)];

  const ends = new Int32Array(n * TABLES);
  if (kept) ends.set(kept.ends.subarray(0, prefix * TABLES));
  const rows = [...oldRows(prefix)];
  for (let k = prefix; k < rebuiltEnd; k++) {
    const result = results[k] as GroupResult;
    rows[HITS] = (rows[HITS] as number) + result.hits.length / HIT_FIELDS;
    rows[SENTENCES] = (rows[SENTENCES] as number) + result.sentences.length / 2;
    rows[SITES] = (rows[SITES] as number) + result.sites.length;
    rows[HEADINGS] = (rows[HEADINGS] as number) + headingCount(result);
    for (let t = 0; t < TABLES; t++) ends[k * TABLES + t] = rows[t] as number;
  }
  const middleEnd: RowCounts = [...rows];
  const tailFrom = oldRows(oldTail);
  const tailTo = oldRows(oldN);
  if (kept && shiftTail) {
    for (let k = newTail; k < n; k++) {
      for (let t = 0; t < TABLES; t++) ends[k * TABLES + t] = (kept.ends[(k - newTail + oldTail) * TABLES + t] as number) + ((middleEnd[t] as number) - (tailFrom[t] as number));
    }
    for (let t = 0; t < TABLES; t++) rows[t] = (middleEnd[t] as number) + ((tailTo[t] as number) - (tailFrom[t] as number));
  }

  const tables = allocateTables(rows);
  if (kept && prefix > 0) copyRows(tables, [0, 0, 0, 0], kept.tables, [0, 0, 0, 0], oldRows(prefix));
  const at = [...oldRows(prefix)];
  for (let k = prefix; k < rebuiltEnd; k++) {
    placeGroup(tables, at, results[k] as GroupResult, starts[k] as number, lines[k] as number, columns[k] as number);
  }
  if (kept && shiftTail) {
    copyRows(tables, middleEnd, kept.tables, tailFrom, tailTo, {
      offset: delta, line: (lines[newTail] as number) - (kept.lines[oldTail] as number), hits: (middleEnd[HITS] as number) - (tailFrom[HITS] as number),
    });
  }
  return { tables, ends };
}

function headingCount(result: GroupResult): number {
  let count = 0;
  for (const block of result.blocks) if (block.headingLevel !== undefined) count++;
  return count;
}

/** Writes one group's rows at `at` (advanced past them), placed at the group's offset, line and column. */
function placeGroup(tables: Tables, at: number[], result: GroupResult, base: number, line: number, column: number): void {
  const breaks = result.lineBreaks;
  const h = tables.hits;
  const hitBase = at[HITS] as number;
  let row = hitBase;
  const flat = result.hits;
  for (let i = 0, b = 0; i < flat.length; i += HIT_FIELDS, row++) {
    const start = flat[i] as number;
    b = breaksUpTo(breaks, start, b);
    h.start[row] = base + start;
    h.end[row] = base + (flat[i + 1] as number);
    h.line[row] = line + b;
    h.character[row] = b === 0 ? column + start : start - (breaks[b - 1] as number);
    h.term[row] = flat[i + 2] as number;
    h.form[row] = flat[i + 3] as number;
    h.negated[row] = flat[i + 4] as number;
  }
  at[HITS] = row;

  const s = tables.sentences;
  row = at[SENTENCES] as number;
  const bounds = result.sentences;
  for (let i = 0, b = 0; i < bounds.length; i += 2, row++) {
    const start = bounds[i] as number;
    b = breaksUpTo(breaks, start, b);
    s.start[row] = base + start;
    s.end[row] = base + (bounds[i + 1] as number);
    s.line[row] = line + b;
  }
  at[SENTENCES] = row;

  const t = tables.sites;
  row = at[SITES] as number;
  for (let i = 0, b = 0; i < result.sites.length; i++) {
    const site = result.sites[i] as GroupSite;
    b = breaksUpTo(breaks, site.start, b);
    t.start[row] = base + site.start;
    t.end[row] = base + site.end;
    t.line[row] = line + b;
    t.axis[row] = site.axisIndex;
    t.hitBase[row] = hitBase;
    t.details[row] = site;
    row++;
  }
  at[SITES] = row;

  const g = tables.headings;
  row = at[HEADINGS] as number;
  for (const block of result.blocks) {
    if (block.headingLevel === undefined) continue;
    g.start[row] = base + block.start;
    g.end[row] = base + block.end;
    g.level[row] = block.headingLevel;
    g.blocks[row] = block;
    row++;
  }
  at[HEADINGS] = row;
}

/**
 * How many of a group's line breaks are at or before `offset`, walking on from `from` (the answer for an earlier
 * offset): rows come in text order within a group, so one pointer walks the line breaks alongside them. It
 * restarts only if an offset goes back.
 */
function breaksUpTo(breaks: readonly number[], offset: number, from: number): number {
  let i = from > 0 && (breaks[from - 1] as number) > offset ? 0 : from;
  while (i < breaks.length && (breaks[i] as number) <= offset) i++;
  return i;
}

/** Counts per axis, pole and term from the table's term column: one integer increment per hit. */
function countTerms(hits: HitTable, lexicon: CompiledLexicon): TensionCounts {
  const perTerm = new Int32Array(lexicon.terms.length);
  // Terms are listed in the order they first occur, as they always have been (reports keep that order).
  const seenOrder: number[] = [];
  const column = hits.term;
  for (let i = 0; i < hits.count; i++) {
    const term = column[i] as number;
    const seen = perTerm[term] as number;
    if (seen === 0) seenOrder.push(term);
    perTerm[term] = seen + 1;
  }
  const axes: Record<string, { total: number; poles: Record<string, number> }> = {};
  for (const axis of lexicon.lexicon.axes) {
    axes[axis.id] = { total: 0, poles: Object.fromEntries(axis.poles.map((p) => [p.id, 0])) };
  }
  const terms: Record<string, number> = {};
  for (const index of seenOrder) {
    const term = lexicon.terms[index];
    const n = perTerm[index] as number;
    if (!term) continue;
    const axis = axes[term.axis.id];
    if (axis) {
      axis.total += n;
      axis.poles[term.pole.id] = (axis.poles[term.pole.id] ?? 0) + n;
    }
    terms[term.term.id] = (terms[term.term.id] ?? 0) + n;
  }
  return { total: hits.count, axes, terms };
}

/** Analyses one text with a fresh analyzer: for one-off use (the CLI); editors keep an `Analyzer` per document. */
export function analyze(text: string, format: ArticleFormat, lexicon: Lexicon | CompiledLexicon): Analysis {
  return new Analyzer(lexicon).analyze(text, format);
}
