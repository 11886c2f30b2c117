import type * as vscode from 'vscode';
import type { DecorationScreen, NamedDecorationType } from './decorationScreen';

/**
 * Decoration types made on first use, one per key (a tag colour, a coder), each disposed once no visible editor
 * draws its key — and only after every editor has been drawn again, since disposing a type wipes its ranges from
 * the screen.
 */
export class KeyedDecorationTypes implements vscode.Disposable {
  readonly #screen: DecorationScreen;
  readonly #make: (key: string) => NamedDecorationType;
  readonly #types = new Map<string, NamedDecorationType>();

  constructor(screen: DecorationScreen, make: (key: string) => NamedDecorationType) {
    this.#screen = screen;
    this.#make = make;
  }

  /** Draws each key's ranges in `editor` with its type, and no ranges with the types of the keys it lacks. */
  draw(editor: vscode.TextEditor, byKey: ReadonlyMap<string, readonly vscode.Range[]>): void {
    for (const key of byKey.keys()) if (!this.#types.has(key)) this.#types.set(key, this.#make(key));
    for (const [key, type] of this.#types) this.#screen.set(editor, type, byKey.get(key) ?? []);
  }

  /** Disposes the types of the keys not in `inUse` (the keys every visible editor was just drawn with). */
  keepOnly(inUse: ReadonlySet<string>): void {
    for (const [key, type] of this.#types) {
      if (inUse.has(key)) continue;
      this.#types.delete(key);
      type.dispose();
    }
  }

  dispose(): void {
    for (const type of this.#types.values()) type.dispose();
    this.#types.clear();
  }
}
