import * as vscode from 'vscode';
import { type Analysis, type HitCursor, type PoleColor, builtinLexicon, poleColorId, poleColors } from '../../core';
import type { AnalysisEvent, AnalysisService } from '../analysis/analysisService';
import type { ConfigService, HighlightStyle } from '../config';
import type { LexiconService } from '../lexicon/lexiconService';
import type { DecorationScreen, NamedDecorationType } from './decorationScreen';
import { type LineWindow, PAINT_ALL_HITS, bandShift, paintWindow, stillCovered } from './paintWindow';

/** Poles whose colours package.json contributes (generated from the built-in lexicon); others get fixed colours. */
const CONTRIBUTED = new Set(builtinLexicon.axes.flatMap((a) => a.poles.map((p) => p.id)));

function color(c: PoleColor, part: 'background' | 'foreground'): string | vscode.ThemeColor {
  if (CONTRIBUTED.has(c.pole)) return new vscode.ThemeColor(poleColorId(c.pole, part));
  return part === 'background' ? `${c.dark}40` : c.dark;
}

function poleDecoration(screen: DecorationScreen, c: PoleColor, style: HighlightStyle): NamedDecorationType {
  const fg = color(c, 'foreground');
  const common: vscode.DecorationRenderOptions = { rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed };
  switch (style) {
    case 'underline':
      return screen.createType(c.pole, { ...common, borderStyle: 'none none solid none', borderWidth: '0 0 2px 0', borderColor: fg });
    case 'text':
      return screen.createType(c.pole, { ...common, color: fg, fontWeight: 'bold' });
    default:
      return screen.createType(c.pole, { ...common, backgroundColor: color(c, 'background'), borderRadius: '2px' });
  }
}

/** A pole's marks in the overview ruler (left lane for the first pole of an axis, right for the second). */
function rulerDecoration(screen: DecorationScreen, c: PoleColor): NamedDecorationType {
  return screen.createType(`ruler:${c.pole}`, {
    overviewRulerColor: color(c, 'foreground'),
    overviewRulerLane: c.side === 0 ? vscode.OverviewRulerLane.Left : vscode.OverviewRulerLane.Right,
  });
}

/** What was painted in an editor: for which analysis, and which lines (all of them for short articles). */
interface Painted {
  readonly analysis: Analysis;
  readonly window: LineWindow;
}

/**
 * Paints every visible article: one decoration type per pole (its theme colour, in the chosen style), a faint
 * background on tension sites, and their marks in the overview ruler. Short articles are painted whole; long ones
 * (over `PAINT_ALL_HITS` terms) around what is on screen, repainted when scrolling nears the edge, with the ruler
 * marked one band of lines at a time (paintWindow.ts says why).
 *
 * It does not listen to lexicon or settings changes: `LensRefresh` calls `restyle()` (new types in place, old ones
 * handed back), re-analyses, repaints, and only then disposes the old types — disposing a type wipes its ranges
 * from the screen, so the order is kept in one place rather than left to the order listeners were added in.
 */
export class PoleDecorations implements vscode.Disposable {
  readonly #analyses: AnalysisService;
  readonly #config: ConfigService;
  readonly #lexicon: LexiconService;
  readonly #screen: DecorationScreen;
  #types = new Map<string, NamedDecorationType>();
  #rulerTypes = new Map<string, NamedDecorationType>();
  readonly #siteType: NamedDecorationType;
  readonly #siteRulerType: NamedDecorationType;
  readonly #painted = new WeakMap<vscode.TextEditor, Painted>();
  #enabled: boolean;
  readonly #subscriptions: vscode.Disposable[] = [];

