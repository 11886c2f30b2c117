/** ANSI styling that turns itself off for pipes, `--no-color` and `NO_COLOR`. */
export interface Palette {
  readonly bold: (s: string) => string;
  readonly dim: (s: string) => string;
  /** Colour for an axis's first pole (warm) or second pole (cool). */
  readonly side: (side: 0 | 1, s: string) => string;
}

const wrap = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;

export function palette(enabled: boolean): Palette {
  if (!enabled) return { bold: (s) => s, dim: (s) => s, side: (_side, s) => s };
  const warm = wrap(33, 39);
  const cool = wrap(36, 39);
  return { bold: wrap(1, 22), dim: wrap(2, 22), side: (side, s) => (side === 0 ? warm(s) : cool(s)) };
}
