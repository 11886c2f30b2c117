import * as vscode from 'vscode';
import type { AnnotationService } from './annotationService';
import { stateLabel } from './annotationTree';
import type { CodebookService } from '../memos/codebookService';

function link(title: string, command: string, args: unknown[]): string {
  return `[${title}](command:${command}?${encodeURIComponent(JSON.stringify(args))})`;
}

/** The commands annotation hovers link to. */
export const ANNOTATION_HOVER_COMMANDS = ['tensionLens.editAnnotationTags', 'tensionLens.editAnnotationNote', 'tensionLens.deleteAnnotation', '_tensionLens.revealRange', 'tensionLens.deleteTensionPair', 'tensionLens.editTensionPair'];

/** On an annotated range: its tags, note, dates and state, with links to edit tags, edit the note, or delete it. */
export class AnnotationHoverProvider implements vscode.HoverProvider {
  readonly #annotations: AnnotationService;
  readonly #codebook: CodebookService | undefined;
  readonly #axisLabel: (axisId: string) => string;

  /** `axisLabel` names a tension pair's axis as the lexicon does. */
  constructor(annotations: AnnotationService, axisLabel: (axisId: string) => string = (id) => id, codebook?: CodebookService) {
    this.#annotations = annotations;
    this.#axisLabel = axisLabel;
    this.#codebook = codebook;
  }

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    if (document.isUntitled) return undefined;
    const entry = await this.#annotations.load(document);
    if (!entry.set) return undefined;
    const offset = document.offsetAt(position);
    const here = entry.set.anchors.filter((a) => a.state !== 'orphaned' && a.annotation.target.position.start <= offset && offset < a.annotation.target.position.end);
    const inside = (k: 0 | 1, p: (typeof entry.set.pairs)[number]): boolean => p.states[k] !== 'orphaned' && p.pair.ends[k].position.start <= offset && offset < p.pair.ends[k].position.end;
    const links = entry.set.pairs.flatMap((p) => ([0, 1] as const).filter((k) => inside(k, p)).map((k) => ({ p, other: (1 - k) as 0 | 1, self: k })));
    if (here.length === 0 && links.length === 0) return undefined;
    const labels = new Map(entry.set.tags.map((t) => [t.id, t.label]));
    const memos = new Map(entry.set.tags.map((t) => [t.id, this.#codebook ? this.#codebook.memoOf(t) : t.description]));
    const md = new vscode.MarkdownString(undefined, true);
    md.isTrusted = { enabledCommands: ANNOTATION_HOVER_COMMANDS };
    const uri = document.uri.toString();
    for (const { annotation, state } of here) {
      const tags = annotation.tags.map((t) => `\`${labels.get(t) ?? `${t}?`}\``).join(' ') || vscode.l10n.t('(no tags)');
      md.appendMarkdown(`$(note) **${vscode.l10n.t('Annotation')}** ${tags}\n\n`);
      if (annotation.note) md.appendText(`${annotation.note}\n\n`);
      // Each tag's memo: its definition and coding rule, so the coder checks the annotation against it.
      for (const id of annotation.tags) {
        const memo = memos.get(id);
        if (memo) md.appendMarkdown(`$(book) \`${labels.get(id) ?? id}\`: `).appendText(`${memo}\n\n`);
      }
      md.appendMarkdown(`*${vscode.l10n.t('created')} ${annotation.created.slice(0, 16).replace('T', ' ')} · ${vscode.l10n.t('modified')} ${annotation.modified.slice(0, 16).replace('T', ' ')} · ${stateLabel(state)}*\n\n`);
      md.appendMarkdown(`${link(vscode.l10n.t('Edit tags'), 'tensionLens.editAnnotationTags', [uri, annotation.id])} · ${link(vscode.l10n.t('Edit note'), 'tensionLens.editAnnotationNote', [uri, annotation.id])} · ${link(vscode.l10n.t('Delete'), 'tensionLens.deleteAnnotation', [uri, annotation.id])}\n\n---\n\n`);
    }
    if (entry.set.memo) md.appendMarkdown(`$(notebook) **${vscode.l10n.t('Article memo')}**: `).appendText(`${entry.set.memo}\n\n`);
    for (const { p, other } of links) {
      const end = p.pair.ends[other];
      const gone = p.states[other] === 'orphaned';
      const axis = p.pair.axis ? this.#axisLabel(p.pair.axis) : '';
      md.appendMarkdown(`$(git-compare) **${vscode.l10n.t('Tension pair')}** ↔ `);
      md.appendText(`“${end.quote.exact}”${axis ? ` · ${axis}` : ''}${p.pair.note ? ` · ${p.pair.note}` : ''}`);
      md.appendMarkdown(gone ? ` *(${stateLabel('orphaned')})*\n\n` : '\n\n');
      const jump = gone ? '' : `${link(vscode.l10n.t('Go to the other end'), '_tensionLens.revealRange', [uri, end.position.start, end.position.end])} · `;
      md.appendMarkdown(`${jump}${link(vscode.l10n.t('Edit tension pair'), 'tensionLens.editTensionPair', [uri, p.pair.id])} · ${link(vscode.l10n.t('Delete tension pair'), 'tensionLens.deleteTensionPair', [uri, p.pair.id])}\n\n---\n\n`);
    }
    const first = here[0]?.annotation.target.position ?? links[0]?.p.pair.ends[links[0].self].position;
    return new vscode.Hover(md, first ? new vscode.Range(document.positionAt(first.start), document.positionAt(first.end)) : undefined);
  }
}
