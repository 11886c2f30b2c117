import * as vscode from 'vscode';
import { stateLabel } from '../annotations/annotationTree';
import type { CodingViews } from './codingViews';

/** On another coder's annotation the coding view shows: whose it is, its tags and note — read-only, no edit links. */
export class OtherCodingHoverProvider implements vscode.HoverProvider {
  readonly #views: CodingViews;

  constructor(views: CodingViews) {
    this.#views = views;
  }

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const offset = document.offsetAt(position);
    const md = new vscode.MarkdownString(undefined, true);
    let first: vscode.Range | undefined;
    for (const coding of this.#views.others(document)) {
      const labels = new Map(coding.tags.map((t) => [t.id, t.label.trim()]));
      for (const { annotation, state } of coding.anchors) {
        const { start, end } = annotation.target.position;
        if (state === 'orphaned' || offset < start || offset >= end) continue;
        first ??= new vscode.Range(document.positionAt(start), document.positionAt(end));
        const tags = annotation.tags.map((t) => `\`${labels.get(t) ?? t}\``).join(' ') || vscode.l10n.t('(no tags)');
        md.appendMarkdown(`$(person) **${vscode.l10n.t('Annotation by {0} (read-only)', coding.coder)}** ${tags}\n\n`);
        if (annotation.note) md.appendText(`${annotation.note}\n\n`);
        md.appendMarkdown(`*${vscode.l10n.t('modified')} ${annotation.modified.slice(0, 16).replace('T', ' ')} · ${stateLabel(state)}*\n\n---\n\n`);
      }
    }
    return first ? new vscode.Hover(md, first) : undefined;
  }
}
