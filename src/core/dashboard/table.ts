import type { ArticleRow } from './types';

/** A column of the overview to sort by: a fixed column or one axis's total (`axis:open-closed`). */
export type SortKey = 'path' | 'terms' | 'balance' | 'sites' | 'annotations' | `axis:${string}` | `var:${string}`;

/** How the overview table is shown: kept in the webview's state across reloads. */
export interface TableView {
  readonly sort: SortKey;
  readonly descending: boolean;
  /** Words that must all occur in a row's path or its variables' values (case-insensitive); empty shows every row. */
  readonly filter: string;
}

function keyOf(row: ArticleRow, sort: SortKey): number | string {
  if (sort === 'path') return row.path.toLowerCase();
  // A row without the variable sorts after every value when ascending (ties go by path).
  if (sort.startsWith('var:')) return row.variables?.[sort.slice(4)] ?? '\uffff';
  if (sort.startsWith('axis:')) {
    const axis = row.axes.find((a) => a.axis === sort.slice(5));
    return axis ? axis.a + axis.b : 0;
  }
  return row[sort as 'terms' | 'balance' | 'sites' | 'annotations'];
}

/** The rows the table shows, filtered then sorted (ties by path, so the order is stable across updates). */
export function visibleRows(rows: readonly ArticleRow[], view: TableView): ArticleRow[] {
  const words = view.filter.toLowerCase().split(/\s+/).filter((w) => w.length > 0);
  const haystack = (r: ArticleRow): string => [r.path, ...Object.values(r.variables ?? {})].join('\n').toLowerCase();
  const shown = words.length === 0 ? [...rows] : rows.filter((r) => {
    const text = haystack(r);
    return words.every((w) => text.includes(w));
  });
  const sign = view.descending ? -1 : 1;
  return shown.sort((x, y) => {
    const a = keyOf(x, view.sort);
    const b = keyOf(y, view.sort);
    const order = a < b ? -1 : a > b ? 1 : 0;
    return order !== 0 ? sign * order : x.path < y.path ? -1 : x.path > y.path ? 1 : 0;
  });
}
