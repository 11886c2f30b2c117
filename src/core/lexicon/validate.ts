import type { ErrorObject } from 'ajv';
import { type Node, type ParseError, findNodeAtLocation, parseTree, printParseErrorCode } from 'jsonc-parser';
import { validateLexicon } from '../json/validators.generated';
import type { UserLexicon } from './merge';
import type { Lexicon } from './types';

/** A problem in a lexicon file, located well enough to put a squiggle under it. */
export interface LexiconProblem {
  readonly file: string;
  /** JSON path like `axes[0].poles[1].terms[2].forms`, empty for the whole file. */
  readonly path: string;
  readonly message: string;
  /** UTF-16 offset and length in the file's text. */
  readonly offset: number;
  readonly length: number;
  readonly line: number;
  readonly character: number;
}

const validateSchema = validateLexicon as ((value: unknown) => value is UserLexicon) & { errors?: ErrorObject[] | null };

/** Formats a problem as one line: `file:line:col: path: message`. */
export function formatProblem(p: LexiconProblem): string {
  return `${p.file}:${p.line + 1}:${p.character + 1}: ${p.path ? `${p.path}: ` : ''}${p.message}`;
}

function locate(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: offset - lineStart };
}

function pathString(segments: readonly (string | number)[]): string {
  return segments.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

function problemAt(file: string, text: string, root: Node | undefined, segments: (string | number)[], message: string): LexiconProblem {
  // Walk up until a node exists (a missing property is reported on its parent object).
  let node: Node | undefined;
  for (let n = segments.length; n >= 0 && !node; n--) node = root ? findNodeAtLocation(root, segments.slice(0, n)) : undefined;
  const offset = node?.offset ?? 0;
  return { file, path: pathString(segments), message, offset, length: node?.length ?? 0, ...locate(text, offset) };
}

function ajvSegments(e: ErrorObject): (string | number)[] {
  return e.instancePath.split('/').slice(1).map((s) => (/^\d+$/.test(s) ? Number(s) : s.replace(/~1/g, '/').replace(/~0/g, '~')));
}

/**
 * Parses and validates a user lexicon file against the shipped JSON Schema and the rules the schema cannot
 * say (unique ids, no form on two poles). Returns the lexicon only when there are no problems.
 */
export function parseUserLexicon(text: string, file: string): { lexicon?: UserLexicon; problems: LexiconProblem[] } {
  const parseErrors: ParseError[] = [];
  const root = parseTree(text, parseErrors, { allowTrailingComma: false, disallowComments: true });
  if (parseErrors.length > 0 || !root) {
    const problems = parseErrors.map((e) => ({
      file, path: '', message: `invalid JSON: ${printParseErrorCode(e.error)}`, offset: e.offset, length: e.length, ...locate(text, e.offset),
    }));
    return { problems: problems.length > 0 ? problems : [problemAt(file, text, undefined, [], 'empty file: expected a JSON object')] };
  }
  const value: unknown = JSON.parse(text);
  if (!validateSchema(value)) {
    const problems = (validateSchema.errors ?? []).map((e) => {
      const extra = e.keyword === 'additionalProperties' ? ` '${String((e.params as { additionalProperty?: string }).additionalProperty)}'` : '';
      const allowed = e.keyword === 'const' ? ` (${JSON.stringify((e.params as { allowedValue?: unknown }).allowedValue)})` : '';
      return problemAt(file, text, root, ajvSegments(e), `${e.message ?? 'is invalid'}${extra}${allowed}`);
    });
    return { problems };
  }
  const problems = checkLexicon(value).map((p) => problemAt(file, text, root, p.segments, p.message));
  return problems.length > 0 ? { problems } : { lexicon: value, problems };
}

/** A rule the schema cannot express, broken at a JSON path. */
export interface IntegrityProblem {
  readonly segments: (string | number)[];
  readonly message: string;
}

/**
 * Checks what makes a lexicon unambiguous: unique ids, two poles per axis, no surface form on two poles,
 * every exclusion containing one of its term's forms. Empty when the lexicon is sound.
 */
export function checkLexicon(lexicon: Lexicon | UserLexicon): IntegrityProblem[] {
  const problems: IntegrityProblem[] = [];
  const ids = new Map<string, string>();
  const formPole = new Map<string, string>();
  const claim = (id: string, where: string, segments: (string | number)[]): void => {
    const previous = ids.get(id);
    if (previous) problems.push({ segments, message: `id '${id}' is already used at ${previous}; ids must be unique` });
    else ids.set(id, where);
  };
  lexicon.axes.forEach((axis, a) => {
    claim(axis.id, `axes[${a}]`, ['axes', a, 'id']);
    axis.poles.forEach((pole, p) => {
      claim(pole.id, `axes[${a}].poles[${p}]`, ['axes', a, 'poles', p, 'id']);
      pole.terms.forEach((term, t) => {
        const at = ['axes', a, 'poles', p, 'terms', t];
        claim(term.id, `axes[${a}].poles[${p}].terms[${t}]`, [...at, 'id']);
        term.forms.forEach((form, f) => {
          const other = formPole.get(form);
          if (other !== undefined && other !== pole.id) {
            problems.push({ segments: [...at, 'forms', f], message: `form '${form}' is also on pole '${other}'; a form belongs to one pole` });
          }
          formPole.set(form, pole.id);
        });
        (term.exclude ?? []).forEach((phrase, x) => {
          if (!term.forms.some((form) => phrase.includes(form))) {
            problems.push({ segments: [...at, 'exclude', x], message: `exclusion '${phrase}' contains none of the term's forms, so it can never apply` });
          }
        });
      });
    });
  });
  return problems;
}
