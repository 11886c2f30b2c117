import { type KwicLine, displayWidth, padStartColumns } from '../core';
import type { Palette } from './colors';

/** One readable concordance line: the left context right-aligned, so the matches line up (CJK counted two columns). */
export function kwicText(line: KwicLine, width: number, c: Palette): string {
  const place = `${line.path}:${line.line + 1}:${line.character + 1}`;
  return `${padStartColumns(line.left, width * 2)} ${c.bold(`[${line.match}]`)} ${line.right}${' '.repeat(Math.max(0, width * 2 - displayWidth(line.right)))}  ${c.dim(place)}${line.negated ? c.dim(' (negated)') : ''}`;
}

/** One element of `kwic --json`'s `lines`. */
export const kwicJson = (l: KwicLine): string => JSON.stringify({
  path: l.path, start: l.start, end: l.end, line: l.line, character: l.character, left: l.left, match: l.match, right: l.right,
  term: l.term, axis: l.axis, pole: l.pole, negated: l.negated,
});

/**
 * A file's concordance lines as printed when they stream in path order: readable lines each ending with a newline,
 * or JSON elements each after a comma (the caller drops the comma before the run's first element).
 */
export function kwicPiece(lines: readonly KwicLine[], form: 'text' | 'json', width: number, c: Palette): string {
  let out = '';
  for (const line of lines) out += form === 'json' ? `,${kwicJson(line)}` : `${kwicText(line, width, c)}\n`;
  return out;
}
