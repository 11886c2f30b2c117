import * as vscode from 'vscode';
import type { DashboardUpdate } from '../../core/dashboard';
import { DASHBOARD_VIEW_TYPE, DashboardPanel, type DashboardServices, type RenderedReport, dashboardOptions } from './dashboardPanel';
import { selectedArticles } from '../files/selectedArticles';
import { dashboardStrings } from './strings';

/** `Tension Lens: Co-occurrence of Selected Articles`: from the Explorer's context menu, or the palette (it asks). */
export const COOCCUR_SELECTED_COMMAND = 'tensionLens.cooccurSelected';

/** What tests (through the extension API) can see of the dashboard. */
export interface DashboardSnapshot {
  readonly open: boolean;
  /** True while the workspace scan runs. */
  readonly scanning: boolean;
  /** The last message posted to the webview: the model, the article view, strings and colours. */
  readonly posted?: DashboardUpdate;
  /** What the webview last reported it rendered. */
  readonly rendered?: RenderedReport;
}

/**
 * `Tension Lens: Open Dashboard`: one dashboard panel at a time, restored after a window reload by a
 * `WebviewPanelSerializer` (the webview keeps its own UI state with `setState`).
 */
export class Dashboard implements vscode.Disposable {
  readonly #services: DashboardServices;
  readonly #subscriptions: vscode.Disposable[];
  #current: DashboardPanel | undefined;

  constructor(services: DashboardServices) {
    this.#services = services;
    this.#subscriptions = [
      vscode.commands.registerCommand('tensionLens.openDashboard', () => this.open()),
      vscode.commands.registerCommand(COOCCUR_SELECTED_COMMAND, (clicked?: unknown, selected?: unknown) => this.#cooccurSelected(clicked, selected)),
      vscode.window.registerWebviewPanelSerializer(DASHBOARD_VIEW_TYPE, {
        deserializeWebviewPanel: (panel: vscode.WebviewPanel) => {
          this.#adopt(panel, undefined);
          return Promise.resolve();
        },
      }),
    ];
  }

  /** Shows the dashboard, opening it beside the active editor if it is not open yet. */
  open(): void {
    if (this.#current) {
      this.#current.reveal();
      return;
    }
    // Read before the panel takes focus: the active editor is the first article of the article view.
    const active = this.#visibleArticle();
    const panel = vscode.window.createWebviewPanel(DASHBOARD_VIEW_TYPE, dashboardStrings().title,
      { viewColumn: vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active, preserveFocus: false },
      dashboardOptions(this.#services.extensionUri));
    this.#adopt(panel, active);
  }

  /** The Co-occurrence tab counting over the articles selected in the Explorer (or picked from the palette). */
  async #cooccurSelected(clicked: unknown, selected: unknown): Promise<void> {
    const articles = await selectedArticles(clicked, selected, this.#services.config.current.include, {
      title: vscode.l10n.t('Tension Lens: Co-occurrence of Selected Articles'),
      placeHolder: vscode.l10n.t('Check the articles to count co-occurrences over, then press Enter'),
    });
    if (!articles) return;
    this.open();
    this.#current?.showCooccurrence(articles);
  }

  /** The active editor's article, else the first visible one: what the article view starts with. */
  #visibleArticle(): vscode.Uri | undefined {
    const isArticle = (e: vscode.TextEditor | undefined): e is vscode.TextEditor => !!e && this.#services.analyses.isArticle(e.document);
    const editor = isArticle(vscode.window.activeTextEditor) ? vscode.window.activeTextEditor : vscode.window.visibleTextEditors.find(isArticle);
    return editor?.document.uri;
  }

  #adopt(panel: vscode.WebviewPanel, active: vscode.Uri | undefined): void {
    this.#current?.dispose();
    const current = new DashboardPanel(panel, this.#services, active ?? this.#visibleArticle());
    this.#current = current;
    current.onDidDispose(() => {
      if (this.#current === current) this.#current = undefined;
    });
  }

  /** For tests, through the extension API. */
  snapshot(): DashboardSnapshot {
    const current = this.#current;
    if (!current) return { open: false, scanning: false };
    return {
      open: true, scanning: current.scanning,
      ...(current.lastPosted ? { posted: current.lastPosted } : {}),
      ...(current.lastRendered ? { rendered: current.lastRendered } : {}),
    };
  }

  dispose(): void {
    this.#current?.dispose();
    for (const d of this.#subscriptions) d.dispose();
  }
}
