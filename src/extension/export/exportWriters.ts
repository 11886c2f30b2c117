import type { exportArticles } from '../../core/export/exporter';

/**
 * What dist/export.js exports (exportWritersBundle.ts): the writers of every export format, the HTML report with its
 * charts and crosstab statistics, and the REFI-QDA zip. Only an export needs them.
 */
export interface ExportWriters {
  readonly exportArticles: typeof exportArticles;
}
