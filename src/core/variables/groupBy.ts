import type { TensionCounts } from '../analyze/types';
import { sumCounts } from '../dashboard/model';
import type { ArticleVariables } from './types';

/** How dates are put together: per calendar year, quarter or month. */
export type DatePeriod = 'year' | 'quarter' | 'month';
export const DATE_PERIODS: readonly DatePeriod[] = ['year', 'quarter', 'month'];

/** What articles are grouped by: a variable, and for a date variable the period its values fall into. */
export interface GroupBy {
  readonly key: string;
  readonly period?: DatePeriod;
}

/** `source`, `date:year`, `date:quarter`, `date:month` (the CLI's `--by`), or why it is not one. */
export function parseGroupBy(spec: string): GroupBy | { readonly error: string } {
  const at = spec.lastIndexOf(':');
  const tail = at < 0 ? '' : spec.slice(at + 1);
  const period = DATE_PERIODS.find((p) => p === tail);
  const key = (period ? spec.slice(0, at) : spec).trim();
  if (key === '') return { error: `'${spec}' names no variable; give one, e.g. source or date:year` };
  return period ? { key, period } : { key };
}

/** `--by`'s text for a grouping: the inverse of `parseGroupBy`. */
export function groupByText(by: GroupBy): string {
  return by.period ? `${by.key}:${by.period}` : by.key;
}

/**
 * The group an article's variables put it in: the value, or for a period its year (`2024`), quarter (`2024-Q2`) or
 * month (`2024-05`); null when the article lacks the variable or its date is less precise than the period.
 */
export function groupValue(variables: ArticleVariables, by: GroupBy): string | null {
  const value = variables[by.key];
  if (value === undefined || value === '') return null;
  if (!by.period) return value;
  const m = /^(\d{4})(?:-(\d{2}))?/.exec(value);
  if (!m) return null;
  const [, year, month] = m;
  if (by.period === 'year') return year ?? null;
  if (month === undefined) return null;
  return by.period === 'month' ? `${year}-${month}` : `${year}-Q${Math.ceil(Number(month) / 3)}`;
}

/** What grouping needs of one article. `characters` is the text's length in UTF-16 units, as the dashboard's rows. */
export interface GroupInput {
  readonly characters: number;
  readonly counts: TensionCounts;
  readonly variables: ArticleVariables;
}

/** One group: `stats --by`'s entry (the README's contract), its counts in the shape of `totals`. */
export interface Group {
  readonly value: string | null;
  readonly files: number;
  readonly characters: number;
  readonly counts: TensionCounts;
}

/** Values in order: text by code point (ISO dates and periods sort by time), the articles with no value last. */
export function compareGroupValues(x: string | null, y: string | null): number {
  if (x === y) return 0;
  if (x === null) return 1;
  if (y === null) return -1;
  return x < y ? -1 : 1;
}

/** The articles' groups: every article in exactly one, so the groups' counts add up to the totals. */
export function groupArticles(articles: Iterable<GroupInput>, by: GroupBy): Group[] {
  const members = new Map<string | null, GroupInput[]>();
  for (const a of articles) {
    const value = groupValue(a.variables, by);
    const list = members.get(value);
    if (list) list.push(a);
    else members.set(value, [a]);
  }
  return [...members].map(([value, list]) => ({
    value, files: list.length, characters: list.reduce((n, a) => n + a.characters, 0), counts: sumCounts(list.map((a) => a.counts)),
  })).sort((x, y) => compareGroupValues(x.value, y.value));
}

/** Groups of several shards of a corpus as one: the same value's files, characters and counts added. */
export function mergeGroups(shards: readonly (readonly Group[])[]): Group[] {
  const byValue = new Map<string | null, Group[]>();
  for (const g of shards.flat()) {
    const list = byValue.get(g.value);
    if (list) list.push(g);
    else byValue.set(g.value, [g]);
  }
  return [...byValue].map(([value, list]) => ({
    value, files: list.reduce((n, g) => n + g.files, 0), characters: list.reduce((n, g) => n + g.characters, 0), counts: sumCounts(list.map((g) => g.counts)),
  })).sort((x, y) => compareGroupValues(x.value, y.value));
}
