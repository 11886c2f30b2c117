import * as vscode from 'vscode';
import { type Analysis, type CompiledTerm, type LexiconAxis, type LexiconPole, type TermHit, builtinLexicon, poleColorId } from '../../core';
import type { AnalysisService } from '../analysis/analysisService';
import type { ConfigService } from '../config';
import type { ShownArticle } from './shownArticle';

/** A node of the Terms view: axis → pole → term → occurrence. Plain data, so tests can read it through the API. */
export type TermNode =
  | { readonly kind: 'axis'; readonly axis: LexiconAxis; readonly count: number }
  | { readonly kind: 'pole'; readonly axis: LexiconAxis; readonly pole: LexiconPole; readonly side: 0 | 1; readonly count: number }
  | {
      readonly kind: 'term'; readonly pole: LexiconPole; readonly side: 0 | 1; readonly term: string; readonly label: string;
      /** Indices of the term's hits (for `Analysis.hitAt`); the occurrences are built when the node opens. */
      readonly hitIndices: readonly number[];
      /** The forms found, in the order they first occur. */
      readonly forms: readonly string[];
    }
  | { readonly kind: 'occurrence'; readonly hit: TermHit; readonly snippet: string };

/** The hits the view shows, for one analysis, filter and set of enabled axes: index, term and form of each. */
interface VisibleHits {
  readonly key: string;
  readonly indices: readonly number[];
  readonly terms: readonly CompiledTerm[];
  readonly forms: readonly string[];
}

const CONTRIBUTED = new Set(builtinLexicon.axes.flatMap((a) => a.poles.map((p) => p.id)));

/** Colour swatch of a pole: its theme colour when package.json contributes one, the plain circle otherwise. */
export function poleIcon(poleId: string): vscode.ThemeIcon {
  return CONTRIBUTED.has(poleId) ? new vscode.ThemeIcon('circle-filled', new vscode.ThemeColor(poleColorId(poleId, 'foreground'))) : new vscode.ThemeIcon('circle-filled');
}

/**
 * What a screen reader says for a row: its label and count. Without it, VS Code reads the tooltip (a definition).
 */
export function treeItemLabel(label: string): vscode.AccessibilityInformation {
  return { label, role: 'treeitem' };
}

/** The text around a hit on its line, clipped, so the tree shows the term in context. */
function snippet(document: vscode.TextDocument | undefined, hit: TermHit): string {
  if (!document) return hit.text;
  const line = document.lineAt(hit.line).text;
  const from = Math.max(0, hit.character - 12);
  const to = Math.min(line.length, hit.character + hit.text.length + 16);
  return `${from > 0 ? '…' : ''}${line.slice(from, to).trim()}${to < line.length ? '…' : ''}`;
}

/** The Terms view of the active article. */
export class TermTreeProvider implements vscode.TreeDataProvider<TermNode>, vscode.Disposable {
  readonly #analyses: AnalysisService;
  readonly #config: ConfigService;
  readonly #shown: ShownArticle;
  readonly #emitter = new vscode.EventEmitter<TermNode | undefined>();
  readonly onDidChangeTreeData = this.#emitter.event;
  #filter = '';
  readonly #visible = new WeakMap<Analysis, VisibleHits>();
  readonly #subscriptions: vscode.Disposable[] = [];

  constructor(analyses: AnalysisService, config: ConfigService, shown: ShownArticle) {
    this.#analyses = analyses;
    this.#config = config;
    this.#shown = shown;
    this.#subscriptions.push(shown.onDidChange(() => this.refresh()));
  }

  /** The article the view shows: the active editor's when it is one, else the last one shown. */
  get document(): vscode.TextDocument | undefined {
    return this.#shown.document;
  }

  get filter(): string {
    return this.#filter;
  }

  set filter(text: string) {
    this.#filter = text.trim();
    this.refresh();
  }

  refresh(): void {
    this.#emitter.fire(undefined);
  }

