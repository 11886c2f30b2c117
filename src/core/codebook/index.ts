/**
 * The shared codebook (`tension-codebook.json`): tag memos and colours by label and the project memo, and its
 * exchange as a REFI-QDA codebook (`.qdc`) or CSV with a merge-by-label import. Pure: no `vscode`, no Node built-ins.
 */
export { CODEBOOK_CSV_COLUMNS, readCodebookCsv, writeCodebookCsv } from './csv';
export { parseCodebook, serializeCodebook, type ParsedCodebook } from './file';
export { applyImport, planImport, type CodebookUpdate, type ImportPlan } from './merge';
export { codebookTag, exchangeTags, tagMemo, withProjectMemo, withTagMemo } from './memos';
export { formatCodebookProblem, type CodebookProblem, type ReadCodebook } from './problems';
export { QDC_NAMESPACE, readQdc, tagCodeGuid, writeQdc } from './qdc';
export { CODEBOOK_FILE, CODEBOOK_SCHEMA_ID, CODEBOOK_VERSION, type Codebook, type CodebookTag, emptyCodebook } from './types';
