import * as vscode from 'vscode';
import type { DecorationScreen } from '../decorations/decorationScreen';
import { KeyedDecorationTypes } from '../decorations/keyedTypes';
import type { CodingViews } from './codingViews';

/** Underline styles and colours that tell the coders apart, picked by the coder's place in the sorted list. */
const STYLES = ['dotted', 'double', 'solid', 'dashed'] as const;
const COLORS = ['charts.orange', 'charts.purple', 'charts.blue', 'charts.green', 'charts.yellow', 'charts.red'] as const;

/** The look of a coder's annotations: an underline in a style and colour of their own, and their name after each span. */
export function coderStyle(index: number): { readonly border: (typeof STYLES)[number]; readonly color: (typeof COLORS)[number] } {
  return { border: STYLES[index % STYLES.length] ?? 'dotted', color: COLORS[index % COLORS.length] ?? 'charts.orange' };
}

/**
 * Draws the other coders' annotations the coding view shows (read-only): each coder's underline style and colour,
 * their name in small type after each span, so in "all coders" every annotation says whose it is. The user's own
 * annotations keep the dashed tag-coloured underline of AnnotationDecorations.
 */
export class OtherCodingDecorations implements vscode.Disposable {
  readonly #views: CodingViews;
  /** One type per coder drawn. */
  readonly #types: KeyedDecorationTypes;
  readonly #subscriptions: vscode.Disposable[] = [];

  constructor(screen: DecorationScreen, views: CodingViews, repaintOn: readonly vscode.Event<unknown>[]) {
    this.#views = views;
    this.#types = new KeyedDecorationTypes(screen, (coder) => {
      const { border, color } = coderStyle(Math.max(0, views.knownCoders().indexOf(coder)));
      return screen.createType(`coder:${coder}`, {
        borderStyle: `none none ${border} none`,
        borderWidth: '0 0 2px 0',
        borderColor: new vscode.ThemeColor(color),
        after: { contentText: `⁽${coder}⁾`, color: new vscode.ThemeColor(color), fontStyle: 'italic', margin: '0 0 0 1px' },
        overviewRulerColor: new vscode.ThemeColor(color),
        overviewRulerLane: vscode.OverviewRulerLane.Right,
        rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
      });
    });
    this.#subscriptions.push(
      views.onDidChange(() => this.paintAll()),
      vscode.window.onDidChangeVisibleTextEditors(() => this.paintAll()),
      ...repaintOn.map((event) => event(() => this.paintAll())),
    );
  }

  paintAll(): void {
    const inUse = new Set<string>();
    for (const editor of vscode.window.visibleTextEditors) for (const coder of this.#paint(editor)) inUse.add(coder);
    this.#types.keepOnly(inUse);
  }

  #paint(editor: vscode.TextEditor): string[] {
    const { document } = editor;
    const length = document.getText().length;
    const byCoder = new Map<string, vscode.Range[]>();
    for (const coding of this.#views.others(document)) {
      const ranges = coding.anchors
        .filter((a) => a.state !== 'orphaned' && a.annotation.target.position.end <= length)
        .map((a) => new vscode.Range(document.positionAt(a.annotation.target.position.start), document.positionAt(a.annotation.target.position.end)));
      if (ranges.length > 0) byCoder.set(coding.coder, ranges);
    }
    this.#types.draw(editor, byCoder);
    return [...byCoder.keys()];
  }

  dispose(): void {
    this.#types.dispose();
    for (const d of this.#subscriptions) d.dispose();
  }
}
