import * as vscode from 'vscode';
import { systemCoder } from 'tension-lens-system-coder';
import { ANONYMOUS_CODER, fileSafeCoder } from '../../core';
import type { ConfigService, TensionConfig } from '../config';

/** Who is coding and where their annotations go. */
export interface CoderIdentity {
  /** The coder's name, file-safe (as it appears in `a.md.tension.<coder>.json`). */
  readonly coder: string;
  /** True: into the coder's own sidecar; false: into `a.md.tension.json` (single coder, or the consensus). */
  readonly ownSidecar: boolean;
}

/**
 * The coder identity: `tensionLens.coder`, else git's user.name, else the OS user (`anonymous` in the web host);
 * shown in the status bar with where the annotations go, and switchable from the palette.
 */
export class CoderService implements vscode.Disposable {
  readonly #config: ConfigService;
  readonly #emitter = new vscode.EventEmitter<CoderIdentity>();
  /** Fires when the coder or the sidecar they code into changes. */
  readonly onDidChange = this.#emitter.event;
  readonly #item = vscode.window.createStatusBarItem('tensionLens.coder', vscode.StatusBarAlignment.Right, 99);
  readonly #subscriptions: vscode.Disposable[] = [];
  #system: string | undefined;
  #identity: CoderIdentity;

  constructor(config: ConfigService) {
    this.#config = config;
    this.#identity = this.#resolve(config.current);
    this.#item.name = vscode.l10n.t('Tension Lens coder');
    this.#item.command = 'tensionLens.switchCoder';
    this.#subscriptions.push(this.#item, config.onDidChange((c) => this.#update(c)));
    this.#render();
    this.#lookUpSystemCoder(config.current);
  }

  #lookedUp = false;

  /**
   * Asks git (or the OS) for the coder's name once, and only where it is used — team mode without a
   * `tensionLens.coder` — because starting git from the extension host costs about 10 ms of activation.
   */
  #lookUpSystemCoder(c: TensionConfig): void {
    if (this.#lookedUp || c.coder || !c.coderSidecars) return;
    this.#lookedUp = true;
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    void systemCoder(folder?.scheme === 'file' ? folder.fsPath : undefined).then((name) => {
      this.#system = name;
      this.#update(this.#config.current);
    });
  }

  get identity(): CoderIdentity {
    return this.#identity;
  }

  /** The status-bar text, for tests. */
  get statusText(): string {
    return this.#item.text;
  }

  #resolve(c: TensionConfig): CoderIdentity {
    return { coder: fileSafeCoder(c.coder || this.#system || ANONYMOUS_CODER), ownSidecar: c.coderSidecars };
  }

  #update(c: TensionConfig): void {
    this.#lookUpSystemCoder(c);
    const next = this.#resolve(c);
    if (next.coder === this.#identity.coder && next.ownSidecar === this.#identity.ownSidecar) return;
    this.#identity = next;
    this.#render();
    this.#emitter.fire(next);
  }

  #render(): void {
    const { coder, ownSidecar } = this.#identity;
    this.#item.text = ownSidecar ? `$(person) ${coder}` : `$(person) ${vscode.l10n.t('{0} (consensus)', coder)}`;
    this.#item.tooltip = ownSidecar
      ? vscode.l10n.t('Coding as {0}: annotations are saved in <article>.tension.{0}.json. Click to switch coder.', coder)
      : vscode.l10n.t('Coding as {0} into the shared sidecar <article>.tension.json (single coder or consensus). Click to switch.', coder);
    // Only worth the space where annotations are made: the item shows once the team setting or a coder name is used.
    if (ownSidecar || this.#config.current.coder) this.#item.show();
    else this.#item.hide();
  }

  /** The palette command: code as a coder found in the workspace, a new name, or into the consensus sidecar. */
  async switchCoder(): Promise<void> {
    const found = new Set<string>();
    for (const uri of await vscode.workspace.findFiles('**/*.tension.*.json', '**/node_modules/**', 2000)) {
      const match = /\.tension\.([^./]+)\.json$/u.exec(uri.path);
      if (match?.[1]) found.add(match[1]);
    }
    found.add(this.#identity.coder);
    type Pick = vscode.QuickPickItem & { readonly action: 'coder' | 'new' | 'consensus'; readonly coder?: string };
    const picks: Pick[] = [
      ...[...found].sort().map((coder): Pick => ({
        label: `$(person) ${coder}`, action: 'coder', coder,
        description: coder === this.#identity.coder && this.#identity.ownSidecar ? vscode.l10n.t('current') : '',
        detail: vscode.l10n.t('Annotations in <article>.tension.{0}.json', coder),
      })),
      { label: `$(add) ${vscode.l10n.t('New coder…')}`, action: 'new' },
      { label: `$(git-merge) ${vscode.l10n.t('Consensus / single coder')}`, action: 'consensus', detail: vscode.l10n.t('Annotations in <article>.tension.json'), description: this.#identity.ownSidecar ? '' : vscode.l10n.t('current') },
    ];
    const pick = await vscode.window.showQuickPick(picks, { title: vscode.l10n.t('Tension Lens: Switch Coder'), placeHolder: vscode.l10n.t('Whose annotations do you see and edit?') });
    if (!pick) return;
    if (pick.action === 'consensus') {
      await this.#config.setCoder(this.#config.current.coder, false);
      return;
    }
    const name = pick.action === 'new'
      ? await vscode.window.showInputBox({
        title: vscode.l10n.t('New coder'), prompt: vscode.l10n.t('The coder’s name; it becomes part of the sidecar file name.'),
        validateInput: (v) => (v.trim() === '' ? vscode.l10n.t('Enter a name.')
          : fileSafeCoder(v) !== v.trim() ? { message: vscode.l10n.t('Saved as {0}', fileSafeCoder(v)), severity: vscode.InputBoxValidationSeverity.Info } : undefined),
      })
      : pick.coder;
    if (!name) return;
    await this.#config.setCoder(fileSafeCoder(name), true);
  }

  dispose(): void {
    for (const d of this.#subscriptions) d.dispose();
    this.#emitter.dispose();
  }
}
