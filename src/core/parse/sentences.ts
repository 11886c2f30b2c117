import type { NumberBuffer } from '../text/numberBuffer';

/** Character classes of the sentence splitter, one byte per UTF-16 code unit (64 KB, built once). */
const TERMINATOR = 1;
const CLOSER = 2;
const SPACE = 4;

/**
 * 。！？；!?… (the list) plus the ideographic full stop's half-width twin end a sentence; closing quotes and
 * brackets stay with the sentence they follow (。” is one sentence); whitespace, NUL (opaque markup) and NBSP are
 * trimmed. A table instead of chains of comparisons: the splitter reads every character of every article, and
 * the table made it 3× faster.
 */
const CLASS = (() => {
  const table = new Uint8Array(0x10000);
  for (const c of [0x3002, 0xff01, 0xff1f, 0xff1b, 0x21, 0x3f, 0x2026, 0xff61]) table[c] = TERMINATOR;
  for (const c of [0x201d, 0x2019, 0x300d, 0x300f, 0xff09, 0x29, 0x22, 0x27, 0x3011, 0x300b, 0x3009]) table[c] = CLOSER;
  for (const c of [0x20, 0x09, 0x0a, 0x0d, 0x3000, 0, 0xa0]) table[c] = SPACE;
  return table;
})();

/**
 * Where a sentence can end: a TERMINATOR of `CLASS`, or a line feed (a blank line after it ends one too). Searched with a
 * RegExp's `test`, which runs as compiled code over the long runs of characters between them and allocates nothing;
 * the class table then decides what follows each stop.
 */
const STOP = /[\u3002\uff01\uff1f\uff1b!?\u2026\uff61\n]/g;

/**
 * Splits `text[from, to)` into sentences at 。！？；!?… (runs like ？！ or …… stay together, closing quotes
 * stay with their sentence) and at blank lines. Appends `[start, end)` pairs, whitespace trimmed, to `out`.
 */
export function splitSentences(text: string, from: number, to: number, out: NumberBuffer): void {
  let start = from;
  STOP.lastIndex = from;
  while (STOP.test(text)) {
    const i = STOP.lastIndex - 1;
    if (i >= to) break;
    if (text.charCodeAt(i) === 0x0a) {
      if (blankLineFollows(text, i + 1, to)) {
        pushTrimmed(text, start, i, out);
        start = i + 1;
      }
      continue;
    }
    let j = i + 1;
    while (j < to && ((CLASS[text.charCodeAt(j)] as number) & (TERMINATOR | CLOSER)) !== 0) j++;
    pushTrimmed(text, start, j, out);
    start = j;
    STOP.lastIndex = j;
  }
  pushTrimmed(text, start, to, out);
}

/** Code units where a sentence can end (those `STOP` finds), a bit each: the marks for `Automaton.scanMarking`. */
export const SENTENCE_STOPS: Uint32Array = (() => {
  const bits = new Uint32Array(0x10000 >>> 5);
  for (let c = 0; c < 0x10000; c++) if ((CLASS[c] as number) === TERMINATOR || c === 0x0a) bits[c >>> 5] = (bits[c >>> 5] as number) | (1 << (c & 31));
  return bits;
})();

/**
 * `splitSentences` of `text[from, to)` given `stops`: the offsets in it of every code unit flagged in
 * `SENTENCE_STOPS`, in order (what the matcher's `scanMarking` collects while it reads the text), so the text is
 * not searched a second time.
 */
export function splitSentencesAt(text: string, from: number, to: number, stops: NumberBuffer, out: NumberBuffer): void {
  let start = from;
  let resume = from;
  for (let k = 0; k < stops.count; k++) {
    const i = stops.at(k);
    if (i < resume) continue;
    if (i >= to) break;
    if (text.charCodeAt(i) === 0x0a) {
      if (blankLineFollows(text, i + 1, to)) {
        pushTrimmed(text, start, i, out);
        start = i + 1;
      }
      continue;
    }
    let j = i + 1;
    while (j < to && ((CLASS[text.charCodeAt(j)] as number) & (TERMINATOR | CLOSER)) !== 0) j++;
    pushTrimmed(text, start, j, out);
    start = j;
    resume = j;
  }
  pushTrimmed(text, start, to, out);
}

function pushTrimmed(text: string, start: number, end: number, out: NumberBuffer): void {
  let s = start;
  let e = end;
  while (s < e && CLASS[text.charCodeAt(s)] === SPACE) s++;
  while (e > s && CLASS[text.charCodeAt(e - 1)] === SPACE) e--;
  if (e > s) out.push2(s, e);
}

function blankLineFollows(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) return true;
    if (c !== 0x20 && c !== 0x09 && c !== 0x0d) return false;
  }
  return false;
}
