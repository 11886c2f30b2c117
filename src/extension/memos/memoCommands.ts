import * as vscode from 'vscode';
import {
  type CodebookTag, type ImportPlan, type ReadCodebook, applyImport, exchangeTags, formatCodebookProblem, planImport, stripBom,
} from '../../core';
import { readCodebookCsv, readQdc, writeCodebookCsv, writeQdc } from './codebookExchange';
import { type AnnotationService, guarded } from '../annotations/annotationService';
import { writeAtomic } from '../files/atomicWrite';
import type { CodebookService } from './codebookService';
import { MEMO_SCHEME, MemoDocuments, type MemoTarget, memoUri } from './memoDocuments';

/** A Tags-view tag node, an Annotations-view tag group, or a label. */
function tagOf(arg: unknown): { label: string; color?: string } | undefined {
  if (typeof arg === 'string' && arg.trim()) return { label: arg.trim() };
  const node = arg as { kind?: string; tag?: { label?: unknown; color?: unknown } } | undefined;
  if (node && (node.kind === 'tag' || node.kind === 'group') && typeof node.tag?.label === 'string') {
    return { label: node.tag.label, ...(typeof node.tag.color === 'string' && { color: node.tag.color }) };
  }
  return undefined;
}

async function openMemo(target: MemoTarget, title: string): Promise<void> {
  const document = await vscode.workspace.openTextDocument(memoUri(target, title));
  await vscode.window.showTextDocument(document, { preview: false });
  void vscode.window.setStatusBarMessage(vscode.l10n.t('Write the memo, then save (Ctrl+S) to store it.'), 6000);
}

/** Every tag the open articles use and the built-in tags, for picking a tag to write the memo of. */
function knownTags(annotations: AnnotationService, codebook: CodebookService): CodebookTag[] {
  const sidecarTags = vscode.workspace.textDocuments.flatMap((d) => annotations.get(d.uri)?.set?.tags ?? []);
  return exchangeTags(codebook.codebook, [...sidecarTags, ...annotations.builtinTags]);
}

async function pickTag(annotations: AnnotationService, codebook: CodebookService): Promise<{ label: string; color?: string } | undefined> {
  const tags = knownTags(annotations, codebook);
  const picked = await vscode.window.showQuickPick([
    ...tags.map((t) => ({ label: t.label, description: t.color ?? '', detail: codebook.memoOf(t)?.replace(/\s+/g, ' ').slice(0, 120) ?? '', tag: t })),
  ], { title: vscode.l10n.t('Edit the memo of which tag?'), placeHolder: vscode.l10n.t('Type a tag name'), matchOnDetail: true });
  return picked ? { label: picked.tag.label, ...(picked.tag.color && { color: picked.tag.color }) } : undefined;
}

function planSummary(plan: ImportPlan): string {
  const list = (tags: readonly { label: string }[]): string => (tags.length === 0 ? '' : `: ${tags.slice(0, 8).map((t) => t.label).join('、')}${tags.length > 8 ? '…' : ''}`);
  return [
    vscode.l10n.t('Added: {0}{1}', plan.added.length, list(plan.added)),
    vscode.l10n.t('Updated: {0}{1}', plan.updated.length, list(plan.updated.map((u) => u.after))),
    vscode.l10n.t('Unchanged: {0}', plan.unchanged.length),
  ].join('\n');
}

/** Reads an exchange file by its extension: `.qdc` (REFI-QDA codebook) or `.csv`. */
export function readExchange(text: string, name: string): ReadCodebook<CodebookTag> {
  return /\.csv$/i.test(name) ? readCodebookCsv(text, name) : readQdc(text, name);
}

/**
 * Memo and codebook-exchange commands: edit the article, tag and project memos in an editor (saving stores them),
 * export the codebook as a REFI-QDA `.qdc` or CSV, and import one, merged by label after showing what changes.
 */
