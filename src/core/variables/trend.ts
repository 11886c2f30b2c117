import type { AxisPoles } from '../dashboard/counts';
import type { DatePeriod, Group } from './groupBy';
import { type GroupSummary, summariseGroup } from './summary';

/** Fewer articles than this in a period and its balance is flagged: one article's style would decide it. */
export const FEW_ARTICLES = 3;

/** One period of the trend: its group summary (empty when no article falls in it), flagged when it holds few articles. */
export interface TrendPoint extends GroupSummary {
  readonly value: string;
  readonly few: boolean;
}

/** The period after `value` (`2024` → `2025`, `2024-Q4` → `2025-Q1`, `2024-12` → `2025-01`). */
export function nextPeriod(value: string, period: DatePeriod): string {
  const year = Number(value.slice(0, 4));
  if (period === 'year') return String(year + 1);
  const n = Number(period === 'quarter' ? value.slice(6) : value.slice(5));
  const last = period === 'quarter' ? 4 : 12;
  const [y, k] = n >= last ? [year + 1, 1] : [year, n + 1];
  return period === 'quarter' ? `${y}-Q${k}` : `${y}-${String(k).padStart(2, '0')}`;
}

/**
 * The trend of date groups: one point per period from the first to the last, periods with no article included (so
 * a gap shows as one), each flagged `few` when it holds fewer than `minArticles`. The group without a date is left out.
 */
export function trendOf(groups: readonly Group[], period: DatePeriod, axes: readonly AxisPoles[], minArticles = FEW_ARTICLES): TrendPoint[] {
  const dated = groups.filter((g): g is Group & { value: string } => g.value !== null).sort((x, y) => (x.value < y.value ? -1 : 1));
  const first = dated[0];
  const last = dated[dated.length - 1];
  if (!first || !last) return [];
  const byValue = new Map(dated.map((g) => [g.value, g]));
  const points: TrendPoint[] = [];
  // A bound on the periods walked: a typo like year 2204 must not make a million empty months.
  for (let value = first.value, n = 0; n < 2400; value = nextPeriod(value, period), n++) {
    const g = byValue.get(value) ?? { value, files: 0, characters: 0, counts: { total: 0, axes: {}, terms: {} } };
    points.push({ ...summariseGroup(g, axes), value, few: g.files < minArticles });
    if (value >= last.value) break;
  }
  return points;
}
