/**
 * XML writing for project.qde. Text and attribute values are escaped, characters XML 1.0 cannot hold (C0 controls
 * other than tab/LF/CR, lone surrogates, U+FFFE/U+FFFF) become U+FFFD, and CR, LF and tab in attributes are written
 * as character references so that a parser's whitespace normalisation keeps them.
 */

// eslint-disable-next-line no-control-regex -- the point is to find the control characters XML 1.0 forbids
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escapes text content. */
export function xmlText(text: string): string {
  return text.replace(INVALID, '\uFFFD').replace(/[&<>\r]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#13;'));
}

/** Escapes an attribute value (for double quotes). */
export function xmlAttr(value: string): string {
  return value.replace(INVALID, '\uFFFD').replace(/[&<>"\r\n\t]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Attribute values of an element; `undefined` leaves the attribute out. */
export type XmlAttrs = Readonly<Record<string, string | number | boolean | undefined>>;

/** `<tag a="1">children</tag>`, or self-closing without children; undefined attributes are left out. */
export function xmlElement(tag: string, attrs: XmlAttrs, children?: string): string {
  let out = `<${tag}`;
  for (const [name, value] of Object.entries(attrs)) if (value !== undefined) out += ` ${name}="${xmlAttr(String(value))}"`;
  return children === undefined || children === '' ? `${out}/>` : `${out}>${children}</${tag}>`;
}
