import type { CompiledLexicon } from '../lexicon/compile';
import { splitChunks } from '../parse/chunks';
import { markdownBlocks } from '../parse/markdown';
import { plaintextBlocks } from '../parse/plaintext';
import type { PartialCounts } from './partialCounts';
import type { ArticleFormat } from './types';

/** An array index as a property key: such keys enumerate first, in numeric order, whatever the insertion order. */
const INDEX_KEY = /^(?:0|[1-9]\d{0,9})$/;

/**
 * The counts of many files summed as they are read, for `stats`: the same hits as `analyze(text, format).counts`
 * (each chunk parsed on its own into visible prose, the term automaton over each block, exclusion phrases emitting
 * nothing), without anything else the analysis builds — sentences, sites, negation, positions, tables, a counts
 * object per file. Sums live in typed arrays per compiled term; `partial()` gives the same `PartialCounts` as a
 * `CountsSum` that was handed each file's `analyze(...).counts` with its index.
 */
export class TermTally {
  readonly #lexicon: CompiledLexicon;
  /** Compiled term → index of its term id in `#ids` (several compiled terms may share an id). */
  readonly #idOf: Int32Array;
  readonly #ids: readonly string[];
  /** Whether term ids enumerate in insertion order (no id is an array index). */
  readonly #plainKeys: boolean;
  /** Hits per compiled term in the file being counted; zeroed again after each file. */
  readonly #inFile: Int32Array;
  /** Compiled terms in the order they first occur in the file being counted. */
  readonly #order: number[] = [];
  /** Sums over every file: per compiled term (for axes and poles), per term id. */
  readonly #perTerm: Float64Array;
  readonly #perId: Float64Array;
  /** Earliest sighting per term id: file index and rank among that file's term ids; -1 when never seen. */
  readonly #firstFile: Float64Array;
  readonly #firstRank: Int32Array;
  /** Scratch: the file in which an id was last ranked (`#stamp`), so each file ranks an id once. */
  readonly #rankedIn: Int32Array;
  #stamp = 0;
  #total = 0;
  #files = 0;
  readonly #emit = (_start: number, _end: number, id: number): void => {
    const term = this.#lexicon.patternTerm[id] ?? -1;
    if (term < 0) return; // an exclusion phrase: it consumed the text, nothing counts
    const seen = this.#inFile[term] as number;
    if (seen === 0) this.#order.push(term);
    this.#inFile[term] = seen + 1;
  };

  constructor(lexicon: CompiledLexicon) {
    this.#lexicon = lexicon;
    const n = lexicon.terms.length;
    const ids: string[] = [];
    const byId = new Map<string, number>();
    this.#idOf = new Int32Array(n);
    for (let k = 0; k < n; k++) {
      const id = (lexicon.terms[k] as CompiledLexicon['terms'][number]).term.id;
      let at = byId.get(id);
      if (at === undefined) {
        byId.set(id, (at = ids.length));
        ids.push(id);
      }
      this.#idOf[k] = at;
    }
    this.#ids = ids;
    this.#plainKeys = !ids.some((id) => INDEX_KEY.test(id) && Number(id) < 4294967295);
    this.#inFile = new Int32Array(n);
    this.#perTerm = new Float64Array(n);
    this.#perId = new Float64Array(ids.length);
    this.#firstFile = new Float64Array(ids.length).fill(-1);
    this.#firstRank = new Int32Array(ids.length);
    this.#rankedIn = new Int32Array(ids.length);
  }

  /** Counts the hits of `text` (as the editor holds it, no BOM), the `index`-th file of the run in path order. */
  add(text: string, format: ArticleFormat, index: number): void {
    const automaton = this.#lexicon.termAutomaton;
    const emit = this.#emit;
    const chunks = splitChunks(text, format);
    for (let c = 0; c < chunks.length; c++) {
      const { start, end } = chunks[c] as (typeof chunks)[number];
      const piece = text.slice(start, end);
      const blocks = format === 'markdown' ? markdownBlocks(piece) : plaintextBlocks(piece, c === 0);
      for (const block of blocks) automaton.scan(block.text, 0, block.text.length, emit);
    }
    this.#files++;
    this.#settle(index);
  }

  /** The sums so far as a `CountsSum` would give them (see the class). */
  partial(): PartialCounts {
    const lexicon = this.#lexicon;
    const axes: Record<string, { total: number; poles: Record<string, number> }> = {};
    if (this.#files > 0) {
      for (const axis of lexicon.lexicon.axes) axes[axis.id] = { total: 0, poles: Object.fromEntries(axis.poles.map((p) => [p.id, 0])) };
      lexicon.terms.forEach((term, k) => {
        const n = this.#perTerm[k] as number;
        const axis = axes[term.axis.id];
        if (n === 0 || !axis) return;
        axis.total += n;
        axis.poles[term.pole.id] = (axis.poles[term.pole.id] ?? 0) + n;
      });
    }
    const terms: Record<string, number> = {};
    const first: Record<string, [number, number]> = {};
    this.#ids.forEach((id, at) => {
      const file = this.#firstFile[at] as number;
      if (file < 0) return;
      terms[id] = this.#perId[at] as number;
      first[id] = [file, this.#firstRank[at] as number];
    });
    return { total: this.#total, axes, terms, first };
  }

  /** Adds the file just scanned to the sums and ranks its term ids the way its counts object would list them. */
  #settle(index: number): void {
    const order = this.#order;
    const stamp = ++this.#stamp;
    const ranked: number[] = [];
    for (const term of order) {
      const n = this.#inFile[term] as number;
      this.#inFile[term] = 0;
      this.#total += n;
      this.#perTerm[term] = (this.#perTerm[term] as number) + n;
      const id = this.#idOf[term] as number;
      this.#perId[id] = (this.#perId[id] as number) + n;
      if (this.#rankedIn[id] !== stamp) {
        this.#rankedIn[id] = stamp;
        ranked.push(id);
      }
    }
    order.length = 0;
    if (!this.#plainKeys) {
      // Ranks follow the enumeration order of the counts' `terms` object: array-index keys first, numerically.
      const isIndex = (id: number): boolean => INDEX_KEY.test(this.#ids[id] as string) && Number(this.#ids[id]) < 4294967295;
      const indexKeys = ranked.filter(isIndex).sort((a, b) => Number(this.#ids[a]) - Number(this.#ids[b]));
      ranked.splice(0, ranked.length, ...indexKeys, ...ranked.filter((id) => !isIndex(id)));
    }
    for (let rank = 0; rank < ranked.length; rank++) {
      const id = ranked[rank] as number;
      const was = this.#firstFile[id] as number;
      if (was < 0 || index < was || (index === was && rank < (this.#firstRank[id] as number))) {
        this.#firstFile[id] = index;
        this.#firstRank[id] = rank;
      }
    }
  }
}