  constructor(screen: DecorationScreen, analyses: AnalysisService, config: ConfigService, lexicon: LexiconService, enabled: boolean) {
    this.#screen = screen;
    this.#siteType = screen.createType('site', { backgroundColor: new vscode.ThemeColor('tensionLens.siteBackground') });
    this.#siteRulerType = screen.createType('ruler:site', {
      overviewRulerColor: new vscode.ThemeColor('tensionLens.siteBackground'),
      overviewRulerLane: vscode.OverviewRulerLane.Center,
    });
    this.#analyses = analyses;
    this.#config = config;
    this.#lexicon = lexicon;
    this.#enabled = enabled;
    this.restyle();
    this.#subscriptions.push(
      analyses.onDidAnalyze((e) => this.#analyzed(e)),
      vscode.window.onDidChangeVisibleTextEditors(() => this.paintAll()),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => this.#scrolled(e.textEditor)),
    );
  }

  get enabled(): boolean {
    return this.#enabled;
  }

  set enabled(on: boolean) {
    this.#enabled = on;
    this.paintAll();
  }

  /**
   * Builds the pole types for the current lexicon and highlight style and puts them in place; returns the old
   * types, still live, for the caller to dispose once every visible editor has been repainted with the new ones.
   */
  restyle(): vscode.Disposable {
    const retired = [...this.#types.values(), ...this.#rulerTypes.values()];
    const colors = poleColors(this.#lexicon.current.lexicon);
    const style = this.#config.current.highlightStyle;
    this.#types = new Map(colors.map((c) => [c.pole, poleDecoration(this.#screen, c, style)]));
    this.#rulerTypes = new Map(colors.map((c) => [c.pole, rulerDecoration(this.#screen, c)]));
    return new vscode.Disposable(() => {
      for (const t of retired) t.dispose();
    });
  }

  paintAll(): void {
    for (const editor of vscode.window.visibleTextEditors) this.#paint(editor, this.#analyses.get(editor.document.uri)?.analysis);
  }

  #analyzed({ document, result }: AnalysisEvent): void {
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document === document) this.#paint(editor, result?.version === document.version ? result.analysis : undefined);
    }
  }

  /** A long article scrolled: repaint its terms when the screen nears the edge of what was painted. */
  #scrolled(editor: vscode.TextEditor): void {
    const painted = this.#painted.get(editor);
    if (!painted || painted.analysis.hitCount <= PAINT_ALL_HITS) return;
    if (stillCovered(painted.window, visibleLines(editor), editor.document.lineCount)) return;
    this.#paint(editor, painted.analysis, false);
  }

  /**
   * Paints `analysis` in the editor (nothing when it is undefined, stale or highlights are off). Reads the hits
   * through the analysis's cursor queries, not its hit objects: after an edit in a long article, building an object
   * per hit just to make a Range of it would cost more than the re-analysis. `rulers` false repaints only the terms
   * and sites in the window (after a scroll), leaving the ruler as it is.
   */
  #paint(editor: vscode.TextEditor, analysis: Analysis | undefined, rulers = true): void {
    const document = editor.document;
    const byPole = new Map<string, vscode.Range[]>();
    const rulerByPole = new Map<string, vscode.Range[]>();
    const sites: vscode.Range[] = [];
    const siteRuler: vscode.Range[] = [];
    const painted = this.#enabled && analysis !== undefined;
    if (painted) {
      const window = analysis.hitCount <= PAINT_ALL_HITS ? { from: 0, to: document.lineCount - 1 } : paintWindow(visibleLines(editor), document.lineCount);
      const axisOn = (axis: string): boolean => this.#config.isAxisEnabled(axis);
      paintTerms(document, analysis, window, axisOn, byPole);
      if (rulers) markRuler(document, analysis, axisOn, rulerByPole);
      if (this.#config.current.showSites) paintSites(document, analysis, window, axisOn, sites, rulers ? siteRuler : undefined);
      this.#painted.set(editor, { analysis, window });
    } else {
      this.#painted.delete(editor);
    }
    const screen = this.#screen;
    for (const [pole, type] of this.#types) screen.set(editor, type, byPole.get(pole) ?? []);
    screen.set(editor, this.#siteType, sites);
    if (rulers || !painted) {
      for (const [pole, type] of this.#rulerTypes) screen.set(editor, type, rulerByPole.get(pole) ?? []);
      screen.set(editor, this.#siteRulerType, siteRuler);
    }
  }

  dispose(): void {
    for (const t of [...this.#types.values(), ...this.#rulerTypes.values()]) t.dispose();
    this.#siteType.dispose();
    this.#siteRulerType.dispose();
    for (const d of this.#subscriptions) d.dispose();
  }
}

/** The lines on screen (the first to the last visible range; folded regions inside count as shown). */
function visibleLines(editor: vscode.TextEditor): LineWindow {
  const ranges = editor.visibleRanges;
  if (ranges.length === 0) return { from: 0, to: Math.min(editor.document.lineCount - 1, 100) };
  return { from: ranges[0]?.start.line ?? 0, to: ranges[ranges.length - 1]?.end.line ?? 0 };
}

/** Per term index, the list its ranges go to, or undefined when its axis is hidden. */
function listsByTerm(analysis: Analysis, axisOn: (axis: string) => boolean, byPole: Map<string, vscode.Range[]>): (vscode.Range[] | undefined)[] {
  return analysis.lexicon.terms.map((t) => {
    if (!axisOn(t.axis.id)) return undefined;
    let list = byPole.get(t.pole.id);
    if (!list) byPole.set(t.pole.id, (list = []));
    return list;
  });
}

/** The range of a hit, from its line and character: only a term with markup inside needs its end looked up. */
function hitRange(document: vscode.TextDocument, hit: HitCursor): vscode.Range {
  // A term with markup inside (开**源**) is longer in the source than its form and may, rarely, span lines.
  if (hit.plain) return new vscode.Range(hit.line, hit.character, hit.line, hit.character + (hit.end - hit.start));
  const last = document.positionAt(hit.end);
  return new vscode.Range(hit.line, hit.character, last.line, last.character);
}

function paintTerms(document: vscode.TextDocument, analysis: Analysis, lines: LineWindow, axisOn: (axis: string) => boolean, byPole: Map<string, vscode.Range[]>): void {
  const listOf = listsByTerm(analysis, axisOn, byPole);
  analysis.forEachHit((hit) => listOf[hit.term.index]?.push(hitRange(document, hit)), lines);
}

/** One ruler mark per pole per band of lines, over the whole article: a loop over numbers, a range per band. */
function markRuler(document: vscode.TextDocument, analysis: Analysis, axisOn: (axis: string) => boolean, byPole: Map<string, vscode.Range[]>): void {
  const listOf = listsByTerm(analysis, axisOn, byPole);
  const shift = bandShift(document.lineCount);
  const lastBand = new Map<vscode.Range[], number>();
  analysis.forEachHit((hit) => {
    const list = listOf[hit.term.index];
    if (!list) return;
    const band = hit.line >> shift;
    if (lastBand.get(list) === band) return;
    lastBand.set(list, band);
    list.push(hitRange(document, hit));
  });
}

function paintSites(
  document: vscode.TextDocument, analysis: Analysis, lines: LineWindow, axisOn: (axis: string) => boolean, sites: vscode.Range[], ruler: vscode.Range[] | undefined,
): void {
  const range = (start: number, end: number): vscode.Range => new vscode.Range(document.positionAt(start), document.positionAt(end));
  analysis.forEachSite((site) => {
    if (axisOn(site.axis.id)) sites.push(range(site.start, site.end));
  }, lines);
  if (!ruler) return;
  const shift = bandShift(document.lineCount);
  let lastBand = -1;
  analysis.forEachSite((site) => {
    const band = site.line >> shift;
    if (band === lastBand || !axisOn(site.axis.id)) return;
    lastBand = band;
    ruler.push(range(site.start, site.end));
  });
}
