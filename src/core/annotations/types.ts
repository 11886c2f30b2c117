/**
 * The sidecar model. It mirrors the file (`<article>.tension.json`) field for field, except that the W3C selector
 * array becomes two named selectors and each object's unknown fields are gathered in `extras`, so a rewrite keeps
 * them. What is computed on load (how well each annotation still fits the text) lives in `Anchor`, never in the file.
 */

/** Any JSON value, as `JSON.parse` returns it. */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** Fields this version does not know, in their original order; absent when there are none. */
export type Extras = Readonly<Record<string, JsonValue>>;

/** The only sidecar format version this code reads and writes. */
export const SIDECAR_VERSION = 1;

/** The `$id` of `schemas/sidecar.schema.json`. */
export const SIDECAR_SCHEMA_ID = 'https://tension-lens.dev/schemas/sidecar.schema.json';

/** The article the annotations were made on, as it was when the sidecar was last saved. */
export interface SidecarDocument {
  /** Workspace-relative path (or file name) with '/' separators; informational only. */
  readonly path: string;
  /** SHA-256 of the text (UTF-8), lower-case hex. */
  readonly sha256: string;
  /** Length of the text in UTF-16 code units. */
  readonly length: number;
  readonly extras?: Extras;
}

/** A tag annotations can carry; annotations refer to it by `id`, so renaming the label touches nothing else. */
export interface SidecarTag {
  readonly id: string;
  readonly label: string;
  readonly color?: string;
  readonly description?: string;
  readonly extras?: Extras;
}

/** W3C TextQuoteSelector without its `type`: the annotated text and up to 32 UTF-16 units of context each side. */
export interface TextQuote {
  readonly exact: string;
  readonly prefix: string;
  readonly suffix: string;
  readonly extras?: Extras;
}

/** W3C TextPositionSelector without its `type`: a half-open range in UTF-16 code units. */
export interface TextPosition {
  readonly start: number;
  readonly end: number;
  readonly extras?: Extras;
}

/** Where an annotation is: both selectors, plus any selectors of other kinds found in the file (kept, unused). */
export interface AnnotationTarget {
  readonly quote: TextQuote;
  readonly position: TextPosition;
  readonly otherSelectors?: readonly { readonly [key: string]: JsonValue }[];
  readonly extras?: Extras;
}

/** One annotation: tags and a note on a range of the article. */
export interface Annotation {
  readonly id: string;
  /** Tag ids; an id missing from the sidecar's tags is kept (shown as an unknown tag), never dropped. */
  readonly tags: readonly string[];
  readonly note: string;
  /** ISO 8601. */
  readonly created: string;
  /** ISO 8601; changed when the user edits this annotation's tags, note or range, not by re-anchoring or tag merges. */
  readonly modified: string;
  readonly target: AnnotationTarget;
  readonly extras?: Extras;
}

/**
 * A tension pair: two passages linked as the two sides of one tension, on an axis, with a note. In the file it is a
 * W3C annotation with motivation `linking` whose two targets carry the same selectors as an annotation's, so each
 * end is re-anchored (and orphaned, never dropped) exactly like an annotation.
 */
export interface TensionPair {
  readonly id: string;
  /** Lexicon axis id; '' when the user chose none. */
  readonly axis: string;
  readonly note: string;
  /** ISO 8601. */
  readonly created: string;
  /** ISO 8601; changed when the user edits the pair, not by re-anchoring. */
  readonly modified: string;
  readonly ends: readonly [AnnotationTarget, AnnotationTarget];
  readonly extras?: Extras;
}

/** A pair with how each end fits the current text (see `AnchorState`; an orphaned end keeps its last selectors). */
export interface PairAnchor {
  readonly pair: TensionPair;
  readonly states: readonly [AnchorState, AnchorState];
}

/** The whole sidecar file. */
export interface Sidecar {
  /** Kept as written; not written unless present (see `newSidecar`). */
  readonly $schema?: string;
  readonly version: typeof SIDECAR_VERSION;
  readonly document: SidecarDocument;
  /** The article memo (notes on the article as a whole); absent when there is none, never written empty. */
  readonly memo?: string;
  readonly tags: readonly SidecarTag[];
  readonly annotations: readonly Annotation[];
  /** Tension pairs; absent (not written) when there are none, so older sidecars read and write byte for byte. */
  readonly pairs?: readonly TensionPair[];
  readonly extras?: Extras;
}

/**
 * How an annotation fits the current text, computed on load and kept in memory only:
 * `exact` same range and quote; `moved` same quote elsewhere; `fuzzy` a similar text nearby (quote updated);
 * `orphaned` not found, so it keeps its last selectors and waits to be re-pinned or found again.
 */
export type AnchorState = 'exact' | 'moved' | 'fuzzy' | 'orphaned';

/** An annotation with its runtime state; for `orphaned` the target is the last known one, not a range in the text. */
export interface Anchor {
  readonly annotation: Annotation;
  readonly state: AnchorState;
}

/** How many annotations ended in each state. */
export type AnchorSummary = Readonly<Record<AnchorState, number>>;
