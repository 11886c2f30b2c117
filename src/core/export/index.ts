/**
 * Exports: annotations, term occurrences, counts and tension sites as CSV, JSON, Markdown, an HTML report, W3C Web
 * Annotation JSON-LD and REFI-QDA projects. Pure — articles in, bytes out — so the CLI and the extension (desktop,
 * remote, web) write the same files.
 */
export { ITEM_COLUMNS, PAIR_COLUMNS, SITE_COLUMNS, STATS_COLUMNS } from './csv';
export { exportArticles } from './exporter';
export {
  EXPORT_FORMATS, EXPORT_WHATS, EXTENSION_OF, FORMATS_FOR, defaultFileName, defaultWhat, isExportFormat, isExportWhat, supports,
} from './formats';
export { JSON_FORMAT, JSON_VERSION } from './json';
export { EXPORT_MARKER, EXPORT_MARKER_PROBE, isTensionLensExport, markExport } from './marker';
export { toCodePoints, positionText } from './positions';
export { QDE_NAMESPACE } from './qde';
export { ANNO_CONTEXT } from './w3c';
export type {
  AnnotationItem, ExportAnnotations, ExportArticle, ExportFormat, ExportLanguage, ExportProblem, ExportRequest, ExportResult, ExportSummary,
  ExportWhat, ItemPlace, ItemTag, SiteItem, TermItem,
} from './types';
export { CONCORDANCE_COLUMNS, writeConcordanceCsv } from './concordanceCsv';
