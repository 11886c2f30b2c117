import Papa from 'papaparse';

/** One CSV record and where it starts in the source (a UTF-16 offset), so a problem with it can name its line. */
export interface CsvRecord {
  readonly cells: string[];
  readonly offset: number;
  readonly errors: readonly Papa.ParseError[];
}

/**
 * The records of a CSV text (BOM already removed) through papaparse, blank lines included, each with its start
 * offset. Papaparse's cursor stops before a record's line break, so the next record starts after it (CRLF, LF or CR).
 * `delimiter` undefined: papaparse guesses it, as a table saved by a spreadsheet in another locale needs.
 */
export function csvRecords(source: string, delimiter?: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let offset = 0;
  Papa.parse<string[]>(source, {
    skipEmptyLines: false,
    ...(delimiter === undefined ? {} : { delimiter }),
    step: (result) => {
      records.push({ cells: result.data, offset, errors: result.errors });
      offset = result.meta.cursor;
      if (source[offset] === '\r') offset++;
      if (source[offset] === '\n') offset++;
    },
  });
  return records;
}
