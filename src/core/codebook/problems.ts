/** A problem in an imported codebook file: 0-based line and UTF-16 character, as VS Code counts them. */
export interface CodebookProblem {
  readonly file: string;
  readonly line: number;
  readonly character: number;
  readonly message: string;
}

/** `file:line:col: message` with a 1-based line and column. */
export function formatCodebookProblem(p: CodebookProblem): string {
  return `${p.file}:${p.line + 1}:${p.character + 1}: ${p.message}`;
}

/** The tags read from an exchange file, or every problem found (never both, never a throw). */
export type ReadCodebook<T> = { readonly tags: readonly T[] } | { readonly problems: readonly CodebookProblem[] };