  #analysis(): Analysis | undefined {
    const document = this.#shown.document;
    return document ? this.#analyses.get(document.uri)?.analysis : undefined;
  }

  /**
   * Indices of the hits the view shows (axis enabled, filter matched), kept per analysis until the filter or the
   * enabled axes change: a long article has 100,000 hits, and the tree asks once per node.
   */
  #visibleHits(analysis: Analysis): VisibleHits {
    const key = `${this.#filter}\u0000${analysis.lexicon.lexicon.axes.map((a) => (this.#config.isAxisEnabled(a.id) ? 1 : 0)).join('')}`;
    const cached = this.#visible.get(analysis);
    if (cached?.key === key) return cached;
    const { terms } = analysis.lexicon;
    const f = this.#filter;
    const termShown = terms.map((t) => this.#config.isAxisEnabled(t.axis.id));
    const termMatches = terms.map((t) => !f || t.term.id.includes(f));
    const indices: number[] = [];
    const termOfHit: CompiledTerm[] = [];
    const formOfHit: string[] = [];
    analysis.forEachHit((hit) => {
      const i = hit.term.index;
      if (termShown[i] && (termMatches[i] || hit.form.includes(f))) {
        indices.push(hit.index);
        termOfHit.push(hit.term);
        formOfHit.push(hit.form);
      }
    });
    const visible: VisibleHits = { key, indices, terms: termOfHit, forms: formOfHit };
    this.#visible.set(analysis, visible);
    return visible;
  }

  getChildren(node?: TermNode): TermNode[] {
    const analysis = this.#analysis();
    if (!analysis) return [];
    const visible = this.#visibleHits(analysis);
    if (!node) {
      const perAxis = new Map<string, number>();
      for (const term of visible.terms) perAxis.set(term.axis.id, (perAxis.get(term.axis.id) ?? 0) + 1);
      return analysis.lexicon.lexicon.axes
        .map((axis) => ({ kind: 'axis' as const, axis, count: perAxis.get(axis.id) ?? 0 }))
        .filter((n) => n.count > 0);
    }
    switch (node.kind) {
      case 'axis': {
        const perPole = new Map<string, number>();
        for (const term of visible.terms) perPole.set(term.pole.id, (perPole.get(term.pole.id) ?? 0) + 1);
        return node.axis.poles.map((pole, side) => ({ kind: 'pole' as const, axis: node.axis, pole, side: side === 0 ? 0 : 1, count: perPole.get(pole.id) ?? 0 }));
      }
      case 'pole': {
        const byTerm = new Map<string, { hitIndices: number[]; forms: Set<string> }>();
        visible.terms.forEach((term, k) => {
          if (term.pole.id !== node.pole.id) return;
          let entry = byTerm.get(term.term.id);
          if (!entry) byTerm.set(term.term.id, (entry = { hitIndices: [], forms: new Set() }));
          entry.hitIndices.push(visible.indices[k] as number);
          entry.forms.add(visible.forms[k] as string);
        });
        return [...byTerm].sort((a, b) => b[1].hitIndices.length - a[1].hitIndices.length).map(([term, { hitIndices, forms }]) => ({
          kind: 'term' as const, pole: node.pole, side: node.side, term,
          label: node.pole.terms.find((t) => t.id === term)?.label.zh ?? [...forms][0] ?? term, hitIndices, forms: [...forms],
        }));
      }
      case 'term':
        return node.hitIndices.flatMap((i) => {
          const hit = analysis.hitAt(i);
          return hit ? [{ kind: 'occurrence' as const, hit, snippet: snippet(this.#shown.document, hit) }] : [];
        });
      default:
        return [];
    }
  }

  getTreeItem(node: TermNode): vscode.TreeItem {
    const expanded = vscode.TreeItemCollapsibleState.Expanded;
    const collapsed = vscode.TreeItemCollapsibleState.Collapsed;
    switch (node.kind) {
      case 'axis': {
        const item = new vscode.TreeItem(`${node.axis.label.zh}`, expanded);
        const [a, b] = node.axis.poles;
        const counts = this.#analysis()?.counts.axes[node.axis.id]?.poles ?? {};
        item.description = `${node.axis.label.en} · ${counts[a.id] ?? 0} : ${counts[b.id] ?? 0}`;
        item.tooltip = node.axis.definition.zh ? `${node.axis.definition.zh}\n${node.axis.definition.en}` : node.axis.label.en;
        item.contextValue = 'axis';
        item.id = `axis:${node.axis.id}`;
        item.accessibilityInformation = treeItemLabel(vscode.l10n.t('{0}, {1} against {2}', `${node.axis.label.zh} ${node.axis.label.en}`, `${a.label.zh} ${counts[a.id] ?? 0}`, `${b.label.zh} ${counts[b.id] ?? 0}`));
        return item;
      }
      case 'pole': {
        const item = new vscode.TreeItem(`${node.pole.label.zh} · ${node.pole.label.en}`, node.count > 0 ? collapsed : vscode.TreeItemCollapsibleState.None);
        item.description = String(node.count);
        item.iconPath = poleIcon(node.pole.id);
        item.tooltip = `${node.pole.definition.zh}\n${node.pole.definition.en}`;
        item.contextValue = 'pole';
        item.id = `pole:${node.axis.id}:${node.pole.id}`;
        item.accessibilityInformation = treeItemLabel(vscode.l10n.t('{0}, occurrences: {1}', `${node.pole.label.zh} ${node.pole.label.en}`, node.count));
        return item;
      }
      case 'term': {
        const item = new vscode.TreeItem(node.label, collapsed);
        const forms = node.forms;
        item.description = `${node.hitIndices.length}${forms.length > 1 || forms[0] !== node.label ? ` · ${forms.join(' ')}` : ''}`;
        item.contextValue = 'term';
        item.id = `term:${node.pole.id}:${node.term}`;
        item.accessibilityInformation = treeItemLabel(vscode.l10n.t('{0}, occurrences: {1}', node.label, node.hitIndices.length));
        return item;
      }
      case 'occurrence': {
        const item = new vscode.TreeItem(`${node.hit.line + 1}: ${node.snippet}`, vscode.TreeItemCollapsibleState.None);
        if (node.hit.negated) item.description = vscode.l10n.t('negated');
        item.contextValue = 'occurrence';
        item.id = `hit:${node.hit.start}`;
        const line = vscode.l10n.t('Line {0}', node.hit.line + 1);
        item.accessibilityInformation = treeItemLabel(`${line}: ${node.snippet}${node.hit.negated ? `, ${vscode.l10n.t('negated')}` : ''}`);
        const document = this.#shown.document;
        if (document) {
          item.command = { title: vscode.l10n.t('Reveal'), command: '_tensionLens.revealRange', arguments: [document.uri.toString(), node.hit.start, node.hit.end] };
        }
        return item;
      }
    }
  }

  getParent(): undefined {
    return undefined;
  }

  dispose(): void {
    for (const d of this.#subscriptions) d.dispose();
    this.#emitter.dispose();
  }
}
