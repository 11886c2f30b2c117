/**
 * The concordance's query language, small on purpose:
 *
 * ```
 * query   = scoped
 * scoped  = or [ "WITHIN" window ]
 * or      = and { "OR" and }
 * and     = near { "AND" near }
 * near    = primary { "NEAR/" digits primary }
 * primary = atom | "(" scoped ")"
 * atom    = field ":" value | quoted
 * field   = "term" | "pole" | "axis" | "tag" | "text"
 * value   = quoted | a run of characters up to a space or a parenthesis
 * window  = "sentence" | "paragraph" | "section"
 * ```
 *
 * Keywords are upper case (a bare `and` is an error, not a word). A quoted string (`"…"`, `\"` inside) is free text.
 */

/** What an atom looks for: a term, pole or axis by id, annotations by tag label, or a literal string. */
export type QueryField = 'term' | 'pole' | 'axis' | 'tag' | 'text';

/** The units of text a co-occurrence or a `WITHIN` counts in. */
export type WindowKind = 'sentence' | 'paragraph' | 'section';

export const QUERY_FIELDS: readonly QueryField[] = ['term', 'pole', 'axis', 'tag', 'text'];
export const WINDOW_KINDS: readonly WindowKind[] = ['sentence', 'paragraph', 'section'];

/** A parsed query. `at` is the UTF-16 offset of the node in the query string, for error messages. */
export type QueryNode =
  | { readonly kind: 'atom'; readonly field: QueryField; readonly value: string; readonly at: number }
  | { readonly kind: 'and' | 'or'; readonly left: QueryNode; readonly right: QueryNode; readonly at: number }
  | { readonly kind: 'near'; readonly left: QueryNode; readonly right: QueryNode; readonly distance: number; readonly at: number }
  | { readonly kind: 'within'; readonly inner: QueryNode; readonly window: WindowKind; readonly at: number };

/** A query that cannot be parsed or resolved: where (0-based offset in the query), what was expected and what was found. */
export class QueryError extends Error {
  constructor(readonly query: string, readonly position: number, readonly expected: string, readonly found: string) {
    super(`query error at character ${position + 1}: expected ${expected}, found ${found}\n  ${query}\n  ${' '.repeat(position)}^`);
    this.name = 'QueryError';
  }
}

type Token =
  | { readonly type: 'word'; readonly text: string; readonly at: number }
  | { readonly type: 'quoted'; readonly text: string; readonly at: number }
  | { readonly type: '(' | ')' | 'end'; readonly at: number };

const SPACE = /\s/;

function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < query.length) {
    const c = query[i] as string;
    if (SPACE.test(c)) {
      i++;
    } else if (c === '(' || c === ')') {
      tokens.push({ type: c, at: i++ });
    } else if (c === '"') {
      const at = i;
      const { text, next } = readQuoted(query, i);
      tokens.push({ type: 'quoted', text, at });
      i = next;
    } else {
      const at = i;
      let text = '';
      while (i < query.length && !SPACE.test(query[i] as string) && query[i] !== '(' && query[i] !== ')') {
        // `field:"a quoted value"` stays one token.
        if (query[i] === '"' && text.endsWith(':')) {
          const quoted = readQuoted(query, i);
          text += `\u0000${quoted.text}`;
          i = quoted.next;
          break;
        }
        text += query[i];
        i++;
      }
      tokens.push({ type: 'word', text, at });
    }
  }
  tokens.push({ type: 'end', at: query.length });
  return tokens;
}

function readQuoted(query: string, open: number): { text: string; next: number } {
  let text = '';
  for (let i = open + 1; i < query.length; i++) {
    const c = query[i] as string;
    if (c === '\\' && i + 1 < query.length) text += query[++i];
    else if (c === '"') return { text, next: i + 1 };
    else text += c;
  }
  throw new QueryError(query, query.length, 'a closing quote (") for the quote opened at character ' + String(open + 1), 'the end of the query');
}

const describe = (t: Token): string => (t.type === 'end' ? 'the end of the query' : t.type === 'word' ? `'${t.text.replace('\u0000', '"')}'` : t.type === 'quoted' ? `"${t.text}"` : `'${t.type}'`);

