import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { decodeText, type EncodingChoice } from '../core/text/encoding';
import { type ArticleMetadata, cleanText, isBylineText, mergeMetadata, parseByline, titleWithoutSite } from '../core/import';
import { createTurndown, tidyMarkdown } from './markdown';

/** A converted article: its metadata and its Markdown body (no front matter). */
export interface ConvertedArticle {
  readonly metadata: ArticleMetadata;
  readonly markdown: string;
}

// Dense Chinese text says in 200 characters what Readability's default threshold (500) expects of English.
const CHAR_THRESHOLD = 200;

/** The encoding a page declares in its first bytes (`<meta charset>` or `http-equiv` content), as ours. */
export function declaredEncoding(bytes: Uint8Array): EncodingChoice {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/iu.exec(head);
  const name = m?.[1]?.toLowerCase() ?? '';
  if (/^(?:gb2312|gbk|gb18030|x-gbk|cp936|euc-cn)$/u.test(name)) return 'gb18030';
  if (/^(?:big5|big5-hkscs|cp950|x-x-big5)$/u.test(name)) return 'big5';
  if (/^utf-?8$/u.test(name)) return 'utf-8';
  return 'auto';
}

/** A page's text: in the encoding it declares, else detected (UTF-8, GB18030, Big5), else UTF-8 with U+FFFD. */
export function decodePage(bytes: Uint8Array): string {
  const declared = declaredEncoding(bytes);
  return decodeText(bytes, declared)?.text ?? decodeText(bytes, 'auto')?.text ?? new TextDecoder('utf-8').decode(bytes);
}

const meta = (doc: Document, ...keys: string[]): string | undefined => {
  for (const key of keys) {
    const el = doc.querySelector(`meta[property="${key}"], meta[name="${key}"], meta[itemprop="${key}"]`);
    const v = cleanText(el?.getAttribute('content'));
    if (v !== undefined) return v;
  }
  return undefined;
};

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
const nameOf = (v: Json | undefined): string | undefined => {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) {
    const names = v.map(nameOf).filter((n): n is string => n !== undefined);
    return names.length > 0 ? names.join('、') : undefined;
  }
  if (v && typeof v === 'object' && typeof v.name === 'string') return v.name;
  return undefined;
};
const ARTICLE_TYPES = /^(?:NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|BlogPosting|OpinionNewsArticle|ScholarlyArticle|Report)$/u;

/** What a page's JSON-LD says about its article (`NewsArticle` and kin, also inside `@graph`). */
function jsonLdMetadata(doc: Document): ArticleMetadata {
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    let data: Json;
    try {
      data = JSON.parse(script.textContent ?? '') as Json;
    } catch {
      continue; // a page's broken JSON-LD is not the user's problem: the other sources still count
    }
    const items: Json[] = Array.isArray(data) ? data : data && typeof data === 'object' && Array.isArray(data['@graph']) ? data['@graph'] : [data];
    for (const item of items) {
      if (!item || typeof item !== 'object' || Array.isArray(item)) continue;
      const types = ([] as Json[]).concat(item['@type'] ?? []);
      if (!types.some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t))) continue;
      const str = (v: Json | undefined): string | undefined => (typeof v === 'string' ? v : undefined);
      const page = item.mainEntityOfPage;
      return {
        title: str(item.headline) ?? str(item.name),
        source: nameOf(item.publisher),
        url: str(item.url) ?? str(page) ?? (page && typeof page === 'object' && !Array.isArray(page) ? str(page['@id']) : undefined),
        author: nameOf(item.author),
        date: str(item.datePublished) ?? str(item.dateCreated),
      };
    }
  }
  return {};
}

/** Bylines ("发布时间：… 来源：…") and editor credits: the innermost short elements that hold labelled fields. */
function bylineElements(doc: Document): Element[] {
  const found: Element[] = [];
  for (const el of Array.from(doc.querySelectorAll('body p, body div, body span, body section, body td, body li, body em, body small, body font, body h5, body h6'))) {
    const text = cleanText(el.textContent) ?? '';
    if (!isBylineText(text)) continue;
    if (Array.from(el.querySelectorAll("*")).some((child) => isBylineText(cleanText(child.textContent) ?? ''))) continue;
    found.push(el);
  }
  return found;
}

/** A web page → its article: metadata from its tags and byline, main text by Readability, Markdown by turndown. */
export function convertHtml(bytes: Uint8Array): ConvertedArticle {
  const { document: doc } = parseHTML(decodePage(bytes));
  const bylines = bylineElements(doc);
  const byline = mergeMetadata(...bylines.map((el) => parseByline(cleanText(el.textContent) ?? '')));
  const fromTags: ArticleMetadata = {
    title: meta(doc, 'og:title', 'twitter:title'),
    source: meta(doc, 'og:site_name', 'application-name'),
    url: meta(doc, 'og:url') ?? cleanText(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')),
    author: [meta(doc, 'author', 'article:author', 'byl')].find((a) => a !== undefined && !/^https?:/iu.test(a)),
    date: meta(doc, 'article:published_time', 'og:published_time', 'datePublished', 'pubdate', 'publishdate', 'PubDate', 'publish_date', 'date'),
  };
  const jsonLd = jsonLdMetadata(doc);
  const pageTitle = cleanText(doc.querySelector('title')?.textContent);
  // The byline is metadata, not article text: out before Readability picks the text.
  for (const el of bylines) el.remove();
  const article = new Readability<Element>(doc, { charThreshold: CHAR_THRESHOLD, serializer: (el) => el as Element }).parse();
  const metadata = mergeMetadata(
    { title: jsonLd.title ?? fromTags.title },
    // A Chinese byline's 来源 names the original publisher when a site reprints: it comes before the site's own name.
    { source: byline.source }, jsonLd, fromTags, byline,
    { title: pageTitle === undefined ? undefined : titleWithoutSite(pageTitle), source: article?.siteName ?? undefined, author: article?.byline ?? undefined, date: article?.publishedTime ?? undefined },
  );
  const content = article?.content;
  if (!content) return { metadata, markdown: '' };
  // Readability keeps the article's own title heading; the front matter and `# title` carry it already.
  for (const h of Array.from(content.querySelectorAll('h1, h2'))) {
    if (metadata.title !== undefined && cleanText(h.textContent) === metadata.title) h.remove();
  }
  return { metadata, markdown: tidyMarkdown(createTurndown().turndown(content as unknown as HTMLElement)) };
}
