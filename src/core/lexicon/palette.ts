import type { Lexicon } from './types';

/** Colours of one pole for each theme kind; `#rrggbb`, solid. Backgrounds are derived with an alpha. */
export interface PoleColor {
  readonly axis: string;
  readonly pole: string;
  /** 0 for the axis's first pole (warm hue), 1 for its second (cool hue of the same family). */
  readonly side: 0 | 1;
  readonly light: string;
  readonly dark: string;
  readonly highContrast: string;
}

/**
 * Warm/cool pairs, one per axis in lexicon order: the two poles of an axis read as a pair, and axes differ.
 * Light-theme shades are darker so text stays readable; high contrast uses the most saturated ones.
 */
const PAIRS: readonly (readonly [readonly [string, string, string], readonly [string, string, string]])[] = [
  [['#b45309', '#f59e0b', '#ffb627'], ['#1d4ed8', '#60a5fa', '#6cb6ff']],
  [['#b91c1c', '#f87171', '#ff7b72'], ['#0f766e', '#2dd4bf', '#39e5c9']],
  [['#a21caf', '#e879f9', '#f38bff'], ['#4338ca', '#a5b4fc', '#a5b4ff']],
  [['#c2410c', '#fb923c', '#ff9a4d'], ['#0369a1', '#38bdf8', '#4cc9ff']],
  [['#a16207', '#facc15', '#ffe04d'], ['#15803d', '#4ade80', '#5bff96']],
  [['#be123c', '#fb7185', '#ff8096'], ['#6d28d9', '#c4b5fd', '#cbb8ff']],
  [['#9a3412', '#fdba74', '#ffc48a'], ['#334155', '#94a3b8', '#c0d0e0']],
];

/** The colour of every pole of a lexicon; axes past the seventh reuse the pairs in order. */
export function poleColors(lexicon: Lexicon): PoleColor[] {
  return lexicon.axes.flatMap((axis, i) => {
    const pair = PAIRS[i % PAIRS.length] ?? PAIRS[0];
    return axis.poles.map((pole, side) => {
      const [light, dark, highContrast] = pair?.[side] ?? ['#888888', '#aaaaaa', '#ffffff'];
      return { axis: axis.id, pole: pole.id, side: side === 0 ? 0 : 1, light, dark, highContrast } as const;
    });
  });
}

/** Theme colour id for a pole, e.g. `tensionLens.pole.longTerm.background` (colour ids allow no hyphens). */
export function poleColorId(poleId: string, part: 'background' | 'foreground'): string {
  return `tensionLens.pole.${poleId.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase())}.${part}`;
}
