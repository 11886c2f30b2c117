import type { NegationFrame } from '../lexicon/types';

/** Characters that end a sentence or clause: no negation frame reaches across them. */
const SENTENCE_ENDS = new Set([...'。；！？：;!?:\n\r'].map((c) => c.charCodeAt(0)));
/** Commas: an open frame (而非…) stops at one; a closed one (不是…，而是) reaches across, as writers put one there. */
const COMMAS = new Set([...'，,、'].map((c) => c.charCodeAt(0)));

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
  readonly #reach: number;

  constructor(frames: readonly NegationFrame[]) {
    this.#frames = frames;
    frames.forEach((frame, i) => {
      for (const word of frame.starts) {
        if (word.length === 0) continue;
        const last = word.charCodeAt(word.length - 1);
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
        const c = text.charCodeAt(p);
        if (SENTENCE_ENDS.has(c)) return false;
        if (COMMAS.has(c)) comma = true;
      }
      const candidates = this.#startsByLast.get(text.charCodeAt(p - 1));
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
    if (SENTENCE_ENDS.has(text.charCodeAt(q))) return false;
    for (const word of ends) if (text.startsWith(word, q)) return true;
  }
  return false;
}
