import { groupSections } from '../dashboard/sections';
import type { ArticleDetail, ArticleRow, AxisCount, DashboardAxis } from '../dashboard/types';
import { type PoleColor, poleColorId } from '../lexicon/palette';
import { type DivergingHeader, type DivergingRow, divergingBars } from './divergingBar';
import { type HeatCell, heatMap } from './heatMap';
import type { ChartTheme } from './svg';

/** Pole id → the colour to paint it with (a hex colour, or a CSS `var(…)` in a webview). */
export type PoleColorMap = Readonly<Record<string, string>>;

/** Which half of a bilingual label to show. */
export type Language = 'zh' | 'en';

/** Which of `PoleColor`'s shades suits the page: VS Code's theme kinds, high contrast light counted as light. */
export type ThemeKind = 'light' | 'dark' | 'highContrast';

/**
 * The pole colours for a theme kind. With `cssVariables`, each is the pole's theme colour as VS Code exposes it to
 * webviews (`var(--vscode-tensionLens-pole-open-foreground, #hex)`), so `workbench.colorCustomizations` reach the
 * charts; the palette's hex is the fallback for poles of user lexicons, which contribute no theme colour.
 */
export function poleColorMap(colors: readonly PoleColor[], kind: ThemeKind, cssVariables: boolean): PoleColorMap {
  return Object.fromEntries(colors.map((c) => {
    const hex = c[kind];
    return [c.pole, cssVariables ? `var(--vscode-${poleColorId(c.pole, 'foreground').replace(/\./g, '-')}, ${hex})` : hex];
  }));
}

const FALLBACK = '#888888';
const colorOf = (colors: PoleColorMap, pole: string): string => colors[pole] ?? FALLBACK;

/** The tooltip of one pole's count: `开放 Open: 12`. */
function poleTitle(axis: DashboardAxis, side: 0 | 1, count: string, language: Language): string {
  return `${axis.poles[side].label[language]}: ${count}`;
}

/**
 * The overview's small per-row chart: one thin diverging bar per axis (pole A left, pole B right), scaled to
 * the row's own largest count — it shows the article's shape; the Terms column gives its size.
 */
export function profileSparkline(row: ArticleRow, axes: readonly DashboardAxis[], colors: PoleColorMap, theme: ChartTheme, language: Language, label: string): string {
  const items: DivergingRow[] = axes.map((axis, i) => {
    const count = row.axes[i] ?? { a: 0, b: 0 };
    return {
      a: count.a, b: count.b, colorA: colorOf(colors, axis.poles[0].id), colorB: colorOf(colors, axis.poles[1].id),
      titleA: `${axis.label[language]} — ${poleTitle(axis, 0, String(count.a), language)}`,
      titleB: `${axis.label[language]} — ${poleTitle(axis, 1, String(count.b), language)}`,
    };
  });
  return divergingBars(items, { title: label, width: 150, rowHeight: 4, gap: 1, labelWidth: 0, showValues: false, theme });
}

export interface TotalsOptions {
  readonly title: string;
  /** Width to fit, in px (default 560). */
  readonly width?: number;
}

/**
 * Per-axis pole counts as labelled diverging bars, one row per axis (`Open 67 ▬▬|▬ 24 Closed`): the workspace
 * totals of the overview, or one article's counts.
 */
export function axisTotalsChart(counts: readonly AxisCount[], axes: readonly DashboardAxis[], colors: PoleColorMap, theme: ChartTheme, language: Language, options: TotalsOptions): string {
  const items: DivergingRow[] = axes.map((axis, i) => {
    const count = counts[i] ?? { axis: axis.id, a: 0, b: 0 };
    return {
      label: `${axis.poles[0].label[language]} · ${axis.poles[1].label[language]}`, a: count.a, b: count.b,
      colorA: colorOf(colors, axis.poles[0].id), colorB: colorOf(colors, axis.poles[1].id),
      titleA: `${axis.label[language]} — ${poleTitle(axis, 0, String(count.a), language)}`,
      titleB: `${axis.label[language]} — ${poleTitle(axis, 1, String(count.b), language)}`,
    };
  });
  const width = Math.max(320, options.width ?? 560);
  return divergingBars(items, { title: options.title, width, rowHeight: 12, gap: 6, labelWidth: Math.round(Math.min(220, width * 0.36)), showValues: true, theme });
}

export interface SectionChartLabels {
  readonly title: string;
  /** Row label of the text before the first heading when it has no first line to show. */
  readonly beforeFirstHeading: string;
  /** Width to fit, in px (default 780): the label column and the cells share it, within readable limits. */
  readonly width?: number;
  /** Tooltip of a row that stands for several sections: `{0}` how many, `{1}` the first title, `{2}` the last. */
  readonly sectionGroup?: string;
}

