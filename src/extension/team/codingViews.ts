import * as vscode from 'vscode';
import { type Anchor, type Sidecar, type SidecarTag, parseSidecar, reanchorAll } from '../../core';
import type { AnnotationService } from '../annotations/annotationService';
import { coderSidecarsOf, locateSidecar, readText } from '../annotations/sidecarFiles';
import type { ConfigService } from '../config';

/** Whose coding the editor and the Annotations view show: the user's own, one other coder's, or every coder's. */
export type CodingViewMode = { readonly kind: 'mine' } | { readonly kind: 'coder'; readonly coder: string } | { readonly kind: 'all' };

/** Another coder's annotations of an article, re-anchored against the text the editor holds; read-only. */
export interface OtherCoding {
  readonly coder: string;
  readonly tags: readonly SidecarTag[];
  readonly anchors: readonly Anchor[];
}

/** workspaceState key: the articles (URI strings) whose agreement has been computed, which blind mode then shows. */
const COMPUTED_KEY = 'tensionLens.team.agreementComputed';

/**
 * Which coders' annotations are shown, and the other coders' sidecars read for the open articles. Blind mode
 * (`tensionLens.team.blind`) hides the others' annotations in an article until Intercoder Agreement has been computed
 * over it; the articles it was computed for are remembered in the workspace state.
 */
export class CodingViews implements vscode.Disposable {
  readonly #config: ConfigService;
  readonly #annotations: AnnotationService;
  readonly #state: vscode.Memento;
  readonly #emitter = new vscode.EventEmitter<void>();
  /** Fires when what is shown changes: the mode, blind mode, an unlock, or another coder's sidecar. */
  readonly onDidChange = this.#emitter.event;
  readonly #subscriptions: vscode.Disposable[] = [];
  #mode: CodingViewMode = { kind: 'mine' };
  /** Article URI → the other coders' parsed sidecars (coder → sidecar), once read. */
  readonly #sidecars = new Map<string, ReadonlyMap<string, Sidecar>>();
  readonly #reading = new Set<string>();
  /** Article URI → the codings re-anchored for one version of its text. */
  readonly #codings = new Map<string, { version: number; codings: readonly OtherCoding[] }>();
  #computed: Set<string>;

  constructor(config: ConfigService, annotations: AnnotationService, state: vscode.Memento) {
    this.#config = config;
    this.#annotations = annotations;
    this.#state = state;
    this.#computed = new Set(state.get<string[]>(COMPUTED_KEY, []));
    let blind = config.current.blind;
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.tension.*.json');
    const reread = (): void => this.#forget();
    this.#subscriptions.push(
      watcher, watcher.onDidChange(reread), watcher.onDidCreate(reread), watcher.onDidDelete(reread),
      // The user's coder changed: who counts as "other" changed with it.
      annotations.onDidChange(() => this.#codings.clear()),
      vscode.workspace.onDidCloseTextDocument((d) => this.#drop(d.uri.toString())),
      config.onDidChange((c) => {
        if (c.blind === blind) return;
        blind = c.blind;
        this.#emitter.fire();
      }),
    );
  }

  get mode(): CodingViewMode {
    return this.#mode;
  }

  /** True when the user's own annotations are shown (not while another coder's coding alone is). */
  showsMine(): boolean {
    return this.#mode.kind !== 'coder' || this.#mode.coder === this.#annotations.coder;
  }

  /** True when blind mode keeps the other coders' annotations of this article hidden. */
  isHidden(article: vscode.Uri): boolean {
    return this.#config.current.blind && !this.#computed.has(article.toString());
  }

  /** The agreement has been computed over these articles: blind mode shows the other coders' annotations there from now on. */
  async agreementComputed(articles: readonly vscode.Uri[]): Promise<void> {
    const before = this.#computed.size;
    for (const a of articles) this.#computed.add(a.toString());
    if (this.#computed.size === before) return;
    await this.#state.update(COMPUTED_KEY, [...this.#computed]);
    this.#emitter.fire();
  }

  /** Forgets every computed agreement: blind mode hides the others' annotations again everywhere. */
  async resetComputed(): Promise<void> {
    this.#computed.clear();
    await this.#state.update(COMPUTED_KEY, []);
    this.#emitter.fire();
  }

  setMode(mode: CodingViewMode): void {
    this.#mode = mode;
    this.#codings.clear();
    this.#emitter.fire();
  }

  /**
   * The other coders' annotations of the document that the current mode shows (none in blind mode until the
   * agreement is computed). Answers from what has been read; the first call for an article starts reading its
   * coders' sidecars and `onDidChange` fires when they are in.
   */
  others(document: vscode.TextDocument): readonly OtherCoding[] {
    if (this.#mode.kind === 'mine' || document.isUntitled || this.isHidden(document.uri)) return [];
    const key = document.uri.toString();
    const sidecars = this.#sidecars.get(key);
    if (!sidecars) {
      void this.#read(document.uri);
      return [];
    }
    const cached = this.#codings.get(key);
    if (cached?.version === document.version) return cached.codings;
    const mine = this.#annotations.coder;
    const mode = this.#mode;
    const text = document.getText();
    const codings = [...sidecars]
      .filter(([coder]) => coder !== mine && (mode.kind === 'all' || (mode.kind === 'coder' && mode.coder === coder)))
      .map(([coder, sidecar]): OtherCoding => ({ coder, tags: sidecar.tags, anchors: reanchorAll(sidecar.annotations, text).anchors }));
    this.#codings.set(key, { version: document.version, codings });
    return codings;
  }

  /** Every coder with a sidecar of an article read so far, sorted: the order that picks each coder's style. */
  knownCoders(): string[] {
    return [...new Set([...this.#sidecars.values()].flatMap((m) => [...m.keys()]))].sort();
  }

  async #read(article: vscode.Uri): Promise<void> {
    const key = article.toString();
    if (this.#reading.has(key)) return;
    this.#reading.add(key);
    try {
      const found = new Map<string, Sidecar>();
      for (const coder of await coderSidecarsOf(article)) {
        const uri = await locateSidecar(article, this.#config.current.sidecarLocation, coder);
        const raw = await readText(uri).catch(() => undefined);
        if (raw === undefined) continue;
        // A malformed sidecar is shown nowhere (the agreement command names its problem); it is never written here.
        const parsed = parseSidecar(raw, vscode.workspace.asRelativePath(uri));
        if ('sidecar' in parsed) found.set(coder, parsed.sidecar);
      }
      this.#sidecars.set(key, found);
      this.#codings.delete(key);
    } finally {
      this.#reading.delete(key);
    }
    this.#emitter.fire();
  }

  #drop(key: string): void {
    this.#sidecars.delete(key);
    this.#codings.delete(key);
  }

  /** A coder sidecar changed on disk: read the open articles' again (cheap: a few small files). */
  #forget(): void {
    const keys = [...this.#sidecars.keys()];
    this.#sidecars.clear();
    this.#codings.clear();
    for (const key of keys) void this.#read(vscode.Uri.parse(key));
  }

  dispose(): void {
    for (const d of this.#subscriptions) d.dispose();
    this.#emitter.dispose();
  }
}
