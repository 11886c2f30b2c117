import type { TensionCounts } from './types';

/**
 * The counts of some of a corpus's files, in plain data (it crosses from a worker thread to the main one), with
 * where each term was first seen: `first[term]` is `[file index in path order, rank of the term in that file's
 * counts]`. Sums commute, and the earliest first sighting is a minimum, which commutes too: partial sums of any split
 * of the files, merged in any order, give the counts `sumCounts` gives over every file in path order, terms in the
 * same order.
 */
export interface PartialCounts {
  readonly total: number;
  readonly axes: Readonly<Record<string, { readonly total: number; readonly poles: Readonly<Record<string, number>> }>>;
  readonly terms: Readonly<Record<string, number>>;
  readonly first: Readonly<Record<string, readonly [number, number]>>;
}

/** Adds up counts file by file, or partial sums of other workers, in place (no new object per file). */
export class CountsSum {
  private total = 0;
  private readonly axes: Record<string, { total: number; poles: Record<string, number> }> = {};
  private readonly terms: Record<string, number> = {};
  private readonly first: Record<string, [number, number]> = {};

  /** Adds the counts of the file at `index` in path order. */
  add(counts: TensionCounts, index: number): void {
    this.total += counts.total;
    this.addAxes(counts.axes);
    let rank = 0;
    for (const [term, n] of Object.entries(counts.terms)) {
      this.terms[term] = (this.terms[term] ?? 0) + n;
      this.seen(term, index, rank++);
    }
  }

  /** Adds the partial sum of other files (another worker's). */
  merge(part: PartialCounts): void {
    this.total += part.total;
    this.addAxes(part.axes);
    for (const [term, n] of Object.entries(part.terms)) {
      this.terms[term] = (this.terms[term] ?? 0) + n;
      const [index, rank] = part.first[term] ?? [Number.MAX_SAFE_INTEGER, 0];
      this.seen(term, index, rank);
    }
  }

  /** The sum so far as plain data, to be merged elsewhere. */
  partial(): PartialCounts {
    return { total: this.total, axes: this.axes, terms: this.terms, first: this.first };
  }

  /** The counts of every file added or merged: terms in the order they first occur in path order. */
  value(): TensionCounts {
    const order = Object.keys(this.terms).sort((a, b) => {
      const [fa, ra] = this.first[a] ?? [0, 0];
      const [fb, rb] = this.first[b] ?? [0, 0];
      return fa - fb || ra - rb;
    });
    const terms: Record<string, number> = {};
    for (const term of order) terms[term] = this.terms[term] ?? 0;
    return { total: this.total, axes: this.axes, terms };
  }

  /** Every file's axes come in lexicon order with every pole present, so the first one added sets the order. */
  private addAxes(axes: PartialCounts['axes']): void {
    for (const [id, a] of Object.entries(axes)) {
      const sum = (this.axes[id] ??= { total: 0, poles: {} });
      sum.total += a.total;
      for (const [pole, n] of Object.entries(a.poles)) sum.poles[pole] = (sum.poles[pole] ?? 0) + n;
    }
  }

  private seen(term: string, index: number, rank: number): void {
    const was = this.first[term];
    if (!was || index < was[0] || (index === was[0] && rank < was[1])) this.first[term] = [index, rank];
  }
}
