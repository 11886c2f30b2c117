import type { ExportFormat, ExportWhat } from './types';

/** Every `what`, in the order the export picker lists them. */
export const EXPORT_WHATS: readonly ExportWhat[] = ['annotations', 'terms', 'stats', 'sites', 'report'];

/** Every format, in the order the export picker lists them. */
export const EXPORT_FORMATS: readonly ExportFormat[] = ['csv', 'json', 'md', 'html', 'w3c', 'qdpx'];

/**
 * The formats that can hold each `what`. HTML is the full report only; W3C and REFI-QDA hold positioned items
 * (annotations and term occurrences, both for `report`), so counts and sites have no place in them.
 */
export const FORMATS_FOR: Readonly<Record<ExportWhat, readonly ExportFormat[]>> = {
  annotations: ['csv', 'json', 'md', 'w3c', 'qdpx'],
  terms: ['csv', 'json', 'md', 'w3c', 'qdpx'],
  stats: ['csv', 'json', 'md'],
  sites: ['csv', 'json', 'md'],
  report: ['html', 'md', 'json', 'csv', 'w3c', 'qdpx'],
};

/** The file name extension of a format (without the dot). */
export const EXTENSION_OF: Readonly<Record<ExportFormat, string>> = {
  csv: 'csv', json: 'json', md: 'md', html: 'html', w3c: 'jsonld', qdpx: 'qdpx',
};

/** True when `value` names a `what`. */
export function isExportWhat(value: unknown): value is ExportWhat {
  return typeof value === 'string' && (EXPORT_WHATS as readonly string[]).includes(value);
}

/** True when `value` names a format. */
export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === 'string' && (EXPORT_FORMATS as readonly string[]).includes(value);
}

/** True when the format can hold `what`. */
export function supports(what: ExportWhat, format: ExportFormat): boolean {
  return FORMATS_FOR[what].includes(format);
}

/**
 * The `what` a format exports when none is given: the full report where the format holds one, otherwise the
 * first `what` it can hold.
 */
export function defaultWhat(format: ExportFormat): ExportWhat {
  return supports('report', format) ? 'report' : EXPORT_WHATS.find((w) => supports(w, format)) ?? 'report';
}

/**
 * A default file name, `<base>.<what>.<ext>` (`article.annotations.csv`, `article.report.md`): the `what` stays in
 * the name so that a Markdown export never shadows a Markdown article.
 */
export function defaultFileName(base: string, what: ExportWhat, format: ExportFormat): string {
  const stem = base.replace(/\.(md|markdown|txt)$/i, '') || 'tension-lens';
  return `${stem}.${what}.${EXTENSION_OF[format]}`;
}
