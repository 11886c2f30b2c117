import * as vscode from 'vscode';
import {
  type Disagreement, type Resolution, type Sidecar, applyResolution, describeDocument, disagreements, newId, newSidecar, parseSidecar, reanchorAll,
  serializeSidecar, sidecarForSave,
} from '../../core';
import { locateSidecar, readText, writeTextAtomic } from '../annotations/sidecarFiles';
import type { ConfigService } from '../config';
import { adjudicationHtml } from './adjudicationHtml';
import { pickTwoCoders } from './agreementPanel';
import { type CodedArticle, findCodings } from './workspaceCodings';

interface Session {
  readonly article: CodedArticle;
  readonly coders: readonly [string, string];
  readonly found: readonly Disagreement[];
  readonly settled: Map<string, Resolution>;
  /** Per settled step, the key it settled and, when it wrote the consensus, the file before (undefined: it did not exist). */
  readonly undo: { readonly key: string; readonly wrote: boolean; readonly before: string | undefined }[];
}

const RESOLUTIONS: readonly Resolution[] = ['a', 'b', 'union', 'skip'];

/**
 * `Tension Lens: Adjudicate Disagreements…`: one article's disagreements between two coders side by side; each is
 * settled (accept A, accept B, union, skip, with a note) into the consensus sidecar `a.md.tension.json`, undoably.
 * A consensus file that cannot be parsed is reported and never written over.
 */
export class AdjudicationPanel implements vscode.Disposable {
  readonly #config: ConfigService;
  #panel: vscode.WebviewPanel | undefined;
  #session: Session | undefined;
  readonly #subscriptions: vscode.Disposable[] = [];

  /** Blind coding: true while the other coders' annotations of an article stay hidden (no adjudication shows them). */
  readonly #hidden: (article: vscode.Uri) => boolean;

  constructor(config: ConfigService, hidden: (article: vscode.Uri) => boolean = () => false) {
    this.#config = config;
    this.#hidden = hidden;
  }

  async run(): Promise<void> {
    const found = await findCodings();
    const coders = await pickTwoCoders(found.coders);
    if (!coders) return;
    const both = found.articles.filter((a) => a.codings.has(coders[0]) && a.codings.has(coders[1]));
    const active = vscode.window.activeTextEditor?.document.uri.toString();
    const article = both.find((a) => a.uri.toString() === active) ?? (both.length === 1 ? both[0]
      : (await vscode.window.showQuickPick(both.map((a) => ({ label: a.path, article: a })), { title: vscode.l10n.t('Adjudicate: which article?') }))?.article);
    if (!article) {
      if (both.length === 0) void vscode.window.showInformationMessage(vscode.l10n.t('No article has sidecars of both {0} and {1} (<article>.tension.<coder>.json).', coders[0], coders[1]));
      return;
    }
    if (this.#hidden(article.uri)) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Blind coding is on: compute Intercoder Agreement over {0} first; adjudication would show the other coder’s annotations.', article.path));
      return;
    }
    const a = article.codings.get(coders[0]);
    const b = article.codings.get(coders[1]);
    if (!a || !b) return;
    this.#session = { article, coders, found: disagreements(article.text, a, b), settled: new Map(), undo: [] };
    this.#render();
  }

  #render(): void {
    const session = this.#session;
    if (!session) return;
    if (!this.#panel) {
      this.#panel = vscode.window.createWebviewPanel('tensionLens.adjudication', vscode.l10n.t('Adjudication'), vscode.ViewColumn.Active, { enableScripts: true, localResourceRoots: [] });
      this.#panel.onDidDispose(() => {
        this.#panel = undefined;
        this.#session = undefined;
      }, undefined, this.#subscriptions);
      this.#panel.webview.onDidReceiveMessage((m: unknown) => void this.#onMessage(m), undefined, this.#subscriptions);
    }
    this.#panel.title = vscode.l10n.t('Adjudication: {0}', session.article.path);
    this.#panel.webview.html = adjudicationHtml(session.article.path, session.coders, session.article.text, session.found, session.settled, session.undo.length > 0);
    this.#panel.reveal();
  }

  async #onMessage(message: unknown): Promise<void> {
    const session = this.#session;
    if (!session || typeof message !== 'object' || message === null) return;
    const m = message as { type?: unknown; key?: unknown; choice?: unknown; note?: unknown };
    if (m.type === 'undo') await this.#undo(session);
    if (m.type === 'resolve' && typeof m.key === 'string' && RESOLUTIONS.includes(m.choice as Resolution)) {
      await this.#resolve(session, m.key, m.choice as Resolution, typeof m.note === 'string' ? m.note.trim() : '');
    }
    this.#render();
  }

  async #consensusUri(session: Session): Promise<vscode.Uri> {
    return locateSidecar(session.article.uri, this.#config.current.sidecarLocation);
  }

  async #resolve(session: Session, key: string, resolution: Resolution, note: string): Promise<void> {
    const d = session.found.find((x) => x.key === key);
    if (!d) return;
    const uri = await this.#consensusUri(session);
    let before: string | undefined;
    try {
      before = await readText(uri);
    } catch (e) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Tension Lens cannot read {0}: {1}', vscode.workspace.asRelativePath(uri), String(e)));
      return;
    }
    let consensus: Sidecar;
    if (before === undefined) consensus = newSidecar(await describeDocument(vscode.workspace.asRelativePath(session.article.uri, false), session.article.text));
    else {
      const parsed = parseSidecar(before, vscode.workspace.asRelativePath(uri));
      if ('problems' in parsed) {
        const [first] = parsed.problems;
        void vscode.window.showErrorMessage(vscode.l10n.t('The consensus sidecar {0} cannot be read, so it is not changed until you fix it: {1}', vscode.workspace.asRelativePath(uri), first ? `${first.line + 1}:${first.character + 1}: ${first.message}` : ''));
        return;
      }
      consensus = parsed.sidecar;
    }
    const codebook = [...(session.article.codings.get(session.coders[0])?.tags ?? []), ...(session.article.codings.get(session.coders[1])?.tags ?? [])];
    const next = applyResolution(consensus, session.article.text, d, resolution, note, new Date().toISOString(), newId, codebook);
    if (next !== consensus) {
      const saved = await sidecarForSave(next, reanchorAll(next.annotations, session.article.text).anchors, session.article.text);
      try {
        await writeTextAtomic(uri, serializeSidecar(saved));
      } catch (e) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Tension Lens could not save {0}: {1}', vscode.workspace.asRelativePath(uri), String(e)));
        return;
      }
    }
    session.undo.push({ key, wrote: next !== consensus, before });
    session.settled.set(key, resolution);
  }

  /** Puts the consensus file back as it was before the last step (deleting it when that step created it). */
  async #undo(session: Session): Promise<void> {
    const step = session.undo.pop();
    if (!step) return;
    session.settled.delete(step.key);
    if (!step.wrote) return;
    const uri = await this.#consensusUri(session);
    try {
      if (step.before === undefined) await vscode.workspace.fs.delete(uri);
      else await writeTextAtomic(uri, step.before);
    } catch (e) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Tension Lens could not save {0}: {1}', vscode.workspace.asRelativePath(uri), String(e)));
    }
  }

  dispose(): void {
    this.#panel?.dispose();
    for (const d of this.#subscriptions) d.dispose();
  }
}
