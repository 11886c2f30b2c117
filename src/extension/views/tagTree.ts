import * as vscode from 'vscode';
import { plural } from '../plural';
import type { LexiconPole, SidecarTag } from '../../core';
import type { AnalysisService } from '../analysis/analysisService';
import type { AnnotationService } from '../annotations/annotationService';
import { tagIcon } from '../annotations/tagIcon';
import type { LexiconService } from '../lexicon/lexiconService';
import type { CodebookService } from '../memos/codebookService';
import type { ShownArticle } from './shownArticle';
import { poleIcon, treeItemLabel } from './termTree';

/** A node of the Tags view: the article's own tags (the codebook), then the poles as built-in tags. */
export type TagNode =
  | { readonly kind: 'tag'; readonly uri: string; readonly tag: SidecarTag; readonly count: number }
  | { readonly kind: 'pole'; readonly pole: LexiconPole; readonly axisLabel: string; readonly count: number };

/** The tag codebook of the article shown (see ShownArticle), with colours and usage counts; the poles follow as built-in tags. */
export class TagTreeProvider implements vscode.TreeDataProvider<TagNode>, vscode.Disposable {
  readonly #analyses: AnalysisService;
  readonly #annotations: AnnotationService;
  readonly #lexicon: LexiconService;
  readonly #shown: ShownArticle;
  readonly #emitter = new vscode.EventEmitter<TagNode | undefined>();
  readonly onDidChangeTreeData = this.#emitter.event;
  readonly #subscriptions: vscode.Disposable[] = [];
  readonly #codebook: CodebookService | undefined;

  constructor(analyses: AnalysisService, annotations: AnnotationService, lexicon: LexiconService, shown: ShownArticle, codebook?: CodebookService) {
    this.#codebook = codebook;
    this.#analyses = analyses;
    this.#annotations = annotations;
    this.#lexicon = lexicon;
    this.#shown = shown;
    const refresh = (): void => this.#emitter.fire(undefined);
    // With no article shown, the poles come from the lexicon in force.
    this.#subscriptions.push(shown.onDidChange(refresh), annotations.onDidChange(refresh), lexicon.onDidChange(refresh));
    if (codebook) this.#subscriptions.push(codebook.onDidChange(refresh));
  }

  getChildren(node?: TagNode): TagNode[] {
    if (node) return [];
    const document = this.#shown.document;
    const set = document ? this.#annotations.get(document.uri)?.set : undefined;
    const tags: TagNode[] = document && set ? set.tags.map((tag) => ({ kind: 'tag', uri: document.uri.toString(), tag, count: set.tagUsage(tag.id) })) : [];
    const analysis = document ? this.#analyses.get(document.uri)?.analysis : undefined;
    const counts = analysis?.counts;
    const poles: TagNode[] = (analysis?.lexicon ?? this.#lexicon.current).lexicon.axes.flatMap((axis) =>
      axis.poles.map((pole) => ({ kind: 'pole' as const, pole, axisLabel: axis.label.zh, count: counts?.axes[axis.id]?.poles[pole.id] ?? 0 })),
    );
    return [...tags, ...poles];
  }

  getTreeItem(node: TagNode): vscode.TreeItem {
    if (node.kind === 'tag') {
      const item = new vscode.TreeItem(node.tag.label, vscode.TreeItemCollapsibleState.None);
      // The tag memo (the shared codebook's definition and coding rule), else the tag's own description.
      const memo = this.#codebook ? this.#codebook.memoOf(node.tag) : node.tag.description;
      item.description = `${node.count}${memo ? ` · ${memo.replace(/\s+/g, ' ').trim()}` : ''}`;
      item.iconPath = tagIcon(node.tag.color);
      const tooltip = new vscode.MarkdownString();
      tooltip.appendMarkdown('**').appendText(node.tag.label).appendMarkdown('**');
      tooltip.appendText(` (${node.tag.color ?? ''}) · ${plural(node.count, vscode.l10n.t('{0} annotation', node.count), vscode.l10n.t('{0} annotations', node.count))}`);
      if (memo) tooltip.appendMarkdown('\n\n').appendText(memo);
      item.tooltip = tooltip;
      item.contextValue = 'tag';
      item.id = `tag:${node.uri}:${node.tag.id}`;
      item.accessibilityInformation = treeItemLabel(vscode.l10n.t('{0}, annotations: {1}', node.tag.label, node.count));
      return item;
    }
    const item = new vscode.TreeItem(`${node.pole.label.zh} · ${node.pole.label.en}`, vscode.TreeItemCollapsibleState.None);
    item.description = `${node.count} · ${node.axisLabel}`;
    item.iconPath = poleIcon(node.pole.id);
    item.tooltip = `${vscode.l10n.t('Built-in tag')}: ${node.pole.id}\n${node.pole.definition.zh}\n${node.pole.definition.en}`;
    item.contextValue = 'builtinTag';
    item.id = `tag:pole:${node.pole.id}`;
    item.accessibilityInformation = treeItemLabel(vscode.l10n.t('{0}, {1}, occurrences: {2}', `${node.pole.label.zh} ${node.pole.label.en}`, node.axisLabel, node.count));
    return item;
  }

  dispose(): void {
    for (const d of this.#subscriptions) d.dispose();
    this.#emitter.dispose();
  }
}
