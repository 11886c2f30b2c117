import {
  COOCCURRENCE_OFS, type CooccurrenceOf, DEFAULT_KWIC_WIDTH, KWIC_SORTS, type KwicSort, QueryError, WINDOW_KINDS, type WindowKind,
} from '../core';
import { checkKwicQuery } from './retrieve';

/** The command-line values of the HTML report's extra sections. */
export interface ExportSectionValues {
  readonly format?: string;
  readonly cooccur?: boolean;
  readonly kwic?: string;
  readonly window?: string;
  readonly of?: string;
  readonly width?: string;
  readonly sort?: string;
}

/** What the report adds: the request's `cooccurrence` and `concordance`. */
export interface ExportSections {
  readonly cooccurrence?: { readonly window: WindowKind; readonly of: CooccurrenceOf };
  readonly concordance?: { readonly query: string; readonly width: number; readonly sort: KwicSort };
}

const MAX_WIDTH = 1000;

/**
 * `export --format html --cooccur [--window W] [--of O] --kwic QUERY [--width N] [--sort S]`: the sections the
 * report adds, with `cooccur`'s and `kwic`'s defaults and checks (the query against the lexicon, before any file
 * is read). Throws `RangeError` with the message to show (a usage error) for an option out of place or malformed.
 */
export function parseExportSections(values: ExportSectionValues, lexiconFiles: readonly string[]): ExportSections {
  const cooccurOnly = (['window', 'of'] as const).filter((k) => values[k] !== undefined);
  const kwicOnly = (['width', 'sort'] as const).filter((k) => values[k] !== undefined);
  if (!values.cooccur && cooccurOnly.length > 0) throw new RangeError(`--${cooccurOnly[0] ?? ''} goes with --cooccur (or the cooccur command): tension-lens export --format html --cooccur --window paragraph PATH...`);
  if (values.kwic === undefined && kwicOnly.length > 0) throw new RangeError(`--${kwicOnly[0] ?? ''} goes with --kwic (or the kwic command): tension-lens export --format html --kwic 'pole:open' --sort right PATH...`);
  if ((values.cooccur || values.kwic !== undefined) && values.format !== 'html') {
    throw new RangeError(`--${values.cooccur ? 'cooccur' : 'kwic'} adds a section to the HTML report: use it with --format html`);
  }
  let cooccurrence: ExportSections['cooccurrence'];
  if (values.cooccur) {
    const window = values.window ?? 'sentence';
    if (!(WINDOW_KINDS as readonly string[]).includes(window)) throw new RangeError(`--window must be sentence, paragraph or section, not '${window}'`);
    const of = values.of ?? 'poles';
    if (!(COOCCURRENCE_OFS as readonly string[]).includes(of)) throw new RangeError(`--of must be poles, tags or both, not '${of}'`);
    cooccurrence = { window: window as WindowKind, of: of as CooccurrenceOf };
  }
  let concordance: ExportSections['concordance'];
  if (values.kwic !== undefined) {
    if (values.kwic.trim() === '') throw new RangeError('--kwic needs a query, e.g. --kwic \'pole:open NEAR/20 pole:profit\'');
    try {
      checkKwicQuery(values.kwic, lexiconFiles);
    } catch (e) {
      if (e instanceof QueryError) throw new RangeError(`--kwic: ${e.message}`);
      throw e;
    }
    const width = values.width === undefined ? DEFAULT_KWIC_WIDTH : Number(values.width);
    if (!Number.isInteger(width) || width < 0 || width > MAX_WIDTH) throw new RangeError(`--width must be a whole number from 0 to ${MAX_WIDTH}, not '${values.width ?? ''}'`);
    const sort = values.sort ?? 'position';
    if (!(KWIC_SORTS as readonly string[]).includes(sort)) throw new RangeError(`--sort must be left, right, file or position, not '${sort}'`);
    concordance = { query: values.kwic, width, sort: sort as KwicSort };
  }
  return { ...(cooccurrence ? { cooccurrence } : {}), ...(concordance ? { concordance } : {}) };
}
