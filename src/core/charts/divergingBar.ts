import { type ChartTheme, clip, el, escapeXml, svgRoot, title } from './svg';

/** One bar: the first pole's count drawn to the left of the centre line, the second's to the right. */
export interface DivergingRow {
  readonly kind?: 'bar';
  /** Left of the bars; omit (with `labelWidth: 0`) for a label-less sparkline. */
  readonly label?: string;
  readonly a: number;
  readonly b: number;
  readonly colorA: string;
  readonly colorB: string;
  /** Tooltips of the two halves (also their accessible names). */
  readonly titleA: string;
  readonly titleB: string;
  /** Printed at the ends of the bars when `showValues` (default: the counts). */
  readonly valueA?: string;
  readonly valueB?: string;
}

/** A heading between groups of bars, with the two pole names over the halves they head. */
export interface DivergingHeader {
  readonly kind: 'header';
  readonly label: string;
  readonly left: string;
  readonly right: string;
  readonly colorLeft: string;
  readonly colorRight: string;
}

export interface DivergingOptions {
  /** The chart's accessible name and tooltip. */
  readonly title: string;
  readonly width: number;
  readonly rowHeight: number;
  readonly gap: number;
  /** Room for the row labels at the left; 0 for none. */
  readonly labelWidth: number;
  /** Count that fills half the bar area; defaults to the largest count shown. */
  readonly max?: number;
  readonly showValues: boolean;
  readonly theme: ChartTheme;
}

const VALUE_ROOM = 36;

/**
 * Diverging horizontal bars as an SVG string: per row, pole A grows left from a shared centre line and pole B
 * right, on one scale, so both the lean of a row and the sizes across rows read at a glance. Pure: colours,
 * labels and sizes all come in as parameters.
 */
export function divergingBars(items: readonly (DivergingRow | DivergingHeader)[], options: DivergingOptions): string {
  const { width, rowHeight, gap, labelWidth, showValues, theme } = options;
  const fontSize = theme.fontSize;
  const bars = items.filter((i): i is DivergingRow => i.kind !== 'header');
  const max = Math.max(options.max ?? 0, ...bars.map((r) => Math.max(r.a, r.b)), 1);
  const room = showValues ? VALUE_ROOM : 0;
  const left = labelWidth + room;
  const cx = left + (width - room - left) / 2;
  const half = cx - left;
  const headerHeight = fontSize + 12;
  let y = 0;
  let body = '';
  for (const item of items) {
    if (item.kind === 'header') {
      const mid = y + headerHeight / 2 + 2;
      body += el('text', { x: 0, y: mid, 'dominant-baseline': 'central', 'font-weight': '600' }, clipText(item.label, Math.max(labelWidth - 8, cx - 80), fontSize));
      body += el('text', { x: cx - 6, y: mid, 'text-anchor': 'end', 'dominant-baseline': 'central', fill: item.colorLeft, 'font-weight': '600' }, clipText(item.left, half - 6, fontSize));
      body += el('text', { x: cx + 6, y: mid, 'dominant-baseline': 'central', fill: item.colorRight, 'font-weight': '600' }, clipText(item.right, half - 6, fontSize));
      y += headerHeight + gap;
      continue;
    }
    const wa = (item.a / max) * half;
    const wb = (item.b / max) * half;
    const mid = y + rowHeight / 2;
    if (labelWidth > 0 && item.label !== undefined) {
      body += el('text', { x: labelWidth - 8, y: mid, 'text-anchor': 'end', 'dominant-baseline': 'central' }, clipText(item.label, labelWidth - 12, fontSize));
    }
    // A zero count still gets an (invisible-width) rect: its tooltip says "0", and the row keeps its shape.
    body += el('rect', { x: cx - wa, y, width: wa, height: rowHeight, fill: item.colorA, rx: Math.min(2, rowHeight / 4) }, title(item.titleA));
    body += el('rect', { x: cx, y, width: wb, height: rowHeight, fill: item.colorB, rx: Math.min(2, rowHeight / 4) }, title(item.titleB));
    if (showValues) {
      body += el('text', { x: cx - wa - 4, y: mid, 'text-anchor': 'end', 'dominant-baseline': 'central', fill: theme.muted }, escapeXml(item.valueA ?? String(item.a)));
      body += el('text', { x: cx + wb + 4, y: mid, 'dominant-baseline': 'central', fill: theme.muted }, escapeXml(item.valueB ?? String(item.b)));
    }
    y += rowHeight + gap;
  }
  const height = Math.max(y - gap, 1);
  body += el('line', { x1: cx, y1: 0, x2: cx, y2: height, stroke: theme.grid, 'stroke-width': 1 });
  return svgRoot(width, height, options.title, theme, body);
}

function clipText(text: string, maxWidth: number, fontSize: number): string {
  const shown = clip(text, Math.max(maxWidth, fontSize), fontSize);
  // The full text stays reachable as a tooltip when it had to be shortened.
  return shown === text ? escapeXml(text) : `${title(text)}${escapeXml(shown)}`;
}
