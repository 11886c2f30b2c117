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
  const line = source.trim();
  if (line.length === 0 || line.length > MAX_HEADING || line.includes('\n') || /[。！!；;]$/.test(line)) return [block];
  for (const [pattern, level] of HEADING_PATTERNS) {
    if (pattern.test(line)) return [proseBlock(source, 0, source.length, undefined, undefined, level)];
  }
  return isFirstChunk ? [proseBlock(source, 0, source.length, undefined, undefined, 1)] : [block];
}
