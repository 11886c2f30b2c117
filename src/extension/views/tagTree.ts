import * as vscode from 'vscode';
import type { LexiconPole } from '../../core';
import type { AnalysisService } from '../analysis/analysisService';
import type { LexiconService } from '../lexicon/lexiconService';
import { poleIcon } from './termTree';

/** A node of the Tags view: for now the poles, the codebook's built-in tags, with their counts in the active file. */
export interface TagNode {
  readonly kind: 'pole';
  readonly pole: LexiconPole;
  readonly axisLabel: string;
  readonly count: number;
}

/** The tag codebook: every pole of the lexicon as a built-in tag, coloured, with its count in the active article. */
export class TagTreeProvider implements vscode.TreeDataProvider<TagNode>, vscode.Disposable {
  readonly #analyses: AnalysisService;
  readonly #lexicon: LexiconService;
  readonly #emitter = new vscode.EventEmitter<TagNode | undefined>();
  readonly onDidChangeTreeData = this.#emitter.event;
  readonly #subscriptions: vscode.Disposable[] = [];

  constructor(analyses: AnalysisService, lexicon: LexiconService) {
    this.#analyses = analyses;
    this.#lexicon = lexicon;
    this.#subscriptions.push(
      analyses.onDidAnalyze(() => this.#emitter.fire(undefined)),
      vscode.window.onDidChangeActiveTextEditor(() => this.#emitter.fire(undefined)),
      lexicon.onDidChange(() => this.#emitter.fire(undefined)),
    );
  }

  getChildren(node?: TagNode): TagNode[] {
    if (node) return [];
    const editor = vscode.window.activeTextEditor;
    const counts = editor ? this.#analyses.get(editor.document.uri)?.analysis.counts : undefined;
    return this.#lexicon.current.lexicon.axes.flatMap((axis) =>
      axis.poles.map((pole) => ({ kind: 'pole' as const, pole, axisLabel: axis.label.zh, count: counts?.axes[axis.id]?.poles[pole.id] ?? 0 })),
    );
  }

  getTreeItem(node: TagNode): vscode.TreeItem {
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
