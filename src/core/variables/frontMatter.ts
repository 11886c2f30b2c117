import { frontMatterSpan } from '../parse/frontMatter';
import type { VariableProblem, VariablesRead } from './types';
import { normaliseValue } from './values';
import { readYaml } from './yaml';

/**
 * The variables in a Markdown article's YAML front matter: every top-level key with a scalar value (a list of
 * scalars is joined with ", "). The block is found by the same rule the parser uses to keep it out of the analysis.
 * A value that cannot be used is reported at its line and column, and the article keeps its other variables: when
 * the YAML as a whole does not parse, each top-level `key: value` line is read on its own.
 */
export function readFrontMatter(text: string, file: string): VariablesRead {
  const span = frontMatterSpan(text);
  if (!span) return { variables: {}, problems: [] };
  const yaml = text.slice(span.start, span.end);
  // Line numbers in the file: the opening fence is line 1.
  const firstLine = 2;
  const problems: VariableProblem[] = [];
  const variables: Record<string, string> = {};
  const read = readYaml(yaml);
  let parsed: unknown;
  if ('value' in read) parsed = read.value;
  else {
    const lines = lineByLine(yaml);
    parsed = lines.values;
    const bad = lines.bad.length > 0 ? lines.bad : [read.error];
    for (const b of bad) {
      problems.push({ file, line: firstLine + b.line, column: b.column + 1, message: `front matter is not valid YAML here (${b.reason}); the other lines were read one by one` });
    }
  }
  if (parsed === null || parsed === undefined) return { variables, problems };
  if (typeof parsed !== 'object' || Array.isArray(parsed)) {
    problems.push({ file, line: firstLine, column: 1, message: 'front matter is not a list of key: value lines' });
    return { variables, problems };
  }
  const lines = yaml.split(/\r?\n/);
  for (const [key, value] of Object.entries(parsed as Record<string, unknown>)) {
    const name = key.trim();
    const at = keyPosition(lines, key);
    const where = { file, line: firstLine + at.line, column: at.column };
    const scalar = scalarText(value);
    if (scalar === undefined) {
      problems.push({ ...where, message: `'${name}' holds a nested mapping, not a value; write ${name}: VALUE` });
      continue;
    }
    if (scalar === null || name === '') continue;
    const normal = normaliseValue(name, scalar);
    if ('error' in normal) problems.push({ ...where, column: at.valueColumn, message: normal.error });
    else if (normal.value !== '') variables[name] = normal.value;
  }
  return { variables, problems };
}

/** A YAML value as variable text: null for an empty one, undefined for a mapping (or a list holding one). */
function scalarText(value: unknown): string | null | undefined {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    const items = value.map(scalarText);
    if (items.some((i) => i === undefined)) return undefined;
    return items.filter((i): i is string => typeof i === 'string').join(', ');
  }
  return undefined;
}

/** Each top-level `key: value` line parsed on its own, and the lines that do not parse (0-based line and column). */
function lineByLine(yaml: string): { values: Record<string, unknown>; bad: { line: number; column: number; reason: string }[] } {
  const values: Record<string, unknown> = {};
  const bad: { line: number; column: number; reason: string }[] = [];
  yaml.split(/\r?\n/).forEach((line, i) => {
    if (!/^[^\s#-][^:]*:(?:\s|$)/.test(line)) return;
    const one = readYaml(line);
    if ('error' in one) bad.push({ line: i, column: one.error.column, reason: one.error.reason });
    else if (one.value && typeof one.value === 'object' && !Array.isArray(one.value)) Object.assign(values, one.value);
  });
  return { values, bad };
}

/** 0-based line of `key` in the YAML, its 1-based column, and the column its value starts at. */
function keyPosition(lines: readonly string[], key: string): { line: number; column: number; valueColumn: number } {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    for (const written of [key, `"${key}"`, `'${key}'`]) {
      if (line.startsWith(written)) {
        const rest = /^\s*:\s*/.exec(line.slice(written.length));
        if (rest) return { line: i, column: 1, valueColumn: written.length + rest[0].length + 1 };
      }
    }
  }
  return { line: 0, column: 1, valueColumn: 1 };
}
