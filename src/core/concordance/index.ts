/**
 * Corpus retrieval: keyword-in-context lines for a term, pole, axis, tag, free text or a small query language, and
 * co-occurrence matrices of poles and tags per sentence, paragraph or section. Pure: the callers read the files.
 */
export type { ConcordanceArticle, Occurrence, TaggedSpan } from './article';
export { COOCCURRENCE_OFS, type Cooccurrence, type CooccurrenceOf, addCooccurrence, cellQuery, cooccurrenceOf, emptyCooccurrence } from './cooccur';
export { atomOccurrences, checkQuery, evaluateQuery } from './evaluate';
export { hitAtomOccurrences, isHitAtom } from './atomHits';
export {
  DEFAULT_KWIC_WIDTH, KWIC_SORTS, type KwicLine, type KwicSort, concordance, flattenBreaks, kwicLinesOf, leftContext, rightContext, sortKwicLines,
} from './kwic';
export { QUERY_FIELDS, type QueryField, type QueryNode, QueryError, WINDOW_KINDS, type WindowKind, atomQuery, atomsOf, parseQuery } from './query';
export { Windows, paragraphsOf, windowsOf } from './windows';
export { charColumns, displayWidth, padStartColumns } from './align';
export { type ConcordanceStrings, type FromConcordanceView, type ToConcordanceView, type ViewLine, decodeFromConcordanceView } from './protocol';
export { taggedSpansOf } from './tagged';
