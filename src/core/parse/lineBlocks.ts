import { NumberBuffer } from '../text/numberBuffer';
import { type ProseBlock, proseBlock } from './proseBlock';

/** What the open paragraph is in: none open, top level, a block quote, or a list item. */
const NONE = 0;
const TOP = 1;
const QUOTE = 2;
const ITEM = 3;
type Container = typeof NONE | typeof TOP | typeof QUOTE | typeof ITEM;

/**
 * The open paragraph's line-content ranges, flat [start, end, start, end, …]: one buffer reused by every call
 * (parsing is synchronous), where closures and an object per paragraph were half of what the parser allocated.
 */
const segments = new NumberBuffer();

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

/** Characters that can start a block (or a setext underline / thematic break) at the start of a line's content. */
function opensBlock(source: string, at: number, end: number): boolean {
  const c = source.charCodeAt(at);
  if (c === 0x23 || c === 0x3e || c === 0x2d || c === 0x2b || c === 0x3d || c === 0x7e || c === 0x7c) return true; // # > - + = ~ |
  if (!isDigit(c)) return false;
  let i = at;
  while (i < end && i - at < 10 && isDigit(source.charCodeAt(i))) i++;
  const m = source.charCodeAt(i);
  return m === 0x2e || m === 0x29; // 1. or 1)
}

/** Visible runs of one line's content, [start, end) pairs: scratch for `paragraph` and headings. */
const runs = new NumberBuffer();

/** A BMP Han character (the CJK blocks): neither whitespace nor punctuation, as CommonMark's flanking rules ask. */
function isHan(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
}

/**
 * The visible runs of `source[from, to)` with emphasis delimiters left out, appended to `out` (when given) as
 * [start, end) pairs; false when the asterisks in it are anything but whole pairs `*X*` or `**X**` whose X starts
 * and ends with a Han character and has no asterisk. Those are emphasis in CommonMark whatever stands around them
 * (a delimiter run next to a Han character is flanking on that side, and pairs of equal runs of 1 or 2 always
 * match); anything else — `**“开源”**`, which is not bold, `***`, a `* ` bullet, a lone `*` — goes to remark.
 */
function emphasisRuns(source: string, from: number, to: number, out: NumberBuffer | undefined): boolean {
  let visible = from;
  for (let open = source.indexOf('*', from); open >= 0 && open < to; open = source.indexOf('*', visible)) {
    let inner = open;
    while (inner < to && source.charCodeAt(inner) === 0x2a) inner++;
    const length = inner - open;
    if (length > 2 || !isHan(source.charCodeAt(inner))) return false;
    const close = source.indexOf('*', inner);
    if (close < 0 || close >= to || !isHan(source.charCodeAt(close - 1))) return false;
    let after = close;
    while (after < to && source.charCodeAt(after) === 0x2a) after++;
    if (after - close !== length) return false;
    if (open > visible) out?.push2(visible, open);
    out?.push2(inner, close);
    visible = after;
  }
  if (to > visible) out?.push2(visible, to);
  return true;
}

/**
 * Blocks of a Markdown chunk made only of lines CommonMark reads without surprises — ATX headings, `-`/`+`/`1.`
 * list items, `>` quote lines and paragraph lines, with no inline syntax but simple `*`/`**` emphasis — built
 * straight from the lines, the way remark would build them (same text, same offsets); `undefined` for anything
 * else, which then goes to remark.
 *
 * Why: headings, bullets, quotes and bold words are what stops most chunks of a real Markdown article from taking
 * the plain-paragraph fast path, and remark costs a fixed ~10 µs a call (micromark recombines its syntax
 * extensions per call) plus ~0.5–1 µs per character — ten times the rest of the analysis.
 */
