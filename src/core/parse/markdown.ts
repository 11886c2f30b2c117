import type { Nodes, Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { lineBlocks } from './lineBlocks';
import { type ProseBlock, proseBlock } from './proseBlock';

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']);

/** Stands in for inline code, HTML and images: visible to nobody's lexicon, so no term spans them. */
export const OPAQUE = '\u0000';

/**
 * Characters that can change how CommonMark reads a line. A chunk with none of them is one plain
 * paragraph whose visible text is its source, so it is not worth a parse — most Chinese prose is like that.
 */
function needsParse(source: string): boolean {
  // Line starts first: they are few, and a heading, quote or list item then needs no search of its characters here.
  for (let at = 0; ;) {
    if (opensNonParagraph(source, at)) return true;
    const lineEnd = source.indexOf('\n', at);
    if (lineEnd < 0) break;
    at = lineEnd + 1;
  }
  return /[`*_[<&\\]/.test(source);
}

/**
 * True when the line starting at `at` opens a block other than a paragraph: up to three spaces, then one of
 * # > - + = ~ | or 1–9 digits and . or ); or an indent of four spaces or a tab. A loop over line starts, not a
 * RegExp anchored at every line feed: the RegExp tried a match at every character of the chunk.
 */
function opensNonParagraph(source: string, at: number): boolean {
  // No read goes past the end (the last line of a chunk ending in a line feed starts there): a read out of bounds
  // gives NaN, which would answer the same, but V8 then throws away the optimised code of this function and of the
  // ones it was inlined into, and every thread of a corpus run pays for compiling them again.
  const n = source.length;
  if (at >= n) return false;
  if (source.charCodeAt(at) === 0x09) return true;
  let p = at;
  const spacesEnd = Math.min(at + 4, n);
  while (p < spacesEnd && source.charCodeAt(p) === 0x20) p++;
  if (p === at + 4) return true;
  if (p >= n) return false;
  const c = source.charCodeAt(p);
  if (c === 0x23 || c === 0x3e || c === 0x2d || c === 0x2b || c === 0x3d || c === 0x7e || c === 0x7c) return true; // # > - + = ~ |
  let d = p;
  const digitsEnd = Math.min(p + 10, n);
  while (d < digitsEnd && source.charCodeAt(d) >= 0x30 && source.charCodeAt(d) <= 0x39) d++;
  if (d >= n) return false;
  const m = source.charCodeAt(d);
  return d > p && d - p <= 9 && (m === 0x2e || m === 0x29);
}

/** Visible prose blocks of one Markdown chunk as remark reads it: the reference `lineBlocks` must agree with. */
export function remarkBlocks(source: string): ProseBlock[] {
  const tree: Root = processor.parse(source);
  const blocks: ProseBlock[] = [];
  collectBlocks(tree, source, blocks);
  return blocks;
}

/** Visible prose blocks of one Markdown chunk, with offsets relative to the chunk. */
export function markdownBlocks(source: string): ProseBlock[] {
  if (!needsParse(source)) return [proseBlock(source, 0, source.length)];
  const simple = lineBlocks(source);
  return simple ?? remarkBlocks(source);
}

function collectBlocks(node: Nodes, source: string, out: ProseBlock[]): void {
  switch (node.type) {
    case 'paragraph':
    case 'heading':
    case 'tableCell': {
      const start = node.position?.start.offset ?? 0;
      const end = node.position?.end.offset ?? start;
      const builder = new VisibleText(source);
      for (const child of node.children) builder.add(child);
      const text = builder.text();
      const map = builder.map();
      out.push(proseBlock(text, start, end, map, undefined, node.type === 'heading' ? node.depth : undefined));
      return;
    }
    case 'definition':
      // `[^1]: …` is a footnote (GitHub, Pandoc, Obsidian): prose a reader reads. CommonMark without the footnote
      // extension reads it as a link reference definition, whose "destination" is the footnote's first word.
      if (node.label?.startsWith('^')) footnoteBlocks(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0, source, out);
      return; // a link destination is never prose
    case 'code':
    case 'html':
    case 'yaml':
    case 'thematicBreak':
      return; // never prose: code, raw HTML, front matter
    default:
      if ('children' in node) for (const child of node.children) collectBlocks(child, source, out);
  }
}

/** The text of a footnote definition after its `[^label]:`, read as Markdown of its own, at its place in `source`. */
function footnoteBlocks(start: number, end: number, source: string, out: ProseBlock[]): void {
  let from = source.indexOf(']:', start) + 2;
  if (from < 2 || from > end) return;
  while (from < end && (source[from] === ' ' || source[from] === '\t')) from++;
  for (const b of remarkBlocks(source.slice(from, end))) {
    out.push(proseBlock(b.text, b.start + from, b.end + from, b.map?.map((o) => o + from), b.textStart === undefined ? undefined : b.textStart + from, b.headingLevel));
  }
}

/** Accumulates the visible characters of inline content and where each one stands in the source. */
class VisibleText {
  readonly #source: string;
  readonly #parts: string[] = [];
  readonly #offsets: number[] = [];

  constructor(source: string) {
    this.#source = source;
  }

  add(node: Nodes): void {
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? start;
    switch (node.type) {
      case 'text':
        this.#addText(node.value, start, end);
        return;
      case 'break':
        this.#push('\n', start);
        return;
      case 'inlineCode':
      case 'html':
      case 'image':
      case 'imageReference':
      case 'footnoteReference':
        this.#push(OPAQUE, start);
        return;
      default:
        // emphasis, strong, delete, link, linkReference: only their text is visible; the URL never is.
        if ('children' in node) for (const child of node.children) this.add(child);
    }
  }

  /** Maps a text node's value onto its source span; they differ where escapes, entities or line indents were folded. */
  #addText(value: string, start: number, end: number): void {
    if (value.length === end - start) {
      for (let k = 0; k < value.length; k++) this.#push(value[k] ?? '', start + k);
      return;
    }
    const source = this.#source;
    let p = start;
    for (let k = 0; k < value.length; k++) {
      const ch = value.charCodeAt(k);
      let q = p;
      while (q < end && source.charCodeAt(q) !== ch) q++;
      if (q < end) p = q;
      this.#push(value[k] ?? '', p);
      if (p < end) p++;
    }
  }

  #push(ch: string, offset: number): void {
    this.#parts.push(ch);
    this.#offsets.push(offset);
  }

  text(): string {
    return this.#parts.join('');
  }

  map(): Int32Array {
    return Int32Array.from(this.#offsets);
  }
}
