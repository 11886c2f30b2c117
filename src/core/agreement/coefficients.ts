import type { Coefficient, TagAgreement, UnitCounts } from './types';

const undefinedFor = (counts: UnitCounts): Coefficient => ({ value: null, reason: counts.units === 0 ? 'no-units' : 'no-variation' });

/** Percent agreement, 0–100: units both marked plus units neither marked, over all units; null without units. */
export function percentAgreement(counts: UnitCounts): Coefficient {
  const { units, a, b, both } = counts;
  if (units === 0) return undefinedFor(counts);
  const neither = units - a - b + both;
  return { value: (100 * (both + neither)) / units };
}

/**
 * Cohen's κ for two coders and two categories (marked, unmarked): (pₒ − pₑ) / (1 − pₑ) with pₑ from each coder's own
 * marginals. Undefined (null, `no-variation`) when pₑ = 1: both coders put every unit in the same single category.
 */
export function cohenKappa(counts: UnitCounts): Coefficient {
  const { units: n, a, b, both } = counts;
  if (n === 0) return undefinedFor(counts);
  const agree = n - a - b + 2 * both;
  // In counts rather than shares, so a perfect agreement gives exactly 1: κ = (n·agree − e) / (n² − e), e = n²·pₑ.
  const expected = a * b + (n - a) * (n - b);
  const denominator = n * n - expected;
  if (denominator === 0) return undefinedFor(counts);
  return { value: (n * agree - expected) / denominator };
}

/**
 * Krippendorff's α (nominal) for two coders, no missing values, two categories: 1 − (m − 1)·D / (m₀·m₁), where m = 2·units
 * values are pairable, D is the number of units the coders disagree on (each gives o₀₁ = o₁₀ = D in the coincidence
 * matrix) and m₀, m₁ count the values in each category. Undefined (null, `no-variation`) when only one category occurs.
 */
export function krippendorffAlpha(counts: UnitCounts): Coefficient {
  const { units, a, b, both } = counts;
  if (units === 0) return undefinedFor(counts);
  const disagreements = a + b - 2 * both;
  const marked = a + b;
  const unmarked = 2 * units - marked;
  if (marked === 0 || unmarked === 0) return undefinedFor(counts);
  return { value: 1 - ((2 * units - 1) * disagreements) / (marked * unmarked) };
}

/** The three figures for a tag from its counts. */
export function tagAgreement(tag: string, counts: UnitCounts): TagAgreement {
  return { tag, ...counts, percent: percentAgreement(counts), kappa: cohenKappa(counts), alpha: krippendorffAlpha(counts) };
}
