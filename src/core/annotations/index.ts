/**
 * Annotations on an article, saved in a sidecar JSON beside it: the file format, creating annotations, following live
 * edits, re-anchoring after outside changes, and an undoable in-memory set. Pure: no `vscode`, no Node built-ins.
 */
export { createAnnotation, describeDocument, newId, newSidecar, sha256Hex, type NewAnnotation } from './create';
export { type TextSource, followEdits, stringSource } from './followEdits';
export { applyEdits, type TextChange } from './liveEdits';
export { CONTEXT_LENGTH, quoteAt } from './quote';
export { FUZZY_THRESHOLD, SHORT_QUOTE, reanchor, reanchorAll, summarize } from './reanchor';
export { sidecarForSave } from './save';
export { compareAnnotations, comparePairs, serializeSidecar } from './serialize';
export { type NewTensionPair, type PairSpan, createTensionPair, followPairEdits, pairForSave, pairIsOrphaned, reanchorPair } from './pairs';
export { parseSidecar, type ParsedSidecar, type SidecarProblem } from './sidecar';
export { ANONYMOUS_CODER, coderOfSidecarName, coderSidecarPathFor, fileSafeCoder, isCoderSidecarPath } from './coderSidecar';
export { SIDECAR_FOLDER, SIDECAR_SUFFIX, isSidecarPath, sidecarPathFor, type SidecarLocation } from './sidecarPath';
export { AnnotationSet, mergeTagsByLabel } from './store';
export {
  SIDECAR_SCHEMA_ID, SIDECAR_VERSION,
  type Anchor, type AnchorState, type AnchorSummary, type Annotation, type AnnotationTarget, type Extras, type JsonValue,
  type Sidecar, type SidecarDocument, type SidecarTag, type TextPosition, type TextQuote,
} from './types';
export type { PairAnchor, TensionPair } from './types';
export { formatJsonProblem, type JsonProblem } from '../json/problems';
