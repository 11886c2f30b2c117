import type { Anchor, SidecarTag } from '../annotations/types';

/** One coder's coding of one article: the tags of their sidecar and their annotations placed in the current text. */
export interface Coding {
  /** The coder's name, as given (e.g. from the sidecar file name). */
  readonly coder: string;
  readonly tags: readonly SidecarTag[];
  /** Re-anchored annotations; orphaned ones are ignored (they mark no unit). */
  readonly anchors: readonly Anchor[];
}

/** Why a coefficient is `null`: no units at all, or every unit coded the same way by both (no variation). */
export type UndefinedReason = 'no-units' | 'no-variation';

/** A coefficient, or `null` with the reason it is undefined. */
export type Coefficient = { readonly value: number; readonly reason?: undefined } | { readonly value: null; readonly reason: UndefinedReason };

/** Units marked by coder A, by coder B and by both, out of `units`. */
export interface UnitCounts {
  readonly units: number;
  readonly a: number;
  readonly b: number;
  readonly both: number;
}

/** The agreement on one tag over some units: the counts and the three figures computed from them. */
export interface TagAgreement extends UnitCounts {
  /** The tag's label (tags are matched across coders by label, trimmed). */
  readonly tag: string;
  /** Share of units both coded the same way (both marked or both unmarked), 0–100; null when there are no units. */
  readonly percent: Coefficient;
  readonly kappa: Coefficient;
  readonly alpha: Coefficient;
}

/** Which coder marked a stretch of text for a tag. */
export type SpanKind = 'both' | 'a' | 'b';

/** A maximal stretch `[start, end)` (UTF-16 offsets) of units marked the same way for one tag; line breaks inside are not units. */
export interface AgreementSpan {
  readonly start: number;
  readonly end: number;
  readonly kind: SpanKind;
}

/** The agreement of two coders on one article: per tag (labels in first-seen order: A's codebook, then B's), with the passages. */
export interface ArticleAgreement {
  readonly units: number;
  readonly tags: readonly (TagAgreement & { readonly spans: readonly AgreementSpan[] })[];
}
