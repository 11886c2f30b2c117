import * as vscode from 'vscode';
import type { DecorationScreen, NamedDecorationType } from '../decorations/decorationScreen';
import type { AnnotationService } from './annotationService';
import { isHexColor } from './tagColors';
import { tagIcon } from './tagIcon';

/**
 * Draws annotations apart from term highlights: a dashed underline and a gutter bar in the colour of the
 * annotation's first tag. One decoration type per colour, created on first use, all disposed with this object.
 */
export class AnnotationDecorations implements vscode.Disposable {
  readonly #screen: DecorationScreen;
  readonly #annotations: AnnotationService;
  readonly #types = new Map<string, NamedDecorationType>();
  readonly #subscriptions: vscode.Disposable[] = [];

  constructor(screen: DecorationScreen, annotations: AnnotationService) {
    this.#screen = screen;
    this.#annotations = annotations;
    this.#subscriptions.push(
      annotations.onDidChange(() => this.paintAll()),
      vscode.window.onDidChangeVisibleTextEditors(() => this.paintAll()),
    );
  }

  #type(color: string): NamedDecorationType {
    let type = this.#types.get(color);
    if (!type) {
      type = this.#screen.createType(`annotation:${color.toLowerCase()}`, {
        borderStyle: 'none none dashed none',
        borderWidth: '0 0 2px 0',
        borderColor: color,
        gutterIconPath: tagIcon(color, 'bar'),
        gutterIconSize: 'contain',
        overviewRulerColor: color,
        overviewRulerLane: vscode.OverviewRulerLane.Full,
        rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
      });
      this.#types.set(color, type);
    }
    return type;
  }

  paintAll(): void {
    for (const editor of vscode.window.visibleTextEditors) this.#paint(editor);
  }

  #paint(editor: vscode.TextEditor): void {
    const entry = this.#annotations.get(editor.document.uri);
    const byColor = new Map<string, vscode.Range[]>();
    const colors = new Map((entry?.set?.tags ?? []).map((t) => [t.id, isHexColor(t.color) ? t.color : '#888888']));
    const document = editor.document;
    const length = document.offsetAt(document.lineAt(document.lineCount - 1).range.end);
    for (const { annotation, state } of entry?.set?.anchors ?? []) {
      if (state === 'orphaned') continue;
      const { start, end } = annotation.target.position;
      if (end > length) continue;
      const color = colors.get(annotation.tags[0] ?? '') ?? '#888888';
      const list = byColor.get(color) ?? [];
      list.push(new vscode.Range(editor.document.positionAt(start), editor.document.positionAt(end)));
      byColor.set(color, list);
    }
    for (const color of byColor.keys()) this.#type(color);
    for (const [color, type] of this.#types) this.#screen.set(editor, type, byColor.get(color) ?? []);
  }

  dispose(): void {
    for (const t of this.#types.values()) t.dispose();
    for (const d of this.#subscriptions) d.dispose();
  }
}
