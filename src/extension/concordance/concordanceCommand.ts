import * as vscode from 'vscode';
import { QueryError, atomQuery, checkQuery, parseQuery } from '../../core';
import type { AnalysisService } from '../analysis/analysisService';
import type { LexiconService } from '../lexicon/lexiconService';
import type { ConcordancePanel } from './concordancePanel';

/** The articles a caller limits the search to (`files`: URI strings, as the dashboard's co-occurrence cell sends them). */
function filesOfArgument(arg: unknown): vscode.Uri[] | undefined {
  if (typeof arg !== 'object' || arg === null) return undefined;
  const files = (arg as Record<string, unknown>).files;
  if (!Array.isArray(files) || !files.every((f) => typeof f === 'string')) return undefined;
  return files.map((f: string) => vscode.Uri.parse(f, true));
}

/** What the command is handed: a query (hover, dashboard), a Terms view node, or nothing (palette: ask). */
function queryOfArgument(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  if (typeof arg !== 'object' || arg === null) return undefined;
  const a = arg as Record<string, unknown>;
  if (typeof a.query === 'string') return a.query;
  // A Terms view node: its term, pole or axis.
  if (a.kind === 'term' && typeof a.term === 'string') return atomQuery('term', a.term);
  const id = (x: unknown): string | undefined => (typeof x === 'object' && x !== null && typeof (x as { id?: unknown }).id === 'string' ? (x as { id: string }).id : undefined);
  if (a.kind === 'pole' && id(a.pole)) return atomQuery('pole', id(a.pole) as string);
  if (a.kind === 'axis' && id(a.axis)) return atomQuery('axis', id(a.axis) as string);
  return undefined;
}

/** `Tension Lens: Concordance…`: asks for a query (the term under the cursor offered), then shows its concordance. */
export function registerConcordanceCommand(panel: ConcordancePanel, analyses: AnalysisService, lexicon: LexiconService): vscode.Disposable {
  return vscode.commands.registerCommand('tensionLens.concordance', async (arg?: unknown) => {
    let query = queryOfArgument(arg);
    if (query === undefined) {
      const editor = vscode.window.activeTextEditor;
      const hit = editor && analyses.get(editor.document.uri)?.analysis.hitAtOffset(editor.document.offsetAt(editor.selection.active));
      query = await vscode.window.showInputBox({
        title: vscode.l10n.t('Concordance'),
        prompt: vscode.l10n.t('term:ID, pole:ID, axis:ID, tag:LABEL or "text"; combine with AND, OR, NEAR/n, WITHIN sentence|paragraph|section'),
        value: hit ? atomQuery('term', hit.term) : '',
        validateInput: (value) => {
          try {
            checkQuery(parseQuery(value), value, lexicon.current);
            return undefined;
          } catch (e) {
            if (e instanceof QueryError) return vscode.l10n.t('At character {0}: expected {1}, found {2}', e.position + 1, e.expected, e.found);
            throw e;
          }
        },
      });
      if (query === undefined) return;
    }
    await panel.show(query, filesOfArgument(arg));
  });
}
