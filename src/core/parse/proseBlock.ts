/**
 * A run of visible prose (a paragraph, heading, table cell or plain-text chunk): what a reader sees,
 * with inline markup removed, plus the map from each visible character back to the source.
 */
export interface ProseBlock {
  /** Visible text. Non-prose inline parts (code, HTML, images) stand as one U+0000 so no term spans them. */
  readonly text: string;
  /** Source offset (relative to the chunk) of each visible character; absent means `start + index`. */
  readonly map?: Int32Array;
  /** Source range (relative to the chunk). */
  readonly start: number;
  readonly end: number;
  /** Set when the block is a heading. */
  readonly headingLevel?: number;
}

/** Source offset of visible character `k` of a block. */
export function sourceOffset(block: ProseBlock, k: number): number {
  return block.map ? (block.map[k] ?? block.end) : block.start + k;
}

/** Source range covering the visible characters `[from, to)` of a block (markup between them included). */
export function sourceRange(block: ProseBlock, from: number, to: number): { start: number; end: number } {
  if (!block.map) return { start: block.start + from, end: block.start + to };
  return { start: sourceOffset(block, from), end: to > from ? sourceOffset(block, to - 1) + 1 : sourceOffset(block, from) };
}
