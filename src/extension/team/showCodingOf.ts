import * as vscode from 'vscode';
import type { AnnotationService } from '../annotations/annotationService';
import type { CodingViewMode, CodingViews } from './codingViews';

/** Coders with a sidecar in the workspace (`<article>.tension.<coder>.json`), sorted. */
export async function workspaceCoders(): Promise<string[]> {
  const found = new Set<string>();
  for (const uri of await vscode.workspace.findFiles('**/*.tension.*.json', '**/node_modules/**', 2000)) {
    const match = /\.tension\.([^./]+)\.json$/u.exec(uri.path);
    if (match?.[1]) found.add(match[1]);
  }
  return [...found].sort();
}

/** The command's argument for scripts and tests: `'mine'`, `'all'` or a coder's name skips the pick. */
function modeOf(arg: unknown): CodingViewMode | undefined {
  if (typeof arg !== 'string' || arg.trim() === '') return undefined;
  return arg === 'mine' ? { kind: 'mine' } : arg === 'all' ? { kind: 'all' } : { kind: 'coder', coder: arg.trim() };
}

/** `Tension Lens: Show Coding of…`: my coding, another coder's, or all coders', in the editor and the Annotations view. */
export async function showCodingOf(views: CodingViews, annotations: AnnotationService, config: { readonly current: { readonly blind: boolean } }, arg?: unknown): Promise<void> {
  const given = modeOf(arg);
  if (given) {
    views.setMode(given);
    return;
  }
  const mine = annotations.coder;
  const current = views.mode;
  type Pick = vscode.QuickPickItem & { readonly mode: CodingViewMode };
  const mark = (mode: CodingViewMode): string => (JSON.stringify(mode) === JSON.stringify(current) ? vscode.l10n.t('current') : '');
  const items: Pick[] = [
    { label: `$(account) ${vscode.l10n.t('My coding')}`, detail: mine ? vscode.l10n.t('{0}: <article>.tension.{0}.json', mine) : vscode.l10n.t('Consensus / single coder: <article>.tension.json'), mode: { kind: 'mine' } },
    ...(await workspaceCoders()).filter((c) => c !== mine).map((coder): Pick => ({
      label: `$(person) ${coder}`, detail: vscode.l10n.t('Only {0}’s annotations, read-only', coder), mode: { kind: 'coder', coder },
    })),
    { label: `$(organization) ${vscode.l10n.t('All coders')}`, detail: vscode.l10n.t('Mine and every other coder’s, each coder’s underline and name of their own'), mode: { kind: 'all' } },
  ];
  const picks = items.map((p): Pick => ({ ...p, description: mark(p.mode) }));
  const pick = await vscode.window.showQuickPick(picks, { title: vscode.l10n.t('Tension Lens: Show Coding of…'), placeHolder: vscode.l10n.t('Whose annotations does the editor show?') });
  if (!pick) return;
  views.setMode(pick.mode);
  if (pick.mode.kind !== 'mine' && config.current.blind) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Blind coding is on (tensionLens.team.blind): the other coders’ annotations of an article stay hidden until Intercoder Agreement has been computed over it.'));
  }
}
