import type { TensionCounts } from '../analyze/types';
import type { AxisCount } from './types';

/** What `axisCounts` needs of an axis: a lexicon axis and a `DashboardAxis` both fit. */
export interface AxisPoles {
  readonly id: string;
  readonly poles: readonly [{ readonly id: string }, { readonly id: string }];
}

/**
 * Per-axis pole counts in the order of the axes (`a` first pole, `b` second); an axis with no hits counts 0:0.
 * Takes the axes, or anything holding them (a `Lexicon`).
 */
export function axisCounts(counts: TensionCounts, axes: readonly AxisPoles[] | { readonly axes: readonly AxisPoles[] }): AxisCount[] {
  const list = 'axes' in axes ? axes.axes : axes;
  return list.map((axis) => {
    const poles = counts.axes[axis.id]?.poles ?? {};
    return { axis: axis.id, a: poles[axis.poles[0].id] ?? 0, b: poles[axis.poles[1].id] ?? 0 };
  });
}

/** The weaker pole over the stronger one, summed over axes: 1 evenly split, 0 one-sided or empty. */
export function balanceOf(axes: readonly AxisCount[]): number {
  let weaker = 0;
  let stronger = 0;
  for (const { a, b } of axes) {
    weaker += Math.min(a, b);
    stronger += Math.max(a, b);
  }
  return stronger === 0 ? 0 : weaker / stronger;
}
