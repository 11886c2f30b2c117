import * as vscode from 'vscode';
import { plural } from '../plural';
import { type ArticleAgreement, type SegmentAgreement, compareCodings, compareSegments, poolAgreement } from '../../core';
import { type AgreementSection, type Passage, type SegmentRow, agreementHtml } from './agreementHtml';
import { type CodedArticle, findCodings } from './workspaceCodings';

/** What the agreement page last drew, as its script reported it (table cells per row, the passages listed). */
export interface AgreementSnapshot {
  readonly open: boolean;
  readonly coders: readonly string[];
  readonly rows: readonly (readonly string[])[];
  readonly passages: readonly string[];
  /** The segment tables' rows (cells: coder, tag, segment, whether the other coder has an overlapping span with the tag). */
  readonly segments: readonly (readonly string[])[];
  /** The segment summaries, one per coder and article ("alice: 6 of 9 segments …"). */
  readonly segmentSummary: readonly string[];
  /** The disagreements listed, as drawn. */
  readonly disagreements: readonly string[];
}

const CLOSED: AgreementSnapshot = { open: false, coders: [], rows: [], passages: [], segments: [], segmentSummary: [], disagreements: [] };

const PASSAGE_WIDTH = 60;

function passageText(text: string, start: number, end: number): string {
  const chars = Array.from(text.slice(start, end).replace(/\s+/g, ' '));
  return chars.length > PASSAGE_WIDTH ? `${chars.slice(0, PASSAGE_WIDTH - 1).join('')}…` : chars.join('');
}

/** The sections of the page: one per article both coders coded, then the pooled one (with every article's passages). */
function sections(compared: readonly Compared[]): AgreementSection[] {
  const perArticle = compared.map(({ article, agreement, segments }, i): AgreementSection => ({
    heading: article.path, units: agreement.units, segments: segmentRows(article, i, segments),
    rows: agreement.tags.map((t) => ({ ...t, passages: t.spans.map((s): Passage => ({ article: i, ...s, text: passageText(article.text, s.start, s.end) })) })),
  }));
  const pooled = poolAgreement(compared.map((c) => c.agreement)).map((t) => ({
    ...t, passages: perArticle.flatMap((s) => s.rows.find((r) => r.tag === t.tag)?.passages ?? []),
  }));
  return [...perArticle, { heading: plural(compared.length, vscode.l10n.t('Pooled over {0} article', compared.length), vscode.l10n.t('Pooled over {0} articles', compared.length)), units: compared.reduce((n, c) => n + c.agreement.units, 0), rows: pooled }];
}

/** An article both coders coded, compared unit by unit and segment by segment. */
interface Compared {
  readonly article: CodedArticle;
  readonly agreement: ArticleAgreement;
  readonly segments: SegmentAgreement;
}

function segmentRows(article: CodedArticle, index: number, segments: SegmentAgreement): SegmentRow[] {
  return segments.segments.map((s) => ({
    article: index, coder: s.coder, tag: s.tag, start: s.start, end: s.end, text: passageText(article.text, s.start, s.end), overlapping: s.overlapping.length,
  }));
}

/** The two coders to compare: the only two found, else picked; undefined (after saying why) when there are fewer. */
export async function pickTwoCoders(coders: readonly string[]): Promise<readonly [string, string] | undefined> {
  if (coders.length < 2) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Intercoder agreement needs two coders’ sidecars (<article>.tension.<coder>.json); found {0}.', coders.length === 0 ? vscode.l10n.t('none') : coders.join(', ')));
    return undefined;
  }
  const [first, second] = coders;
  if (coders.length === 2 && first && second) return [first, second];
  const a = await vscode.window.showQuickPick([...coders], { title: vscode.l10n.t('Intercoder Agreement: coder A') });
  if (!a) return undefined;
  const b = await vscode.window.showQuickPick(coders.filter((c) => c !== a), { title: vscode.l10n.t('Intercoder Agreement: coder B') });
  return b ? [a, b] : undefined;
}

