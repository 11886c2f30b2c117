/**
 * A PDF's text layer → Markdown paragraphs. Pure: the Node side (src/import/pdf.ts) hands over what pdf.js
 * reads — text runs with their positions — and this module rebuilds lines, drops running headers, footers and page
 * numbers, and joins lines into paragraphs the way Chinese text needs.
 */

/** A run of text as pdf.js places it: x, y of its baseline start (PDF units, y up), width, font size. */
export interface PdfTextRun {
  readonly str: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly size: number;
}

export interface PdfPageText {
  readonly runs: readonly PdfTextRun[];
}

interface Line {
  text: string;
  readonly x: number;
  readonly y: number;
  right: number;
  readonly size: number;
  readonly page: number;
}

// Han, kana, hangul, CJK and full-width punctuation, and the quotes and dashes Chinese text uses: no space is put
// between two lines when either side of the break is one of these.
const CJK = /[\u2014\u2018\u2019\u201c\u201d\u2026\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]|[\ud840-\ud87f][\udc00-\udfff]/u;
const LAST_CHAR = /[\s\S]$/u;

function isCjk(ch: string | undefined): boolean {
  return ch !== undefined && CJK.test(ch);
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** A page's runs as lines, top to bottom: runs whose baselines are within half a font size share a line. */
function pageLines(page: PdfPageText, pageIndex: number): Line[] {
  const runs = page.runs.filter((r) => r.str.trim() !== '').slice().sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: { y: number; size: number; runs: PdfTextRun[] }[] = [];
  for (const r of runs) {
    const line = lines.find((l) => Math.abs(l.y - r.y) < Math.max(l.size, r.size) * 0.5);
    if (line) line.runs.push(r);
    else lines.push({ y: r.y, size: r.size, runs: [r] });
  }
  return lines.map((l) => {
    const sorted = l.runs.sort((a, b) => a.x - b.x);
    let text = '';
    let end = sorted[0]!.x;
    for (const r of sorted) {
      // A visible gap between two runs is a space, unless CJK text meets CJK text.
      const gap = r.x - end;
      if (text !== '' && gap > r.size * 0.2 && !/\s$/u.test(text) && !(isCjk(LAST_CHAR.exec(text)?.[0]) && isCjk(r.str.trimStart()[0]))) text += ' ';
      text += r.str;
      end = Math.max(end, r.x + r.width);
    }
    return { text: text.replace(/\s+/gu, ' ').trim(), x: sorted[0]!.x, y: l.y, right: end, size: median(sorted.map((r) => r.size)), page: pageIndex };
  }).sort((a, b) => b.y - a.y);
}

const PAGE_NUMBER = /^(?:[-–—]\s*)?(?:第\s*)?(?:page\s*|p\.\s*)?\d{1,4}(?:\s*(?:\/|of|\/\s*共)\s*\d{1,4})?\s*(?:页|頁)?(?:\s*[-–—])?$|^[ivxlc]{1,6}$/iu;
/** A line's shape with its numbers blanked, so "第 3 页" and "第 4 页" or "2024 年第 3 期 · 5" repeat as one. */
const shape = (text: string): string => text.replace(/\d+/gu, '#').replace(/\s+/gu, '');

/** How many lines at the top and at the bottom of a page may be a running header or footer. */
const EDGE_LINES = 2;

/**
 * Lines without running headers and footers: a line among the top or bottom two of its page that is a bare page
 * number, or whose shape repeats at that edge on at least half the pages (and on two or more).
 */
function withoutRunningLines(pages: Line[][]): Line[][] {
  const edges = (lines: Line[]): Line[] => [...lines.slice(0, EDGE_LINES), ...lines.slice(-EDGE_LINES)];
  const counts = new Map<string, number>();
  for (const lines of pages) {
    for (const s of new Set(edges(lines).map((l) => shape(l.text)))) counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  const repeated = (l: Line): boolean => pages.length >= 2 && (counts.get(shape(l.text)) ?? 0) >= Math.max(2, Math.ceil(pages.length / 2));
  return pages.map((lines) => {
    const edge = new Set(edges(lines));
    return lines.filter((l) => !(edge.has(l) && (PAGE_NUMBER.test(l.text) || repeated(l))));
  });
}

/** Joins two lines of one paragraph: a hyphenated Latin word is mended, CJK meets CJK without a space. */
export function joinLines(before: string, after: string): string {
  if (/[A-Za-z]-$/u.test(before) && /^[a-z]/u.test(after)) return before.slice(0, -1) + after;
  const last = LAST_CHAR.exec(before)?.[0];
  const first = after[0];
  if (isCjk(last) || isCjk(first)) return before + after;
  return `${before} ${after}`;
}

/** The body of a PDF as Markdown: headings (`#` for a much larger font, `##` for a larger one) and paragraphs. */
export function pdfMarkdown(pages: readonly PdfPageText[]): { readonly markdown: string; readonly firstHeading?: string | undefined } {
  const lines = withoutRunningLines(pages.map(pageLines)).flat();
  if (lines.length === 0) return { markdown: '' };
  // The body size is the one most of the text is set in (a title's few large characters do not count for much).
  const chars = new Map<number, number>();
  for (const l of lines) chars.set(Math.round(l.size * 2) / 2, (chars.get(Math.round(l.size * 2) / 2) ?? 0) + l.text.length);
  const body = [...chars].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0];
  const bodyLines = lines.filter((l) => Math.abs(l.size - body) <= body * 0.15);
  const left = median(bodyLines.map((l) => l.x));
  const right = Math.max(...bodyLines.map((l) => l.right));
  const spacings: number[] = [];
  for (let i = 1; i < bodyLines.length; i++) {
    const d = bodyLines[i - 1]!.y - bodyLines[i]!.y;
    if (bodyLines[i]!.page === bodyLines[i - 1]!.page && d > 0) spacings.push(d);
  }
  const spacing = median(spacings) || body * 1.5;
  const headingLevel = (l: Line): number => (l.size >= body * 1.45 ? 1 : l.size >= body * 1.15 ? 2 : 0);

  const blocks: string[] = [];
  let firstHeading: string | undefined;
  let current: string | undefined;
  let prev: Line | undefined;
  const flush = (): void => {
    if (current !== undefined) blocks.push(current);
    current = undefined;
  };
  for (const l of lines) {
    const level = headingLevel(l);
    if (level > 0) {
      flush();
      firstHeading ??= l.text;
      blocks.push(`${'#'.repeat(level)} ${l.text}`);
      prev = undefined;
      continue;
    }
    const startsParagraph = prev === undefined
      || l.x > left + body * 0.8 // a first-line indent
      || prev.right < right - body * 2 // the line before ended short of the margin
      || (l.page === prev.page && prev.y - l.y > spacing * 1.4); // a wider gap than the line spacing
    if (startsParagraph) {
      flush();
      current = l.text;
    } else current = joinLines(current ?? '', l.text);
    prev = l;
  }
  flush();
  return { markdown: blocks.join('\n\n'), firstHeading };
}

/** True when the pages hold no text at all: a scan, which needs OCR before it can be read. */
export function hasNoText(pages: readonly PdfPageText[]): boolean {
  return pages.every((p) => p.runs.every((r) => r.str.trim() === ''));
}
