import Papa from 'papaparse';
import type { ArticleData, ExportData } from './collect';
import type { AnnotationItem, PairItem, TermItem } from './types';

/** Excel reads a CSV file as UTF-8 (and shows Chinese) only when it starts with a BOM. */
const BOM = '\uFEFF';

/** Columns of the item table: annotations and term occurrences share one shape, so `report` mixes them. */
export const ITEM_COLUMNS = [
  'kind', 'file', 'line', 'column', 'start', 'end', 'text', 'axis', 'pole', 'term', 'tags', 'note', 'context', 'pinyin', 'negated', 'state',
  // Added for team coding (#21); appended so that existing column positions stay.
  'coder',
] as const;

/**
 * Appended to the item table only when the export holds a tension pair (#19), so every other export keeps its exact
 * header: a `pair` row has its first end in the item columns and its second end here; other rows leave them empty.
 */
export const PAIR_COLUMNS = ['textB', 'lineB', 'columnB', 'startB', 'endB', 'stateB'] as const;

/** Columns of the statistics table: one row per file and term that occurs, labels beside the ids. */
export const STATS_COLUMNS = ['file', 'axis', 'axisLabel', 'pole', 'poleLabel', 'term', 'termLabel', 'pinyin', 'count'] as const;

/** Columns of the tension-site table. */
export const SITE_COLUMNS = ['file', 'line', 'column', 'start', 'end', 'axis', 'text', 'poleA', 'termsA', 'poleB', 'termsB', 'markers'] as const;

type Row = readonly (string | number)[];

/** A cell a spreadsheet could read as a formula: its first character, whatever follows (line breaks included). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell as written: text starting like a formula gets a leading apostrophe. Papaparse's own `escapeFormulae`
 * tests a pattern that does not match across a line break, so a multi-line note starting with `=` slipped through.
 */
export function guardCell(value: string | number): string | number {
  return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;
}

/** Several values in one cell. */
const list = (values: readonly string[]): string => values.join('; ');

function annotationRow(a: AnnotationItem): Row {
  return ['annotation', a.file, a.line, a.column, a.start, a.end, a.text, '', '', '', list(a.tags.map((t) => t.label)), a.note, a.context, a.pinyin, '', a.state, a.coder ?? ''];
}

function termRow(t: TermItem): Row {
  return ['term', t.file, t.line, t.column, t.start, t.end, t.text, t.axis, t.pole, t.term, '', '', t.context, t.pinyin, t.negated ? 'true' : 'false', '', ''];
}

/** A tension pair: its first end where an annotation row has its place, the second end in the B columns. */
function pairRow(p: PairItem): Row {
  const [a, b] = p.ends;
  return ['pair', p.file, a.line, a.column, a.start, a.end, a.text, p.axis, '', '', '', p.note, '', '', '', a.state, p.coder ?? '', b.text, b.line, b.column, b.start, b.end, b.state];
}

function statsRows(data: ExportData): Row[] {
  const { language } = data.request;
  const rows: Row[] = [];
  for (const { article } of data.articles) {
    const { terms } = article.analysis.counts;
    for (const axis of data.request.lexicon.axes) {
      for (const pole of axis.poles) {
        for (const term of pole.terms) {
          const count = terms[term.id] ?? 0;
          if (count > 0) rows.push([article.path, axis.id, axis.label[language], pole.id, pole.label[language], term.id, term.label[language], term.pinyin ?? '', count]);
        }
      }
    }
  }
  return rows;
}

/**
 * The CSV export (RFC 4180 through papaparse: CRLF rows, fields with quotes, commas or line breaks quoted),
 * UTF-8 with a BOM. One row per item; `stats` and `sites` have tables of their own. Cells starting with = + - @,
 * a tab or a CR get a leading apostrophe (`guardCell`), so a spreadsheet never runs article text as a formula.
 */
/**
 * The variable columns after the table's own: each named as its variable, or `var_NAME` where that name is one of
 * the table's columns already, so no header is ever given twice.
 */
function variableHeaders(data: ExportData, fields: readonly string[]): string[] {
  return data.variables.map((v) => (fields.includes(v) ? `var_${v}` : v));
}

export function writeCsv(data: ExportData): string {
  const { what } = data.request;
  const paired = what !== 'stats' && what !== 'sites' && data.articles.some((a) => a.pairs.length > 0);
  const fields: readonly string[] = what === 'stats' ? STATS_COLUMNS : what === 'sites' ? SITE_COLUMNS : paired ? [...ITEM_COLUMNS, ...PAIR_COLUMNS] : ITEM_COLUMNS;
  const noB = PAIR_COLUMNS.map(() => '');
  // The stats rows are built for all articles at once; they are one article's when built from a list of one.
  const rowsOf = (a: ArticleData): Row[] => (what === 'stats' ? statsRows({ ...data, articles: [a] })
    : what === 'sites' ? a.sites.map((s) => [
      s.file, s.line, s.column, s.start, s.end, s.axis, s.text, s.poleA.pole, list(s.poleA.terms), s.poleB.pole, list(s.poleB.terms), list(s.markers),
    ])
    : paired ? [...a.annotations.map((x) => [...annotationRow(x), ...noB]), ...a.pairs.map(pairRow), ...a.terms.map((t) => [...termRow(t), ...noB])]
      : [...a.annotations.map(annotationRow), ...a.terms.map(termRow)]);
  const rows = data.articles.flatMap((a) => {
    const values = data.variables.map((v) => a.article.variables?.[v] ?? '');
    return rowsOf(a).map((r) => [...r, ...values]);
  });
  const header = [...fields, ...variableHeaders(data, fields)];
  return BOM + Papa.unparse({ fields: header, data: rows.map((r) => r.map(guardCell)) }, { newline: '\r\n' }) + '\r\n';
}