/** `Tension Lens: Intercoder Agreement…`: picks two coders, compares them over every article both coded, shows the page. */
export class AgreementPanel implements vscode.Disposable {
  #panel: vscode.WebviewPanel | undefined;
  #snapshot: AgreementSnapshot = CLOSED;
  /** The articles of the page shown, in the order its passages refer to them. */
  #compared: readonly { article: CodedArticle }[] = [];
  readonly #subscriptions: vscode.Disposable[] = [];
  /** Told which articles the agreement was computed over (blind coding shows the other coders' annotations there). */
  readonly #computed: (articles: readonly vscode.Uri[]) => Promise<void>;

  constructor(computed: (articles: readonly vscode.Uri[]) => Promise<void> = () => Promise.resolve()) {
    this.#computed = computed;
  }

  snapshot(): AgreementSnapshot {
    return this.#snapshot;
  }

  /**
   * Clicks a figure on the page (by element id, `s<section>r<row>-<a|b|both|percent|kappa|alpha>`), a segment
   * (`g<section>-<n>`) or a disagreement (`d<section>-<n>`), as a user would.
   */
  click(id: string): void {
    void this.#panel?.webview.postMessage({ type: 'click', id });
  }

  /** Runs the command; `coders` skips the pick (tests, and callers that know whom to compare). */
  async run(coders?: readonly [string, string]): Promise<void> {
    const found = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Reading the coders’ sidecars…'), cancellable: true },
      (_progress, token) => findCodings(token),
    );
    for (const problem of found.problems) void vscode.window.showWarningMessage(vscode.l10n.t('Left out of the agreement: {0}', problem));
    const chosen = coders ?? await pickTwoCoders(found.coders);
    if (!chosen) return;
    const [a, b] = chosen;
    const compared = found.articles.flatMap((article) => {
      const ca = article.codings.get(a);
      const cb = article.codings.get(b);
      return ca && cb ? [{ article, agreement: compareCodings(article.text, ca, cb), segments: compareSegments(ca, cb) }] : [];
    });
    if (compared.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No article has sidecars of both {0} and {1} (<article>.tension.<coder>.json).', a, b));
      return;
    }
    this.#show(chosen, compared);
    await this.#computed(compared.map((c) => c.article.uri));
  }

  #show(coders: readonly [string, string], compared: readonly Compared[]): void {
    const title = vscode.l10n.t('Agreement: {0} / {1}', coders[0], coders[1]);
    if (!this.#panel) {
      this.#panel = vscode.window.createWebviewPanel('tensionLens.agreement', title, vscode.ViewColumn.Active, { enableScripts: true, localResourceRoots: [] });
      this.#panel.onDidDispose(() => {
        this.#panel = undefined;
        this.#snapshot = CLOSED;
      }, undefined, this.#subscriptions);
      this.#panel.webview.onDidReceiveMessage((m: unknown) => void this.#onMessage(m), undefined, this.#subscriptions);
    }
    this.#panel.title = title;
    this.#compared = compared;
    this.#snapshot = { ...CLOSED, open: true, coders };
    this.#panel.webview.html = agreementHtml(this.#panel.webview, coders, sections(compared), compared.map((c) => c.article.path));
    this.#panel.reveal();
  }

  async #onMessage(message: unknown): Promise<void> {
    if (typeof message !== 'object' || message === null) return;
    const m = message as { type?: unknown; rows?: unknown; passages?: unknown; segments?: unknown; segmentSummary?: unknown; disagreements?: unknown; article?: unknown; start?: unknown; end?: unknown };
    if (m.type === 'rendered' && Array.isArray(m.rows) && Array.isArray(m.passages)) {
      const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
      const rows = (v: unknown): string[][] => (Array.isArray(v) ? v.map(list) : []);
      this.#snapshot = {
        ...this.#snapshot, rows: rows(m.rows), passages: list(m.passages), segments: rows(m.segments), segmentSummary: list(m.segmentSummary), disagreements: list(m.disagreements),
      };
      return;
    }
    if (m.type === 'reveal' && typeof m.article === 'number' && typeof m.start === 'number' && typeof m.end === 'number') {
      const article = this.#compared[m.article]?.article;
      if (!article) return;
      const document = await vscode.workspace.openTextDocument(article.uri);
      const selection = new vscode.Range(document.positionAt(m.start), document.positionAt(m.end));
      await vscode.window.showTextDocument(document, { selection, viewColumn: vscode.ViewColumn.Beside });
    }
  }

  dispose(): void {
    this.#panel?.dispose();
    for (const d of this.#subscriptions) d.dispose();
  }
}
