import type { ChartTheme, Language, PoleColorMap } from '../../core/charts';
import type { DashboardState, DashboardUpdate, FromWebview } from '../../core/dashboard/protocol';

/** What every view renders from: the latest update, the UI state, colours for the theme, and the way back. */
export interface ViewContext {
  readonly data: DashboardUpdate;
  readonly state: DashboardState;
  readonly colors: PoleColorMap;
  readonly theme: ChartTheme;
  readonly language: Language;
  /** Width the charts may take, in px (the page's, less its padding). */
  readonly width: number;
  /** Changes the UI state (kept with `setState`) and renders again. */
  setState(patch: Partial<DashboardState>): void;
  post(message: FromWebview): void;
}

/** A view's render: replaces the contents of `root`, returns how many rows or items it shows (reported to tests). */
export type Render = (root: HTMLElement, context: ViewContext) => number;
