/** An article's attributes (document variables): name → value, as text; dates are ISO (`2024-05-01`). */
export type ArticleVariables = Readonly<Record<string, string>>;

/** A value that could not be used, where it is (1-based line and column in `file`), and how to fix it. */
export interface VariableProblem {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/** What reading one source of variables gave: the variables that could be used, and the problems of the others. */
export interface VariablesRead {
  readonly variables: ArticleVariables;
  readonly problems: readonly VariableProblem[];
}

/** `file:line:column: message`, the form editors and terminals link to the place. */
export function formatVariableProblem(p: VariableProblem): string {
  return `${p.file}:${p.line}:${p.column}: ${p.message}`;
}
