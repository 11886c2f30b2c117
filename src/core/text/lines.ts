/** Position as VS Code counts it: 0-based line and UTF-16 character within the line. */
export interface LinePosition {
  readonly line: number;
  readonly character: number;
}

/**
 * Offsets of the first character of every line. Line breaks are `\n`, `\r\n` and a lone `\r`,
 * the three VS Code recognises, so line numbers agree with the editor's on CRLF and old Mac files.
 */
export function lineStarts(text: string, from = 0, to = text.length): number[] {
  const starts = [from];
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** Maps offsets to line/character by binary search over precomputed line starts. */
export class LineIndex {
  readonly #starts: readonly number[];

  constructor(starts: readonly number[]) {
    this.#starts = starts;
  }

  static of(text: string): LineIndex {
    return new LineIndex(lineStarts(text));
  }

  get lineCount(): number {
    return this.#starts.length;
  }

  /** Offset of the first character of `line` (clamped to the last line). */
  lineStart(line: number): number {
    return this.#starts[Math.max(0, Math.min(line, this.#starts.length - 1))] ?? 0;
  }

  positionAt(offset: number): LinePosition {
    const starts = this.#starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - (starts[lo] ?? 0) };
  }

  offsetAt(position: LinePosition): number {
    return this.lineStart(position.line) + position.character;
  }
}
