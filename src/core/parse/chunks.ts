import type { ArticleFormat } from '../analyze/types';
import { frontMatterSpan } from './frontMatter';

/** A run of whole lines analysed on its own; chunks tile the text with no gaps. */
export interface Chunk {
  readonly start: number;
  readonly end: number;
}

/**
 * Longest chunk we hand to the parser in one piece. A 10 MB one-line file must not become one 10 MB parse:
 * past this size a chunk is cut at a line break or a sentence end (so no term or sentence is split).
 */
export const MAX_CHUNK = 32 * 1024;

const FENCE_CHARS = new Set([0x60 /* ` */, 0x7e /* ~ */]);

/**
 * Splits an article into independently parsable chunks: at blank lines (and, in Markdown, before ATX
 * headings), never inside front matter, fenced code, HTML comments or raw `<pre>`/`<script>` blocks.
 * Analysis is memoized per chunk text, which is what makes re-analysis after a small edit cheap.
 */
export function splitChunks(text: string, format: ArticleFormat): Chunk[] {
  const chunks: Chunk[] = [];
  const n = text.length;
  let chunkStart = 0;
  let sawBlank = false;
  let fence: { char: number; length: number } | undefined;
  let htmlEnd: string | undefined; // closing string of an open HTML comment or raw block
  let pos = 0;
  const markdown = format === 'markdown';

  if (markdown) pos = frontMatterSpan(text)?.bodyStart ?? 0; // the front matter stays in the first chunk, whole

  const cut = (at: number): void => {
    if (at > chunkStart) pushBounded(text, chunkStart, at, chunks);
    chunkStart = at;
  };

  while (pos < n) {
    let lineEnd = text.indexOf('\n', pos);
    if (lineEnd === -1) lineEnd = n;
    const next = lineEnd < n ? lineEnd + 1 : n;
    let first = pos;
    while (first < lineEnd) {
      const c = text.charCodeAt(first);
      if (c !== 0x20 && c !== 0x09 && c !== 0x0d) break;
      first++;
    }
    const blank = first === lineEnd;
    if (markdown && !blank) {
      const c = text.charCodeAt(first);
      if (htmlEnd !== undefined) {
        if (text.lastIndexOf(htmlEnd, lineEnd) >= pos) htmlEnd = undefined;
      } else if (fence) {
        const f = fenceAt(text, first, lineEnd);
        if (f && f.char === fence.char && f.length >= fence.length && f.closing) fence = undefined;
      } else {
        if (sawBlank || (c === 0x23 /* # */ && first === pos && isAtxHeading(text, first, lineEnd))) cut(pos);
        sawBlank = false;
        const f = fenceAt(text, listContentStart(text, first, lineEnd), lineEnd);
        if (f) fence = f;
        else if (c === 0x3c /* < */) htmlEnd = htmlBlockEnd(text, first, lineEnd);
      }
    } else if (!markdown && !blank) {
      if (sawBlank) cut(pos);
      sawBlank = false;
    } else if (blank && !fence && htmlEnd === undefined) {
      sawBlank = true;
    }
    pos = next;
  }
  cut(n);
  return chunks;
}

function pushBounded(text: string, start: number, end: number, out: Chunk[]): void {
  while (end - start > MAX_CHUNK) {
    const at = boundaryBefore(text, start, start + MAX_CHUNK);
    out.push({ start, end: at });
    start = at;
  }
  out.push({ start, end });
}

/** The best place at or before `limit` to cut: after a line break, else after a sentence end, else any non-surrogate. */
function boundaryBefore(text: string, start: number, limit: number): number {
  const floor = start + (MAX_CHUNK >> 1);
  const nl = text.lastIndexOf('\n', limit - 1);
  if (nl >= floor) return nl + 1;
  for (let i = limit - 1; i >= floor; i--) {
    const c = text.charCodeAt(i);
    if (c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0xff1b) return i + 1; // 。！？；
  }
  const c = text.charCodeAt(limit);
  return c >= 0xdc00 && c <= 0xdfff ? limit - 1 : limit; // never split a surrogate pair
}

function isAtxHeading(text: string, first: number, lineEnd: number): boolean {
  let i = first;
  while (i < lineEnd && text.charCodeAt(i) === 0x23) i++;
  const hashes = i - first;
  if (hashes < 1 || hashes > 6) return false;
  const c = text.charCodeAt(i);
  return i >= lineEnd || c === 0x20 || c === 0x09 || c === 0x0d;
}

/** Skips a list marker (`- `, `1. `) so a fence opened inside a list item is seen too. */
function listContentStart(text: string, first: number, lineEnd: number): number {
  // Most lines start with prose: no slice and no RegExp for them.
  const c = text.charCodeAt(first);
  if (c !== 0x2d && c !== 0x2a && c !== 0x2b && !(c >= 0x30 && c <= 0x39)) return first;
  const m = /^(?:[-*+]|\d{1,9}[.)])[ \t]+/.exec(text.slice(first, Math.min(lineEnd, first + 16)));
  return m ? first + m[0].length : first;
}

function fenceAt(text: string, first: number, lineEnd: number): { char: number; length: number; closing: boolean } | undefined {
  const char = text.charCodeAt(first);
  if (!FENCE_CHARS.has(char)) return undefined;
  let i = first;
  while (i < lineEnd && text.charCodeAt(i) === char) i++;
  const length = i - first;
  if (length < 3) return undefined;
  const rest = text.slice(i, lineEnd).trim();
  return { char, length, closing: rest.length === 0 };
}

/** For an HTML line that opens a block whose end can be lines away, the string that closes it (unless on this line). */
function htmlBlockEnd(text: string, first: number, lineEnd: number): string | undefined {
  const line = text.slice(first, lineEnd);
  const open = /^<(!--|pre\b|script\b|style\b|textarea\b)/i.exec(line);
  if (!open) return undefined;
  const close = open[1] === '!--' ? '-->' : `</${(open[1] ?? '').toLowerCase()}>`;
  return line.toLowerCase().includes(close, open[0].length) ? undefined : close;
}
