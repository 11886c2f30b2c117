import * as vscode from 'vscode';

export type HighlightStyle = 'background' | 'underline' | 'text';

/** A validated, frozen view of the `tensionLens.*` settings; the only place that reads configuration. */
export interface TensionConfig {
  readonly include: readonly string[];
  readonly highlightStyle: HighlightStyle;
  /** Axis id → enabled; an axis not listed is enabled. */
  readonly axes: Readonly<Record<string, boolean>>;
  readonly showSites: boolean;
  readonly debounceMs: number;
  readonly maxFileSizeMB: number;
  readonly lexiconPaths: readonly string[];
  readonly sidecarLocation: 'beside' | 'folder';
  /** `tensionLens.coder`, trimmed; empty: git's user.name, else the OS user (see CoderService). */
  readonly coder: string;
  /** Team coding: the user's annotations go to their own sidecar `a.md.tension.<coder>.json`, not `a.md.tension.json`. */
  readonly coderSidecars: boolean;
  /** `tensionLens.team.blind`: other coders' annotations stay hidden in an article until the agreement on it is computed. */
  readonly blind: boolean;
}

const SECTION = 'tensionLens';

function read(): TensionConfig {
  const c = vscode.workspace.getConfiguration(SECTION);
  const style = c.get<string>('highlightStyle');
  const axes = c.get<Record<string, unknown>>('axes') ?? {};
  const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.length > 0) : []);
  const number = (v: unknown, fallback: number, min: number): number => (typeof v === 'number' && Number.isFinite(v) ? Math.max(min, v) : fallback);
  return Object.freeze({
    include: Object.freeze(strings(c.get('include'))),
    highlightStyle: style === 'underline' || style === 'text' ? style : 'background',
    axes: Object.freeze(Object.fromEntries(Object.entries(axes).filter(([, v]) => typeof v === 'boolean')) as Record<string, boolean>),
    showSites: c.get<boolean>('sites.highlight') !== false,
    debounceMs: number(c.get('debounceMs'), 150, 0),
    maxFileSizeMB: number(c.get('maxFileSizeMB'), 10, 0.001),
    lexiconPaths: Object.freeze(strings(c.get('lexicon.paths'))),
    sidecarLocation: c.get<string>('sidecar.location') === 'folder' ? 'folder' : 'beside',
    coder: typeof c.get('coder') === 'string' ? (c.get<string>('coder') ?? '').trim() : '',
    coderSidecars: c.get<boolean>('coderSidecars') === true,
    blind: c.get<boolean>('team.blind') === true,
  });
}

/** Holds the current settings snapshot and tells listeners when any `tensionLens.*` setting changes. */
export class ConfigService implements vscode.Disposable {
  #current = read();
  readonly #emitter = new vscode.EventEmitter<TensionConfig>();
  readonly onDidChange = this.#emitter.event;
  readonly #subscription: vscode.Disposable;

  constructor() {
    this.#subscription = vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(SECTION)) return;
      this.#current = read();
      this.#emitter.fire(this.#current);
    });
  }

  get current(): TensionConfig {
    return this.#current;
  }

  isAxisEnabled(axisId: string): boolean {
    return this.#current.axes[axisId] !== false;
  }

  /** Writes the axes map where the user will find it: the workspace when one is open, else user settings. */
  async setAxes(axes: Record<string, boolean>): Promise<void> {
    const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
    await vscode.workspace.getConfiguration(SECTION).update('axes', axes, target);
  }

  /** Sets who codes and whether into their own sidecar, where the user will find it (workspace when one is open). */
  async setCoder(coder: string, coderSidecars: boolean): Promise<void> {
    const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
    const c = vscode.workspace.getConfiguration(SECTION);
    await c.update('coder', coder, target);
    await c.update('coderSidecars', coderSidecars, target);
  }

  dispose(): void {
    this.#subscription.dispose();
    this.#emitter.dispose();
  }
}
