// The entry of dist/export.js (esbuild.config.mjs, onDemandBundles): the export writers of every format (the HTML
// report with its charts and crosstab statistics, the REFI-QDA zip) and the export command's pickers, loaded when an
// export starts.
export { exportArticles } from '../../core/export/exporter';
export { formatLabel, parseExportOptions, pickFormat, pickGrouping, pickScope, pickWhat } from './exportOptions';
