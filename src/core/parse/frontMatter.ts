/** Where a Markdown article's YAML front matter is: the text between its `---` fences, and the whole block. */
export interface FrontMatterSpan {
  /** Offset of the YAML text (after the opening `---` line). */
  readonly start: number;
  /** Offset where the YAML text ends (the start of the closing `---` line's line break). */
  readonly end: number;
  /** Offset just after the closing fence line: where the article's body starts. */
  readonly bodyStart: number;
}

/**
 * The front matter at the very start of a Markdown text (`---` … `---` or `...`), as the chunker and remark's
 * front-matter extension read it; undefined when there is none or it is never closed.
 */
export function frontMatterSpan(text: string): FrontMatterSpan | undefined {
  const open = text.startsWith('---\n') ? 4 : text.startsWith('---\r\n') ? 5 : 0;
  if (open === 0) return undefined;
  const close = /\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/g;
  close.lastIndex = open - 2;
  const m = close.exec(text);
  if (!m) return undefined;
  return { start: open, end: Math.max(open, m.index), bodyStart: m.index + m[0].length };
}