export function registerMemoCommands(annotations: AnnotationService, codebook: CodebookService, version: string): vscode.Disposable[] {
  const documents = new MemoDocuments(annotations, codebook);
  const reg = vscode.commands.registerCommand;
  return [
    documents,
    vscode.workspace.registerFileSystemProvider(MEMO_SCHEME, documents, { isCaseSensitive: true }),
    reg('tensionLens.editArticleMemo', async (arg?: unknown) => {
      const uri = arg instanceof vscode.Uri ? arg : typeof arg === 'string' ? vscode.Uri.parse(arg) : (arg as { uri?: string } | undefined)?.uri ? vscode.Uri.parse((arg as { uri: string }).uri) : annotations.activeArticle()?.uri;
      if (!uri) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open an article to write its memo.'));
        return;
      }
      // Without its extension: the tab must not read as the article's own name (Quick Open, the tab strip).
      const name = uri.path.slice(uri.path.lastIndexOf('/') + 1).replace(/\.[^.]+$/, '');
      await guarded(() => openMemo({ kind: 'article', article: uri }, vscode.l10n.t('{0} · memo', name)));
    }),
    reg('tensionLens.editTagMemo', async (arg?: unknown) => {
      const tag = tagOf(arg) ?? (await pickTag(annotations, codebook));
      if (!tag) return;
      await guarded(() => openMemo({ kind: 'tag', ...tag }, vscode.l10n.t('Tag memo · {0}', tag.label)));
    }),
    reg('tensionLens.editProjectMemo', async () => {
      if (!codebook.uri) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open a folder first: the project memo is saved in its codebook.'));
        return;
      }
      await guarded(() => openMemo({ kind: 'project' }, vscode.l10n.t('Project memo')));
    }),
    reg('tensionLens.exportCodebook', async (target?: unknown) => {
      await codebook.ready;
      if (codebook.problem) {
        void vscode.window.showErrorMessage(vscode.l10n.t('The codebook cannot be read, so it is left as it is: {0}', codebook.problem.message));
        return;
      }
      const tags = knownTags(annotations, codebook).filter((t) => !annotations.builtinTags.some((b) => b.label === t.label) || codebook.tag(t.label));
      if (tags.length === 0) {
        void vscode.window.showInformationMessage(vscode.l10n.t('The codebook is empty: create tags or write a tag memo first.'));
        return;
      }
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
      const uri = target instanceof vscode.Uri ? target : await vscode.window.showSaveDialog({
        title: vscode.l10n.t('Export Codebook'),
        ...(folder && { defaultUri: vscode.Uri.joinPath(folder, 'codebook.qdc') }),
        filters: { [vscode.l10n.t('REFI-QDA codebook')]: ['qdc'], CSV: ['csv'] },
      });
      if (!uri) return;
      const text = /\.csv$/i.test(uri.path) ? writeCodebookCsv(tags) : writeQdc(tags, `Tension Lens ${version}`);
      await writeAtomic(uri, new TextEncoder().encode(text));
      void vscode.window.showInformationMessage(vscode.l10n.t('Exported {0} tags to {1}.', tags.length, vscode.workspace.asRelativePath(uri, false)));
    }),
    reg('tensionLens.importCodebook', async (source?: unknown, confirmed?: unknown) => {
      const uri = source instanceof vscode.Uri ? source : (await vscode.window.showOpenDialog({
        title: vscode.l10n.t('Import Codebook'), canSelectMany: false,
        filters: { [vscode.l10n.t('REFI-QDA codebook or CSV')]: ['qdc', 'csv'] },
      }))?.[0];
      if (!uri) return undefined;
      const name = vscode.workspace.asRelativePath(uri, false);
      const read = readExchange(stripBom(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri))), name);
      if ('problems' in read) {
        const [first] = read.problems;
        const more = read.problems.length > 1 ? ` ${vscode.l10n.t('(and {0} more)', read.problems.length - 1)}` : '';
        void vscode.window.showErrorMessage(vscode.l10n.t('Nothing was imported: {0}', `${first ? formatCodebookProblem(first) : name}${more}`));
        return undefined;
      }
      try {
        const current = (await codebook.read()) ?? { version: 1 as const, tags: [] };
        const plan = planImport(current, read.tags);
        if (plan.added.length === 0 && plan.updated.length === 0) {
          void vscode.window.showInformationMessage(vscode.l10n.t('The codebook already holds all {0} tags of {1}: nothing to change.', read.tags.length, name));
          return plan;
        }
        const apply = vscode.l10n.t('Import');
        // Updates overwrite a colour or memo, so ask; adding only is asked too, as the file is shared with the team.
        const answer = confirmed === true ? apply : await vscode.window.showWarningMessage(vscode.l10n.t('Import the codebook {0}?', name), { modal: true, detail: planSummary(plan) }, apply);
        if (answer !== apply) return undefined;
        await codebook.update((book) => applyImport(book, planImport(book, read.tags)));
        void vscode.window.showInformationMessage(vscode.l10n.t('Codebook imported: {0} added, {1} updated, {2} unchanged.', plan.added.length, plan.updated.length, plan.unchanged.length));
        return plan;
      } catch (e) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Nothing was imported: {0}', e instanceof Error ? e.message : String(e)));
        return undefined;
      }
    }),
  ];
}
