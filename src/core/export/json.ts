import type { ArticleData, ExportData } from './collect';
import { articleMemo, exportMemos } from './memos';

/** The `format` field of a JSON export: tells a reader what it holds before it reads further. */
export const JSON_FORMAT = 'tension-lens-export';

/** Bumped only when a field changes meaning or goes away; new fields may appear in any version. */
export const JSON_VERSION = 1;

function fileRecord(data: ExportData, a: ArticleData): Record<string, unknown> {
  const { article, detail } = a;
  const { parts } = data;
  const record: Record<string, unknown> = {
    path: article.path, format: article.analysis.format, length: article.analysis.length,
    // Only when the article has variables, so an export of articles without them is the same as before.
    ...(article.variables && Object.keys(article.variables).length > 0 ? { variables: article.variables } : {}),
  };
  if (parts.stats) {
    record['counts'] = article.analysis.counts;
    record['topTerms'] = detail.topTerms;
    record['sections'] = detail.sections.map((s) => ({ title: s.title, level: s.level, line: s.line + 1, start: s.start, axes: s.axes }));
  }
  const memo = articleMemo(data, article);
  if (memo !== undefined) record['memo'] = memo;
  if (parts.annotations) {
    record['tags'] = a.tags.map((t) => ({ id: t.id, label: t.label, ...(t.color ? { color: t.color } : {}), ...(t.description ? { description: t.description } : {}) }));
    record['annotations'] = a.annotations.map(({ kind: _kind, ...rest }) => rest);
    // Only when the article has pairs, so an export without them is the same as before.
    if (a.pairs.length > 0) record['pairs'] = a.pairs.map(({ kind: _kind, ...rest }) => rest);
  }
  if (parts.terms) record['terms'] = a.terms.map(({ kind: _kind, ...rest }) => rest);
  if (parts.sites) record['sites'] = a.sites.map(({ kind: _kind, ...rest }) => rest);
  return record;
}

/**
 * The JSON export: the same rows as the CSV (plus counts, sections and tags where `what` asks for them), one
 * object per file. The shape is documented in the README ("JSON export"); two-space indent, final newline.
 */
export function writeJson(data: ExportData): string {
  const { request } = data;
  const memos = exportMemos(data);
  const document = {
    format: JSON_FORMAT,
    version: JSON_VERSION,
    what: request.what,
    created: request.created,
    generator: request.generator,
    language: request.language,
    axes: data.axes,
    // Only when there is a memo, so an export without memos is the same as before.
    ...(memos ? { memos: { ...(memos.project !== undefined && { project: memos.project }), tags: memos.tags.map((t) => ({ label: t.label, ...(t.color && { color: t.color }), description: t.description })) } } : {}),
    files: data.articles.map((a) => fileRecord(data, a)),
    ...(data.parts.stats ? { totals: data.totals } : {}),
    skipped: request.skipped ?? [],
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
