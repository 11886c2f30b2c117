// Articles for the export tests: the seed article with three annotations whose notes hold the characters that break
// naive writers (quotes, commas, line breaks, markup), and small texts with CRLF and characters outside the BMP.
import fs from 'node:fs';
import path from 'node:path';
import { pinyin } from 'pinyin-pro';
import { type Annotation, type SidecarTag, analyze, builtinLexicon, createAnnotation, formatOf, reanchorAll } from '../../../src/core';
import type { ExportArticle, ExportFormat, ExportRequest, ExportWhat } from '../../../src/core/export';

export const root = path.resolve(__dirname, '../../..');
export const NOW = '2025-03-04T05:06:07.000Z';
export const SEED = 'ai-lab-expert-departure.md';
export const seedText = fs.readFileSync(path.join(root, 'test/fixtures/workspace', SEED), 'utf8');

/** A note with a comma, double quotes, a line break and markup: what CSV, HTML and XML must all keep intact. */
export const TRICKY_NOTE = '第一行, "引号" & <b>粗体</b>\n第二行：=SUM(A1)';

export const TAGS: SidecarTag[] = [
  { id: 'focus', label: '争议焦点', color: '#e5534b', description: '双方分歧最集中的地方' },
  { id: 'stance', label: '机构立场', color: '#57ab5a' },
  { id: 'unused', label: '未使用的标签' },
];

/** An annotation on the first occurrence of `quote` in `text`. */
export function annotate(text: string, quote: string, id: string, tags: string[], note = ''): Annotation {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`"${quote}" is not in the text`);
  return createAnnotation({ text, start, end: start + quote.length, tags, note, now: NOW, id });
}

/** An export article of `text`, with `annotations` re-anchored against it. */
export function articleOf(file: string, text: string, annotations?: Annotation[], tags: SidecarTag[] = TAGS): ExportArticle {
  return {
    path: file, uri: `file:///work/${file}`, text, analysis: analyze(text, formatOf(file), builtinLexicon),
    ...(annotations ? { annotations: { tags, anchors: reanchorAll(annotations, text).anchors } } : {}),
  };
}

/** The seed article with three annotations (two tags, one tag, none) — ids are UUIDs as the extension makes them. */
export function seedArticle(): ExportArticle {
  return articleOf(SEED, seedText, [
    annotate(seedText, '闭源商用路径', '0b7d3f4e-1c2a-4f4b-9c1e-000000000001', ['focus', 'stance'], TRICKY_NOTE),
    annotate(seedText, '开放原则', '0b7d3f4e-1c2a-4f4b-9c1e-000000000002', ['focus']),
    annotate(seedText, '商业化', '0b7d3f4e-1c2a-4f4b-9c1e-000000000003', [], '没有标签的批注'),
  ]);
}

/** A request with fixed time, generator and language, so the bytes are reproducible. */
export function request(what: ExportWhat, format: ExportFormat, articles: ExportArticle[], extra: Partial<ExportRequest> = {}): ExportRequest {
  return {
    what, format, articles, lexicon: builtinLexicon, language: 'zh', created: NOW, generator: { name: 'Tension Lens', version: '9.9.9' },
    pinyin: (t) => pinyin(t, { toneType: 'symbol' }), ...extra,
  };
}

/** UTF-8 text of an export, a BOM kept (a plain TextDecoder would drop it silently). */
export const decode = (bytes: Uint8Array): string => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
