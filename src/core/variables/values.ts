import { toIsoDate } from '../text/isoDate';
import type { ArticleVariables } from './types';

/**
 * Variables whose values are dates, by name: `date`, `published`, `publishDate`, `created_at`, `日期`, `发布时间` …
 * Their values are checked and kept as ISO dates, so `2024/5/1` and `2024年5月1日` fall into the same month.
 */
export function isDateVariable(name: string): boolean {
  return /date|日期|时间/i.test(name) || /^(?:published|updated|created|modified|imported|time)$/i.test(name) || /_at$/i.test(name);
}

/** A value as it is kept: trimmed text; for a date variable the ISO date, or an error saying how to write one. */
export function normaliseValue(name: string, raw: string): { value: string } | { error: string } {
  const text = raw.trim();
  if (!isDateVariable(name) || text === '') return { value: text };
  const iso = toIsoDate(text);
  return iso === undefined
    ? { error: `'${name}' is not a date: '${text}'; write it as 2024-05-01, 2024/5/1 or 2024年5月1日` }
    : { value: iso };
}

/**
 * An article's variables: those of its front matter, with the table's non-empty cells over them (the table is
 * where a user corrects an import, or gives plain text its attributes).
 */
export function mergeVariables(frontMatter: ArticleVariables, table: ArticleVariables | undefined): ArticleVariables {
  return table ? { ...frontMatter, ...table } : frontMatter;
}
