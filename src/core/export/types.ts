import type { GroupBy } from '../variables/groupBy';
import type { CooccurrenceOf } from '../concordance/cooccur';
import type { KwicSort } from '../concordance/kwic';
import type { WindowKind } from '../concordance/query';
import type { ArticleVariables } from '../variables/types';
import type { Analysis } from '../analyze/types';
import type { Anchor, AnchorState, PairAnchor, SidecarTag } from '../annotations/types';
import type { Codebook } from '../codebook/types';
import type { Lexicon } from '../lexicon/types';

/** What an export holds: user annotations, term occurrences, counts, tension sites, or all of it (`report`). */
export type ExportWhat = 'annotations' | 'terms' | 'stats' | 'sites' | 'report';

/** The file format; `w3c` is W3C Web Annotation JSON-LD, `qdpx` a REFI-QDA project (zip). */
export type ExportFormat = 'csv' | 'json' | 'md' | 'html' | 'w3c' | 'qdpx';

/** Which half of the lexicon's bilingual labels (and of the report's headings) a document uses. */
export type ExportLanguage = 'zh' | 'en';

/** An article's annotations, re-anchored against the text being exported. */
export interface ExportAnnotations {
  readonly tags: readonly SidecarTag[];
  readonly anchors: readonly Anchor[];
  /** Whose sidecar they come from (`a.md.tension.<coder>.json`); absent for the single / consensus sidecar. */
  readonly coder?: string;
  /** The article memo of its sidecar; absent when there is none. */
  readonly memo?: string;
  /** Tension pairs, re-anchored against the same text; absent or empty when the sidecar has none. */
  readonly pairs?: readonly PairAnchor[];
}

/** One article to export: its text as the editor holds it (no BOM), its analysis and its annotations. */
export interface ExportArticle {
  /** The path shown in the export (workspace- or command-line-relative, '/' separators). */
  readonly path: string;
  /** An absolute IRI of the article (`file:///…`), the W3C target `source`; `path` when absent. */
  readonly uri?: string;
  /** A link from the export file to the article, for line links in Markdown and HTML; `path` when absent. */
  readonly href?: string;
  readonly text: string;
  readonly analysis: Analysis;
  /** Undefined when the article has no sidecar (no annotations). */
  readonly annotations?: ExportAnnotations;
  /**
   * Further coders' annotations of the article, each set with its `coder` (an export of all coders); exported beside
   * `annotations`, the tags matched by label.
   */
  readonly coders?: readonly ExportAnnotations[];
  /** The article's document variables (front matter and tension-variables.csv); absent when it has none. */
  readonly variables?: ArticleVariables;
}

/** A file left out of an export, and why (a malformed sidecar, an unreadable article). */
export interface ExportProblem {
  readonly path: string;
  readonly message: string;
}

/** Everything a writer needs; the adapters (CLI, extension) read the files, the core only turns data into bytes. */
export interface ExportRequest {
  readonly what: ExportWhat;
  readonly format: ExportFormat;
  readonly articles: readonly ExportArticle[];
  readonly lexicon: Lexicon;
  readonly language: ExportLanguage;
  /** ISO 8601 time of the export; passed in so that the same input gives the same bytes. */
  readonly created: string;
  readonly generator: { readonly name: string; readonly version: string };
  /** Pinyin (tone marks) of a text; without it term rows fall back to the lexicon's pinyin, annotation rows get ''. */
  readonly pinyin?: (text: string) => string;
  /** Files already left out by the adapter; reported in the JSON, Markdown and HTML exports. */
  readonly skipped?: readonly ExportProblem[];
  /** Group the articles by a document variable: the Markdown export and the HTML report then add the groups, crosstab and trend. */
  readonly groupBy?: GroupBy;
  /** The HTML report adds the co-occurrence matrix of these windows and labels over all the articles (`cooccur --json`'s numbers). */
  readonly cooccurrence?: { readonly window: WindowKind; readonly of: CooccurrenceOf };
  /**
   * The HTML report adds the concordance of this query over all the articles (`kwic --json`'s lines). The adapter
   * checks the query first (`checkQuery`); one that does not parse is stated in the section, not thrown.
   */
  readonly concordance?: { readonly query: string; readonly width?: number; readonly sort?: KwicSort };
  /** The shared codebook (tag memos, project memo); annotation exports show its memos. */
  readonly codebook?: Codebook;
}

/** How much went into an export. `orphaned` annotations have no place in the text and are left out of QDPX. */
export interface ExportSummary {
  readonly articles: number;
  readonly annotations: number;
  readonly terms: number;
  readonly sites: number;
  readonly orphaned: number;
}

/**
 * The export's bytes and what went into it, or why there are none: `nothing` when the articles hold nothing of
 * `what` (no file should be written), `unsupported` for a `what` the format cannot hold (see `FORMATS_FOR`).
 */
export type ExportResult =
  | { readonly ok: true; readonly bytes: Uint8Array; readonly summary: ExportSummary }
  | { readonly ok: false; readonly reason: 'nothing' | 'unsupported' };

/** A tag as an export shows it: id, label and colour (the id itself when the sidecar no longer lists the tag). */
export interface ItemTag {
  readonly id: string;
  readonly label: string;
  readonly color?: string;
}

/** Where an item is: 1-based line and column (UTF-16, as editors count), 0-based half-open UTF-16 offsets. */
export interface ItemPlace {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly start: number;
  readonly end: number;
}

/** A user annotation as a row. For an orphan, the place and text are where it last was. */
export interface AnnotationItem extends ItemPlace {
  readonly kind: 'annotation';
  readonly id: string;
  readonly text: string;
  readonly tags: readonly ItemTag[];
  readonly note: string;
  /** The sentence(s) the annotation sits in, whitespace collapsed; '' for an orphan. */
  readonly context: string;
  readonly pinyin: string;
  readonly state: AnchorState;
  readonly created: string;
  readonly modified: string;
  readonly prefix: string;
  readonly suffix: string;
  /** The coder whose sidecar holds it; absent for the single / consensus sidecar. */
  readonly coder?: string;
}

/** One end of a tension pair: where it is (as an annotation row places itself), its text and how it fits the text. */
export interface PairEndItem {
  readonly line: number;
  readonly column: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly prefix: string;
  readonly suffix: string;
  readonly state: AnchorState;
}

/** A tension pair: two passages linked on an axis, with a note; an orphaned end keeps its last place and text. */
export interface PairItem {
  readonly kind: 'pair';
  readonly file: string;
  readonly id: string;
  readonly axis: string;
  readonly note: string;
  readonly created: string;
  readonly modified: string;
  readonly ends: readonly [PairEndItem, PairEndItem];
  readonly coder?: string;
}

/** A term occurrence found by the analysis, as a row. */
export interface TermItem extends ItemPlace {
  readonly kind: 'term';
  readonly text: string;
  readonly term: string;
  readonly axis: string;
  readonly pole: string;
  readonly negated: boolean;
  readonly context: string;
  readonly pinyin: string;
}

/** A tension site (a sentence where both poles of an axis meet), as a row. */
export interface SiteItem extends ItemPlace {
  readonly kind: 'site';
  readonly axis: string;
  readonly text: string;
  readonly poleA: { readonly pole: string; readonly terms: readonly string[] };
  readonly poleB: { readonly pole: string; readonly terms: readonly string[] };
  readonly markers: readonly string[];
}
