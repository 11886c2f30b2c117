import type { Cooccurrence } from '../concordance/cooccur';
import type { DashboardAxis } from '../dashboard/types';
import type { Language, PoleColorMap } from './dashboardCharts';
import { type HeatCell, type HeatColumn, type HeatRow, heatMap } from './heatMap';
import { type ChartTheme, textWidth } from './svg';

/** How a label of a co-occurrence matrix reads: a pole by its label with its axis under it, a tag by its label. */
export interface CooccurrenceLabel {
  readonly name: string;
  readonly detail: string;
  readonly color: string;
}

/** The labels of a matrix as people read them: pole ids turned into the lexicon's labels in `language`. */
export function cooccurrenceLabels(m: Cooccurrence, axes: readonly DashboardAxis[], colors: PoleColorMap, theme: ChartTheme, language: Language, tagWord: string): CooccurrenceLabel[] {
  const poles = new Map(axes.flatMap((axis) => axis.poles.map((pole) => [pole.id, { axis, pole }] as const)));
  return m.labels.map((label, i) => {
    if (m.kinds[i] === 'tag') return { name: label, detail: tagWord, color: theme.text };
    const found = poles.get(label);
    return found ? { name: found.pole.label[language], detail: found.axis.label[language], color: colors[label] ?? theme.text } : { name: label, detail: '', color: theme.text };
  });
}

/** More labels than this, and the columns narrow under slanted headings. */
const SLANT_PAST = 6;

export interface CooccurrenceChartOptions {
  readonly title: string;
  /** The tooltip of cell (i, j) with count n; `{0}` and `{1}` the labels, `{2}` the count. */
  readonly cellTitle: (a: CooccurrenceLabel, b: CooccurrenceLabel, count: number) => string;
  /** The fill of non-empty cells (one hue: the count, not a pole, is what the cell shows). */
  readonly fill: string;
  /** Cells are buttons (`data-cell="i,j"` always), for a page that opens their windows. */
  readonly focusableCells?: boolean;
}

/**
 * A co-occurrence matrix as a heat map: rows and columns the labels, each cell the number of windows holding both
 * (the diagonal: holding the label), shaded against the largest off-diagonal count so that the diagonal does not
 * wash the rest out. Labels whose row is all zero are kept: the numbers are `cooccur --json`'s, cell for cell.
 */
export function cooccurrenceChart(m: Cooccurrence, labels: readonly CooccurrenceLabel[], theme: ChartTheme, options: CooccurrenceChartOptions): string {
  let max = 0;
  m.matrix.forEach((row, i) => row.forEach((n, j) => { if (i !== j) max = Math.max(max, n); }));
  const diagonalMax = Math.max(1, ...m.matrix.map((row, i) => row[i] ?? 0));
  const rows: HeatRow[] = labels.map((l) => ({ label: l.detail ? `${l.name} · ${l.detail}` : l.name, indent: 0, title: l.detail ? `${l.detail} / ${l.name}` : l.name }));
  const columns: HeatColumn[] = labels.map((l) => ({ top: l.name, bottom: l.detail, colorTop: l.color, colorBottom: theme.muted, title: l.detail ? `${l.detail} / ${l.name}` : l.name }));
  const cells: HeatCell[][] = m.matrix.map((row, i) => row.map((n, j) => {
    const a = labels[i] as CooccurrenceLabel;
    const b = labels[j] as CooccurrenceLabel;
    const strength = i === j ? n / diagonalMax : max > 0 ? n / max : 0;
    return { ...(n > 0 ? { fill: i === j ? theme.muted : options.fill } : {}), strength, label: String(n), title: options.cellTitle(a, b, n) };
  }));
  const longest = Math.max(40, ...rows.map((r) => textWidth(r.label, theme.fontSize)));
  // Past a few labels, narrow columns under slanted names: all seven axes' poles fit a panel without scrolling.
  const many = labels.length > SLANT_PAST;
  const widest = Math.max(0, ...cells.flatMap((row) => row.map((c) => textWidth(c.label, theme.fontSize))));
  return heatMap(rows, columns, cells, {
    title: options.title, cellWidth: many ? Math.max(36, Math.ceil(widest + 12)) : 64, cellHeight: 24, rowLabelWidth: Math.min(many ? 200 : 260, Math.ceil(16 + longest)), theme,
    cellKeys: true, ...(options.focusableCells ? { focusableCells: true } : {}), ...(many ? { slantedHeadings: true } : {}),
  });
}
