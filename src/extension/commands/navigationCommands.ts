import * as vscode from 'vscode';
import type { TermHit } from '../../core';
import type { AnalysisService } from '../analysis/analysisService';
import type { TermTreeProvider } from '../views/termTree';

async function documentFor(uri: string): Promise<vscode.TextDocument> {
  const parsed = vscode.Uri.parse(uri);
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === parsed.toString()) ?? vscode.workspace.openTextDocument(parsed);
}

/** Where a hit ends: on its line unless markup inside it (开**源**) makes it longer than its text. */
function endOf(document: vscode.TextDocument, hit: TermHit): [number, number] {
  if (hit.end - hit.start === hit.text.length) return [hit.line, hit.character + hit.text.length];
  const end = document.positionAt(hit.end);
  return [end.line, end.character];
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
    const term = termId ?? analysis.hitAtOffset(at)?.term;
    const locations = term === undefined ? [] : analysis.hitsOfTerm(term).map((h) => new vscode.Location(document.uri, new vscode.Range(h.line, h.character, ...endOf(document, h))));
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
