import { collect, isEmpty, summarize } from './collect';
import { writeCsv } from './csv';
import { supports } from './formats';
import { writeHtml } from './html/report';
import { writeJson } from './json';
import { writeMarkdown } from './markdown';
import { markExport } from './marker';
import { writeQdpx } from './qdpx';
import type { ExportRequest, ExportResult } from './types';
import { writeW3c } from './w3c';

const encoder = new TextEncoder();

/**
 * Turns articles into the bytes of one export file — the one code path of the CLI's `export` and the extension's
 * Export commands. Pure and synchronous: the caller reads the files before and writes the bytes after. Returns
 * `nothing` (and no bytes) when the articles hold nothing of `what`, so no empty file is ever written.
 */
export function exportArticles(request: ExportRequest): ExportResult {
  if (!supports(request.what, request.format)) return { ok: false, reason: 'unsupported' };
  const data = collect(request);
  if (data.articles.length === 0 || isEmpty(data)) return { ok: false, reason: 'nothing' };
  const summary = summarize(data);
  switch (request.format) {
    case 'csv': return { ok: true, bytes: encoder.encode(markExport('csv', writeCsv(data))), summary };
    case 'json': return { ok: true, bytes: encoder.encode(markExport('json', writeJson(data))), summary };
    case 'md': return { ok: true, bytes: encoder.encode(markExport('md', writeMarkdown(data))), summary };
    case 'html': return { ok: true, bytes: encoder.encode(markExport('html', writeHtml(data))), summary };
    case 'w3c': return { ok: true, bytes: encoder.encode(markExport('w3c', writeW3c(data))), summary };
    case 'qdpx': return { ok: true, bytes: writeQdpx(data), summary };
  }
}
