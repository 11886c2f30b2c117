import type { DashboardAxis } from '../dashboard/types';
import type { GroupSummary } from '../variables/summary';
import type { Language, PoleColorMap } from './dashboardCharts';
import { type DivergingHeader, type DivergingRow, divergingBars } from './divergingBar';
import type { ChartTheme } from './svg';

export interface GroupChartOptions {
  readonly title: string;
  readonly width: number;
  /** The row label of a group: its value, the "no value" wording for null, a warning mark for a thin period. */
  readonly labelOf: (group: GroupSummary) => string;
}

/**
 * Each axis' balance per group (or per period of a trend): the first pole's hits per 10,000 characters to the left,
 * the second's to the right, one bar per group under a header per axis — rates, so groups of different sizes
 * compare. Axes with no hit in any group are left out.
 */
export function groupBalanceChart(groups: readonly GroupSummary[], axes: readonly DashboardAxis[], colors: PoleColorMap, theme: ChartTheme, language: Language, options: GroupChartOptions): string {
  const items: (DivergingRow | DivergingHeader)[] = [];
  axes.forEach((axis, i) => {
    if (!groups.some((g) => (g.axes[i]?.a ?? 0) + (g.axes[i]?.b ?? 0) > 0)) return;
    const colorA = colors[axis.poles[0].id] ?? '#888888';
    const colorB = colors[axis.poles[1].id] ?? '#888888';
    const poleA = axis.poles[0].label[language];
    const poleB = axis.poles[1].label[language];
    items.push({ kind: 'header', label: axis.label[language], left: poleA, right: poleB, colorLeft: colorA, colorRight: colorB });
    for (const g of groups) {
      const balance = g.axes[i];
      const a = balance?.rateA ?? 0;
      const b = balance?.rateB ?? 0;
      const label = options.labelOf(g);
      items.push({
        label, a, b, colorA, colorB, valueA: a.toFixed(1), valueB: b.toFixed(1),
        titleA: `${label} — ${poleA}: ${balance?.a ?? 0} (${a.toFixed(1)} / 10,000)`, titleB: `${label} — ${poleB}: ${balance?.b ?? 0} (${b.toFixed(1)} / 10,000)`,
      });
    }
  });
  const width = Math.max(360, options.width);
  return divergingBars(items, { title: options.title, width, rowHeight: 14, gap: 4, labelWidth: Math.round(Math.min(200, width * 0.25)), showValues: true, theme });
}
