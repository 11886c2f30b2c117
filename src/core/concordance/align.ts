/**
 * Columns a character takes in a terminal or a monospaced font: 2 for East Asian wide and full-width characters
 * (CJK, kana, Hangul, full-width forms, most emoji), 0 for combining marks, else 1.
 */
export function charColumns(codePoint: number): number {
  if ((codePoint >= 0x300 && codePoint <= 0x36f) || (codePoint >= 0x200b && codePoint <= 0x200f)) return 0;
  if (
    (codePoint >= 0x1100 && codePoint <= 0x115f) || (codePoint >= 0x2e80 && codePoint <= 0x303e) || (codePoint >= 0x3041 && codePoint <= 0x33ff)
    || (codePoint >= 0x3400 && codePoint <= 0x4dbf) || (codePoint >= 0x4e00 && codePoint <= 0x9fff) || (codePoint >= 0xa000 && codePoint <= 0xa4cf)
    || (codePoint >= 0xac00 && codePoint <= 0xd7a3) || (codePoint >= 0xf900 && codePoint <= 0xfaff) || (codePoint >= 0xfe30 && codePoint <= 0xfe4f)
    || (codePoint >= 0xff00 && codePoint <= 0xff60) || (codePoint >= 0xffe0 && codePoint <= 0xffe6) || (codePoint >= 0x1f300 && codePoint <= 0x1faff)
    || (codePoint >= 0x20000 && codePoint <= 0x3fffd)
  ) return 2;
  return 1;
}

/** Columns a string takes (see `charColumns`). */
export function displayWidth(text: string): number {
  let n = 0;
  for (const ch of text) n += charColumns(ch.codePointAt(0) ?? 0);
  return n;
}

/** The string padded with spaces on the left to `columns` (unchanged when already as wide). */
export function padStartColumns(text: string, columns: number): string {
  const w = displayWidth(text);
  return w >= columns ? text : ' '.repeat(columns - w) + text;
}
