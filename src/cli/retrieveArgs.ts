import {
  COOCCURRENCE_OFS, type CooccurrenceOf, DEFAULT_KWIC_WIDTH, KWIC_SORTS, type KwicSort, QueryError, WINDOW_KINDS, type WindowKind, atomQuery,
} from '../core';
import type { RetrievalRequest } from './retrieve';
import { checkKwicQuery } from './retrieve';

/** The command-line values kwic and cooccur read. */
export interface RetrievalValues {
  readonly json?: boolean;
  readonly term?: string;
  readonly pole?: string;
  readonly axis?: string;
  readonly tag?: string;
  readonly text?: string;
  readonly query?: string;
  readonly width?: string;
  readonly sort?: string;
  readonly window?: string;
  readonly of?: string;
  readonly 'sidecar-folder'?: string;
}

const SELECTORS = ['term', 'pole', 'axis', 'tag', 'text', 'query'] as const;
const MAX_WIDTH = 1000;

/**
 * The request for `kwic` or `cooccur` from its options, the query checked against the lexicon. Throws `RangeError`
 * with the message to show (a usage error: exit 2) for a missing, doubled or malformed option.
 */
export function parseRetrieval(command: 'kwic' | 'cooccur', values: RetrievalValues, base: RetrievalRequest['base'], jobs: number): RetrievalRequest {
  const given = SELECTORS.filter((k) => values[k] !== undefined);
  const forKwic = [...given, ...(['width', 'sort'] as const).filter((k) => values[k] !== undefined)];
  const forCooccur = (['window', 'of'] as const).filter((k) => values[k] !== undefined);
  if (command === 'cooccur' && forKwic.length > 0) throw new RangeError(`--${forKwic[0] ?? ''} is for kwic; cooccur takes --window and --of`);
  if (command === 'kwic' && forCooccur.length > 0) throw new RangeError(`--${forCooccur[0] ?? ''} is for cooccur; kwic takes --term, --pole, --axis, --tag, --text or --query`);
  let query = '';
  if (command === 'kwic') {
    if (given.length !== 1) {
      throw new RangeError(given.length === 0 ? 'kwic needs what to look for: --term ID, --pole ID, --axis ID, --tag LABEL, --text STRING or --query Q'
        : `kwic looks for one thing at a time: choose one of ${given.map((k) => `--${k}`).join(', ')} (or combine them in --query)`);
    }
    const key = given[0] as (typeof SELECTORS)[number];
    const value = values[key] ?? '';
    if (value === '') throw new RangeError(`--${key} needs a value`);
    query = key === 'query' ? value : atomQuery(key, value);
    try {
      checkKwicQuery(query, base.lexiconFiles);
    } catch (e) {
      if (e instanceof QueryError) throw new RangeError(key === 'query' ? e.message : `--${key} ${value}: ${e.expected.replace(/^the id of/, 'not the id of')}`);
      throw e;
    }
  }
  const width = values.width === undefined ? DEFAULT_KWIC_WIDTH : Number(values.width);
  if (!Number.isInteger(width) || width < 0 || width > MAX_WIDTH) throw new RangeError(`--width must be a whole number from 0 to ${MAX_WIDTH}, not '${values.width ?? ''}'`);
  const sort = values.sort ?? 'position';
  if (!(KWIC_SORTS as readonly string[]).includes(sort)) throw new RangeError(`--sort must be left, right, file or position, not '${sort}'`);
  const window = values.window ?? 'sentence';
  if (!(WINDOW_KINDS as readonly string[]).includes(window)) throw new RangeError(`--window must be sentence, paragraph or section, not '${window}'`);
  const of = values.of ?? 'poles';
  if (!(COOCCURRENCE_OFS as readonly string[]).includes(of)) throw new RangeError(`--of must be poles, tags or both, not '${of}'`);
  return {
    command, json: values.json ?? false, query, width, sort: sort as KwicSort, window: window as WindowKind, of: of as CooccurrenceOf, base, jobs,
    ...(values['sidecar-folder'] === undefined ? {} : { sidecarFolder: values['sidecar-folder'] }),
  };
}
