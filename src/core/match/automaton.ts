/**
 * A trie over UTF-16 code units, stored in typed arrays, matched leftmost-longest in one pass.
 *
 * Why not an npm Aho-Corasick package: the ones measured on this machine (shared/recipes/matcher-calibration.md)
 * ran 2× to 100× slower than one V8 RegExp on CJK text, while a typed-array trie with a first-character
 * filter runs several times faster than the RegExp. Leftmost-longest needs no failure links: at each
 * position we walk down as far as the trie allows, keep the longest terminal, and jump past it, so the
 * cost is O(text length × longest pattern) — linear in the text, independent of the number of patterns.
 */
import { NumberBuffer } from '../text/numberBuffer';

/** Bits in the pair filter: 8 KB. */
const PAIR_BITS = 1 << 16;

/** Numbers per slot of the transition table (a power of two, so slots never straddle a cache line). */
const SLOT = 4;

/** A state's `info` (see `Automaton.#nodes`): the code unit to its chain child (state + 1), and two flags. */
const CHAIN_CHAR = 0xffff;
const HAS_CHAIN = 1 << 16;
const HAS_OTHERS = 1 << 17;

/**
 * A 32-bit hash of the pair (a, b) of code units: its top 16 bits are its place in the pair filter, its top
 * `32 - pairShift` bits its first slot in the pair table.
 */
function pairHash(a: number, b: number): number {
  return Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b);
}

/**
 * An automaton's tables as plain data (typed arrays and numbers): what another thread needs to match with the same
 * automaton without building it again (see `Automaton.tables`).
 */
export interface AutomatonTables {
  readonly patternCount: number;
  readonly root: Int32Array;
  readonly table: Int32Array;
  readonly mask: number;
  readonly pairs: Uint32Array;
  readonly pairTable: Int32Array;
  readonly pairShift: number;
  readonly pairMask: number;
  readonly nodes: Int32Array;
  readonly hasSingles: boolean;
}

export class Automaton {
  /** Root transition per code unit (0 = no pattern starts with it): the hot-path filter. */
  readonly #root: Int32Array;
  /**
   * Open-addressing table for deeper transitions: key (state, char) → child state, `SLOT` numbers per slot
   * [state, char, child, unused] in one array, so a probe reads one cache line rather than one in each of three
   * arrays (the table is larger than the CPU's nearer caches, and nearly every probe is a miss).
   */
  readonly #table: Int32Array;
  /** Slots in the table, minus one. */
  readonly #mask: number;
  /**
   * A bit per hash of every pattern's first two code units: a second filter, small enough to stay in the CPU's
   * nearest cache. With a lexicon of thousands of forms about half the characters of a Chinese text start some
   * form, but only about one in four of those is followed by a character that continues one; the bit answers for
   * the rest without a probe into the (much larger) transition table.
   */
  readonly #pairs: Uint32Array;
  /**
   * The state after a pattern's first two code units, by the pair: [pair (a << 16 | b), state] per slot, open
   * addressing, an empty slot holds state 0. A walk starts here, where the pair filter let it through: a few
   * thousand pairs fit the nearer caches, so the first step down the trie costs no probe into the large table.
   */
  readonly #pairTable: Int32Array;
  readonly #pairShift: number;
  readonly #pairMask: number;
  /**
   * Per state, [info, output]: the pattern id ending there (or -1), and how to leave it. A state's first child is
   * nearly always the next state made (the trie is built pattern by pattern), so `info` holds that child's code
   * unit (`CHAIN_CHAR`, with `HAS_CHAIN`) and whether it has other children (`HAS_OTHERS`), which only the
   * transition table knows. A walk down a form then reads neighbouring entries of this array, and probes the
   * large table only at states that branch; a leaf (info 0) ends the walk with no probe at all.
   */
  readonly #nodes: Int32Array;
  readonly patternCount: number;
  /** True when some pattern is one code unit long (the pair filter cannot see those). */
  readonly #hasSingles: boolean;

