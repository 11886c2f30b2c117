/**
 * Which lines to paint, and how coarsely to mark the overview ruler, for long articles. Pure: no `vscode`, so the
 * arithmetic is unit-tested in plain Node.
 *
 * Why: `setDecorations` costs about 0.5 µs per range in the extension host alone (converting and sending it), and a
 * 5 MB article has 60,000 terms — 25–60 ms per keystroke for ranges nobody can see. Long articles get their terms
 * painted around what is on screen, and the overview ruler one mark per pole per band of lines.
 */

/** Articles with at most this many hits are painted whole, as before: no repaint on scroll, nothing to notice. */
export const PAINT_ALL_HITS = 4000;

/** Lines painted beyond the visible ones on each side, at least: scrolling within them needs no repaint. */
export const MIN_MARGIN_LINES = 200;

/** The overview ruler is at most about this many pixels high: finer bands than this would not show. */
export const RULER_BANDS = 4000;

/** A range of lines, inclusive. */
export interface LineWindow {
  readonly from: number;
  readonly to: number;
}

/** The lines to paint around the visible ones: three screens' worth (at least `MIN_MARGIN_LINES`) each side. */
export function paintWindow(visible: LineWindow, lineCount: number): LineWindow {
  const margin = Math.max(MIN_MARGIN_LINES, 3 * (visible.to - visible.from + 1));
  return { from: Math.max(0, visible.from - margin), to: Math.min(lineCount - 1, visible.to + margin) };
}

/** True when the visible lines are still well inside the painted window (a third of its margin from either edge). */
export function stillCovered(painted: LineWindow, visible: LineWindow, lineCount: number): boolean {
  const slack = Math.floor(Math.max(MIN_MARGIN_LINES, 3 * (visible.to - visible.from + 1)) / 3);
  const fromOk = painted.from === 0 || visible.from - slack >= painted.from;
  const toOk = painted.to >= lineCount - 1 || visible.to + slack <= painted.to;
  return fromOk && toOk;
}

/** How many lines one ruler band spans (a power of two, shifted by the result): 0 = one band per line. */
export function bandShift(lineCount: number): number {
  let shift = 0;
  while (lineCount >> shift > RULER_BANDS) shift++;
  return shift;
}
