/**
 * The messages between the extension and the dashboard webview, and the webview's saved state. Types only: the
 * extension (Node) and the webview script (browser) both import them, so both sides agree at compile time.
 */
import type { Cooccurrence, CooccurrenceOf } from '../concordance/cooccur';
import type { WindowKind } from '../concordance/query';
import type { PoleColor } from '../lexicon/palette';
import type { PluralForms } from '../text/plural';
import type { SortKey, TableView } from './table';
import type { ArticleDetail, DashboardModel } from './types';

/** The UI strings of the webview, translated on the extension side (`vscode.l10n.t`). */
export interface DashboardStrings {
  readonly title: string;
  readonly overview: string;
  readonly article: string;
  readonly compare: string;
  readonly colArticle: string;
  readonly colProfile: string;
  readonly colTerms: string;
  readonly colBalance: string;
  readonly colSites: string;
  readonly colAnnotations: string;
  readonly colCompare: string;
  readonly workspaceTotals: string;
  readonly profileNote: string;
  readonly filterPlaceholder: string;
  readonly sortByAxis: string;
  readonly noAxisSort: string;
  /** `{0}` the articles, `{1}` the terms, `{2}` the tension sites (each counted by its own plural forms below). */
  readonly summary: string;
  /** `{0}` articles. */
  readonly articleCount: PluralForms;
  /** `{0}` terms. */
  readonly termCount: PluralForms;
  /** `{0}` tension sites. */
  readonly siteCount: PluralForms;
  /** `{0}` files. */
  readonly skipped: PluralForms;
  /** `{0}` done, `{1}` in all (the plural follows `{1}`). */
  readonly scanning: PluralForms;
  readonly empty: string;
  readonly noMatch: string;
  readonly errorBinary: string;
  readonly errorEncoding: string;
  /** `{0}` the legacy encoding the bytes read in (GB18030, Big5). */
  readonly errorEncodingAs: string;
  /** `{0}` MB. */
  readonly errorTooLarge: string;
  /** `{0}` the reason. */
  readonly errorUnreadable: string;
  readonly noArticle: string;
  readonly profileBySection: string;
  readonly profileHint: string;
  readonly sites: string;
  readonly noSites: string;
  readonly topTerms: string;
  readonly annotationsByTag: string;
  readonly noAnnotations: string;
  readonly untagged: string;
  readonly beforeFirstHeading: string;
  /** A profile row standing for several sections: `{0}` how many, `{1}` the first title, `{2}` the last. */
  readonly sectionGroup: string;
  /** `{0}` the 1-based line. */
  readonly line: string;
  readonly compareHint: string;
  readonly perThousand: string;
  readonly clearSelection: string;
  /** `{0}` the row's path. */
  readonly openArticle: string;
  /** `{0}` weaker pole share; the tooltip of the balance cell. */
  readonly balanceHint: string;
  readonly refresh: string;
  /** The Groups tab: articles grouped by a document variable. */
  readonly groups: string;
  readonly groupBy: string;
  readonly noGrouping: string;
  /** `{0}` the variable, for a date variable grouped by year, quarter and month. */
  readonly byYear: string;
  readonly byQuarter: string;
  readonly byMonth: string;
  readonly noVariables: string;
  readonly colValue: string;
  readonly colFiles: string;
  readonly colCharacters: string;
  readonly colRate: string;
  readonly noValue: string;
  readonly groupBalance: string;
  readonly crosstab: string;
  readonly crosstabHint: string;
  /** `{0}` chi-square, `{1}` degrees of freedom, `{2}` p, `{3}` Cramér's V, `{4}` hits. */
  readonly chiSquare: string;
  readonly chiSquareNone: string;
  /** `{0}` cells with an expected count under 5, `{1}` cells in all. */
  readonly warnSparse: string;
  /** `{0}` the smallest expected count. */
  readonly warnBelowOne: string;
  readonly trend: string;
  /** `{0}` the minimum number of articles a period needs. */
  readonly trendFew: string;
  readonly pole: string;
  /** The tooltip of a variable cell. */
  readonly editVariableHint: string;
  /** The Co-occurrence tab: a matrix of poles and tags counted per window. */
  readonly cooccur: string;
  readonly cooccurWindow: string;
  readonly windowSentence: string;
  readonly windowParagraph: string;
  readonly windowSection: string;
  readonly cooccurOf: string;
  readonly ofPoles: string;
  readonly ofTags: string;
  readonly ofBoth: string;
  readonly cooccurScope: string;
  readonly scopeWorkspace: string;
  /** `{0}` the active article's path. */
  readonly scopeArticle: string;
  /** `{0}` how many articles the user selected (Explorer or the palette's pick). */
  readonly scopeSelection: PluralForms;
  /** The button that leaves a selection for the whole workspace. */
  readonly scopeBackToWorkspace: string;
  readonly cooccurHint: string;
  /** A cell's tooltip: `{0}`, `{1}` the labels, `{2}` the windows. */
  readonly cooccurCell: string;
  readonly cooccurComputing: string;
  readonly cooccurEmpty: string;
  readonly tagWord: string;
  /** `{0}` articles counted. */
  readonly cooccurFiles: string;
  /** The button that exports the HTML report with this matrix. */
  readonly cooccurExport: string;
}

