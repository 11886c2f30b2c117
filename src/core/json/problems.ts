import type { ErrorObject } from 'ajv';
import { type Node, type ParseError, findNodeAtLocation, parseTree, printParseErrorCode } from 'jsonc-parser';
import { LineIndex } from '../text/lines';

/** A problem in a JSON file, located well enough to put a squiggle under it (same shape as `LexiconProblem`). */
export interface JsonProblem {
  readonly file: string;
  /** JSON path like `annotations[3].target.selector[0].start`, empty for the whole file. */
  readonly path: string;
  readonly message: string;
  /** UTF-16 offset and length in the file's text. */
  readonly offset: number;
  readonly length: number;
  /** 0-based line and UTF-16 character, as VS Code counts them. */
  readonly line: number;
  readonly character: number;
}

/** A JSON path as segments: property names and array indices. */
export type JsonSegments = readonly (string | number)[];

/** Formats a problem as one line: `file:line:col: path: message` (1-based line and column). */
export function formatJsonProblem(p: JsonProblem): string {
  return `${p.file}:${p.line + 1}:${p.character + 1}: ${p.path ? `${p.path}: ` : ''}${p.message}`;
}

/** Renders segments as `a.b[2].c`; the empty string for the root. */
export function jsonPath(segments: JsonSegments): string {
  return segments.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

/** Locates problems in one file; the line index is built once, on the first problem, since the happy path never needs it. */
export class ProblemLocator {
  readonly #file: string;
  readonly #text: string;
  #root: Node | undefined;
  #rootParsed = false;
  #lines: LineIndex | undefined;

  constructor(file: string, text: string, root?: Node) {
    this.#file = file;
    this.#text = text;
    if (root) {
      this.#root = root;
      this.#rootParsed = true;
    }
  }

  /** A problem at a raw offset in the text. */
  atOffset(offset: number, length: number, message: string, path = ''): JsonProblem {
    this.#lines ??= LineIndex.of(this.#text);
    return { file: this.#file, path, message, offset, length, ...this.#lines.positionAt(offset) };
  }

  /** A problem at a JSON path; a missing property is reported on the nearest existing ancestor. */
  at(segments: JsonSegments, message: string): JsonProblem {
    if (!this.#rootParsed) {
      // Parsed lazily: the valid-file path uses JSON.parse alone, which is several times faster than a tree.
      this.#root = parseTree(this.#text, [], { disallowComments: true });
      this.#rootParsed = true;
    }
    let node: Node | undefined;
    for (let n = segments.length; n >= 0 && !node; n--) node = this.#root ? findNodeAtLocation(this.#root, [...segments.slice(0, n)]) : undefined;
    return this.atOffset(node?.offset ?? 0, node?.length ?? 0, message, jsonPath(segments));
  }
}

/**
 * Parses strict JSON (no comments, no trailing commas). Returns the value, or the first syntax error with line and
 * column for malformed or empty text.
 */
export function parseJson(text: string, file: string): { value: unknown } | { problems: JsonProblem[] } {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (e) {
    const errors: ParseError[] = [];
    const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
    const locator = new ProblemLocator(file, text, root);
    if (text.trim() === '') return { problems: [locator.atOffset(0, 0, 'empty file: expected a JSON object')] };
    const [first] = errors;
    // Only the first: the parser recovers by guessing, and the errors after it mostly echo that guess.
    if (first) return { problems: [locator.atOffset(first.offset, first.length, `invalid JSON: ${printParseErrorCode(first.error)}`)] };
    // The tolerant scanner accepted what JSON.parse refused (e.g. a raw control character inside a string).
    return { problems: [locator.atOffset(0, 0, `invalid JSON: ${(e as Error).message}`)] };
  }
}

/** The JSON path of an ajv error as segments. */
export function ajvSegments(e: ErrorObject): (string | number)[] {
  if (e.instancePath === '') return [];
  return e.instancePath.split('/').slice(1).map((s) => (/^\d+$/.test(s) ? Number(s) : s.replace(/~1/g, '/').replace(/~0/g, '~')));
}

/** A readable message for an ajv error, naming the offending property or the allowed value. */
export function ajvMessage(e: ErrorObject): string {
  const params = e.params as { additionalProperty?: string; allowedValue?: unknown; allowedValues?: unknown[] };
  const extra = e.keyword === 'additionalProperties' ? ` '${String(params.additionalProperty)}'` : '';
  const allowed = e.keyword === 'const' ? ` (${JSON.stringify(params.allowedValue)})`
    : e.keyword === 'enum' ? ` (${(params.allowedValues ?? []).map((v) => JSON.stringify(v)).join(', ')})` : '';
  return `${e.message ?? 'is invalid'}${extra}${allowed}`;
}
