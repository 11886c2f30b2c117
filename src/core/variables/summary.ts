import type { AxisPoles } from '../dashboard/counts';
import { axisCounts } from '../dashboard/counts';
import type { Group } from './groupBy';

/** Counts per this many characters: the rate that makes groups of different sizes comparable. */
export const RATE_BASE = 10_000;

/** One axis in one group: the poles' counts, the first pole's share, and hits per 10,000 characters. */
export interface AxisBalance {
  readonly axis: string;
  readonly a: number;
  readonly b: number;
  /** a / (a + b), 0–1; null when the axis has no hits in the group. */
  readonly shareA: number | null;
  /** (a + b) per 10,000 characters; 0 when the group has no characters. */
  readonly rate: number;
  readonly rateA: number;
  readonly rateB: number;
}

/** A group as the dashboard and the reports show it: its size, its rate of terms and each axis' balance. */
export interface GroupSummary extends Group {
  /** All term hits per 10,000 characters. */
  readonly rate: number;
  readonly axes: readonly AxisBalance[];
}

const per = (n: number, characters: number): number => (characters > 0 ? (n * RATE_BASE) / characters : 0);

export function summariseGroup(group: Group, axes: readonly AxisPoles[]): GroupSummary {
  return {
    ...group,
    rate: per(group.counts.total, group.characters),
    axes: axisCounts(group.counts, axes).map(({ axis, a, b }) => ({
      axis, a, b, shareA: a + b === 0 ? null : a / (a + b),
      rate: per(a + b, group.characters), rateA: per(a, group.characters), rateB: per(b, group.characters),
    })),
  };
}
