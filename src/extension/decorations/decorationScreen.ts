import * as vscode from 'vscode';
import type { TextRange } from '../../core';

/** A decoration type Tension Lens created, with the name tests read it by (`open`, `site`, `ruler:open`…). */
export interface NamedDecorationType extends vscode.Disposable {
  readonly name: string;
  readonly type: vscode.TextEditorDecorationType;
}

/** What each live decoration type shows in a document, by type name, as offsets. */
export type ShownDecorations = Readonly<Record<string, readonly TextRange[]>>;

/**
 * The one place the extension creates decoration types and hands ranges to `setDecorations`. It keeps, per editor,
 * the ranges last handed over for each type (a reference, not a copy), and forgets a type's ranges when the type is
 * disposed — VS Code wipes them from the screen then — so `shown()` is what the editor was told to draw, not what
 * the painters meant to draw.
 */
export class DecorationScreen {
  readonly #live = new Set<NamedDecorationType>();
  readonly #set = new WeakMap<vscode.TextEditor, Map<NamedDecorationType, readonly vscode.Range[]>>();

  createType(name: string, options: vscode.DecorationRenderOptions): NamedDecorationType {
    const type = vscode.window.createTextEditorDecorationType(options);
    const live = this.#live;
    const named: NamedDecorationType = {
      name,
      type,
      dispose() {
        live.delete(named);
        type.dispose();
      },
    };
    live.add(named);
    return named;
  }

  set(editor: vscode.TextEditor, named: NamedDecorationType, ranges: readonly vscode.Range[]): void {
    editor.setDecorations(named.type, ranges);
    if (!this.#live.has(named)) return; // VS Code ignores ranges set on a disposed type
    let byType = this.#set.get(editor);
    if (!byType) this.#set.set(editor, (byType = new Map<NamedDecorationType, readonly vscode.Range[]>()));
    byType.set(named, ranges);
  }

  /**
   * What the visible editors of `uri` were last told to draw with each live type, by type name (the union over the
   * editors showing the document); a type with no ranges is left out.
   */
  shown(uri: vscode.Uri): ShownDecorations {
    const out: Record<string, TextRange[]> = {};
    const seen = new Map<string, Set<string>>();
    const key = uri.toString();
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document.uri.toString() !== key) continue;
      const byType = this.#set.get(editor);
      if (!byType) continue;
      for (const [named, ranges] of byType) {
        if (!this.#live.has(named)) {
          byType.delete(named);
          continue;
        }
        if (ranges.length === 0) continue;
        const list = (out[named.name] ??= []);
        let keys = seen.get(named.name);
        if (!keys) seen.set(named.name, (keys = new Set()));
        for (const r of ranges) {
          const range = { start: editor.document.offsetAt(r.start), end: editor.document.offsetAt(r.end) };
          const id = `${range.start}:${range.end}`;
          if (keys.has(id)) continue;
          keys.add(id);
          list.push(range);
        }
      }
    }
    for (const list of Object.values(out)) list.sort((a, b) => a.start - b.start || a.end - b.end);
    return out;
  }
}
