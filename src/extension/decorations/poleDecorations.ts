import * as vscode from 'vscode';
import { type PoleColor, builtinLexicon, poleColorId, poleColors } from '../../core';
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
  readonly #decorated = new Map<string, DecoratedRanges>();
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
    return this.#decorated.get(uri.toString()) ?? {};
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

  #paint(editor: vscode.TextEditor): void {
    const document = editor.document;
    const result = this.#analyses.get(document.uri);
    const byPole = new Map<string, vscode.Range[]>();
    const recorded: Record<string, { start: number; end: number }[]> = {};
    const sites: vscode.Range[] = [];
    if (this.#enabled && result && result.version === document.version) {
      for (const hit of result.analysis.hits) {
        if (!this.#config.isAxisEnabled(hit.axis)) continue;
        const range = new vscode.Range(hit.line, hit.character, hit.line, hit.character + (hit.end - hit.start));
        // A term split over lines by markup (rare) needs the real end position.
        const exact = range.end.character > document.lineAt(hit.line).range.end.character ? new vscode.Range(range.start, document.positionAt(hit.end)) : range;
        let list = byPole.get(hit.pole);
        if (!list) byPole.set(hit.pole, (list = []));
        list.push(exact);
        (recorded[hit.pole] ??= []).push({ start: hit.start, end: hit.end });
      }
      if (this.#config.current.showSites) {
        for (const site of result.analysis.sites) {
          if (!this.#config.isAxisEnabled(site.axis)) continue;
          sites.push(new vscode.Range(document.positionAt(site.start), document.positionAt(site.end)));
          (recorded.site ??= []).push({ start: site.start, end: site.end });
        }
      }
    }
    for (const [pole, type] of this.#types) editor.setDecorations(type, byPole.get(pole) ?? []);
    editor.setDecorations(this.#siteType, sites);
    this.#decorated.set(document.uri.toString(), recorded);
  }

  dispose(): void {
    for (const t of this.#types.values()) t.dispose();
    this.#siteType.dispose();
    for (const d of this.#subscriptions) d.dispose();
  }
}
