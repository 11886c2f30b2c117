/**
 * Offsets for the exchange formats. The editor, the sidecar and the CSV/JSON exports count UTF-16 code units (as
 * VS Code and Hypothesis do); W3C Web Annotation and REFI-QDA count characters, i.e. Unicode code points. For
 * Chinese text the two only differ after a character outside the BMP (𠮷, emoji), which takes two UTF-16 units
 * and one code point.
 */

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** How offsets are converted: code points only, or code points after CRLF and lone CR became LF. */
export interface PositionOptions {
  readonly normalizeNewlines: boolean;
}

/** The text an exchange-format position counts into: line breaks as LF when `normalizeNewlines`. */
export function positionText(text: string, options: PositionOptions): string {
  return options.normalizeNewlines ? text.replace(/\r\n?/g, '\n') : text;
}

/**
 * Converts UTF-16 offsets into `text` to code point offsets (into `positionText(text, options)`): one pass over
 * the text for any number of offsets. An offset inside a surrogate pair or a CRLF maps to the end of the character it splits.
 * Offsets outside the text are clamped.
 */
export function toCodePoints(text: string, offsets: readonly number[], options: PositionOptions): number[] {
  const wanted = [...new Set(offsets.map((o) => Math.max(0, Math.min(text.length, Math.trunc(o)))))].sort((a, b) => a - b);
  const found = new Map<number, number>();
  let next = 0;
  let points = 0;
  let i = 0;
  while (next < wanted.length) {
    // Every wanted offset at or before i is resolved to the count of characters that start before it.
    while (next < wanted.length && (wanted[next] ?? 0) <= i) found.set(wanted[next++] ?? 0, points);
    if (i >= text.length) break;
    const c = text.charCodeAt(i);
    const pair = (isHigh(c) && isLow(text.charCodeAt(i + 1))) || (options.normalizeNewlines && c === 13 && text.charCodeAt(i + 1) === 10);
    i += pair ? 2 : 1;
    points++;
  }
  return offsets.map((o) => found.get(Math.max(0, Math.min(text.length, Math.trunc(o)))) ?? points);
}