/**
 * The article view's section × axis heat map: a cell takes the colour of the pole that dominates the section on
 * that axis, stronger the larger the lead (relative to the largest lead in the article); an even split is grey,
 * no terms leave the cell empty. Cells read `a:b`.
 */
export function sectionHeatMap(detail: ArticleDetail, axes: readonly DashboardAxis[], colors: PoleColorMap, theme: ChartTheme, language: Language, labels: SectionChartLabels): string {
  // A long article's sections share rows (groupSections): the chart stays a screen or two tall, whatever the size.
  const sections = groupSections(detail.sections);
  const maxLead = sections.reduce((m, s) => s.axes.reduce((n, c) => Math.max(n, Math.abs(c.a - c.b)), m), 1);
  const topLevel = sections.reduce((m, s) => Math.min(m, s.level === 0 ? 99 : s.level), 99);
  const rows = sections.map((s) => {
    const label = s.title || labels.beforeFirstHeading;
    const title = s.sections && s.sections > 1
      ? (labels.sectionGroup ?? '{0} sections: {1} … {2}').replace('{0}', () => String(s.sections)).replace('{1}', () => label).replace('{2}', () => s.lastTitle || labels.beforeFirstHeading)
      : label;
    return { label: s.sections && s.sections > 1 ? `${label} …` : label, indent: s.level === 0 ? 0 : Math.max(0, s.level - topLevel), title };
  });
  const cells: HeatCell[][] = sections.map((section, r) => axes.map((axis, c) => {
    const count = section.axes[c] ?? { a: 0, b: 0 };
    const tip = `${rows[r]?.label ?? ''} — ${axis.label[language]}: ${axis.poles[0].label[language]} ${count.a} · ${axis.poles[1].label[language]} ${count.b}`;
    if (count.a === 0 && count.b === 0) return { strength: 0, label: '', title: tip };
    const lead = count.a - count.b;
    const fill = lead > 0 ? colorOf(colors, axis.poles[0].id) : lead < 0 ? colorOf(colors, axis.poles[1].id) : theme.muted;
    return { fill, strength: lead === 0 ? 0.3 : Math.abs(lead) / maxLead, label: `${count.a}:${count.b}`, title: tip };
  }));
  const columns = axes.map((axis) => ({
    top: axis.poles[0].label[language], bottom: axis.poles[1].label[language],
    colorTop: colorOf(colors, axis.poles[0].id), colorBottom: colorOf(colors, axis.poles[1].id), title: axis.label[language],
  }));
  const width = labels.width ?? 780;
  const rowLabelWidth = Math.round(Math.max(120, Math.min(260, width * 0.3)));
  const cellWidth = Math.round(Math.max(44, Math.min(104, (width - rowLabelWidth) / Math.max(1, axes.length))));
  return heatMap(rows, columns, cells, { title: labels.title, cellWidth, cellHeight: 24, rowLabelWidth, theme });
}

export interface CompareOptions {
  readonly title: string;
  /** Counts per 1,000 characters of each article instead of raw counts (articles of different lengths). */
  readonly perThousand: boolean;
  /** Row label of an article: its file name by default. */
  readonly labelOf?: (row: ArticleRow) => string;
  /** Width to fit, in px (default 720). */
  readonly width?: number;
}

/** Compare: for each axis, one diverging bar per article on a shared scale, so the articles line up. */
export function compareChart(rows: readonly ArticleRow[], axes: readonly DashboardAxis[], colors: PoleColorMap, theme: ChartTheme, language: Language, options: CompareOptions): string {
  const scale = (n: number, row: ArticleRow): number => (options.perThousand ? (row.length > 0 ? (n * 1000) / row.length : 0) : n);
  const show = (n: number): string => (options.perThousand ? n.toFixed(1) : String(n));
  const labelOf = options.labelOf ?? ((r: ArticleRow) => r.path.split('/').pop() ?? r.path);
  const items: (DivergingRow | DivergingHeader)[] = [];
  axes.forEach((axis, i) => {
    const colorA = colorOf(colors, axis.poles[0].id);
    const colorB = colorOf(colors, axis.poles[1].id);
    items.push({ kind: 'header', label: axis.label[language], left: axis.poles[0].label[language], right: axis.poles[1].label[language], colorLeft: colorA, colorRight: colorB });
    for (const row of rows) {
      const count = row.axes[i] ?? { a: 0, b: 0 };
      const a = scale(count.a, row);
      const b = scale(count.b, row);
      const label = labelOf(row);
      items.push({
        label, a, b, colorA, colorB, valueA: show(a), valueB: show(b),
        titleA: `${label} — ${poleTitle(axis, 0, show(a), language)}`, titleB: `${label} — ${poleTitle(axis, 1, show(b), language)}`,
      });
    }
  });
  const width = Math.max(360, options.width ?? 720);
  return divergingBars(items, { title: options.title, width, rowHeight: 14, gap: 4, labelWidth: Math.round(Math.min(240, width * 0.3)), showValues: true, theme });
}
