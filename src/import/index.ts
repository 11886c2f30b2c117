// The entry of dist/import.js: the importers (Readability, mammoth, pdf.js and turndown are large), built apart so
// that the extension and the CLI load them only when the user imports.
export { convertFile, importArticle, type ConvertOptions } from './convert';
export { ImportFailure } from '../core/import/errors';
