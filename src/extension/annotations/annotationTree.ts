import * as vscode from 'vscode';
import type { Anchor, PairAnchor, SidecarTag } from '../../core';
import type { AnnotationService } from './annotationService';
import { tagIcon } from './tagIcon';

/** A node of the Annotations view: a group (a tag, Orphaned, Needs review, or another coder's coding) or one annotation. */
export type AnnotationNode =
  | { readonly kind: 'group'; readonly group: 'tag' | 'orphaned' | 'review' | 'untagged'; readonly tag?: SidecarTag; readonly uri: string; readonly anchors: readonly Anchor[] }
  | { readonly kind: 'group'; readonly group: 'coder'; readonly tag?: undefined; readonly coder: string; readonly tags: readonly SidecarTag[]; readonly uri: string; readonly anchors: readonly Anchor[] }
  | { readonly kind: 'annotation'; readonly uri: string; readonly id: string; readonly anchor: Anchor; readonly review: boolean; readonly coder?: string; readonly tagLabels?: readonly string[] }
  | { readonly kind: 'memo'; readonly uri: string; readonly memo: string }
  | { readonly kind: 'pairs'; readonly uri: string; readonly pairs: readonly PairAnchor[] }
  | { readonly kind: 'pair'; readonly uri: string; readonly pairId: string; readonly pair: PairAnchor }
  | { readonly kind: 'pairEnd'; readonly uri: string; readonly pairId: string; readonly pair: PairAnchor; readonly end: 0 | 1 };

/** What the coding view shows besides (or instead of) the user's own annotations; see team/codingViews. */
export interface ShownCodings {
  showsMine(): boolean;
  others(document: vscode.TextDocument): readonly { readonly coder: string; readonly tags: readonly SidecarTag[]; readonly anchors: readonly Anchor[] }[];
  readonly onDidChange: vscode.Event<void>;
}

const STATE_ICON: Record<Anchor['state'], string> = { exact: 'pass', moved: 'arrow-swap', fuzzy: 'question', orphaned: 'warning' };

/** The state of an anchor in the UI language (literal calls, so the l10n test can see every string). */
export function stateLabel(state: Anchor['state']): string {
  switch (state) {
    case 'exact': return vscode.l10n.t('exact');
    case 'moved': return vscode.l10n.t('moved');
    case 'fuzzy': return vscode.l10n.t('approximate');
    default: return vscode.l10n.t('orphaned');
  }
}

function clip(text: string, max: number): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

/** The Annotations view of the active article: grouped by tag, with Orphaned and Needs review groups. */
export class AnnotationTreeProvider implements vscode.TreeDataProvider<AnnotationNode>, vscode.Disposable {
  readonly #annotations: AnnotationService;
  readonly #emitter = new vscode.EventEmitter<AnnotationNode | undefined>();
  readonly onDidChangeTreeData = this.#emitter.event;
  readonly #subscriptions: vscode.Disposable[] = [];
  #uri: vscode.Uri | undefined;
  readonly #axisLabel: (axisId: string) => string;

  readonly #codings: ShownCodings | undefined;

