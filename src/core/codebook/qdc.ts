import { guidOf } from '../export/guid';
import { xmlAttr, xmlText } from '../export/xml';
import { LineIndex } from '../text/lines';
import { labelKey } from './file';
import type { CodebookProblem, ReadCodebook } from './problems';
import type { CodebookTag } from './types';
import { type XmlElement, XmlSyntaxError, parseXml } from './xmlReader';

/** The REFI-QDA codebook namespace (QDA-XML 1.0, the schema `Codebook.xsd`). */
export const QDC_NAMESPACE = 'urn:QDA-XML:codebook:1.0';

const RGB = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;

/** A tag's code GUID, by its label: the same as in a `.qdpx` project, so a QDA tool sees one code in both. */
export function tagCodeGuid(label: string): string {
  return guidOf('code', 'tag', label);
}

/**
 * A REFI-QDA codebook (`.qdc`): one codable `Code` per tag (name, colour, the memo as `Description`), flat, in the
 * order given. `origin` names the program. The caller makes sure there is at least one tag (the schema wants one).
 */
export function writeQdc(tags: readonly CodebookTag[], origin: string): string {
  const codes = tags.map((t) => {
    const attrs = `guid="${tagCodeGuid(t.label)}" name="${xmlAttr(t.label)}" isCodable="true"${t.color && RGB.test(t.color) ? ` color="${t.color}"` : ''}`;
    return t.description ? `    <Code ${attrs}>\n      <Description>${xmlText(t.description)}</Description>\n    </Code>\n` : `    <Code ${attrs}/>\n`;
  }).join('');
  return `<?xml version="1.0" encoding="utf-8"?>\n<CodeBook xmlns="${QDC_NAMESPACE}" origin="${xmlAttr(origin)}">\n  <Codes>\n${codes}  </Codes>\n</CodeBook>\n`;
}

/**
 * The tags of a REFI-QDA codebook: every codable `Code` at any depth (a code that only groups others,
 * `isCodable="false"`, is not a tag), its name trimmed, colour and `Description`. The root must be a `CodeBook` in the
 * codebook namespace; a name given twice, an empty name or a colour that is not `#rgb`/`#rrggbb` is a problem.
 */
export function readQdc(text: string, file: string): ReadCodebook<CodebookTag> {
  let root: XmlElement;
  try {
    root = parseXml(text);
  } catch (e) {
    if (e instanceof XmlSyntaxError) return { problems: [{ file, line: e.line, character: e.character, message: `not well-formed XML: ${e.message}` }] };
    throw e;
  }
  let lines: LineIndex | undefined;
  const at = (element: XmlElement, message: string): CodebookProblem => {
    lines ??= LineIndex.of(text);
    return { file, ...lines.positionAt(element.offset), message };
  };
  const ns = root.attrs.get(root.name.includes(':') ? `xmlns:${root.name.slice(0, root.name.indexOf(':'))}` : 'xmlns');
  if (root.local !== 'CodeBook' || ns !== QDC_NAMESPACE) {
    const what = root.local === 'Project' ? 'a REFI-QDA project (project.qde), not a codebook' : `<${root.name}${ns ? ` xmlns="${ns}"` : ''}>`;
    return { problems: [at(root, `expected a REFI-QDA codebook: <CodeBook xmlns="${QDC_NAMESPACE}">, found ${what}`)] };
  }
  const codes = root.children.find((c) => c.local === 'Codes');
  if (!codes) return { problems: [at(root, 'the codebook has no <Codes> element')] };
  const tags: CodebookTag[] = [];
  const problems: CodebookProblem[] = [];
  const seen = new Set<string>();
  const visit = (code: XmlElement): void => {
    const label = labelKey(code.attrs.get('name') ?? '');
    const codable = code.attrs.get('isCodable')?.trim();
    if (codable !== 'false' && codable !== '0') {
      const color = code.attrs.get('color')?.trim();
      const description = code.children.find((c) => c.local === 'Description')?.text;
      if (label === '') problems.push(at(code, '<Code> without a name'));
      else if (seen.has(label)) problems.push(at(code, `the code name '${label}' is given twice; tags are matched by name`));
      else if (color !== undefined && color !== '' && !RGB.test(color)) problems.push(at(code, `colour '${color}' of '${label}' is not #rgb or #rrggbb`));
      else {
        seen.add(label);
        tags.push({ label, ...(color && { color }), ...(description?.trim() && { description }) });
      }
    }
    for (const child of code.children) if (child.local === 'Code') visit(child);
  };
  for (const code of codes.children) if (code.local === 'Code') visit(code);
  return problems.length > 0 ? { problems } : { tags };
}
