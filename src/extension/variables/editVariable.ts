import * as vscode from 'vscode';
import { VARIABLE_TABLE, formatVariableProblem, readVariableTable, setTableValue } from '../../core';
import { writeAtomic } from '../files/atomicWrite';
import { tableUri } from './variableTables';

/**
 * Sets one article's variable in the `tension-variables.csv` of its workspace folder, creating the table, the row or
 * the column when missing. The file is read fresh and written atomically; a table that does not read as CSV (an
 * unclosed quote …) is never written over — the user is told where it is broken instead. True when written.
 */
export async function setArticleVariable(article: vscode.Uri, name: string, value: string): Promise<boolean> {
  const folder = vscode.workspace.getWorkspaceFolder(article);
  if (!folder) {
    void vscode.window.showWarningMessage(vscode.l10n.t('{0} is not in a workspace folder, so it has no {1}.', article.path, VARIABLE_TABLE));
    return false;
  }
  const uri = tableUri(folder);
  let text = '';
  try {
    // ignoreBOM keeps the BOM in the text, so the rewrite keeps it: Excel reads the table as UTF-8 only with it.
    text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    // no table yet: it is created
  }
  const table = readVariableTable(text, vscode.workspace.asRelativePath(uri));
  if (table.malformed) {
    const first = table.problems[0];
    void vscode.window.showErrorMessage(vscode.l10n.t('{0} was not changed: it does not read as a table ({1}). Fix it, then edit the value again.',
      VARIABLE_TABLE, first ? formatVariableProblem(first) : ''));
    return false;
  }
  const relative = article.path.slice(folder.uri.path.replace(/\/$/, '').length + 1);
  await writeAtomic(uri, new TextEncoder().encode(setTableValue(text, decodeURIComponent(relative), name, value.trim())));
  return true;
}
