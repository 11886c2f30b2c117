import * as vscode from 'vscode';
import { type LexiconEdit, addRejected, addUserTerm, formatProblem } from '../../core';
import { writeAtomic } from '../files/atomicWrite';
import type { LexiconService } from '../lexicon/lexiconService';

/** A term to accept: its spellings, and the axis and pole it goes on. */
export interface AcceptTerm {
  readonly forms: readonly string[];
  readonly axis: string;
  readonly pole: string;
}

/**
 * Writes Accept and Reject decisions into the workspace lexicon (.vscode/tension-lexicon.json): one write at a
 * time, atomically, never over a malformed file (the error names the file, line and problem and offers to open it).
 * The lexicon is reloaded at once, so the editors repaint without waiting for the file watcher.
 */
export class UserLexiconWriter {
  #queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly lexicon: LexiconService) {}

  /** Adds the term; resolves true when the file holds it. */
  accept(term: AcceptTerm, near?: vscode.Uri): Promise<boolean> {
    const axis = this.lexicon.current.lexicon.axes.find((a) => a.id === term.axis);
    if (!axis) return Promise.resolve(false);
    const poles: [string, string] = [axis.poles[0].id, axis.poles[1].id];
    return this.#edit(near, (text, file) => addUserTerm(text, { ...term, poles }, file));
  }

  /** Adds the forms to the file's `rejected` list; resolves true when the file holds them. */
  reject(forms: readonly string[], near?: vscode.Uri): Promise<boolean> {
    return this.#edit(near, (text, file) => addRejected(text, forms, file));
  }

  #edit(near: vscode.Uri | undefined, change: (text: string | undefined, file: string) => LexiconEdit): Promise<boolean> {
    const run = async (): Promise<boolean> => {
      const uri = this.lexicon.workspaceFile(near);
      if (!uri) {
        void vscode.window.showWarningMessage(vscode.l10n.t('Open a folder first: accepted and rejected terms are kept in its .vscode/tension-lexicon.json.'));
        return false;
      }
      let text: string | undefined;
      try {
        text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      } catch {
        text = undefined; // no file yet: the edit starts one
      }
      const shown = vscode.workspace.asRelativePath(uri);
      const edit = change(text, shown);
      if ('problems' in edit) {
        const open = vscode.l10n.t('Open {0}', shown);
        const first = edit.problems[0];
        void vscode.window.showErrorMessage(
          vscode.l10n.t('{0} was not changed: {1}. Fix the file, then try again.', shown, first ? formatProblem(first) : ''), open,
        ).then(async (answer) => {
          if (answer !== open) return;
          const editor = await vscode.window.showTextDocument(uri);
          if (first) editor.selection = new vscode.Selection(first.line, first.character, first.line, first.character);
        });
        return false;
      }
      if (edit.changed) await writeAtomic(uri, new TextEncoder().encode(edit.text), { createFolder: true });
      await this.lexicon.reload();
      return true;
    };
    const next = this.#queue.then(run, run);
    this.#queue = next.catch(() => undefined);
    return next;
  }
}
