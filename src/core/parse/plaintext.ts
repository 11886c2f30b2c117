import { type ProseBlock, proseBlock } from './proseBlock';

/**
 * Heading shapes of Chinese plain-text articles: 一、 (level 2), （一） and 1. / 1、 (level 3), 1.1 (level 4),
 * 第…章/节 (level 2), and the short labels 结语/前言/引言/总结/摘要/关键词 before a colon or alone.
 */
const HEADING_PATTERNS: readonly (readonly [RegExp, number])[] = [
  [/^第[一二三四五六七八九十百零〇\d]+[章节部分篇][\s:：、]?/, 2],
  [/^[一二三四五六七八九十]+[、.．]/, 2],
  [/^(?:结语|結語|前言|引言|总结|總結|结论|結論|摘要|关键词|關鍵詞)(?:[:：\s]|$)/, 2],
  [/^\d+\.\d+(?:\.\d+)*[\s、.．]?/, 4],
  [/^[（(][一二三四五六七八九十\d]+[）)]/, 3],
  [/^\d{1,2}[.．、]\s*\S/, 3],
];

/** Longest line we still take for a heading; anything longer is prose. */
const MAX_HEADING = 60;

/**
 * One plain-text chunk as one prose block. A chunk that is a single short line without a sentence end is a
 * heading when it has a heading shape — or, for the first line of the file, the title (level 1).
 */
export function plaintextBlocks(source: string, isFirstChunk: boolean): ProseBlock[] {
  const block = proseBlock(source, 0, source.length);
  // The trimmed length first, without making the trimmed string: nearly every chunk is a paragraph too long to be
  // a heading, and `trim()` of each was a measurable share of reading plain text.
  let s = 0;
  let e = source.length;
  while (s < e && isTrimmed(source.charCodeAt(s))) s++;
  while (e > s && isTrimmed(source.charCodeAt(e - 1))) e--;
  if (e - s > MAX_HEADING) return [block];
  const line = source.slice(s, e);
  if (line.length === 0 || line.length > MAX_HEADING || line.includes('\n') || /[。！!；;]$/.test(line)) return [block];
  for (const [pattern, level] of HEADING_PATTERNS) {
    if (pattern.test(line)) return [proseBlock(source, 0, source.length, undefined, undefined, level)];
  }
  return isFirstChunk ? [proseBlock(source, 0, source.length, undefined, undefined, 1)] : [block];
}

/** The code units `String.prototype.trim` removes: ECMAScript's WhiteSpace and LineTerminator. */
function isTrimmed(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
