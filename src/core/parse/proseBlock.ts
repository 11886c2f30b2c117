/**
 * A run of visible prose (a paragraph, heading, table cell or plain-text chunk): what a reader sees,
 * with inline markup removed, plus the map from each visible character back to the source.
 *
 * Every field is always present (undefined when it does not apply), and blocks are made only by `proseBlock`: one
 * object shape for every block, so the loops that read them stay monomorphic. With a shape per kind of block (plain,
 * heading, mapped, shifted) the reads went megamorphic in some runs and not others, and whole-article analysis
 * times varied by half between runs of the same bench.
 */
export interface ProseBlock {
  /** Visible text. Non-prose inline parts (code, HTML, images) stand as one U+0000 so no term spans them. */
  readonly text: string;
  /** Source range (relative to the chunk). */
  readonly start: number;
  readonly end: number;
  /** Source offset (relative to the chunk) of each visible character; undefined means `(textStart ?? start) + index`. */
  readonly map: Int32Array | undefined;
  /**
   * Where the visible text starts in the source when it is one unbroken run that does not start at `start` (a
   * heading's text after its #s): an offset instead of a map of one entry per character.
   */
  readonly textStart: number | undefined;
  /** Set when the block is a heading. */
  readonly headingLevel: number | undefined;
}

/** Makes a block, always with the same fields in the same order (see `ProseBlock`). */
export function proseBlock(
  text: string, start: number, end: number, map?: Int32Array, textStart?: number, headingLevel?: number,
): ProseBlock {
  return { text, start, end, map, textStart, headingLevel };
}

/** Source offset of visible character `k` of a block. */
export function sourceOffset(block: ProseBlock, k: number): number {
  return block.map ? (block.map[k] ?? block.end) : (block.textStart ?? block.start) + k;
}

/** Source range covering the visible characters `[from, to)` of a block (markup between them included). */
export function sourceRange(block: ProseBlock, from: number, to: number): { start: number; end: number } {
  return { start: sourceOffset(block, from), end: sourceEnd(block, from, to) };
}

/**
 * Source end of the visible characters `[from, to)`: the start is `sourceOffset(block, from)`. Two numbers
 * instead of a range object, for the loops that place every hit and sentence of an article.
 */
export function sourceEnd(block: ProseBlock, from: number, to: number): number {
  if (!block.map) return (block.textStart ?? block.start) + to;
  return to > from ? sourceOffset(block, to - 1) + 1 : sourceOffset(block, from);
}
