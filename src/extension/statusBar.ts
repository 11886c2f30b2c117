import * as vscode from 'vscode';
import { plural } from './plural';
import type { AnalysisService } from './analysis/analysisService';
import type { ConfigService } from './config';

/** Per-axis pole counts of the active article in the status bar; a click opens the Tension Lens sidebar. */
export class TensionStatusBar implements vscode.Disposable {
  readonly #item = vscode.window.createStatusBarItem('tensionLens.counts', vscode.StatusBarAlignment.Right, 100);
  readonly #analyses: AnalysisService;
  readonly #config: ConfigService;
  readonly #subscriptions: vscode.Disposable[] = [];

  constructor(analyses: AnalysisService, config: ConfigService) {
    this.#analyses = analyses;
    this.#config = config;
    this.#item.name = vscode.l10n.t('Tension Lens counts');
    this.#item.command = 'workbench.view.extension.tensionLens';
    this.#subscriptions.push(
      analyses.onDidAnalyze(() => this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
    );
    this.update();
  }

  /** The text shown, for tests: empty when hidden. */
  get text(): string {
    return this.#item.text;
  }

  refresh(): void {
    this.update();
  }

  update(): void {
    const editor = vscode.window.activeTextEditor;
    const analysis = editor ? this.#analyses.get(editor.document.uri)?.analysis : undefined;
    if (!analysis) {
      this.#item.text = '';
      this.#item.hide();
      return;
    }
    const parts: string[] = [];
    const rows: string[] = [`| ${vscode.l10n.t('Axis')} | | |`, '|---|---:|---:|'];
    for (const axis of analysis.lexicon.lexicon.axes) {
      const a = analysis.counts.axes[axis.id];
      if (!a || a.total === 0 || !this.#config.isAxisEnabled(axis.id)) continue;
      const [p, q] = axis.poles;
      parts.push(`${p.label.zh}${a.poles[p.id] ?? 0}:${a.poles[q.id] ?? 0}${q.label.zh}`);
      rows.push(`| ${axis.label.zh} | ${p.label.zh} ${a.poles[p.id] ?? 0} | ${q.label.zh} ${a.poles[q.id] ?? 0} |`);
    }
    this.#item.text = `$(symbol-color) ${parts.slice(0, 3).join(' · ') || vscode.l10n.t('no tension terms')}`;
    const tooltip = new vscode.MarkdownString(`**Tension Lens** — ${plural(analysis.hitCount, vscode.l10n.t('{0} term', analysis.hitCount), vscode.l10n.t('{0} terms', analysis.hitCount))}, ${plural(analysis.siteCount, vscode.l10n.t('{0} tension site', analysis.siteCount), vscode.l10n.t('{0} tension sites', analysis.siteCount))}\n\n${rows.join('\n')}`);
    this.#item.tooltip = tooltip;
    this.#item.show();
  }

  dispose(): void {
    for (const d of this.#subscriptions) d.dispose();
    this.#item.dispose();
  }
}
