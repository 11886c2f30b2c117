import mammoth from 'mammoth';
import { unzipSync } from 'fflate';
import { parseHTML } from 'linkedom';
import { type ArticleMetadata, cleanText, mergeMetadata } from '../core/import';
import type { ConvertedArticle } from './html';
import { createTurndown, tidyMarkdown } from './markdown';

// Word's own styles → HTML that turndown writes as Markdown. The Title is the article's `#`; Word's Heading 1
// sits under it as `##`, and so on down.
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => p:fresh",
  "p[style-name='Heading 1'] => h2:fresh",
  "p[style-name='Heading 2'] => h3:fresh",
  "p[style-name='Heading 3'] => h4:fresh",
  "p[style-name='Heading 4'] => h5:fresh",
  "p[style-name='Heading 5'] => h6:fresh",
  "p[style-name='Heading 6'] => h6:fresh",
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
  "p[style-name='Block Text'] => blockquote > p:fresh",
];

const XML_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescapeXml = (s: string): string => s.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(\w+));/giu, (all, hex: string | undefined, dec: string | undefined, name: string | undefined) => (
  hex ? String.fromCodePoint(parseInt(hex, 16)) : dec ? String.fromCodePoint(Number(dec)) : XML_ENTITIES[name ?? ''] ?? all));

/** The core document properties (docProps/core.xml): title, creator (author), created (date). */
export function docxProperties(bytes: Uint8Array): ArticleMetadata {
  let xml: string;
  try {
    const files = unzipSync(bytes, { filter: (f) => f.name === 'docProps/core.xml' });
    const core = files['docProps/core.xml'];
    if (!core) return {};
    xml = new TextDecoder().decode(core);
  } catch {
    return {}; // mammoth reports the damaged file; properties are a bonus
  }
  const field = (tag: string): string | undefined => {
    const m = new RegExp(`<${tag}(?:\\s[^>]*)?>([^<]*)</${tag}>`, 'u').exec(xml);
    return m ? cleanText(unescapeXml(m[1]!)) : undefined;
  };
  return { title: field('dc:title'), author: field('dc:creator'), date: field('dcterms:created') };
}

/** Mammoth's footnotes and endnotes (`<li id="footnote-1">…<a href="#footnote-ref-1">↑</a>`) as `[^1]: text`. */
function takeNotes(body: Element): string[] {
  const notes: string[] = [];
  for (const li of Array.from(body.querySelectorAll('li[id^="footnote-"], li[id^="endnote-"]'))) {
    const n = /\d+$/u.exec(li.getAttribute('id') ?? '')?.[0];
    for (const back of Array.from(li.querySelectorAll('a[href^="#footnote-ref-"], a[href^="#endnote-ref-"]'))) back.remove();
    notes.push(`[^${n}]: ${cleanText(li.textContent) ?? ''}`);
    const list = li.parentNode as Element | null;
    li.remove();
    if (list && list.children.length === 0) list.remove();
  }
  return notes;
}

/** A Word document → Markdown (mammoth, then turndown) and its document properties. */
export async function convertDocx(bytes: Uint8Array): Promise<ConvertedArticle> {
  const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { styleMap: STYLE_MAP, ignoreEmptyParagraphs: true });
  const { document: doc } = parseHTML(`<!DOCTYPE html><html><body>${html}</body></html>`);
  const props = docxProperties(bytes);
  const firstTitle = cleanText(doc.querySelector('h1')?.textContent);
  const notes = takeNotes(doc.body);
  const markdown = tidyMarkdown(createTurndown().turndown(doc.body));
  return {
    metadata: mergeMetadata(props, { title: firstTitle }),
    markdown: notes.length > 0 ? `${markdown}\n\n${notes.join('\n')}` : markdown,
  };
}
