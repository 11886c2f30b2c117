import * as vscode from 'vscode';
import { type Analysis, type PoleColor, builtinLexicon, poleColorId, poleColors } from '../../core';
import type { AnalysisService } from '../analysis/analysisService';
import type { ConfigService, HighlightStyle } from '../config';
import type { LexiconService } from '../lexicon/lexiconService';

/** Poles whose colours package.json contributes (generated from the built-in lexicon); others get fixed colours. */
const CONTRIBUTED = new Set(builtinLexicon.axes.flatMap((a) => a.poles.map((p) => p.id)));

function color(c: PoleColor, part: 'background' | 'foreground'): string | vscode.ThemeColor {
  if (CONTRIBUTED.has(c.pole)) return new vscode.ThemeColor(poleColorId(c.pole, part));
  return part === 'background' ? `${c.dark}40` : c.dark;
}

function poleDecoration(c: PoleColor, style: HighlightStyle): vscode.TextEditorDecorationType {
  const fg = color(c, 'foreground');
  const common: vscode.DecorationRenderOptions = {
    overviewRulerColor: fg,
    overviewRulerLane: c.side === 0 ? vscode.OverviewRulerLane.Left : vscode.OverviewRulerLane.Right,
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  };
  switch (style) {
    case 'underline':
      return vscode.window.createTextEditorDecorationType({ ...common, borderStyle: 'none none solid none', borderWidth: '0 0 2px 0', borderColor: fg });
    case 'text':
      return vscode.window.createTextEditorDecorationType({ ...common, color: fg, fontWeight: 'bold' });
    default:
      return vscode.window.createTextEditorDecorationType({ ...common, backgroundColor: color(c, 'background'), borderRadius: '2px' });
  }
}

/** Ranges we last set, per document and pole, so tests (through the API) can read what is decorated. */
export type DecoratedRanges = Readonly<Record<string, readonly { start: number; end: number }[]>>;

/**
 * Paints every visible article: one decoration type per pole (its theme colour, in the chosen style), plus a
 * faint marker on tension sites. Types are created once per style and lexicon and disposed when either changes.
 */