  /** Builds the automaton of `patterns`, or takes over the `tables` of one built from the same patterns. */
  constructor(patterns: readonly string[] | AutomatonTables) {
    if ('root' in patterns) {
      const t = patterns;
      this.patternCount = t.patternCount;
      this.#root = t.root;
      this.#table = t.table;
      this.#mask = t.mask;
      this.#pairs = t.pairs;
      this.#pairTable = t.pairTable;
      this.#pairShift = t.pairShift;
      this.#pairMask = t.pairMask;
      this.#nodes = t.nodes;
      this.#hasSingles = t.hasSingles;
      return;
    }
    this.patternCount = patterns.length;
    this.#pairs = new Uint32Array(PAIR_BITS >>> 5);
    let maxStates = 1;
    for (const p of patterns) maxStates += p.length;
    let size = 16;
    while (size < maxStates * 2) size <<= 1;
    this.#root = new Int32Array(65536);
    this.#table = new Int32Array(size * SLOT);
    for (let slot = 0; slot < size; slot++) this.#table[slot * SLOT] = -1;
    this.#mask = size - 1;
    let pairBits = 4;
    while (1 << pairBits < patterns.length * 2) pairBits++;
    this.#pairShift = 32 - pairBits;
    this.#pairMask = (1 << pairBits) - 1;
    this.#pairTable = new Int32Array(2 << pairBits);
    const nodes = new Int32Array(maxStates * 2);
    for (let state = 0; state < maxStates; state++) nodes[2 * state + 1] = -1;
    let next = 1; // state 0 is the root
    patterns.forEach((pattern, id) => {
      if (pattern.length === 0) return;
      let state = 0;
      for (let i = 0; i < pattern.length; i++) {
        const c = pattern.charCodeAt(i);
        let child = state === 0 ? this.#root[c] ?? 0 : this.#get(state, c);
        if (child <= 0) {
          child = next++;
          if (state === 0) this.#root[c] = child;
          else {
            this.#set(state, c, child);
            const info = nodes[2 * state] as number;
            nodes[2 * state] = child === state + 1 && (info & HAS_CHAIN) === 0 ? info | HAS_CHAIN | c : info | HAS_OTHERS;
          }
          if (i === 1) this.#setPair(pattern.charCodeAt(0), c, child);
        }
        state = child;
      }
      // First definition of a duplicate pattern wins, so callers can order by priority.
      if (nodes[2 * state + 1] === -1) nodes[2 * state + 1] = id;
    });
    this.#nodes = nodes;
    this.#hasSingles = patterns.some((p) => p.length === 1);
  }

  /** The tables, shared (not copied): posting them to a worker copies them. */
  tables(): AutomatonTables {
    return {
      patternCount: this.patternCount, root: this.#root, table: this.#table, mask: this.#mask, pairs: this.#pairs, pairTable: this.#pairTable,
      pairShift: this.#pairShift, pairMask: this.#pairMask, nodes: this.#nodes, hasSingles: this.#hasSingles,
    };
  }

