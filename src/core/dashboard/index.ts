/**
 * The dashboard's data model: the workspace overview, the article view and the webview protocol. Pure — built
 * from `{ path, text | error }` inputs and a lexicon with the same `analyze` as the editor and the CLI.
 */
export { TOP_TERMS, buildArticleDetail } from './detail';
export { decodeArticle, tooLarge } from './decode';
export { MAX_SECTION_ROWS, displayDetail, groupSections } from './sections';
export { gitignoreGlobs } from './gitignore';
export { type AxisPoles, axisCounts, balanceOf } from './counts';
export { type AnalysedArticle, analyseArticle, assembleModel, buildDashboardModel, dashboardAxes, sumCounts } from './model';
export {
  INITIAL_STATE, type DashboardProgress, type DashboardState, type DashboardStrings, type DashboardUpdate, type DashboardView,
  type FromWebview, type ToWebview,
} from './protocol';
export { type CooccurrenceScope, type CooccurrenceSettings, type DashboardCooccurrence, INITIAL_COOCCURRENCE } from './protocol';
export { summarizeSidecar } from './sidecarSummary';
export { type SortKey, type TableView, visibleRows } from './table';
export type {
  ArticleDetail, ArticleError, ArticleInput, ArticleRow, AxisCount, DashboardAxis, DashboardModel, DashboardPole,
  SectionProfile, SidecarSummary, SiteEntry, TagCount, TermCount,
} from './types';
