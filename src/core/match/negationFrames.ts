import type { NegationFrame } from '../lexicon/types';

/**
 * What a UTF-16 unit is to a frame, by code unit: a flat table, because every hit looks back over several characters
 * and a Set or Map lookup per character was a large share of the whole analysis in profiles.
 */
const SENTENCE_END = 1;
const COMMA = 2;
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
  /** 1 where some opening word ends with that code unit: most characters are not, and skip the Map. */
  readonly #endsAStart = new Uint8Array(0x10000);
  readonly #reach: number;

  constructor(frames: readonly NegationFrame[]) {
    this.#frames = frames;
    frames.forEach((frame, i) => {
      for (const word of frame.starts) {
        if (word.length === 0) continue;
        const last = word.charCodeAt(word.length - 1);
        this.#endsAStart[last] = 1;
        const list = this.#startsByLast.get(last);
        if (list) list.push({ word, frame: i });
        else this.#startsByLast.set(last, [{ word, frame: i }]);
      }
    });
    this.#reach = Math.max(0, ...frames.map((f) => f.reach));
  }

  /** True when a frame negates the term at `[start, end)` of `text` (visible text of one block). */
  negates(text: string, start: number, end: number): boolean {
    if (this.#startsByLast.size === 0) return false;
    const limit = Math.max(0, start - this.#reach);
    let comma = false;
    // p: where an opening word would end; the term's own first character cannot end one.
    for (let p = start; p > limit - 1 && p > 0; p--) {
      if (p < start) {
        const kind = PUNCTUATION[text.charCodeAt(p)];
        if (kind === SENTENCE_END) return false;
        if (kind === COMMA) comma = true;
      }
      const before = text.charCodeAt(p - 1);
      if (this.#endsAStart[before] === 0) continue;
      const candidates = this.#startsByLast.get(before);
      if (!candidates) continue;
      for (const { word, frame } of candidates) {
        const f = this.#frames[frame] as NegationFrame;
        if (start - p > f.reach || (comma && !f.ends) || !text.startsWith(word, p - word.length)) continue;
        // A closing word may lie inside the term itself (不受资本驱动: the term is 资本驱动).
        if (!f.ends || endFollows(text, start + 1, Math.max(end, start + 1), f.ends, f.reach)) return true;
      }
    }
    return false;
  }
}

/** True when one of `ends` starts at or after `from`, within `reach` characters after `end`, in the same sentence. */
function endFollows(text: string, from: number, end: number, ends: readonly string[], reach: number): boolean {
  const limit = Math.min(text.length, end + reach + 1);
  for (let q = from; q < limit; q++) {
    if (PUNCTUATION[text.charCodeAt(q)] === SENTENCE_END) return false;
    for (const word of ends) if (text.startsWith(word, q)) return true;
  }
  return false;
}
