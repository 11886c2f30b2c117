// The codebook's exchange formats (REFI-QDA .qdc and CSV), in one module of their own so that the desktop build can
// load them from dist/codebook-exchange.js when a codebook is first imported or exported (esbuild.config.mjs).
export { readCodebookCsv, writeCodebookCsv } from '../../core/codebook/csv';
export { readQdc, writeQdc } from '../../core/codebook/qdc';
