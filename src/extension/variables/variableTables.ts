import * as vscode from 'vscode';
import { type ArticleVariables, VARIABLE_TABLE, type VariableProblem, type VariableTable, formatVariableProblem, readVariableTable, tablePath } from '../../core';

/**
 * The `tension-variables.csv` at the root of each workspace folder, read once and again when it changes (a file
 * watcher). Rows are looked up by the article's path relative to that folder, as the CLI does for its table.
 */
export class VariableTableFiles implements vscode.Disposable {
  readonly #tables = new Map<string, Promise<VariableTable | undefined>>();
  readonly #changed = new vscode.EventEmitter<void>();
  /** Fires when a table was created, changed or deleted: the rows that read it are out of date. */
  readonly onDidChange = this.#changed.event;
  readonly #watcher = vscode.workspace.createFileSystemWatcher(`**/${VARIABLE_TABLE}`);
  /** Problems already shown, so a table read again unchanged does not warn twice. */
  readonly #shown = new Set<string>();

  constructor() {
    const reload = (uri: vscode.Uri): void => {
      const folder = vscode.workspace.getWorkspaceFolder(uri);
      if (!folder || uri.toString() !== tableUri(folder).toString()) return;
      this.#tables.delete(folder.uri.toString());
      this.#changed.fire();
    };
    this.#watcher.onDidCreate(reload);
    this.#watcher.onDidChange(reload);
    this.#watcher.onDidDelete(reload);
  }

  /** Forgets every table read, so the next lookup reads the file again (`Tension Lens: Refresh`, for a watcher that missed a change). */
  forget(): void {
    this.#tables.clear();
    this.#changed.fire();
  }

  /** The table row of an article, or undefined when its folder has no table or the table does not list it. */
  async variablesOf(article: vscode.Uri): Promise<ArticleVariables | undefined> {
    const folder = vscode.workspace.getWorkspaceFolder(article);
    if (!folder) return undefined;
    const table = await this.tableOf(folder);
    const relative = article.path.slice(folder.uri.path.replace(/\/$/, '').length + 1);
    return table?.rows.get(tablePath(decodeURIComponent(relative)))?.variables;
  }

  /** The folder's table as read (cached until it changes); undefined when there is none. */
  tableOf(folder: vscode.WorkspaceFolder): Promise<VariableTable | undefined> {
    const key = folder.uri.toString();
    let table = this.#tables.get(key);
    if (!table) {
      table = this.#read(tableUri(folder));
      this.#tables.set(key, table);
    }
    return table;
  }

  async #read(uri: vscode.Uri): Promise<VariableTable | undefined> {
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(uri);
    } catch {
      return undefined;
    }
    const table = readVariableTable(new TextDecoder().decode(bytes), vscode.workspace.asRelativePath(uri));
    this.#warn(table.problems);
    return table;
  }

  /** One warning per new set of problems, naming the first with its line and column; the rest go to the tooltip-less detail. */
  #warn(problems: readonly VariableProblem[]): void {
    const first = problems[0];
    if (!first) return;
    const key = problems.map(formatVariableProblem).join('\n');
    if (this.#shown.has(key)) return;
    this.#shown.add(key);
    const message = problems.length === 1
      ? vscode.l10n.t('Document variables: {0}', formatVariableProblem(first))
      : vscode.l10n.t('Document variables: {0} (and {1} more problems in the table)', formatVariableProblem(first), problems.length - 1);
    void vscode.window.showWarningMessage(message);
  }

  dispose(): void {
    this.#watcher.dispose();
    this.#changed.dispose();
  }
}

export function tableUri(folder: vscode.WorkspaceFolder): vscode.Uri {
  return vscode.Uri.joinPath(folder.uri, VARIABLE_TABLE);
}
