import fc from 'fast-check';
import { type TextChange, createAnnotation } from '../../../src/core/annotations';
import type { Annotation } from '../../../src/core/annotations';

/** Pieces of Chinese articles: words that recur (so quotes have several occurrences), astral characters, both line ends. */
const PIECES = [
  '开源', '闭源', '张力', '我们', '的', '坚持', '拒绝', '市场', '监管', '创新', '人工智能', '，', '。', '、', '“', '”',
  '😀', '𠀀', '🇨🇳', '\r\n', '\n', ' ', 'AI', 'open', '2025',
];

/** A document of 0–`max` pieces: CJK words and single ideographs, emoji and other astral characters, CRLF and LF. */
export function documentArb(max = 120): fc.Arbitrary<string> {
  const piece = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...PIECES) },
    { weight: 2, arbitrary: fc.integer({ min: 0x4e00, max: 0x4e40 }).map((c) => String.fromCharCode(c)) },
    { weight: 1, arbitrary: fc.integer({ min: 0x20000, max: 0x20010 }).map((c) => String.fromCodePoint(c)) },
  );
  return fc.array(piece, { maxLength: max, size: 'max' }).map((parts) => parts.join(''));
}

/** Text to insert: a few pieces, possibly empty (a pure deletion). */
export const insertArb: fc.Arbitrary<string> = fc.array(fc.constantFrom(...PIECES), { maxLength: 4 }).map((parts) => parts.join(''));

/** Offsets that do not split a surrogate pair, as a selection in an editor never does. */
export function codePointOffsets(text: string): number[] {
  const offsets = [0];
  let i = 0;
  for (const ch of text) {
    i += ch.length;
    offsets.push(i);
  }
  return offsets;
}

/** A document with 1–6 annotations on non-empty ranges at code point boundaries. */
export const annotatedArb: fc.Arbitrary<{ text: string; annotations: Annotation[] }> = documentArb()
  .filter((t) => t.length >= 2)
  .chain((text) => {
    const offsets = codePointOffsets(text);
    const range = fc.tuple(fc.nat(offsets.length - 1), fc.nat(offsets.length - 1))
      .filter(([a, b]) => a !== b)
      .map(([a, b]) => [offsets[Math.min(a, b)] ?? 0, offsets[Math.max(a, b)] ?? 0] as const);
    return fc.array(range, { minLength: 1, maxLength: 6 }).map((ranges) => ({
      text,
      annotations: ranges.map(([start, end], i) => createAnnotation({ text, start, end, now: '2025-01-01T00:00:00.000Z', id: `a${i}` })),
    }));
  });

/** One change at code point boundaries of `text`, with the text that results. */
export function changeArb(text: string): fc.Arbitrary<{ change: TextChange; after: string }> {
  const offsets = codePointOffsets(text);
  const last = offsets.length - 1;
  // Mostly what typing does (a few characters replaced), sometimes a big cut or paste.
  const span = fc.oneof({ weight: 4, arbitrary: fc.nat(4) }, { weight: 1, arbitrary: fc.nat(last) });
  return fc.tuple(fc.nat(last), span, insertArb).map(([a, length, insert]) => {
    const from = offsets[a] ?? 0;
    const to = offsets[Math.min(last, a + length)] ?? 0;
    return { change: { rangeOffset: from, rangeLength: to - from, text: insert }, after: text.slice(0, from) + insert + text.slice(to) };
  });
}

/** A sequence of 1–`max` changes applied one after another, each relative to the text the previous one left. */
export function changesArb(text: string, max = 4): fc.Arbitrary<{ changes: TextChange[]; after: string }> {
  const step = (current: string, left: number, done: TextChange[]): fc.Arbitrary<{ changes: TextChange[]; after: string }> =>
    left === 0 ? fc.constant({ changes: done, after: current })
      : changeArb(current).chain(({ change, after }) => step(after, left - 1, [...done, change]));
  return fc.integer({ min: 1, max }).chain((n) => step(text, n, []));
}

/** Applies changes as VS Code's extension host does: in order, each relative to the text before it. */
export function applyToText(text: string, changes: readonly TextChange[]): string {
  return changes.reduce((t, c) => t.slice(0, c.rangeOffset) + c.text + t.slice(c.rangeOffset + c.rangeLength), text);
}

/**
 * Where `[start, end)` is after the changes if none of them touched it (a change touches a range when it overlaps it
 * or inserts strictly inside it); `undefined` when one did. Written independently of `applyEdits`.
 */
export function untouchedRange(start: number, end: number, changes: readonly TextChange[]): [number, number] | undefined {
  let s = start;
  let e = end;
  for (const { rangeOffset: from, rangeLength, text } of changes) {
    const to = from + rangeLength;
    if (to <= s) {
      s += text.length - rangeLength;
      e += text.length - rangeLength;
    } else if (from < e) {
      return undefined;
    }
  }
  return [s, e];
}

/** Every start offset of `needle` in `text`, overlapping ones included. */
export function occurrences(text: string, needle: string): number[] {
  const found: number[] = [];
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) found.push(i);
  return found;
}
