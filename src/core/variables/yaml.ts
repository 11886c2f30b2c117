import { CORE_SCHEMA, YAMLException, load } from 'js-yaml';

/** A YAML text read with the core schema (no dates or other types beyond JSON's), or where it stops parsing. */
export type YamlRead = { readonly value: unknown } | { readonly error: { readonly line: number; readonly column: number; readonly reason: string } };

/**
 * The one place js-yaml is called. It returns plain data, never throws a YAML error: the desktop build loads this
 * module from a bundle of its own on the first front matter (esbuild.config.mjs), where a class would not be the
 * caller's class. Line and column are 0-based.
 */
export function readYaml(text: string): YamlRead {
  try {
    return { value: load(text, { schema: CORE_SCHEMA }) };
  } catch (e) {
    if (!(e instanceof YAMLException)) throw e;
    return { error: { line: e.mark.line, column: e.mark.column, reason: e.reason } };
  }
}
