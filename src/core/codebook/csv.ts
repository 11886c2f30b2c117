import Papa from 'papaparse';
import { guardCell } from '../export/csv';
import { stripBom } from '../text/chinese';
import { csvRecords } from '../text/csvRecords';
import { LineIndex } from '../text/lines';
import { labelKey } from './file';
import type { CodebookProblem, ReadCodebook } from './problems';
import type { CodebookTag } from './types';

/** The codebook CSV's columns. */
export const CODEBOOK_CSV_COLUMNS = ['label', 'color', 'description'] as const;

const BOM = '\uFEFF';
const RGB = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;

/** `label,color,description`, one row per tag: UTF-8 with a BOM, CRLF, RFC 4180 quoting, formula-like cells guarded. */
export function writeCodebookCsv(tags: readonly CodebookTag[]): string {
  const rows = tags.map((t) => [t.label, t.color ?? '', t.description ?? ''].map(guardCell));
  return `${BOM}${Papa.unparse({ fields: [...CODEBOOK_CSV_COLUMNS], data: rows }, { newline: '\r\n' })}\r\n`;
}

/** Undoes `guardCell`: the apostrophe it put before a formula-like cell. */
const unguard = (cell: string): string => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

/**
 * The tags of a codebook CSV: a header naming a `label` column (any case; `name` and `code` are accepted too) and
 * optionally `color`/`colour` and `description`/`memo`; other columns are ignored. Blank rows are skipped; an empty
 * label, a label given twice or a colour that is not `#rgb`/`#rrggbb` is a problem with its line.
 */
export function readCodebookCsv(text: string, file: string): ReadCodebook<CodebookTag> {
  const body = stripBom(text);
  const lines = LineIndex.of(body);
  const rows = csvRecords(body, ',');
  const errors: CodebookProblem[] = rows.flatMap((row) => row.errors.map((e) => ({ file, ...lines.positionAt(Math.min(row.offset, body.length)), message: `CSV: ${e.message}` })));
  if (errors.length > 0) return { problems: errors };
  const header = rows.shift();
  const at = (o: number, message: string): CodebookProblem => ({ file, ...lines.positionAt(o), message });
  if (!header || header.cells.every((c) => c.trim() === '')) return { problems: [at(0, 'empty file: expected a header row label,color,description')] };
  const names = header.cells.map((c) => c.trim().toLowerCase());
  const column = (...aliases: string[]): number => names.findIndex((n) => aliases.includes(n));
  const label = column('label', 'name', 'code');
  const color = column('color', 'colour');
  const description = column('description', 'memo', 'definition');
  if (label < 0) return { problems: [at(0, `no label column in the header (${header.cells.join(',')}); expected label,color,description`)] };
  const tags: CodebookTag[] = [];
  const problems: CodebookProblem[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    if (row.cells.every((c) => c.trim() === '')) continue;
    const cell = (i: number): string => (i < 0 ? '' : unguard(row.cells[i] ?? ''));
    const name = labelKey(cell(label));
    const hex = cell(color).trim();
    const memo = cell(description);
    if (name === '') problems.push(at(row.offset, 'a row without a label'));
    else if (seen.has(name)) problems.push(at(row.offset, `the label '${name}' is given twice`));
    else if (hex !== '' && !RGB.test(hex)) problems.push(at(row.offset, `colour '${hex}' of '${name}' is not #rgb or #rrggbb`));
    else {
      seen.add(name);
      tags.push({ label: name, ...(hex && { color: hex }), ...(memo.trim() && { description: memo }) });
    }
  }
  return problems.length > 0 ? { problems } : { tags };
}
