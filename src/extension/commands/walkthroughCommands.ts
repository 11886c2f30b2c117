import * as vscode from 'vscode';
import type { AnalysisService } from '../analysis/analysisService';
import type { PoleDecorations } from '../decorations/poleDecorations';

/**
 * The Get Started walkthrough's buttons. A walkthrough runs its links while the Welcome page is the active editor,
 * so commands that act on "the active article" found none: Annotate Selection did nothing, and Export HTML Report
 * exported the whole workspace without asking. These first make an article active — the one already beside the
 * Welcome page, else the sample — and then do what the button says on it.
 */

/** An article in an editor tab (the Welcome page may cover it in its group), the active group's first. */
function articleInTabs(analyses: AnalysisService): { document: vscode.TextDocument; column: vscode.ViewColumn } | undefined {
  const groups = [vscode.window.tabGroups.activeTabGroup, ...vscode.window.tabGroups.all];
  for (const group of groups) {
    for (const tab of [group.activeTab, ...group.tabs]) {
      const input = tab?.input;
      if (!(input instanceof vscode.TabInputText)) continue;
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === input.uri.toString());
      if (document && analyses.isArticle(document)) return { document, column: group.viewColumn };
    }
  }
  return undefined;
}

/**
 * The article to act on, made the active editor: the active one, else one on screen, else one in a tab (behind the
 * Welcome page), else the sample, opened for the purpose.
 */
async function articleEditor(analyses: AnalysisService): Promise<vscode.TextEditor | undefined> {
  const isArticle = (e: vscode.TextEditor | undefined): e is vscode.TextEditor => !!e && analyses.isArticle(e.document);
  const active = vscode.window.activeTextEditor;
  const visible = isArticle(active) ? active : vscode.window.visibleTextEditors.find(isArticle);
  const target = visible ? { document: visible.document, column: visible.viewColumn, selection: visible.selection } : articleInTabs(analyses);
  let editor: vscode.TextEditor | undefined;
  if (target) {
    editor = await vscode.window.showTextDocument(target.document, {
      ...(target.column ? { viewColumn: target.column } : {}), ...('selection' in target ? { selection: target.selection } : {}), preserveFocus: false,
    });
  } else {
    await vscode.commands.executeCommand('tensionLens.openSample');
    editor = isArticle(vscode.window.activeTextEditor) ? vscode.window.activeTextEditor : undefined;
  }
  if (editor) await analyses.whenAnalyzed(editor.document);
  return editor;
}

/** Selects the first tension site (a sentence holding both poles of an axis), or the first sentence, when nothing is selected. */
function selectASentence(editor: vscode.TextEditor, analyses: AnalysisService): void {
  if (!editor.selection.isEmpty) return;
  const analysis = analyses.get(editor.document.uri)?.analysis;
  const range = analysis?.siteAt(0) ?? analysis?.sentences[0];
  if (!range) return;
  const selection = new vscode.Selection(editor.document.positionAt(range.start), editor.document.positionAt(range.end));
  editor.selection = selection;
  editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

const noArticle = (): void => {
  void vscode.window.showInformationMessage(vscode.l10n.t('Open a Markdown or plain-text article with Chinese text, or the sample article, first.'));
};

/** Registers the walkthrough's three buttons: Show Highlights, Annotate Selection, Export HTML Report. */
export function registerWalkthroughCommands(analyses: AnalysisService, decorations: PoleDecorations): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('tensionLens.walkthrough.showHighlights', async () => {
      const editor = await articleEditor(analyses);
      if (!editor) return noArticle();
      if (!decorations.enabled) await vscode.commands.executeCommand('tensionLens.toggleHighlights');
    }),
    vscode.commands.registerCommand('tensionLens.walkthrough.annotate', async () => {
      const editor = await articleEditor(analyses);
      if (!editor) return noArticle();
      selectASentence(editor, analyses);
      return vscode.commands.executeCommand('tensionLens.annotateSelection', { uri: editor.document.uri.toString() });
    }),
    vscode.commands.registerCommand('tensionLens.walkthrough.exportReport', async () => {
      const editor = await articleEditor(analyses);
      if (!editor) return noArticle();
      // The article on screen only: a walkthrough button must not export a whole workspace without asking.
      return vscode.commands.executeCommand('tensionLens.exportHtmlReport', { scope: 'file' });
    }),
  ];
}
