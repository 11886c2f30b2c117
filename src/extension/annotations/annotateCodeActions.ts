import * as vscode from 'vscode';
import type { AnalysisService } from '../analysis/analysisService';
import { termOf } from '../analysis/lookup';
import type { LexiconService } from '../lexicon/lexiconService';

/** A quick fix (Ctrl+.) on a highlighted term: “Annotate 开源 as 开放” — one keystroke from highlight to annotation. */
export class AnnotateTermCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];
  readonly #analyses: AnalysisService;
  readonly #lexicon: LexiconService;

  constructor(analyses: AnalysisService, lexicon: LexiconService) {
    this.#analyses = analyses;
    this.#lexicon = lexicon;
  }

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range): vscode.CodeAction[] {
    if (document.isUntitled) return [];
    const analysis = this.#analyses.get(document.uri)?.analysis;
    if (!analysis) return [];
    const hit = analysis.hitAtOffset(document.offsetAt(range.start));
    const compiled = hit ? termOf(this.#lexicon.current, hit) : undefined;
    if (!hit || !compiled) return [];
    const action = new vscode.CodeAction(vscode.l10n.t('Annotate “{0}” as {1}', hit.text, compiled.pole.label.zh), vscode.CodeActionKind.QuickFix);
    action.command = { title: action.title, command: 'tensionLens.annotateTerm', arguments: [document.uri.toString(), hit.start, hit.end] };
    return [action];
  }
}