export function lineBlocks(source: string): ProseBlock[] | undefined {
  // Other inline syntax, hard-break escapes, tabs (column arithmetic) and CR line ends: leave them all to remark.
  if (/[`_[\]<&\\\t\r]/.test(source)) return undefined;
  const blocks: ProseBlock[] = [];
  segments.clear();
  let open: Container = NONE;
  const n = source.length;
  for (let lineStart = 0; lineStart < n;) {
    let lineEnd = source.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = n;
    const next = lineEnd + 1;
    if (lineEnd === lineStart) {
      open = flush(source, open, blocks);
      lineStart = next;
      continue;
    }
    if (source.charCodeAt(lineEnd - 1) === 0x20) return undefined; // trailing spaces: maybe a hard break
    let p = lineStart;
    const quote = source.charCodeAt(p) === 0x3e; // >
    if (quote) {
      p++;
      if (source.charCodeAt(p) === 0x20) p++;
      if (p >= lineEnd) {
        // `>` alone: a blank line inside the quote ends its paragraph.
        if (open !== NONE && open !== QUOTE) return undefined;
        open = flush(source, open, blocks);
        lineStart = next;
        continue;
      }
    }
    const container = quote ? QUOTE : TOP;
    const c = source.charCodeAt(p);
    if (c === 0x20 || c === 0x3e) return undefined; // indented content, nested quote

    if (c === 0x23) {
      // ATX heading: 1–6 #, one space, text without a closing # sequence.
      let h = p;
      while (h < lineEnd && source.charCodeAt(h) === 0x23) h++;
      const level = h - p;
      if (level > 6 || source.charCodeAt(h) !== 0x20 || h + 1 >= lineEnd || source.charCodeAt(h + 1) === 0x20) return undefined;
      if (source.lastIndexOf('#', lineEnd - 1) >= h) return undefined;
      if (!emphasisRuns(source, h + 1, lineEnd, undefined)) return undefined;
      open = flush(source, open, blocks);
      blocks.push(heading(source, h + 1, p, lineEnd, level));
    } else if (c === 0x2d || c === 0x2b || isDigit(c)) {
      // A list item `- x`, `+ x` or `1. x` with plain content; digits that are no marker are paragraph text.
      let m = p + 1;
      if (isDigit(c)) {
        while (m < lineEnd && isDigit(source.charCodeAt(m))) m++;
        const d = source.charCodeAt(m);
        if (d !== 0x2e && d !== 0x29) {
          if (!emphasisRuns(source, p, lineEnd, undefined)) return undefined;
          open = paragraphLine(source, open, p, lineEnd, container, blocks);
          lineStart = next;
          continue;
        }
        // An ordered list interrupts a paragraph only when it starts at 1; otherwise the line may be paragraph text.
        if (m - p > 9 || (open !== NONE && open !== ITEM && !(m - p === 1 && c === 0x31))) return undefined;
        m++;
      }
      if (quote || source.charCodeAt(m) !== 0x20 || m + 1 >= lineEnd || source.charCodeAt(m + 1) === 0x20 || opensBlock(source, m + 1, lineEnd)) {
        return undefined;
      }
      if (!emphasisRuns(source, m + 1, lineEnd, undefined)) return undefined;
      flush(source, open, blocks);
      segments.push2(m + 1, lineEnd);
      open = ITEM;
    } else {
      if (opensBlock(source, p, lineEnd)) return undefined; // = ~ | open a setext underline, a fence, a table-like line: not worth mimicking
      if (!emphasisRuns(source, p, lineEnd, undefined)) return undefined;
      open = paragraphLine(source, open, p, lineEnd, container, blocks);
    }
    lineStart = next;
  }
  flush(source, open, blocks);
  return blocks;
}

/** Closes the open paragraph, if any, into `blocks`; returns the new state (none open). */
function flush(source: string, open: Container, blocks: ProseBlock[]): Container {
  if (open !== NONE) blocks.push(paragraph(source, segments));
  segments.clear();
  return NONE;
}

/**
 * Adds a paragraph line to the open paragraph or opens one, and returns what is open after it. A plain line right
 * after a quote's or an item's paragraph continues that paragraph (CommonMark's lazy continuation), so it stays
 * open; a quote line interrupts any other paragraph.
 */
function paragraphLine(source: string, open: Container, start: number, end: number, container: typeof TOP | typeof QUOTE, blocks: ProseBlock[]): Container {
  if (open !== NONE && open !== container) {
    if (container === TOP) {
      segments.push2(start, end);
      return open;
    }
    flush(source, open, blocks);
  }
  segments.push2(start, end);
  return container;
}

/** A heading's block: its text runs from `textStart` to the line end, emphasis delimiters left out. */
function heading(source: string, textStart: number, start: number, end: number, level: number): ProseBlock {
  if (source.lastIndexOf('*', end - 1) < textStart) return proseBlock(source.slice(textStart, end), start, end, undefined, textStart, level);
  runs.clear();
  emphasisRuns(source, textStart, end, runs);
  const { text, map } = visibleText(source, runs);
  return proseBlock(text, start, end, map, undefined, level);
}

/**
 * A paragraph from its line-content ranges: lines joined by `\n`, which maps to the line end it stands for, and
 * emphasis delimiters left out.
 */
function paragraph(source: string, segments: NumberBuffer): ProseBlock {
  const count = segments.count;
  const start = segments.at(0);
  const end = segments.at(count - 1);
  const plain = source.lastIndexOf('*', end - 1) < start;
  if (count === 2 && plain) return proseBlock(source.slice(start, end), start, end);
  runs.clear();
  for (let i = 0; i < count; i += 2) {
    // A line break is a run of its own, marked by a negative start: -1 - (offset of the line end it stands for).
    if (i > 0) runs.push2(-1 - segments.at(i - 1), 0);
    if (plain) runs.push2(segments.at(i), segments.at(i + 1));
    else emphasisRuns(source, segments.at(i), segments.at(i + 1), runs);
  }
  const { text, map } = visibleText(source, runs);
  return proseBlock(text, start, end, map);
}

/**
 * Text and source map of visible runs ([start, end) pairs; a negative start -1 - o is a line break at o). The map
 * is written straight into a typed array of the final length: growing a number[] one character at a time
 * allocated twice the text and was the parser's largest cost.
 */
function visibleText(source: string, runs: NumberBuffer): { text: string; map: Int32Array } {
  let length = 0;
  for (let i = 0; i < runs.count; i += 2) length += runs.at(i) < 0 ? 1 : runs.at(i + 1) - runs.at(i);
  const map = new Int32Array(length);
  let text = '';
  let k = 0;
  for (let i = 0; i < runs.count; i += 2) {
    const s = runs.at(i);
    if (s < 0) {
      text += '\n';
      map[k++] = -1 - s;
      continue;
    }
    const e = runs.at(i + 1);
    text += source.slice(s, e);
    for (let o = s; o < e; o++) map[k++] = o;
  }
  return { text, map };
}
