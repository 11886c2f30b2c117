import { type ChartTheme, clip, el, escapeXml, svgRoot, textWidth, title } from './svg';

/** A column heading in two lines (the two pole names of an axis), each in its own colour. */
export interface HeatColumn {
  readonly top: string;
  readonly bottom: string;
  readonly colorTop: string;
  readonly colorBottom: string;
  readonly title: string;
}

export interface HeatRow {
  readonly label: string;
  /** Indent steps (heading levels below the top one). */
  readonly indent: number;
  readonly title: string;
}

/** One cell: its fill (none for an empty cell), how strongly (0–1), the text in it and its tooltip. */
export interface HeatCell {
  readonly fill?: string;
  readonly strength: number;
  readonly label: string;
  readonly title: string;
}

export interface HeatMapOptions {
  readonly title: string;
  readonly cellWidth: number;
  readonly cellHeight: number;
  readonly rowLabelWidth: number;
  readonly theme: ChartTheme;
  /** Each cell's group gets `data-cell="<row>,<column>"` and `data-count` (its label), so a page can find and read cells. */
  readonly cellKeys?: boolean;
  /** Cells are buttons in the tab order (a page that opens something on a click also opens it on Enter). */
  readonly focusableCells?: boolean;
  /**
   * Column headings as one slanted line (`top` only; the rest stays in the tooltip), so that narrow columns keep their
   * whole names: a matrix of many labels then fits a panel without scrolling sideways.
   */
  readonly slantedHeadings?: boolean;
}

/** The slant of slanted column headings, and the longest heading drawn before it is clipped. */
const SLANT = Math.PI / 4;
const SLANTED_MAX = 160;

const INDENT = 12;
/** The faintest fill a non-empty cell gets, so that a weak lean is still visible; the strongest gets MAX. */
const MIN_OPACITY = 0.14;
const MAX_OPACITY = 0.78;

/**
 * A rows × columns grid of coloured cells as an SVG string (here: sections × axes). Each row's label group carries
 * `data-row="<index>"` so a page can make rows clickable; numbers sit on a halo of the background colour so they
 * stay readable on the strongest fill.
 */
export function heatMap(rows: readonly HeatRow[], columns: readonly HeatColumn[], cells: readonly (readonly HeatCell[])[], options: HeatMapOptions): string {
  const { cellWidth, cellHeight, rowLabelWidth, theme } = options;
  const fs = theme.fontSize;
  const slanted = options.slantedHeadings === true;
  const headings = slanted ? columns.map((c) => clip(c.top, SLANTED_MAX, fs)) : [];
  const longestHeading = Math.max(0, ...headings.map((h) => textWidth(h, fs)));
  const headerHeight = slanted ? Math.ceil(longestHeading * Math.sin(SLANT) + fs + 8) : 2 * (fs + 4) + 8;
  const grid = rowLabelWidth + columns.length * cellWidth + 1;
  // The last slanted heading runs on to the right of the grid.
  const width = slanted ? Math.max(grid, Math.ceil(grid - cellWidth / 2 + longestHeading * Math.cos(SLANT) + fs)) : grid;
  const height = headerHeight + rows.length * cellHeight + 1;
  let body = '';
  columns.forEach((column, c) => {
    const x = rowLabelWidth + c * cellWidth + cellWidth / 2;
    if (slanted) {
      const y = headerHeight - 6;
      body += el('g', {}, title(column.title) + el('text', {
        x, y, fill: column.colorTop, 'font-weight': '600', transform: `rotate(${-(SLANT * 180) / Math.PI} ${x} ${y})`,
      }, escapeXml(headings[c] ?? '')));
      return;
    }
    body += el('g', { 'text-anchor': 'middle' },
      title(column.title)
      + el('text', { x, y: fs + 2, fill: column.colorTop, 'font-weight': '600' }, escapeXml(clip(column.top, cellWidth - 6, fs)))
      + el('text', { x, y: 2 * (fs + 4) + 2, fill: column.colorBottom, 'font-weight': '600' }, escapeXml(clip(column.bottom, cellWidth - 6, fs))));
  });
  rows.forEach((row, r) => {
    const y = headerHeight + r * cellHeight;
    const x = Math.min(row.indent, 4) * INDENT;
    body += el('g', { 'data-row': r },
      title(row.title)
      + el('rect', { x: 0, y, width: rowLabelWidth - 4, height: cellHeight, fill: 'transparent' })
      + el('text', { x, y: y + cellHeight / 2, 'dominant-baseline': 'central' }, escapeXml(clip(row.label, rowLabelWidth - x - 10, fs))));
    (cells[r] ?? []).forEach((cell, c) => {
      const cx = rowLabelWidth + c * cellWidth;
      const strength = Math.max(0, Math.min(1, cell.strength));
      let shape = el('rect', { x: cx + 0.5, y: y + 0.5, width: cellWidth - 1, height: cellHeight - 1, fill: 'none', stroke: theme.grid, 'stroke-width': 1 });
      if (cell.fill !== undefined) {
        shape += el('rect', { x: cx + 1.5, y: y + 1.5, width: cellWidth - 3, height: cellHeight - 3, rx: 2, fill: cell.fill, 'fill-opacity': MIN_OPACITY + strength * (MAX_OPACITY - MIN_OPACITY) });
      }
      if (cell.label) {
        shape += el('text', {
          x: cx + cellWidth / 2, y: y + cellHeight / 2, 'text-anchor': 'middle', 'dominant-baseline': 'central',
          stroke: theme.background, 'stroke-width': 3, 'stroke-opacity': 0.85, 'paint-order': 'stroke', 'stroke-linejoin': 'round',
        }, escapeXml(cell.label));
      }
      const key = {
        ...(options.cellKeys ? { 'data-cell': `${r},${c}`, 'data-count': cell.label } : {}),
        ...(options.focusableCells ? { tabindex: 0, role: 'button', class: 'cell' } : {}),
      };
      body += el('g', key, title(cell.title) + shape);
    });
  });
  return svgRoot(width, height, options.title, theme, body);
}
