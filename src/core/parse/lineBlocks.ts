import { NumberBuffer } from '../text/numberBuffer';
import type { ProseBlock } from './proseBlock';

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

/**
 * Blocks of a Markdown chunk made only of lines CommonMark reads without surprises — ATX headings, `-`/`+`/`1.`
 * list items, `>` quote lines and paragraph lines, all without inline syntax — built straight from the lines, the
 * way remark would build them (same text, same offsets); `undefined` for anything else, which then goes to remark.
 *
 * Why: headings, bullets and quotes are what stops most chunks of a real Markdown article from taking the
 * plain-paragraph fast path, and each remark call costs a fixed ~10 µs (micromark recombines its syntax extensions
 * per call) plus ~1 µs per character — a 30-character heading costs as much as 3,000 characters of plain text.
 */
export function lineBlocks(source: string): ProseBlock[] | undefined {
  // Inline syntax, hard-break escapes, tabs (column arithmetic) and CR line ends: leave them all to remark.
  if (/[`*_[\]<&\\\t\r]/.test(source)) return undefined;
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
      open = flush(source, open, blocks);
      blocks.push({ text: source.slice(h + 1, lineEnd), textStart: h + 1, start: p, end: lineEnd, headingLevel: level });
    } else if (c === 0x2d || c === 0x2b || isDigit(c)) {
      // A list item `- x`, `+ x` or `1. x` with plain content; digits that are no marker are paragraph text.
      let m = p + 1;
      if (isDigit(c)) {
        while (m < lineEnd && isDigit(source.charCodeAt(m))) m++;
        const d = source.charCodeAt(m);
        if (d !== 0x2e && d !== 0x29) {
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
      flush(source, open, blocks);
      segments.push2(m + 1, lineEnd);
      open = ITEM;
    } else {
      if (opensBlock(source, p, lineEnd)) return undefined; // = ~ | open a setext underline, a fence, a table-like line: not worth mimicking
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

/** A paragraph from its line-content ranges: lines joined by `\n`, which maps to the line break it stands for. */
function paragraph(source: string, segments: NumberBuffer): ProseBlock {
  const count = segments.count;
  const start = segments.at(0);
  const end = segments.at(count - 1);
  if (count === 2) return { text: source.slice(start, end), start, end };
  // The map is written straight into a typed array of the final length: growing a number[] one character at a
  // time allocated twice the text and was the parser's largest cost.
  let length = count / 2 - 1;
  for (let i = 0; i < count; i += 2) length += segments.at(i + 1) - segments.at(i);
  const map = new Int32Array(length);
  let text = '';
  let k = 0;
  for (let i = 0; i < count; i += 2) {
    const s = segments.at(i);
    const e = segments.at(i + 1);
    if (i > 0) {
      text += '\n';
      map[k++] = segments.at(i - 1);
    }
    text += source.slice(s, e);
    for (let o = s; o < e; o++) map[k++] = o;
  }
  return { text, map, start, end };
}
