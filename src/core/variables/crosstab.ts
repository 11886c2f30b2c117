import jStat from 'jstat';
import type { AxisPoles } from '../dashboard/counts';
import type { Group } from './groupBy';

/** A row of the crosstab: one pole of one axis. */
export interface CrosstabRow {
  readonly axis: string;
  readonly pole: string;
}

/** Why the chi-square test's result should be read with care, or could not be computed. */
export type CrosstabWarning =
  | { readonly code: 'sparse'; readonly cells: number; readonly of: number }
  | { readonly code: 'belowOne'; readonly min: number }
  | { readonly code: 'tooSmall' };

/** The chi-square test of independence: statistic, degrees of freedom, p-value, and Cramér's V for the effect size. */
export interface ChiSquare {
  readonly statistic: number;
  readonly df: number;
  readonly p: number;
  readonly cramersV: number;
}

/**
 * Poles × group values: observed hits, the counts expected if the pole did not depend on the group, and the
 * adjusted (standardised) residuals, (O − E) / √(E (1 − row/N) (1 − column/N)), which MAXQDA and SPSS report: beyond
 * ±1.96 a cell differs from independence at the 5 % level. Rows and columns with no hits are left out (their
 * expected counts would be 0).
 */
export interface Crosstab {
  readonly rows: readonly CrosstabRow[];
  readonly columns: readonly (string | null)[];
  readonly observed: readonly (readonly number[])[];
  readonly expected: readonly (readonly number[])[];
  readonly residuals: readonly (readonly number[])[];
  readonly total: number;
  /** Undefined when the table has fewer than two rows or two columns with hits. */
  readonly test?: ChiSquare;
  readonly warnings: readonly CrosstabWarning[];
}

/** A chi-square test's assumption: at most 20 % of the expected counts under 5, and none under 1 (Cochran). */
const SMALL_EXPECTED = 5;
const SPARSE_SHARE = 0.2;

/**
 * The crosstab of the poles of `axes` (one axis, or all of them: every hit has exactly one pole, so the poles
 * partition the hits) against the groups, with its chi-square test and the test's assumptions checked.
 */
export function crosstab(groups: readonly Group[], axes: readonly AxisPoles[]): Crosstab {
  const allRows = axes.flatMap((axis) => axis.poles.map((pole) => ({ axis: axis.id, pole: pole.id })));
  const cell = (r: CrosstabRow, g: Group): number => g.counts.axes[r.axis]?.poles[r.pole] ?? 0;
  const rows = allRows.filter((r) => groups.some((g) => cell(r, g) > 0));
  const used = groups.filter((g) => rows.some((r) => cell(r, g) > 0));
  const observed = rows.map((r) => used.map((g) => cell(r, g)));
  const rowSums = observed.map((row) => row.reduce((s, n) => s + n, 0));
  const colSums = used.map((_, j) => observed.reduce((s, row) => s + (row[j] ?? 0), 0));
  const total = rowSums.reduce((s, n) => s + n, 0);
  const expected = rowSums.map((ri) => colSums.map((cj) => (total === 0 ? 0 : (ri * cj) / total)));
  const residuals = observed.map((row, i) => row.map((o, j) => {
    const e = expected[i]?.[j] ?? 0;
    const ri = rowSums[i] ?? 0;
    const cj = colSums[j] ?? 0;
    const variance = e * (1 - ri / total) * (1 - cj / total);
    return variance > 0 ? (o - e) / Math.sqrt(variance) : 0;
  }));
  const base = { rows, columns: used.map((g) => g.value), observed, expected, residuals, total };
  if (rows.length < 2 || used.length < 2) return { ...base, warnings: [{ code: 'tooSmall' }] };
  let statistic = 0;
  let small = 0;
  let min = Infinity;
  expected.forEach((row, i) => row.forEach((e, j) => {
    const o = observed[i]?.[j] ?? 0;
    statistic += ((o - e) * (o - e)) / e;
    if (e < SMALL_EXPECTED) small++;
    min = Math.min(min, e);
  }));
  const df = (rows.length - 1) * (used.length - 1);
  const cells = rows.length * used.length;
  const warnings: CrosstabWarning[] = [];
  if (small / cells > SPARSE_SHARE) warnings.push({ code: 'sparse', cells: small, of: cells });
  if (min < 1) warnings.push({ code: 'belowOne', min });
  const p = Math.min(1, Math.max(0, 1 - jStat.chisquare.cdf(statistic, df)));
  const cramersV = Math.sqrt(statistic / (total * Math.min(rows.length - 1, used.length - 1)));
  return { ...base, test: { statistic, df, p, cramersV }, warnings };
}
