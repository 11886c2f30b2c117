import * as vscode from 'vscode';
import type { AnalysisService } from '../analysis/analysisService';
import { hitAtOffset } from '../analysis/lookup';
import type { TermTreeProvider } from '../views/termTree';

async function documentFor(uri: string): Promise<vscode.TextDocument> {
  const parsed = vscode.Uri.parse(uri);
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === parsed.toString()) ?? vscode.workspace.openTextDocument(parsed);
}

/** Internal: reveal and select `[start, end)` of a document (the Terms view's occurrences run it). */
export function registerRevealRange(): vscode.Disposable {
  return vscode.commands.registerCommand('_tensionLens.revealRange', async (uri: string, start: number, end: number) => {
    const document = await documentFor(uri);
    const range = new vscode.Range(document.positionAt(start), document.positionAt(end));
    const editor = await vscode.window.showTextDocument(document, { selection: range, preserveFocus: false });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  });
}

/** `Show all occurrences` (hover link): the term's occurrences in the file, in the references peek view. */
export function registerShowOccurrences(analyses: AnalysisService): vscode.Disposable {
  return vscode.commands.registerCommand('tensionLens.showOccurrences', async (uri?: string, termId?: string) => {
    const editor = vscode.window.activeTextEditor;
    const document = uri ? await documentFor(uri) : editor?.document;
    if (!document) return;
    const result = await analyses.whenAnalyzed(document);
    if (!result) return;
    const at = editor?.document === document ? document.offsetAt(editor.selection.active) : 0;
    const { analysis } = result;
    const term = termId ?? hitAtOffset(analysis, at)?.term;
    // From the table: which compiled terms carry the id, then one pass over the term column.
    const wanted = analysis.lexicon.terms.map((t) => t.term.id === term);
    const t = analysis.hitTable;
    const locations: vscode.Location[] = [];
    for (let i = 0; i < t.count; i++) {
      if (!wanted[t.term[i] as number]) continue;
      locations.push(new vscode.Location(document.uri, new vscode.Range(document.positionAt(t.start[i] as number), document.positionAt(t.end[i] as number))));
    }
    if (locations.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Put the cursor on a highlighted term to list its occurrences.'));
      return;
    }
    await vscode.commands.executeCommand('editor.action.showReferences', document.uri, locations[0]?.range.start, locations);
  });
}

/** `Filter Terms…` / `Clear Filter` for the Terms view. */
export function registerFilterTerms(tree: TermTreeProvider, view: vscode.TreeView<unknown>): vscode.Disposable[] {
  const apply = async (text: string): Promise<void> => {
    tree.filter = text;
    view.message = text ? vscode.l10n.t('Filtered by “{0}”', text) : '';
    await vscode.commands.executeCommand('setContext', 'tensionLens.termsFiltered', text.length > 0);
  };
  return [
    vscode.commands.registerCommand('tensionLens.filterTerms', async (text?: unknown) => {
      const value = typeof text === 'string' ? text : await vscode.window.showInputBox({ title: vscode.l10n.t('Filter terms'), value: tree.filter, placeHolder: vscode.l10n.t('Part of a term, e.g. 开源') });
      if (value !== undefined) await apply(value);
    }),
    vscode.commands.registerCommand('tensionLens.clearFilter', () => apply('')),
  ];
}
