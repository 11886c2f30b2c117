import * as vscode from 'vscode';
import type { AnalysisService } from '../analysis/analysisService';
import type { ConfigService } from '../config';
import type { PoleDecorations } from '../decorations/poleDecorations';
import type { AnnotationService } from '../annotations/annotationService';
import type { LexiconService } from '../lexicon/lexiconService';
import type { VariableTableFiles } from '../variables/variableTables';

/** Workspace-state key of the highlight switch: per workspace, instant, and no settings file is written. */
export const HIGHLIGHTS_KEY = 'tensionLens.highlights';

/** `Tension Lens: Toggle Highlights` — on/off for this workspace, remembered across sessions. */
export function registerToggleHighlights(context: vscode.ExtensionContext, decorations: PoleDecorations): vscode.Disposable {
  return vscode.commands.registerCommand('tensionLens.toggleHighlights', async () => {
    decorations.enabled = !decorations.enabled;
    await context.workspaceState.update(HIGHLIGHTS_KEY, decorations.enabled);
    await vscode.commands.executeCommand('setContext', 'tensionLens.highlightsOn', decorations.enabled);
    vscode.window.setStatusBarMessage(decorations.enabled ? vscode.l10n.t('Tension Lens highlights on') : vscode.l10n.t('Tension Lens highlights off'), 2000);
  });
}

/** `Tension Lens: Toggle Axis…` — a multi-select pick of axes; the choice goes to `tensionLens.axes`. */
export function registerToggleAxis(config: ConfigService, lexicon: LexiconService): vscode.Disposable {
  return vscode.commands.registerCommand('tensionLens.toggleAxis', async (axisId?: unknown) => {
    const axes = lexicon.current.lexicon.axes;
    if (typeof axisId === 'string') {
      // Called with an id (tree item, tests): flip that axis without asking.
      await config.setAxes({ ...config.current.axes, [axisId]: !config.isAxisEnabled(axisId) });
      return;
    }
    const items = axes.map((axis) => ({
      label: `${axis.label.zh} · ${axis.label.en}`,
      description: `${axis.poles[0].label.zh} ↔ ${axis.poles[1].label.zh}`,
      picked: config.isAxisEnabled(axis.id),
      id: axis.id,
    }));
    const picked = await vscode.window.showQuickPick(items, { canPickMany: true, title: vscode.l10n.t('Axes to highlight'), placeHolder: vscode.l10n.t('Checked axes are highlighted') });
    if (!picked) return;
    const on = new Set(picked.map((p) => p.id));
    await config.setAxes(Object.fromEntries(axes.map((a) => [a.id, on.has(a.id)])));
  });
}

/**
 * `Tension Lens: Refresh` — reloads user lexicons, the sidecars that changed on disk and the variable tables, and
 * re-analyses what is visible: for the changes a file watcher missed (network drives, some sync tools).
 */
export function registerRefresh(lexicon: LexiconService, analyses: AnalysisService, annotations: AnnotationService, variableTables: VariableTableFiles): vscode.Disposable {
  return vscode.commands.registerCommand('tensionLens.refresh', async () => {
    variableTables.forget();
    await Promise.all([lexicon.reload(), annotations.reloadChanged()]);
    for (const editor of vscode.window.visibleTextEditors) analyses.analyzeNow(editor.document);
  });
}
