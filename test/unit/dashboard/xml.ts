// A real XML parser for the chart tests (no regexes): any warning or error while parsing fails the test.
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';

/** Parses an SVG string as XML; throws on anything that is not well-formed. */
export function parseSvg(svg: string): Document {
  return new DOMParser({
    onError: (level, message) => {
      throw new Error(`${level}: ${message}`);
    },
  }).parseFromString(svg, 'image/svg+xml');
}

/** Every element named `tag` under `root`, in document order. */
export function all(root: Document | Element | undefined, tag: string): Element[] {
  return root ? Array.from(root.getElementsByTagName(tag)) : [];
}

/** Numeric attribute (NaN when absent). */
export function num(element: Element | undefined, name: string): number {
  return Number(element?.getAttribute(name) ?? NaN);
}
