import fs from 'node:fs';
import path from 'node:path';
import { type ArticleVariables, VARIABLE_TABLE, type VariableProblem, type VariableTable, readVariableTable, tablePath } from '../core';

/**
 * The `tension-variables.csv` tables that apply to a run's files: for each file, the nearest one in its folder or a
 * folder above it, its paths relative to the table's folder. Each table is read once; its problems are kept to be
 * reported once.
 */
export class VariableTables {
  readonly #tableOfDir = new Map<string, { dir: string; table: VariableTable } | undefined>();
  readonly problems: VariableProblem[] = [];

  /** The table's variables for `file`, or undefined when no table lists it (stdin has none). */
  variablesOf(file: string): ArticleVariables | undefined {
    if (file === '-') return undefined;
    const absolute = path.resolve(file);
    const found = this.#tableFor(path.dirname(absolute));
    if (!found) return undefined;
    return found.table.rows.get(tablePath(path.relative(found.dir, absolute).split(path.sep).join('/')))?.variables;
  }

  #tableFor(dir: string): { dir: string; table: VariableTable } | undefined {
    if (this.#tableOfDir.has(dir)) return this.#tableOfDir.get(dir);
    const file = path.join(dir, VARIABLE_TABLE);
    let found: { dir: string; table: VariableTable } | undefined;
    if (fs.existsSync(file)) {
      let text: string | undefined;
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch (e) {
        this.problems.push({ file, line: 1, column: 1, message: `cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})` });
      }
      if (text !== undefined) {
        const table = readVariableTable(text, file);
        this.problems.push(...table.problems);
        found = { dir, table };
      }
    } else {
      const parent = path.dirname(dir);
      found = parent === dir ? undefined : this.#tableFor(parent);
    }
    this.#tableOfDir.set(dir, found);
    return found;
  }
}
