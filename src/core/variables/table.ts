import Papa from 'papaparse';
import { stripBom } from '../text/chinese';
import { csvRecords } from '../text/csvRecords';
import type { ArticleVariables, VariableProblem } from './types';
import { normaliseValue } from './values';

/** The workspace table's file name: beside the articles, at the workspace (or corpus) root. */
export const VARIABLE_TABLE = 'tension-variables.csv';

/** One article's row of the table: its variables (empty cells left out) and the line the row starts on. */
export interface TableRow {
  readonly path: string;
  readonly line: number;
  readonly variables: ArticleVariables;
}

/** The table as read: the variable columns in order, the rows by normalised path, and the problems found. */
export interface VariableTable {
  /** The header of the path column, as written (kept when the table is written back). */
  readonly pathColumn: string;
  readonly columns: readonly string[];
  readonly rows: ReadonlyMap<string, TableRow>;
  readonly problems: readonly VariableProblem[];
  /** True when the file could not be read as a table at all (unbalanced quotes …): it must not be written over. */
  readonly malformed: boolean;
}

/** A path as the table and the lookups compare it: forward slashes, no leading `./`, NFC. */
export function tablePath(path: string): string {
  return path.normalize('NFC').replace(/\\/g, '/').replace(/^(?:\.\/)+/, '').trim();
}

/**
 * Reads `tension-variables.csv`: UTF-8 with or without a BOM, CRLF or LF, as Excel and LibreOffice save it. The
 * first column is the article's path relative to the table's folder; each other column is a variable named by its
 * header. Bad values (an impossible date, a row with too many cells, a path given twice) are reported with the line
 * and column and left out; the row keeps its other variables.
 */
export function readVariableTable(text: string, file: string): VariableTable {
  const source = stripBom(text);
  const problems: VariableProblem[] = [];
  const records: { cells: string[]; line: number }[] = [];
  const lineAt = lineCounter(source);
  let malformed = false;
  for (const record of csvRecords(source)) {
    const line = lineAt(record.offset);
    for (const e of record.errors) {
      if (e.type === 'Quotes') {
        malformed = true;
        problems.push({ file, line, column: 1, message: `${e.message}; close the quoted cell (a quote inside a cell is written "")` });
      }
    }
    const { cells } = record;
    if (cells.length === 1 && (cells[0] ?? '').trim() === '') continue; // a blank line
    records.push({ cells, line });
  }
  const header = records.shift();
  if (!header) return { pathColumn: 'path', columns: [], rows: new Map(), problems, malformed };
  const pathColumn = (header.cells[0] ?? '').trim() || 'path';
  const columns: (string | undefined)[] = [];
  const seen = new Set<string>();
  header.cells.slice(1).forEach((raw, i) => {
    const name = raw.trim();
    if (name === '' || seen.has(name)) {
      problems.push({ file, line: header.line, column: i + 2, message: name === '' ? 'a column has no name; give it a header or delete it' : `column '${name}' is given twice; rename or merge one` });
      columns.push(undefined);
    } else {
      seen.add(name);
      columns.push(name);
    }
  });
  const rows = new Map<string, TableRow>();
  for (const { cells, line } of records) {
    const path = tablePath(cells[0] ?? '');
    if (path === '') {
      if (cells.some((c) => c.trim() !== '')) problems.push({ file, line, column: 1, message: 'the row names no article; put its path in the first column' });
      continue;
    }
    if (cells.length > header.cells.length) {
      problems.push({ file, line, column: header.cells.length + 1, message: `the row has ${cells.length} cells, the header ${header.cells.length}; the extra cells are ignored (a comma inside a value needs "quotes")` });
    }
    const earlier = rows.get(path);
    if (earlier) {
      problems.push({ file, line, column: 1, message: `'${path}' is listed again (first on line ${earlier.line}); this row is ignored` });
      continue;
    }
    const variables: Record<string, string> = {};
    columns.forEach((name, i) => {
      const cell = cells[i + 1];
      if (name === undefined || cell === undefined) return;
      const normal = normaliseValue(name, cell);
      if ('error' in normal) problems.push({ file, line, column: i + 2, message: normal.error });
      else if (normal.value !== '') variables[name] = normal.value;
    });
    rows.set(path, { path, line, variables });
  }
  return { pathColumn, columns: columns.filter((c): c is string => c !== undefined), rows, problems, malformed };
}

/** 1-based line of an offset, for offsets asked in increasing order. */
function lineCounter(text: string): (offset: number) => number {
  let line = 1;
  let at = 0;
  return (offset) => {
    for (; at < offset && at < text.length; at++) if (text.charCodeAt(at) === 10) line++;
    return line;
  };
}

/**
 * The table's text with one cell set: the article's row (added when missing) in the variable's column (added when
 * missing). The BOM and the line ends of the file are kept, as Excel wrote them; a new table gets a BOM, so Excel
 * reads it as UTF-8. The caller refuses a table that `readVariableTable` found malformed: this never rewrites one.
 */
export function setTableValue(text: string, article: string, name: string, value: string): string {
  const bom = text.length === 0 || text.charCodeAt(0) === 0xfeff;
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const newline = source.includes('\r\n') || source.trim() === '' ? '\r\n' : '\n';
  const rows = source.trim() === '' ? [] : Papa.parse<string[]>(source, { skipEmptyLines: 'greedy' }).data.map((r) => [...r]);
  const header = rows[0] ?? ['path'];
  if (rows.length === 0) rows.push(header);
  let column = header.findIndex((h, i) => i > 0 && h.trim() === name);
  if (column < 0) {
    header.push(name);
    column = header.length - 1;
  }
  const key = tablePath(article);
  let row = rows.slice(1).find((r) => tablePath(r[0] ?? '') === key);
  if (!row) {
    row = [key];
    rows.push(row);
  }
  for (const r of rows) while (r.length < header.length) r.push('');
  row[column] = value;
  return `${bom ? '\uFEFF' : ''}${Papa.unparse(rows, { newline })}${newline}`;
}
