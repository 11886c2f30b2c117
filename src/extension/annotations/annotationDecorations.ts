import * as vscode from 'vscode';
import type { DecorationScreen, NamedDecorationType } from '../decorations/decorationScreen';
import { KeyedDecorationTypes } from '../decorations/keyedTypes';
import type { AnnotationService } from './annotationService';
import { isHexColor } from './tagColors';
import { tagIcon } from './tagIcon';

/**
 * Draws annotations apart from term highlights: a dashed underline and a gutter bar in the colour of the
 * annotation's first tag. One decoration type per colour in use. A tag's new colour gets its type before the
 * repaint, and a colour no visible editor uses any more has its type disposed only after every editor has been
 * repainted (disposing a type wipes its ranges from the screen).
 */
export class AnnotationDecorations implements vscode.Disposable {
  readonly #screen: DecorationScreen;
  readonly #annotations: AnnotationService;
  /** One type per tag colour in use. */
  readonly #types: KeyedDecorationTypes;
  readonly #subscriptions: vscode.Disposable[] = [];
  /** A small ⇄ after each placed end of a tension pair, so linked passages can be told from plain annotations. */
  readonly #pairEnds: NamedDecorationType;

  /** Whether the user's own annotations are shown (the coding view may show another coder's alone). */
  readonly #showsMine: () => boolean;

  constructor(screen: DecorationScreen, annotations: AnnotationService, view?: { showsMine(): boolean; readonly onDidChange: vscode.Event<void> }) {
    this.#screen = screen;
    this.#annotations = annotations;
    this.#types = new KeyedDecorationTypes(screen, (color) => screen.createType(`annotation:${color}`, {
      borderStyle: 'none none dashed none',
      borderWidth: '0 0 2px 0',
      borderColor: color,
      gutterIconPath: tagIcon(color, 'bar'),
      gutterIconSize: 'contain',
      overviewRulerColor: color,
      overviewRulerLane: vscode.OverviewRulerLane.Full,
      rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
    }));
    this.#pairEnds = screen.createType('tensionPair', {
      after: { contentText: '⇄', color: new vscode.ThemeColor('editorCodeLens.foreground'), margin: '0 0 0 1px' },
      rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
    });
    this.#showsMine = () => view?.showsMine() ?? true;
    this.#subscriptions.push(
      annotations.onDidChange(() => this.paintAll()),
      vscode.window.onDidChangeVisibleTextEditors(() => this.paintAll()),
    );
    if (view) this.#subscriptions.push(view.onDidChange(() => this.paintAll()));
  }

  paintAll(): void {
    const inUse = new Set<string>();
    for (const editor of vscode.window.visibleTextEditors) for (const color of this.#paint(editor)) inUse.add(color);
    this.#types.keepOnly(inUse);
  }

  /** Paints one editor; returns the colours it uses. */
  #paint(editor: vscode.TextEditor): Iterable<string> {
    const entry = this.#showsMine() ? this.#annotations.get(editor.document.uri) : undefined;
    const byColor = new Map<string, vscode.Range[]>();
    const colors = new Map((entry?.set?.tags ?? []).map((t) => [t.id, isHexColor(t.color) ? t.color.toLowerCase() : '#888888']));
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
    this.#types.draw(editor, byColor);
    const ends: vscode.Range[] = [];
    for (const { pair, states } of entry?.set?.pairs ?? []) {
      pair.ends.forEach((end, k) => {
        if (states[k] === 'orphaned' || end.position.end > length) return;
        ends.push(new vscode.Range(document.positionAt(end.position.start), document.positionAt(end.position.end)));
      });
    }
    this.#screen.set(editor, this.#pairEnds, ends);
    return byColor.keys();
  }

  dispose(): void {
    this.#types.dispose();
    this.#pairEnds.dispose();
    for (const d of this.#subscriptions) d.dispose();
  }
}