  #setPair(a: number, b: number, state: number): void {
    const h = pairHash(a, b);
    const bit = h >>> 16;
    this.#pairs[bit >>> 5] = (this.#pairs[bit >>> 5] as number) | (1 << (bit & 31));
    const table = this.#pairTable;
    let slot = h >>> this.#pairShift;
    while (table[2 * slot + 1] !== 0) slot = (slot + 1) & this.#pairMask;
    table[2 * slot] = (a << 16) | b;
    table[2 * slot + 1] = state;
  }

  #slot(state: number, c: number): number {
    return (Math.imul(state, 0x9e3779b1) ^ Math.imul(c, 0x85ebca6b)) & this.#mask;
  }

  #get(state: number, c: number): number {
    const table = this.#table;
    const mask = this.#mask;
    for (let slot = this.#slot(state, c); ; slot = (slot + 1) & mask) {
      const s = table[slot * SLOT] as number;
      if (s === -1) return 0;
      if (s === state && table[slot * SLOT + 1] === c) return table[slot * SLOT + 2] as number;
    }
  }

  #set(state: number, c: number, child: number): void {
    const table = this.#table;
    const mask = this.#mask;
    let slot = this.#slot(state, c);
    while (table[slot * SLOT] !== -1) slot = (slot + 1) & mask;
    table[slot * SLOT] = state;
    table[slot * SLOT + 1] = c;
    table[slot * SLOT + 2] = child;
  }

  /**
   * Finds non-overlapping matches in `text[from, to)`, leftmost first and longest at each position,
   * and calls `emit(start, end, patternId)` for each. Returns the number of matches.
   *
   * The pair filter is asked first, not the root table: about half the characters of a Chinese text start some
   * form, so a branch on the root table went either way at random and was mispredicted half the time, while the
   * pair bit is set at only about one character in six. A walk then starts from the pair table's state. Patterns
   * of one code unit (contrast markers such as 而) have no pair: the root table is read for them only when the
   * automaton has any.
   */
  scan(text: string, from: number, to: number, emit: (start: number, end: number, id: number) => void): number {
    return this.scanMarking(text, from, to, emit, NO_MARKS, UNUSED);
  }

  /**
   * `scan`, which also appends to `marked` every offset in `[from, to)` whose code unit's bit is set in `marks` (a
   * bit per UTF-16 code unit, 8 KB: small enough to stay in the nearest cache beside the pair filter), in order. Why: the analysis needs the sentence ends of the same text, and the scan reads every code
   * unit anyway; a separate search for them cost more than the table read here.
   */
  scanMarking(
    text: string, from: number, to: number, emit: (start: number, end: number, id: number) => void, marks: Uint32Array, marked: NumberBuffer,
  ): number {
    const root = this.#root;
    const nodes = this.#nodes;
    const table = this.#table;
    const mask = this.#mask;
    const pairs = this.#pairs;
    const pairTable = this.#pairTable;
    const pairShift = this.#pairShift;
    const pairMask = this.#pairMask;
    const singles = this.#hasSingles;
    let count = 0;
    let i = from;
    // The code unit at i + 1 becomes the next position's first: each code unit is read once, not twice (reading
    // a string's code unit dispatches on its representation, a large share of a loop this tight).
    let second = from < to ? text.charCodeAt(from) : 0;
    if (from < to && ((marks[second >>> 5] as number) & (1 << (second & 31))) !== 0) marked.push(from);
    while (i < to) {
      const first = second;
      // The state after the pair at i, 0 when no pattern of two or more code units starts there.
      let state = 0;
      if (i + 1 < to) {
        second = text.charCodeAt(i + 1);
        if (((marks[second >>> 5] as number) & (1 << (second & 31))) !== 0) marked.push(i + 1);
        const h = pairHash(first, second);
        const bit = h >>> 16;
        if (((pairs[bit >>> 5] as number) & (1 << (bit & 31))) !== 0) {
          const pair = (first << 16) | second;
          for (let slot = h >>> pairShift; ; slot = (slot + 1) & pairMask) {
            const s = pairTable[2 * slot + 1] as number;
            if (s === 0 || pairTable[2 * slot] === pair) {
              state = s;
              break;
            }
          }
        }
      }
      // A one-code-unit pattern at i: the match unless a longer one is found.
      const single = singles ? (nodes[2 * (root[first] as number) + 1] as number) : -1; // the root's output is -1
      if (state === 0) {
        if (single !== -1) {
          emit(i, i + 1, single);
          count++;
        }
        i++;
        continue;
      }
      let j = i + 2;
      let bestEnd = i + 1;
      let bestId = single;
      for (;;) {
        const out = nodes[2 * state + 1] as number;
        if (out !== -1) {
          bestEnd = j;
          bestId = out;
        }
        const info = nodes[2 * state] as number;
        if (j >= to || info === 0) break;
        const c = text.charCodeAt(j);
        let nextState = 0;
        if ((info & HAS_CHAIN) !== 0 && (info & CHAIN_CHAR) === c) {
          nextState = state + 1;
        } else if ((info & HAS_OTHERS) !== 0) {
          // Inlined #get: this loop is the hot path.
          for (let slot = (Math.imul(state, 0x9e3779b1) ^ Math.imul(c, 0x85ebca6b)) & mask; ; slot = (slot + 1) & mask) {
            const at = slot * SLOT;
            const s = table[at] as number;
            if (s === -1) break;
            if (s === state && table[at + 1] === c) {
              nextState = table[at + 2] as number;
              break;
            }
          }
        }
        if (nextState === 0) break;
        state = nextState;
        j++;
      }
      if (bestId === -1) {
        i++;
      } else {
        emit(i, bestEnd, bestId);
        count++;
        // Units up to i + 1 are marked; the match's others and the next position's first are not yet.
        const marksTo = bestEnd < to ? bestEnd : to - 1;
        for (let q = i + 2; q <= marksTo; q++) {
          const c = text.charCodeAt(q);
          if (((marks[c >>> 5] as number) & (1 << (c & 31))) !== 0) marked.push(q);
        }
        i = bestEnd;
        // Not read past the end (where the loop stops anyway): a read out of bounds makes V8 drop this code.
        second = i < to ? text.charCodeAt(i) : 0;
      }
    }
    return count;
  }
}

/** Marks for a plain `scan`: none. */
const NO_MARKS = new Uint32Array(0x10000 >>> 5);
const UNUSED = new NumberBuffer();