const ATOM_EXPECTED = 'a field (term:, pole:, axis:, tag:, text:) or a "quoted text"';

/** Parses a query string into its tree; throws `QueryError` with the position and what was expected. */
export function parseQuery(query: string): QueryNode {
  const tokens = tokenize(query);
  let k = 0;
  const peek = (): Token => tokens[k] as Token;
  const isWord = (t: Token, text: string): boolean => t.type === 'word' && t.text === text;
  const fail = (expected: string): never => {
    const t = peek();
    throw new QueryError(query, t.at, expected, describe(t));
  };

  const scoped = (): QueryNode => {
    const inner = or();
    const t = peek();
    if (!isWord(t, 'WITHIN')) return inner;
    k++;
    const w = peek();
    if (w.type !== 'word' || !(WINDOW_KINDS as readonly string[]).includes(w.text)) fail('a window after WITHIN: sentence, paragraph or section');
    k++;
    return { kind: 'within', inner, window: (w as { text: WindowKind }).text, at: t.at };
  };
  const or = (): QueryNode => {
    let left = and();
    while (isWord(peek(), 'OR')) {
      const at = peek().at;
      k++;
      left = { kind: 'or', left, right: and(), at };
    }
    return left;
  };
  const and = (): QueryNode => {
    let left = near();
    while (isWord(peek(), 'AND')) {
      const at = peek().at;
      k++;
      left = { kind: 'and', left, right: near(), at };
    }
    return left;
  };
  const near = (): QueryNode => {
    let left = primary();
    for (let t = peek(); t.type === 'word' && t.text.startsWith('NEAR'); t = peek()) {
      const m = /^NEAR\/(\d{1,6})$/.exec(t.text);
      if (!m) fail('NEAR/ and a distance in characters, as in NEAR/20');
      k++;
      left = { kind: 'near', left, right: primary(), distance: Number((m as RegExpExecArray)[1]), at: t.at };
    }
    return left;
  };
  const primary = (): QueryNode => {
    const t = peek();
    if (t.type === '(') {
      k++;
      const inner = scoped();
      if (peek().type !== ')') fail(`')' to close the '(' at character ${t.at + 1}`);
      k++;
      return inner;
    }
    if (t.type === 'quoted') {
      k++;
      if (t.text === '') throw new QueryError(query, t.at, 'some text between the quotes', '""');
      return { kind: 'atom', field: 'text', value: t.text, at: t.at };
    }
    if (t.type !== 'word') return fail(ATOM_EXPECTED);
    const colon = t.text.indexOf(':');
    if (colon < 0) return fail(ATOM_EXPECTED);
    const field = t.text.slice(0, colon);
    if (!(QUERY_FIELDS as readonly string[]).includes(field)) {
      throw new QueryError(query, t.at, 'a field: term, pole, axis, tag or text', `'${field}:'`);
    }
    const raw = t.text.slice(colon + 1);
    const value = raw.startsWith('\u0000') ? raw.slice(1) : raw;
    if (value === '') throw new QueryError(query, t.at + colon + 1, `a value after '${field}:'`, 'nothing');
    k++;
    return { kind: 'atom', field: field as QueryField, value, at: t.at };
  };

  if (peek().type === 'end') fail(ATOM_EXPECTED);
  const node = scoped();
  if (peek().type !== 'end') fail('AND, OR, NEAR/n, WITHIN or the end of the query');
  return node;
}

/** The query that finds one atom (`pole:open`), quoting the value when it holds a space, a quote or a parenthesis. */
export function atomQuery(field: QueryField, value: string): string {
  return /[\s"()\\]/.test(value) ? `${field}:"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"` : `${field}:${value}`;
}

/** Every atom of a query, in order: what it needs resolved (ids against the lexicon, tags against the sidecars). */
export function atomsOf(node: QueryNode): Extract<QueryNode, { kind: 'atom' }>[] {
  switch (node.kind) {
    case 'atom': return [node];
    case 'within': return atomsOf(node.inner);
    default: return [...atomsOf(node.left), ...atomsOf(node.right)];
  }
}