/** Which articles a co-occurrence matrix is counted over: the selection is `files`. */
export type CooccurrenceScope = 'workspace' | 'article' | 'selection';

/** What the Co-occurrence tab counts: the window, the labels and the articles. */
export interface CooccurrenceSettings {
  readonly window: WindowKind;
  readonly of: CooccurrenceOf;
  readonly scope: CooccurrenceScope;
  /**
   * The selected articles (URI strings, sorted), for the `selection` scope; kept while another scope is shown, so
   * the tab can go back to them.
   */
  readonly files?: readonly string[];
}

export const INITIAL_COOCCURRENCE: CooccurrenceSettings = { window: 'sentence', of: 'poles', scope: 'workspace' };

/** A matrix counted for the tab, with what it was counted from. */
export interface DashboardCooccurrence {
  readonly type: 'cooccurrence';
  readonly settings: CooccurrenceSettings;
  readonly matrix: Cooccurrence;
  /** How many articles were read. */
  readonly files: number;
  /** The article counted, for the `article` scope (its path); absent when no article is open. */
  readonly article?: string;
}

/** Everything the webview shows, posted whenever something changed (and in reply to `ready`). */
export interface DashboardUpdate {
  readonly type: 'update';
  readonly model: DashboardModel;
  /**
   * The article view: the active (or last active) article, its sections grouped for display (`displayDetail`);
   * undefined when none is open — or when the webview holds it already (`articleKey` unchanged).
   */
  readonly article?: ArticleDetail;
  /** Names the article view's contents: the same key means the same detail, so the webview keeps what it drew. */
  readonly articleKey?: number;
  readonly scanning?: { readonly done: number; readonly total: number };
  readonly strings: DashboardStrings;
  /** `zh` or `en`: which half of the lexicon's bilingual labels to show. */
  readonly language: 'zh' | 'en';
  readonly colors: readonly PoleColor[];
}

/** Scan progress between updates. */
export interface DashboardProgress {
  readonly type: 'progress';
  readonly done: number;
  readonly total: number;
}

/** Shows the Co-occurrence tab with these settings (the command on selected articles); the tab then asks for the matrix. */
export interface DashboardShowCooccurrence {
  readonly type: 'showCooccurrence';
  readonly settings: CooccurrenceSettings;
}

export type ToWebview = DashboardUpdate | DashboardProgress | DashboardCooccurrence | DashboardShowCooccurrence;

export type FromWebview =
  | { readonly type: 'ready' }
  | { readonly type: 'open'; readonly path: string }
  | { readonly type: 'reveal'; readonly path: string; readonly start: number; readonly end: number }
  | { readonly type: 'refresh' }
  /** An overview cell edited: the article's variable in tension-variables.csv (the table reloads, the row follows). */
  | { readonly type: 'setVariable'; readonly path: string; readonly name: string; readonly value: string }
  /** Sent after each render: which view is shown and how many rows or items it holds (tests read it). */
  | { readonly type: 'rendered'; readonly view: DashboardView; readonly rows: number }
  /** The Co-occurrence tab asks for the matrix of these settings (answered with a `cooccurrence` message). */
  | { readonly type: 'cooccur'; readonly settings: CooccurrenceSettings }
  /** A matrix cell clicked: the concordance of its windows (`cellQuery`) over the matrix's articles. */
  | { readonly type: 'cooccurCell'; readonly settings: CooccurrenceSettings; readonly row: number; readonly column: number }
  /** The HTML report of the matrix's articles with the matrix as a section. */
  | { readonly type: 'cooccurExport'; readonly settings: CooccurrenceSettings };

export type DashboardView = 'overview' | 'article' | 'compare' | 'groups' | 'cooccur';

/** What the webview keeps with `setState` (and VS Code hands back to the serializer after a reload). */
export interface DashboardState {
  readonly view: DashboardView;
  readonly table: TableView;
  /** Paths chosen for Compare, in the order chosen. */
  readonly compare: readonly string[];
  /** Compare counts per 1,000 characters instead of raw counts. */
  readonly perThousand: boolean;
  /** The Groups tab's grouping, as `stats --by` writes it (`source`, `date:year`); empty for none. */
  readonly groupBy?: string;
  /** The Co-occurrence tab's window, labels and articles. */
  readonly cooccur?: CooccurrenceSettings;
}

/** The state of a dashboard opened for the first time. */
export const INITIAL_STATE: DashboardState = {
  view: 'overview',
  table: { sort: 'path' satisfies SortKey, descending: false, filter: '' },
  compare: [],
  perThousand: false,
};
