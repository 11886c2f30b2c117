import * as vscode from 'vscode';
import { fileSafeCoder, parseSidecar, reanchorAll } from '../../core';
import type { ExportAnnotations, ExportArticle } from '../../core/export';
import { coderSidecarsOf, locateSidecar, readText } from '../annotations/sidecarFiles';
import type { SidecarLocation } from '../../core';
import { workspaceCoders } from '../team/showCodingOf';

/** Whose annotations an export holds: the sidecar the editor edits, one coder's, or every coder's. */
export type ExportCoders = { readonly kind: 'mine' } | { readonly kind: 'coder'; readonly coder: string } | { readonly kind: 'all' };

/** The `coder` option of the export command: `mine`, `all`, or a coder's name (made file-safe). */
export function exportCodersOf(option: string): ExportCoders {
  return option === 'mine' ? { kind: 'mine' } : option === 'all' ? { kind: 'all' } : { kind: 'coder', coder: fileSafeCoder(option) };
}

/**
 * Asks whose annotations to export when the workspace has coders' sidecars besides the user's own; `mine` without
 * asking otherwise. Undefined when the pick is dismissed.
 */
export async function pickExportCoders(mine: string | undefined): Promise<ExportCoders | undefined> {
  const others = (await workspaceCoders()).filter((c) => c !== mine);
  if (others.length === 0) return { kind: 'mine' };
  type Pick = vscode.QuickPickItem & { readonly value: ExportCoders };
  const items: Pick[] = [
    { label: `$(account) ${vscode.l10n.t('My annotations')}`, detail: mine ? vscode.l10n.t('{0}: <article>.tension.{0}.json', mine) : vscode.l10n.t('Consensus / single coder: <article>.tension.json'), value: { kind: 'mine' } },
    ...others.map((coder): Pick => ({ label: `$(person) ${coder}`, detail: vscode.l10n.t('<article>.tension.{0}.json', coder), value: { kind: 'coder', coder } })),
    { label: `$(organization) ${vscode.l10n.t('All coders')}`, detail: vscode.l10n.t('Every coder’s annotations, each with its coder'), value: { kind: 'all' } },
  ];
  return (await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Export: whose annotations?'), placeHolder: vscode.l10n.t('Coder') }))?.value;
}

async function coderAnnotations(article: vscode.Uri, text: string, coder: string, location: SidecarLocation): Promise<ExportAnnotations | undefined> {
  const uri = await locateSidecar(article, location, coder);
  const raw = await readText(uri).catch(() => undefined);
  if (raw === undefined) return undefined;
  const parsed = parseSidecar(raw, vscode.workspace.asRelativePath(uri));
  // A malformed coder sidecar is left out here, as the agreement leaves it out; it is never written over.
  if (!('sidecar' in parsed)) return undefined;
  return { tags: parsed.sidecar.tags, anchors: reanchorAll(parsed.sidecar.annotations, text).anchors, coder };
}

/**
 * The articles with the chosen coders' annotations: another coder's in place of the user's own, or every other
 * coder's added beside them. `hidden` (blind coding) keeps the other coders' out of an article.
 */
export async function withCoders(articles: readonly ExportArticle[], choice: ExportCoders, mine: string | undefined, location: SidecarLocation, hidden: (article: vscode.Uri) => boolean): Promise<ExportArticle[]> {
  if (choice.kind === 'mine') return [...articles];
  const out: ExportArticle[] = [];
  for (const article of articles) {
    const uri = article.uri ? vscode.Uri.parse(article.uri) : undefined;
    const { annotations: own, coders: _coders, ...rest } = article;
    if (!uri || hidden(uri)) {
      out.push(choice.kind === 'all' ? article : rest);
      continue;
    }
    if (choice.kind === 'coder') {
      const theirs = await coderAnnotations(uri, article.text, choice.coder, location);
      out.push(theirs ? { ...rest, annotations: theirs } : rest);
      continue;
    }
    const others: ExportAnnotations[] = [];
    for (const coder of (await coderSidecarsOf(uri)).filter((c) => c !== mine).sort()) {
      const set = await coderAnnotations(uri, article.text, coder, location);
      if (set) others.push(set);
    }
    const [first, ...more] = own ? [own, ...others] : others;
    out.push(first ? { ...rest, annotations: first, ...(more.length > 0 ? { coders: more } : {}) } : rest);
  }
  return out;
}
