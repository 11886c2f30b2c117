/**
 * Intercoder agreement: two coders' codings of the same articles compared unit by unit (code points, line breaks
 * excluded) per tag — counts, percent agreement, Cohen's κ, Krippendorff's α — and segment by segment. Pure.
 */
export { cohenKappa, krippendorffAlpha, percentAgreement, tagAgreement } from './coefficients';
export { codingOf } from './coding';
export { type Disagreement, type Resolution, type Stretch, applyResolution, disagreements, resolvedStretches } from './adjudicate';
export { compareCodings, poolAgreement } from './compare';
export { type AgreementJson, type TagFiguresJson, agreementJson, tagFiguresJson } from './report';
export { compareSegments, type SegmentAgreement, type SegmentCheck } from './segments';
export type { AgreementSpan, ArticleAgreement, Coding, Coefficient, SpanKind, TagAgreement, UndefinedReason, UnitCounts } from './types';
export { labelKey, unitOffsets } from './units';
