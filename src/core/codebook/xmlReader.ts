import { LineIndex } from '../text/lines';

/**
 * A small XML reader for REFI-QDA codebooks: elements, attributes, text, CDATA, comments, processing instructions and
 * the predefined and numeric entities. No DTDs (a codebook has none, and entity expansion is how XML files attack
 * their readers). Names keep their prefix; `local` drops it. Errors carry the 0-based line and character.
 */

export interface XmlElement {
  readonly name: string;
  readonly local: string;
  readonly attrs: ReadonlyMap<string, string>;
  readonly children: readonly XmlElement[];
  /** The element's text content (direct text and CDATA, not its children's). */
  readonly text: string;
  /** Offset of its `<` in the text. */
  readonly offset: number;
}

export class XmlSyntaxError extends Error {
  constructor(message: string, readonly offset: number, readonly line: number, readonly character: number) {
    super(message);
  }
}

const NAME = /[A-Za-z_:\u00C0-\uFFFF][\w.:\-\u00B7\u00C0-\uFFFF]*/y;
const SPACE = /[ \t\r\n]*/y;

interface Building {
  name: string;
  attrs: Map<string, string>;
  children: XmlElement[];
  text: string;
  offset: number;
}

/** Parses `text` (a leading BOM is skipped) into its root element, or throws an `XmlSyntaxError`. */
export function parseXml(text: string): XmlElement {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const fail = (message: string, at = i): never => {
    const { line, character } = LineIndex.of(text).positionAt(Math.min(at, text.length));
    throw new XmlSyntaxError(message, at, line, character);
  };
  const decode = (raw: string, at: number): string => raw.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);?/g, (whole, ref: string, k: number) => {
    if (!whole.endsWith(';')) fail(`'&' must start an entity like &amp;`, at + k);
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (!(code >= 0 && code <= 0x10ffff)) fail(`invalid character reference &${ref};`, at + k);
      return String.fromCodePoint(code);
    }
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    const value = named[ref];
    return value ?? fail(`unknown entity &${ref}; (only &amp; &lt; &gt; &quot; &apos; are defined)`, at + k);
  });
  const name = (): string => {
    NAME.lastIndex = i;
    const m = NAME.exec(text);
    if (!m) return fail('expected a name');
    i += m[0].length;
    return m[0];
  };
  const space = (): void => {
    SPACE.lastIndex = i;
    i += SPACE.exec(text)?.[0].length ?? 0;
  };
  const skipTo = (end: string, what: string): void => {
    const k = text.indexOf(end, i);
    if (k < 0) fail(`unterminated ${what}`);
    i = k + end.length;
  };
  const stack: Building[] = [];
  let root: XmlElement | undefined;
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    const chunkEnd = lt < 0 ? text.length : lt;
    if (chunkEnd > i) {
      const chunk = text.slice(i, chunkEnd);
      const top = stack.at(-1);
      // End-of-line handling: a literal CRLF or CR in the file is a LF (a CR written as &#13; stays).
      if (top) top.text += decode(chunk.replace(/\r\n?/g, '\n'), i);
      else if (chunk.trim() !== '') fail(root ? 'text after the root element' : 'text before the root element');
    }
    if (lt < 0) break;
    i = lt;
    if (text.startsWith('<?', i)) skipTo('?>', 'processing instruction');
    else if (text.startsWith('<!--', i)) skipTo('-->', 'comment');
    else if (text.startsWith('<![CDATA[', i)) {
      const top = stack.at(-1);
      if (!top) fail('CDATA outside the root element');
      const start = i + 9;
      skipTo(']]>', 'CDATA section');
      if (top) top.text += text.slice(start, i - 3);
    } else if (text.startsWith('<!', i)) fail('DOCTYPE and other declarations are not accepted in a codebook');
    else if (text.startsWith('</', i)) {
      i += 2;
      const at = i;
      const closing = name();
      space();
      if (text[i] !== '>') fail(`expected '>' to close </${closing}`);
      i++;
      const open = stack.pop();
      if (!open) return fail(`closing tag </${closing}> without an opening tag`, at);
      if (open.name !== closing) fail(`</${closing}> closes <${open.name}>`, at);
      const element = finish(open);
      const parent = stack.at(-1);
      if (parent) parent.children.push(element);
      else root = element;
    } else {
      const offset = i;
      i++;
      if (root) fail('a second root element', offset);
      const tag = name();
      const attrs = new Map<string, string>();
      for (;;) {
        space();
        if (text.startsWith('/>', i) || text[i] === '>') break;
        if (i >= text.length) fail(`unterminated <${tag}`);
        const attrAt = i;
        const attr = name();
        space();
        if (text[i] !== '=') fail(`expected '=' after attribute ${attr}`);
        i++;
        space();
        const quote = text[i];
        if (quote !== '"' && quote !== "'") fail(`the value of ${attr} must be quoted`);
        const end = text.indexOf(quote ?? '"', i + 1);
        if (end < 0) fail(`unterminated value of ${attr}`);
        const raw = text.slice(i + 1, end);
        if (raw.includes('<')) fail(`'<' in the value of ${attr}`, i + 1 + raw.indexOf('<'));
        if (attrs.has(attr)) fail(`attribute ${attr} given twice`, attrAt);
        // Attribute-value normalisation: literal whitespace becomes a space, character references stay as written.
        attrs.set(attr, decode(raw.replace(/[\t\r\n]/g, ' '), i + 1));
        i = end + 1;
      }
      const building: Building = { name: tag, attrs, children: [], text: '', offset };
      if (text.startsWith('/>', i)) {
        i += 2;
        const element = finish(building);
        const parent = stack.at(-1);
        if (parent) parent.children.push(element);
        else root = element;
      } else {
        i++;
        stack.push(building);
      }
    }
  }
  const open = stack.at(-1);
  if (open) fail(`<${open.name}> is never closed`, open.offset);
  return root ?? fail('no root element: the file is empty or holds no XML');
}

function finish(b: Building): XmlElement {
  const colon = b.name.indexOf(':');
  return { name: b.name, local: colon < 0 ? b.name : b.name.slice(colon + 1), attrs: b.attrs, children: b.children, text: b.text, offset: b.offset };
}