  /** `axisLabel` names a tension pair's axis as the lexicon does. */
  constructor(annotations: AnnotationService, axisLabel: (axisId: string) => string = (id) => id, codings?: ShownCodings) {
    this.#annotations = annotations;
    this.#axisLabel = axisLabel;
    this.#codings = codings;
    this.#uri = vscode.window.activeTextEditor?.document.uri;
    this.#subscriptions.push(
      annotations.onDidChange(() => this.#emitter.fire(undefined)),
      vscode.window.onDidChangeActiveTextEditor(() => this.#emitter.fire(undefined)),
    );
    if (codings) this.#subscriptions.push(codings.onDidChange(() => this.#emitter.fire(undefined)));
  }

  /** One group per other coder the coding view shows, after the user's own groups. */
  #coderGroups(uri: vscode.Uri): AnnotationNode[] {
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (!document || !this.#codings) return [];
    return this.#codings.others(document).filter((c) => c.anchors.length > 0)
      .map((c): AnnotationNode => ({ kind: 'group', group: 'coder', coder: c.coder, tags: c.tags, uri: uri.toString(), anchors: c.anchors }));
  }

  /**
   * Shows the name of the article the view lists in the view's title bar: while a non-article is active the view keeps
   * the last article, so it must say which one. Empty when there is none.
   */
  bind(view: vscode.TreeView<AnnotationNode>): vscode.Disposable {
    const update = (): void => {
      this.#follow();
      view.description = this.description;
    };
    update();
    return vscode.Disposable.from(this.#emitter.event(update), vscode.window.onDidChangeActiveTextEditor(update));
  }

  /** What the view's title bar says: the shown article's workspace path, or '' when no article is shown. */
  get description(): string {
    const uri = this.#uri;
    return uri && this.#annotations.get(uri) ? vscode.workspace.asRelativePath(uri, false) : '';
  }

  #follow(): void {
    const editor = vscode.window.activeTextEditor;
    if (editor && this.#annotations.get(editor.document.uri) && this.#annotations.isArticle(editor.document)) this.#uri = editor.document.uri;
    // The article was closed: show nothing rather than annotations of a file that is no longer open.
    if (this.#uri && !this.#annotations.get(this.#uri)) this.#uri = undefined;
  }

  getChildren(node?: AnnotationNode): AnnotationNode[] {
    this.#follow();
    const uri = this.#uri;
    const entry = uri ? this.#annotations.get(uri) : undefined;
    if (!uri || !entry?.set) return [];
    const key = uri.toString();
    if (node?.kind === 'group' && node.group === 'coder') {
      const labels = new Map(node.tags.map((t) => [t.id, t.label.trim()]));
      return node.anchors.map((anchor) => ({
        kind: 'annotation', uri: key, id: anchor.annotation.id, anchor, review: false, coder: node.coder, tagLabels: anchor.annotation.tags.map((t) => labels.get(t) ?? t),
      }));
    }
    if (node?.kind === 'group') {
      return node.anchors.map((anchor) => ({ kind: 'annotation', uri: key, id: anchor.annotation.id, anchor, review: entry.review.has(anchor.annotation.id) }));
    }
    if (node?.kind === 'pairs') return node.pairs.map((pair) => ({ kind: 'pair', uri: key, pairId: pair.pair.id, pair }));
    if (node?.kind === 'pair') return ([0, 1] as const).map((end) => ({ kind: 'pairEnd', uri: key, pairId: node.pairId, pair: node.pair, end }));
    if (node) return [];
    if (this.#codings && !this.#codings.showsMine()) return this.#coderGroups(uri);
    const anchors = this.#annotations.sorted(uri);
    const placed = anchors.filter((a) => a.state !== 'orphaned');
    const groups: AnnotationNode[] = [];
    if (entry.set.memo) groups.push({ kind: 'memo', uri: key, memo: entry.set.memo });
    const review = anchors.filter((a) => entry.review.has(a.annotation.id));
    if (review.length > 0) groups.push({ kind: 'group', group: 'review', uri: key, anchors: review });
    for (const tag of entry.set.tags) {
      const tagged = placed.filter((a) => a.annotation.tags.includes(tag.id));
      if (tagged.length > 0) groups.push({ kind: 'group', group: 'tag', tag, uri: key, anchors: tagged });
    }
    const known = new Set(entry.set.tags.map((t) => t.id));
    const untagged = placed.filter((a) => !a.annotation.tags.some((t) => known.has(t)));
    if (untagged.length > 0) groups.push({ kind: 'group', group: 'untagged', uri: key, anchors: untagged });
    const orphaned = anchors.filter((a) => a.state === 'orphaned');
    if (orphaned.length > 0) groups.push({ kind: 'group', group: 'orphaned', uri: key, anchors: orphaned });
    const pairs = [...entry.set.pairs].sort((a, b) => a.pair.ends[0].position.start - b.pair.ends[0].position.start);
    if (pairs.length > 0) groups.push({ kind: 'pairs', uri: key, pairs });
    return [...groups, ...this.#coderGroups(uri)];
  }

  getTreeItem(node: AnnotationNode): vscode.TreeItem {
    if (node.kind === 'memo') {
      const item = new vscode.TreeItem(vscode.l10n.t('Article memo'), vscode.TreeItemCollapsibleState.None);
      item.description = clip(node.memo, 60);
      item.iconPath = new vscode.ThemeIcon('notebook');
      item.tooltip = new vscode.MarkdownString().appendText(node.memo);
      item.accessibilityInformation = { label: vscode.l10n.t('Article memo: {0}', clip(node.memo, 120)), role: 'treeitem' };
      item.id = `${node.uri}#memo`;
      item.contextValue = 'articleMemo';
      item.command = { title: vscode.l10n.t('Edit Article Memo…'), command: 'tensionLens.editArticleMemo', arguments: [node.uri] };
      return item;
    }
    if (node.kind === 'pairs' || node.kind === 'pair' || node.kind === 'pairEnd') return this.#pairItem(node);
    if (node.kind === 'group' && node.group === 'coder') {
      const item = new vscode.TreeItem(vscode.l10n.t('Coder {0}', node.coder), vscode.TreeItemCollapsibleState.Expanded);
      item.description = vscode.l10n.t('{0} · read-only', node.anchors.length);
      item.iconPath = new vscode.ThemeIcon('person');
      item.tooltip = vscode.l10n.t('{0}’s annotations (their sidecar <article>.tension.{0}.json), shown by “Show Coding of…”; they cannot be edited here.', node.coder);
      item.id = `${node.uri}#coder:${node.coder}`;
      item.contextValue = 'otherCoderGroup';
      return item;
    }
    if (node.kind === 'annotation' && node.coder !== undefined) return this.#otherCoderItem(node, node.coder);
    if (node.kind === 'group') {
      const label = node.group === 'tag' ? node.tag?.label ?? '' : node.group === 'orphaned' ? vscode.l10n.t('Orphaned') : node.group === 'review' ? vscode.l10n.t('Needs review') : vscode.l10n.t('Untagged');
      const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Expanded);
      item.description = String(node.anchors.length);
      item.iconPath = node.group === 'tag' ? tagIcon(node.tag?.color) : new vscode.ThemeIcon(node.group === 'orphaned' ? 'warning' : node.group === 'review' ? 'eye' : 'circle-outline');
      if (node.group === 'orphaned') item.tooltip = vscode.l10n.t('Their text is gone from the article. Select new text and use “Re-pin to Selection”, or delete them.');
      if (node.group === 'review') item.tooltip = vscode.l10n.t('The article changed outside the editor; these annotations moved. Accept, re-pin or delete each.');
      item.accessibilityInformation = { label: vscode.l10n.t('{0}: {1} annotations', label, node.anchors.length), role: 'treeitem' };
      item.id = `${node.uri}#${node.group}:${node.tag?.id ?? ''}`;
      item.contextValue = `annotationGroup.${node.group}`;
      return item;
    }
    const { annotation, state } = node.anchor;
    const item = new vscode.TreeItem(`“${clip(annotation.target.quote.exact, 30)}”`, vscode.TreeItemCollapsibleState.None);
    item.description = `${annotation.note ? clip(annotation.note, 40) : ''}${state === 'exact' ? '' : ` · ${stateLabel(state)}`}`;
    item.iconPath = new vscode.ThemeIcon(STATE_ICON[state]);
    const tooltip = new vscode.MarkdownString();
    tooltip.appendText(`“${annotation.target.quote.exact}”\n\n${annotation.note}\n\n`);
    tooltip.appendMarkdown(`*${vscode.l10n.t('State')}: ${stateLabel(state)} · ${vscode.l10n.t('modified')} ${annotation.modified}*`);
    item.tooltip = tooltip;
    // Screen readers announce this instead of the tooltip: the quote, the note and the state, as the row shows them.
    item.accessibilityInformation = {
      label: vscode.l10n.t('Annotation on “{0}”{1}, {2}', clip(annotation.target.quote.exact, 60), annotation.note ? `: ${clip(annotation.note, 80)}` : '', stateLabel(state)),
      role: 'treeitem',
    };
    item.contextValue = node.review ? 'annotation.review' : state === 'orphaned' ? 'annotation.orphaned' : 'annotation';
    if (state !== 'orphaned') {
      const { start, end } = annotation.target.position;
      item.command = { title: vscode.l10n.t('Reveal'), command: '_tensionLens.revealRange', arguments: [node.uri, start, end] };
    }
    return item;
  }

  /** The Tension pairs group, a pair (“A ↔ B”, its axis and note) and each of its two ends (click → the end). */
  #pairItem(node: Extract<AnnotationNode, { kind: 'pairs' | 'pair' | 'pairEnd' }>): vscode.TreeItem {
    if (node.kind === 'pairs') {
      const label = vscode.l10n.t('Tension pairs');
      const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Expanded);
      item.description = String(node.pairs.length);
      item.iconPath = new vscode.ThemeIcon('git-compare');
      item.id = `${node.uri}#pairs`;
      item.contextValue = 'tensionPairs';
      item.accessibilityInformation = { label: vscode.l10n.t('{0}: {1} tension pairs', label, node.pairs.length), role: 'treeitem' };
      return item;
    }
    const { pair, states } = node.pair;
    const [a, b] = pair.ends;
    const orphaned = states[0] === 'orphaned' || states[1] === 'orphaned';
    if (node.kind === 'pair') {
      const label = `${clip(a.quote.exact, 16)} ↔ ${clip(b.quote.exact, 16)}`;
      const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Collapsed);
      const axis = pair.axis ? this.#axisLabel(pair.axis) : '';
      item.description = [axis, pair.note ? clip(pair.note, 40) : '', orphaned ? stateLabel('orphaned') : ''].filter(Boolean).join(' · ');
      item.iconPath = new vscode.ThemeIcon(orphaned ? 'warning' : 'git-compare');
      item.id = `${node.uri}#pair:${pair.id}`;
      item.contextValue = 'tensionPair';
      const tooltip = new vscode.MarkdownString();
      tooltip.appendText(`“${a.quote.exact}” ↔ “${b.quote.exact}”

${axis}

${pair.note}`);
      item.tooltip = tooltip;
      item.accessibilityInformation = { label: vscode.l10n.t('Tension pair “{0}” and “{1}”{2}', clip(a.quote.exact, 60), clip(b.quote.exact, 60), axis ? `, ${axis}` : ''), role: 'treeitem' };
      if (states[0] !== 'orphaned') item.command = { title: vscode.l10n.t('Reveal'), command: '_tensionLens.revealRange', arguments: [node.uri, a.position.start, a.position.end] };
      return item;
    }
    const end = pair.ends[node.end];
    const state = states[node.end];
    const item = new vscode.TreeItem(`${node.end === 0 ? '①' : '②'} “${clip(end.quote.exact, 30)}”`, vscode.TreeItemCollapsibleState.None);
    item.description = state === 'exact' ? '' : stateLabel(state);
    item.iconPath = new vscode.ThemeIcon(STATE_ICON[state]);
    item.id = `${node.uri}#pair:${pair.id}:${node.end}`;
    item.contextValue = 'tensionPairEnd';
    item.accessibilityInformation = { label: vscode.l10n.t('End of a tension pair: “{0}”, {1}', clip(end.quote.exact, 60), stateLabel(state)), role: 'treeitem' };
    if (state !== 'orphaned') item.command = { title: vscode.l10n.t('Reveal'), command: '_tensionLens.revealRange', arguments: [node.uri, end.position.start, end.position.end] };
    return item;
  }

  /** Another coder's annotation: the quote, then the coder and the tags; clicking reveals it, nothing edits it. */
  #otherCoderItem(node: AnnotationNode & { readonly kind: 'annotation' }, coder: string): vscode.TreeItem {
    const { annotation, state } = node.anchor;
    const item = new vscode.TreeItem(`“${clip(annotation.target.quote.exact, 30)}”`, vscode.TreeItemCollapsibleState.None);
    const tags = (node.tagLabels ?? []).join(', ');
    item.description = `${coder}${tags ? ` · ${tags}` : ''}${annotation.note ? ` · ${clip(annotation.note, 30)}` : ''}`;
    item.iconPath = new vscode.ThemeIcon(STATE_ICON[state]);
    item.tooltip = `${coder}: “${annotation.target.quote.exact}”${annotation.note ? `\n\n${annotation.note}` : ''}`;
    item.accessibilityInformation = { label: vscode.l10n.t('Annotation by {0} on “{1}”, {2}', coder, clip(annotation.target.quote.exact, 60), stateLabel(state)), role: 'treeitem' };
    item.id = `${node.uri}#coder:${coder}:${annotation.id}`;
    // Not 'annotation…': the edit and delete menus match that prefix, and another coder's annotation is read-only.
    item.contextValue = 'otherCoderAnnotation';
    if (state !== 'orphaned') {
      const { start, end } = annotation.target.position;
      item.command = { title: vscode.l10n.t('Reveal'), command: '_tensionLens.revealRange', arguments: [node.uri, start, end] };
    }
    return item;
  }

  dispose(): void {
    for (const d of this.#subscriptions) d.dispose();
    this.#emitter.dispose();
  }
}
