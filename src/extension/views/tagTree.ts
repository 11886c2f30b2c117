import * as vscode from 'vscode';
import type { LexiconPole, SidecarTag } from '../../core';
import type { AnalysisService } from '../analysis/analysisService';
import type { AnnotationService } from '../annotations/annotationService';
import { tagIcon } from '../annotations/tagIcon';
import type { LexiconService } from '../lexicon/lexiconService';
import { poleIcon } from './termTree';

/** A node of the Tags view: the article's own tags (the codebook), then the poles as built-in tags. */
export type TagNode =
  | { readonly kind: 'tag'; readonly uri: string; readonly tag: SidecarTag; readonly count: number }
  | { readonly kind: 'pole'; readonly pole: LexiconPole; readonly axisLabel: string; readonly count: number };

/** The tag codebook of the active article, with colours and usage counts; the poles follow as built-in tags. */
export class TagTreeProvider implements vscode.TreeDataProvider<TagNode>, vscode.Disposable {
  readonly #analyses: AnalysisService;
  readonly #annotations: AnnotationService;
  readonly #lexicon: LexiconService;
  readonly #emitter = new vscode.EventEmitter<TagNode | undefined>();
  readonly onDidChangeTreeData = this.#emitter.event;
  readonly #subscriptions: vscode.Disposable[] = [];

  constructor(analyses: AnalysisService, annotations: AnnotationService, lexicon: LexiconService) {
    this.#analyses = analyses;
    this.#annotations = annotations;
    this.#lexicon = lexicon;
    const refresh = (): void => this.#emitter.fire(undefined);
    this.#subscriptions.push(analyses.onDidAnalyze(refresh), annotations.onDidChange(refresh), vscode.window.onDidChangeActiveTextEditor(refresh), lexicon.onDidChange(refresh));
  }

  getChildren(node?: TagNode): TagNode[] {
    if (node) return [];
    const document = vscode.window.activeTextEditor?.document;
    const set = document ? this.#annotations.get(document.uri)?.set : undefined;
    const tags: TagNode[] = document && set ? set.tags.map((tag) => ({ kind: 'tag', uri: document.uri.toString(), tag, count: set.tagUsage(tag.id) })) : [];
    const counts = document ? this.#analyses.get(document.uri)?.analysis.counts : undefined;
    const poles: TagNode[] = this.#lexicon.current.lexicon.axes.flatMap((axis) =>
      axis.poles.map((pole) => ({ kind: 'pole' as const, pole, axisLabel: axis.label.zh, count: counts?.axes[axis.id]?.poles[pole.id] ?? 0 })),
    );
    return [...tags, ...poles];
  }

  getTreeItem(node: TagNode): vscode.TreeItem {
    if (node.kind === 'tag') {
      const item = new vscode.TreeItem(node.tag.label, vscode.TreeItemCollapsibleState.None);
      item.description = `${node.count}${node.tag.description ? ` · ${node.tag.description}` : ''}`;
      item.iconPath = tagIcon(node.tag.color);
      item.tooltip = `${node.tag.label} (${node.tag.color ?? ''})\n${vscode.l10n.t('{0} annotations', node.count)}`;
      item.contextValue = 'tag';
      item.id = `tag:${node.uri}:${node.tag.id}`;
      return item;
    }
    const item = new vscode.TreeItem(`${node.pole.label.zh} · ${node.pole.label.en}`, vscode.TreeItemCollapsibleState.None);
    item.description = `${node.count} · ${node.axisLabel}`;
    item.iconPath = poleIcon(node.pole.id);
    item.tooltip = `${vscode.l10n.t('Built-in tag')}: ${node.pole.id}\n${node.pole.definition.zh}\n${node.pole.definition.en}`;
    item.contextValue = 'builtinTag';
    item.id = `tag:pole:${node.pole.id}`;
    return item;
  }

  dispose(): void {
    for (const d of this.#subscriptions) d.dispose();
    this.#emitter.dispose();
  }
}
