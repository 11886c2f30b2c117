import type { NegationFrame } from '../lexicon/types';
import type { NumberBuffer } from '../text/numberBuffer';

/**
 * What a UTF-16 unit is to a frame, by code unit: a flat table, because every hit looks back over several characters
 * and a Set or Map lookup per character was a large share of the whole analysis in profiles.
 */
const SENTENCE_END = 1;
const COMMA = 2;
const ENDS_A_START = 4;
/** Some closing word (而是, 约束 …) starts with this unit. */
const STARTS_AN_END = 8;
const PUNCTUATION = new Uint8Array(0x10000);
/** Characters that end a sentence or clause: no negation frame reaches across them. */
for (const c of '。；！？：;!?:\n\r') PUNCTUATION[c.charCodeAt(0)] = SENTENCE_END;
/** Commas: an open frame (而非…) stops at one; a closed one (不是…，而是) reaches across, as writers put one there. */
for (const c of '，,、') PUNCTUATION[c.charCodeAt(0)] = COMMA;

interface FrameWord {
  readonly word: string;
  readonly frame: number;
}

/**
 * The lexicon's negation frames (而非…, 不是…而是, 不受…约束, 与其…不如), ready to ask of a hit. Opening words are
 * indexed by their last character, so a hit with no opening word in the few characters before it (nearly all of
 * them) costs one table lookup per character looked at.
 */
export class NegationFrames {
  readonly #frames: readonly NegationFrame[];
  readonly #startsByLast = new Map<number, FrameWord[]>();
  /**
   * Per code unit: its PUNCTUATION kind, plus ENDS_A_START where some opening word ends with it (most characters
   * do not, and skip the Map): one table read per character looked at, not two.
   */
  readonly #kinds = PUNCTUATION.slice();
  /** Per code unit, for the look ahead to a closing word: its PUNCTUATION kind, plus STARTS_AN_END. */
  readonly #endKinds = PUNCTUATION.slice();
  readonly #reach: number;
  /** Any opening word, for `openingStarts`; undefined when there is none. */
  readonly #opening: RegExp | undefined;
  /** Characters before a term within which an opening word that negates it must start: reach plus the longest word. */
  readonly span: number;

  constructor(frames: readonly NegationFrame[]) {
    this.#frames = frames;
    frames.forEach((frame, i) => {
      for (const word of frame.starts) {
        if (word.length === 0) continue;
        const last = word.charCodeAt(word.length - 1);
        this.#kinds[last] = (this.#kinds[last] ?? 0) | ENDS_A_START;
        const list = this.#startsByLast.get(last);
        if (list) list.push({ word, frame: i });
        else this.#startsByLast.set(last, [{ word, frame: i }]);
      }
      for (const word of frame.ends ?? []) {
        if (word.length > 0) this.#endKinds[word.charCodeAt(0)] = (this.#endKinds[word.charCodeAt(0)] ?? 0) | STARTS_AN_END;
      }
    });
    this.#reach = Math.max(0, ...frames.map((f) => f.reach));
    const words = frames.flatMap((f) => f.starts).filter((w) => w.length > 0);
    this.span = this.#reach + Math.max(0, ...words.map((w) => w.length));
    this.#opening = words.length > 0 ? new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g') : undefined;
  }

  /**
   * Replaces `out` with every offset of `text` where some opening word starts, in order. A term can be negated by a
   * frame only when one of them lies less than `span` characters before it: `negates` looks back over up to `reach`
   * characters for every hit it is asked about, while opening words are rare; one native search of a block lets
   * the caller ask only about the hits just after one.
   */
  openingStarts(text: string, out: NumberBuffer): void {
    out.clear();
    const opening = this.#opening;
    if (!opening) return;
    opening.lastIndex = 0;
    // Every start, not only the non-overlapping matches: each search resumes one past the last match's start.
    for (let match = opening.exec(text); match; match = opening.exec(text)) {
      out.push(match.index);
      opening.lastIndex = match.index + 1;
    }
  }

  /** True when a frame negates the term at `[start, end)` of `text` (visible text of one block). */
  negates(text: string, start: number, end: number): boolean {
    if (this.#startsByLast.size === 0) return false;
    const stop = Math.max(1, start - this.#reach);
    const kinds = this.#kinds;
    let comma = false;
    // p: where an opening word would end; the term's own first character cannot end one.
    // Each character is read once, as the one before p: first as the end of an opening word at p, then as
    // punctuation between the opening words further back and the term. Nearly every character is none of these
    // (kind 0) and costs one read and one test.
    for (let p = start; p >= stop; p--) {
      const before = text.charCodeAt(p - 1);
      const kind = kinds[before] as number;
      if (kind === 0) continue;
      if ((kind & ENDS_A_START) !== 0 && this.#opensAt(text, p, before, start, end, comma)) return true;
      if ((kind & SENTENCE_END) !== 0) return false;
      if ((kind & COMMA) !== 0) comma = true;
    }
    return false;
  }

  /** True when an opening word ending at `p` (its last unit `last`) starts a frame that negates the term. */
  #opensAt(text: string, p: number, last: number, start: number, end: number, comma: boolean): boolean {
    const candidates = this.#startsByLast.get(last);
    if (!candidates) return false;
    // Indexed loops here and in endFollows: `for…of` allocated an iterator per call in the optimised code.
    for (let k = 0; k < candidates.length; k++) {
      const { word, frame } = candidates[k] as FrameWord;
      const f = this.#frames[frame] as NegationFrame;
      if (start - p > f.reach || (comma && !f.ends) || !text.startsWith(word, p - word.length)) continue;
      // A closing word may lie inside the term itself (不受资本驱动: the term is 资本驱动).
      if (!f.ends || endFollows(text, start + 1, Math.max(end, start + 1), f.ends, f.reach, this.#endKinds)) return true;
    }
    return false;
  }
}

/**
 * True when one of `ends` starts at or after `from`, within `reach` characters after `end`, in the same sentence.
 * `kinds` flags the units some closing word starts with: the words are compared only where one could start, not at
 * every character (a frame such as 不受… has seventeen closing words).
 */
function endFollows(text: string, from: number, end: number, ends: readonly string[], reach: number, kinds: Uint8Array): boolean {
  const limit = Math.min(text.length, end + reach + 1);
  for (let q = from; q < limit; q++) {
    const kind = kinds[text.charCodeAt(q)] as number;
    if ((kind & SENTENCE_END) !== 0) return false;
    if ((kind & STARTS_AN_END) === 0) continue;
    for (let k = 0; k < ends.length; k++) if (text.startsWith(ends[k] as string, q)) return true;
  }
  return false;
}