export class PoleDecorations implements vscode.Disposable {
  readonly #analyses: AnalysisService;
  readonly #config: ConfigService;
  readonly #lexicon: LexiconService;
  #types = new Map<string, vscode.TextEditorDecorationType>();
  readonly #siteType = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('tensionLens.siteBackground'),
    overviewRulerColor: new vscode.ThemeColor('tensionLens.siteBackground'),
    overviewRulerLane: vscode.OverviewRulerLane.Center,
  });
  /** Per document, how to list what was last decorated: built only when asked (by tests), not on every paint. */
  readonly #decorated = new Map<string, () => DecoratedRanges>();
  #enabled: boolean;
  readonly #subscriptions: vscode.Disposable[] = [];

  constructor(analyses: AnalysisService, config: ConfigService, lexicon: LexiconService, enabled: boolean) {
    this.#analyses = analyses;
    this.#config = config;
    this.#lexicon = lexicon;
    this.#enabled = enabled;
    this.#rebuildTypes();
    this.#subscriptions.push(
      analyses.onDidAnalyze((uri) => this.#paintUri(uri)),
      vscode.window.onDidChangeVisibleTextEditors(() => this.paintAll()),
      config.onDidChange(() => {
        this.#rebuildTypes();
        this.paintAll();
      }),
      lexicon.onDidChange(() => this.#rebuildTypes()),
    );
  }

  get enabled(): boolean {
    return this.#enabled;
  }

  set enabled(on: boolean) {
    this.#enabled = on;
    this.paintAll();
  }

  /** What is currently decorated in a document, by pole id (and `site` for tension sites). */
  decorated(uri: vscode.Uri): DecoratedRanges {
    return this.#decorated.get(uri.toString())?.() ?? {};
  }

  #rebuildTypes(): void {
    for (const t of this.#types.values()) t.dispose();
    this.#types = new Map(poleColors(this.#lexicon.current.lexicon).map((c) => [c.pole, poleDecoration(c, this.#config.current.highlightStyle)]));
  }

  paintAll(): void {
    for (const editor of vscode.window.visibleTextEditors) this.#paint(editor);
  }

  #paintUri(uri: vscode.Uri): void {
    for (const editor of vscode.window.visibleTextEditors) if (editor.document.uri.toString() === uri.toString()) this.#paint(editor);
  }

  /**
   * Reads the analysis's tables, not its hit objects: after an edit in a long article, building an object per
   * hit just to make a Range of it would cost more than the re-analysis.
   */
  #paint(editor: vscode.TextEditor): void {
    const document = editor.document;
    const result = this.#analyses.get(document.uri);
    const byPole = new Map<string, vscode.Range[]>();
    const sites: vscode.Range[] = [];
    let recorded: (() => DecoratedRanges) | undefined;
    if (this.#enabled && result && result.version === document.version) {
      const analysis = result.analysis;
      const { terms, patterns } = analysis.lexicon;
      const axisOn = (axis: string): boolean => this.#config.isAxisEnabled(axis);
      // Per term index, the list its ranges go to, or undefined when its axis is hidden.
      const listOf = terms.map((t) => {
        if (!axisOn(t.axis.id)) return undefined;
        let list = byPole.get(t.pole.id);
        if (!list) byPole.set(t.pole.id, (list = []));
        return list;
      });
      const t = analysis.hitTable;
      for (let i = 0; i < t.count; i++) {
        const list = listOf[t.term[i] as number];
        if (!list) continue;
        const start = t.start[i] as number;
        const end = t.end[i] as number;
        const line = t.line[i] as number;
        const character = t.character[i] as number;
        // A term with markup inside (开**源**) is longer in the source than its form and may, rarely, span lines:
        // only then is the end position looked up.
        list.push(end - start === patterns[t.form[i] as number]?.length
          ? new vscode.Range(line, character, line, character + (end - start))
          : new vscode.Range(line, character, document.positionAt(end).line, document.positionAt(end).character));
      }
      const showSites = this.#config.current.showSites;
      if (showSites) {
        const s = analysis.siteTable;
        const axes = analysis.lexicon.lexicon.axes;
        for (let i = 0; i < s.count; i++) {
          if (!axisOn(axes[s.axis[i] as number]?.id ?? '')) continue;
          sites.push(new vscode.Range(document.positionAt(s.start[i] as number), document.positionAt(s.end[i] as number)));
        }
      }
      recorded = () => decoratedRanges(analysis, axisOn, showSites);
    }
    for (const [pole, type] of this.#types) editor.setDecorations(type, byPole.get(pole) ?? []);
    editor.setDecorations(this.#siteType, sites);
    this.#decorated.set(document.uri.toString(), recorded ?? (() => ({})));
  }

  dispose(): void {
    for (const t of this.#types.values()) t.dispose();
    this.#siteType.dispose();
    for (const d of this.#subscriptions) d.dispose();
  }
}

/** Offsets of what `#paint` decorates, by pole id (and `site`), from the same tables and the same filter. */
function decoratedRanges(analysis: Analysis, axisOn: (axis: string) => boolean, showSites: boolean): DecoratedRanges {
  const out: Record<string, { start: number; end: number }[]> = {};
  const t = analysis.hitTable;
  const { terms, lexicon } = analysis.lexicon;
  for (let i = 0; i < t.count; i++) {
    const term = terms[t.term[i] as number];
    if (term && axisOn(term.axis.id)) (out[term.pole.id] ??= []).push({ start: t.start[i] as number, end: t.end[i] as number });
  }
  if (showSites) {
    const s = analysis.siteTable;
    for (let i = 0; i < s.count; i++) {
      if (axisOn(lexicon.axes[s.axis[i] as number]?.id ?? '')) (out.site ??= []).push({ start: s.start[i] as number, end: s.end[i] as number });
    }
  }
  return out;
}
