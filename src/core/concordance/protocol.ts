import { KWIC_SORTS, type KwicLine, type KwicSort } from './kwic';

/** A concordance line as the view holds it: its id (what the view sends back) and the file it opens. */
export interface ViewLine extends KwicLine {
  readonly id: number;
}

/** The view's strings, in the display language (a webview has no l10n of its own). */
export interface ConcordanceStrings {
  readonly title: string;
  readonly query: string;
  readonly search: string;
  readonly cancel: string;
  readonly sort: string;
  readonly sortLeft: string;
  readonly sortRight: string;
  readonly sortFile: string;
  readonly sortPosition: string;
  readonly filterFile: string;
  readonly filterPole: string;
  readonly anyPole: string;
  readonly negated: string;
  readonly negatedAny: string;
  readonly negatedYes: string;
  readonly negatedNo: string;
  readonly file: string;
  readonly left: string;
  readonly match: string;
  readonly right: string;
  readonly markAll: string;
  readonly annotate: string;
  readonly exportCsv: string;
  /** The HTML report of the workspace with this concordance as a section. */
  readonly exportHtml: string;
  /** "{0} lines in {1} files" and the like, {0}… filled by the view. */
  readonly scanning: string;
  readonly found: string;
  readonly cancelled: string;
  readonly marked: string;
  readonly keys: string;
}

/** From the extension to the concordance view. */
export type ToConcordanceView =
  | { readonly type: 'start'; readonly query: string; readonly strings: ConcordanceStrings }
  | { readonly type: 'lines'; readonly lines: readonly ViewLine[]; readonly files: number; readonly total: number }
  | { readonly type: 'done'; readonly cancelled: boolean }
  | { readonly type: 'error'; readonly message: string }
  | { readonly type: 'annotated'; readonly ids: readonly number[] };

/** From the concordance view to the extension. */
export type FromConcordanceView =
  | { readonly type: 'ready' }
  | { readonly type: 'search'; readonly query: string }
  | { readonly type: 'cancel' }
  | { readonly type: 'open'; readonly id: number }
  | { readonly type: 'annotate'; readonly ids: readonly number[] }
  | { readonly type: 'export'; readonly ids: readonly number[] }
  | { readonly type: 'exportHtml'; readonly sort: KwicSort };

/** A message from the view, checked field by field (a webview is another page: never trust its shape). */
export function decodeFromConcordanceView(value: unknown): FromConcordanceView | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const m = value as Record<string, unknown>;
  const ids = (x: unknown): number[] | undefined => (Array.isArray(x) && x.every((n) => Number.isInteger(n)) ? (x as number[]) : undefined);
  switch (m.type) {
    case 'ready':
    case 'cancel':
      return { type: m.type };
    case 'search':
      return typeof m.query === 'string' ? { type: 'search', query: m.query } : undefined;
    case 'open':
      return Number.isInteger(m.id) ? { type: 'open', id: m.id as number } : undefined;
    case 'exportHtml':
      return typeof m.sort === 'string' && (KWIC_SORTS as readonly string[]).includes(m.sort) ? { type: 'exportHtml', sort: m.sort as KwicSort } : undefined;
    case 'annotate':
    case 'export': {
      const list = ids(m.ids);
      return list ? { type: m.type, ids: list } : undefined;
    }
    default:
      return undefined;
  }
}
