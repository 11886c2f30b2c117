import type { ProseBlock } from './proseBlock';

/** A paragraph being gathered: flat [start, end, start, end, …] line-content ranges, and the container it is in. */
interface OpenParagraph {
  readonly segments: number[];
  /** `item`: a list item's paragraph; `quote`: inside a block quote; `top`: neither. */
  readonly container: 'top' | 'quote' | 'item';
}

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
  let open: OpenParagraph | undefined;
  const flush = (): void => {
    if (open) blocks.push(paragraph(source, open.segments));
    open = undefined;
  };
  /** Adds a paragraph line to the open paragraph or opens one; false where CommonMark's lazy continuation applies. */
  const paragraphLine = (start: number, end: number, container: 'top' | 'quote'): boolean => {
    if (open && open.container !== container) {
      if (container === 'top') return false; // a plain line after a quote's or an item's paragraph continues it lazily
      flush(); // a quote line interrupts a paragraph
    }
    if (open) open.segments.push(start, end);
    else open = { segments: [start, end], container };
    return true;
  };
  const n = source.length;
  for (let lineStart = 0; lineStart < n;) {
    let lineEnd = source.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = n;
    const next = lineEnd + 1;
    if (lineEnd === lineStart) {
      flush();
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
        if (open && open.container !== 'quote') return undefined;
        flush();
        lineStart = next;
        continue;
      }
    }
    const container = quote ? 'quote' : 'top';
    const c = source.charCodeAt(p);
    if (c === 0x20 || c === 0x3e) return undefined; // indented content, nested quote

    if (c === 0x23) {
      // ATX heading: 1–6 #, one space, text without a closing # sequence.
      let h = p;
      while (h < lineEnd && source.charCodeAt(h) === 0x23) h++;
      const level = h - p;
      if (level > 6 || source.charCodeAt(h) !== 0x20 || h + 1 >= lineEnd || source.charCodeAt(h + 1) === 0x20) return undefined;
      if (source.lastIndexOf('#', lineEnd - 1) >= h) return undefined;
      flush();
      blocks.push({ text: source.slice(h + 1, lineEnd), textStart: h + 1, start: p, end: lineEnd, headingLevel: level });
    } else if (c === 0x2d || c === 0x2b || isDigit(c)) {
      // A list item `- x`, `+ x` or `1. x` with plain content; digits that are no marker are paragraph text.
      let m = p + 1;
      if (isDigit(c)) {
        while (m < lineEnd && isDigit(source.charCodeAt(m))) m++;
        const d = source.charCodeAt(m);
        if (d !== 0x2e && d !== 0x29) {
          if (!paragraphLine(p, lineEnd, container)) return undefined;
          lineStart = next;
          continue;
        }
        // An ordered list interrupts a paragraph only when it starts at 1; otherwise the line may be paragraph text.
        if (m - p > 9 || (open !== undefined && open.container !== 'item' && source.slice(p, m) !== '1')) return undefined;
        m++;
      }
      if (quote || source.charCodeAt(m) !== 0x20 || m + 1 >= lineEnd || source.charCodeAt(m + 1) === 0x20 || opensBlock(source, m + 1, lineEnd)) {
        return undefined;
      }
      flush();
      open = { segments: [m + 1, lineEnd], container: 'item' };
    } else if (opensBlock(source, p, lineEnd) || !paragraphLine(p, lineEnd, container)) {
      return undefined; // = ~ | open a setext underline, a fence, a table-like line: not worth mimicking
    }
    lineStart = next;
  }
  flush();
  return blocks;
}

/** A paragraph from its line-content ranges: lines joined by `\n`, which maps to the line break it stands for. */
function paragraph(source: string, segments: readonly number[]): ProseBlock {
  const start = segments[0] ?? 0;
  const end = segments[segments.length - 1] ?? start;
  if (segments.length === 2) return { text: source.slice(start, end), start, end };
  // The map is written straight into a typed array of the final length: growing a number[] one character at a
  // time allocated twice the text and was the parser's largest cost.
  let length = segments.length / 2 - 1;
  for (let i = 0; i < segments.length; i += 2) length += (segments[i + 1] ?? 0) - (segments[i] ?? 0);
  const map = new Int32Array(length);
  let text = '';
  let k = 0;
  for (let i = 0; i < segments.length; i += 2) {
    const s = segments[i] ?? 0;
    const e = segments[i + 1] ?? s;
    if (i > 0) {
      text += '\n';
      map[k++] = segments[i - 1] ?? s;
    }
    text += source.slice(s, e);
    for (let o = s; o < e; o++) map[k++] = o;
  }
  return { text, map, start, end };
}
