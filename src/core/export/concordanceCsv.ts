import Papa from 'papaparse';
import type { KwicLine } from '../concordance/kwic';
import { guardCell } from './csv';

/** Columns of the concordance CSV: one row per line, 1-based line and column as the other exports. */
export const CONCORDANCE_COLUMNS = ['file', 'line', 'column', 'start', 'end', 'left', 'match', 'right', 'term', 'axis', 'pole', 'negated'] as const;

/**
 * A concordance as CSV (UTF-8 with a BOM, CRLF rows), in the order given; cells that a spreadsheet would read as a
 * formula get a leading apostrophe, as in every CSV export.
 */
export function writeConcordanceCsv(lines: readonly KwicLine[]): string {
  const rows = lines.map((l) => [
    l.path, l.line + 1, l.character + 1, l.start, l.end, l.left, l.match, l.right, l.term ?? '', l.axis ?? '', l.pole ?? '', l.negated ? 'true' : 'false',
  ].map(guardCell));
  return `\uFEFF${Papa.unparse({ fields: [...CONCORDANCE_COLUMNS], data: rows }, { newline: '\r\n' })}\r\n`;
}
