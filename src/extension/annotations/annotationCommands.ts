import * as vscode from 'vscode';
import { type Anchor, type AnnotationSet, type SidecarTag, createAnnotation, newId } from '../../core';
import type { AnalysisService } from '../analysis/analysisService';
import { refuseMisdecoded } from '../encoding/misdecoded';
import { termOf } from '../analysis/lookup';
import type { LexiconService } from '../lexicon/lexiconService';
import { type AnnotationService, guarded } from './annotationService';
import type { AnnotationNode } from './annotationTree';
import { nextTagColor, poleTag } from './tagColors';

/** Options of `tensionLens.annotateSelection` when run programmatically (keybinding args, other extensions, tests). */
export interface AnnotateArgs {
  readonly uri?: string;
  readonly start?: number;
  readonly end?: number;
  /** Tag labels or ids; a label that is not a tag yet becomes one. Given → no tag picker. */
  readonly tags?: readonly string[];
  /** Given → no note prompt. */
  readonly note?: string;
}

interface Target {
  readonly document: vscode.TextDocument;
  readonly id: string;
}

const now = (): string => new Date().toISOString();

async function documentFor(uri: string | undefined): Promise<vscode.TextDocument | undefined> {
  if (!uri) return vscode.window.activeTextEditor?.document;
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri) ?? vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
}

/**
 * Tags for labels or ids: the article's own by id or label, then a built-in (pole) tag by id or label, added to the
 * article's codebook on first use; only a label that is neither becomes a new tag, so no two tags share a label.
 */
function resolveTags(set: AnnotationSet, wanted: readonly string[], builtin: readonly SidecarTag[]): { set: AnnotationSet; ids: string[] } {
  let next = set;
  const ids: string[] = [];
  for (const w of wanted.map((x) => x.trim()).filter(Boolean)) {
    const existing = next.tags.find((t) => t.id === w || t.label.trim() === w);
    const offered = existing ? undefined : builtin.find((t) => t.id === w || t.label === w);
    if (existing) ids.push(existing.id);
    else if (offered) {
      next = next.createTag(offered);
      ids.push(offered.id);
    } else {
      const tag: SidecarTag = { id: newId(), label: w, color: nextTagColor(next.tags) };
      next = next.createTag(tag);
      ids.push(tag.id);
    }
  }
  return { set: next, ids: [...new Set(ids)] };
}

/** The article's tags, then the built-in ones it does not have yet (by id or label), as the picker offers them. */
function offeredTags(own: readonly SidecarTag[], builtin: readonly SidecarTag[]): SidecarTag[] {
  return [...own, ...builtin.filter((b) => !own.some((t) => t.id === b.id || t.label.trim() === b.label))];
}

/** A multi-select pick of the codebook (the article's tags and the built-in ones); typing a new name offers to create it. */
async function pickTags(tags: readonly SidecarTag[], selected: readonly string[], title: string): Promise<string[] | undefined> {
  const pick = vscode.window.createQuickPick<vscode.QuickPickItem & { tagId?: string; create?: string }>();
  pick.title = title;
  pick.canSelectMany = true;
  pick.placeholder = vscode.l10n.t('Choose tags, or type a new tag name and press Enter');
  const base = tags.map((t) => ({ label: t.label, description: t.description ?? '', tagId: t.id }));
  pick.items = base;
  pick.selectedItems = base.filter((i) => i.tagId && selected.includes(i.tagId));
  const created: string[] = [];
  pick.onDidChangeValue((value) => {
    const name = value.trim();
    const exists = !name || tags.some((t) => t.label === name) || created.includes(name);
    const keep = pick.selectedItems;
    pick.items = exists ? [...base, ...created.map((c) => ({ label: c, create: c }))] : [{ label: `$(add) ${vscode.l10n.t('Create tag “{0}”', name)}`, create: name, alwaysShow: true }, ...base, ...created.map((c) => ({ label: c, create: c }))];
    pick.selectedItems = pick.items.filter((i) => keep.some((k) => (k.tagId ?? k.create) === (i.tagId ?? i.create)));
  });
  return new Promise((resolve) => {
    pick.onDidAccept(() => {
      const chosen = pick.selectedItems.map((i) => i.tagId ?? i.create ?? '');
      // Text typed in the box counts too: an existing tag's name picks it, a new name creates the tag.
      const typed = pick.value.trim();
      if (typed) chosen.push(tags.find((t) => t.label === typed)?.id ?? typed);
      resolve([...new Set(chosen.filter(Boolean))]);
      pick.hide();
    });
    pick.onDidHide(() => {
      resolve(undefined);
      pick.dispose();
    });
    pick.show();
  });
}

/** A note prompt; `\n` typed in the box becomes a line break, so notes can have several lines. */
async function askNote(value: string): Promise<string | undefined> {
  const note = await vscode.window.showInputBox({
    title: vscode.l10n.t('Note (optional)'),
    prompt: vscode.l10n.t('Type {0} for a new line. Leave empty for no note.', '\\n'),
    value: value.replace(/\n/g, '\\n'),
  });
  return note === undefined ? undefined : note.replace(/\\n/g, '\n').trim();
}

/** The range to annotate: the selection, else the term under the cursor, else the sentence under it. */
function rangeToAnnotate(editor: vscode.TextEditor, analyses: AnalysisService): { start: number; end: number } | undefined {
  const document = editor.document;
  if (!editor.selection.isEmpty) return { start: document.offsetAt(editor.selection.start), end: document.offsetAt(editor.selection.end) };
  const offset = document.offsetAt(editor.selection.active);
  const analysis = analyses.get(document.uri)?.analysis;
  const hit = analysis?.hitAtOffset(offset);
  if (hit) return { start: hit.start, end: hit.end };
  const sentence = analysis?.sentenceAt(offset);
  return sentence ? { start: sentence.start, end: sentence.end } : undefined;
}

/** The annotation a command is about: a tree node, `(uri, id)` arguments, or the one under the cursor. */
function targetOf(annotations: AnnotationService, a: unknown, b: unknown): Target | undefined {
  let uri: string | undefined;
  let id: string | undefined;
  if (a && typeof a === 'object' && (a as AnnotationNode).kind === 'annotation') ({ uri, id } = a as { uri: string; id: string });
  else if (typeof a === 'string' && typeof b === 'string') [uri, id] = [a, b];
  const editor = vscode.window.activeTextEditor;
  if (!uri && editor) {
    const offset = editor.document.offsetAt(editor.selection.active);
    const anchor = annotations.sorted(editor.document.uri).find((x) => x.state !== 'orphaned' && x.annotation.target.position.start <= offset && offset <= x.annotation.target.position.end);
    if (anchor) [uri, id] = [editor.document.uri.toString(), anchor.annotation.id];
  }
  const document = uri ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri) : undefined;
  return document && id ? { document, id } : undefined;
}

/** What was just annotated, for listeners such as "Add to lexicon as <pole>". */
export interface Annotated {
  readonly document: vscode.TextDocument;
  readonly start: number;
  readonly end: number;
  readonly tags: readonly SidecarTag[];
}

/** Registers every annotation command; returns their disposables. */
export function registerAnnotationCommands(
  annotations: AnnotationService, analyses: AnalysisService, lexicon: LexiconService, onAnnotated?: (annotated: Annotated) => void,
): vscode.Disposable[] {
  const reg = vscode.commands.registerCommand;
  const noTarget = (): void => void vscode.window.showInformationMessage(vscode.l10n.t('Put the cursor on an annotation, or pick one in the Annotations view.'));

  const annotate = async (args: AnnotateArgs = {}): Promise<string | undefined> => {
    const document = await documentFor(args.uri);
    if (!document || (await refuseMisdecoded(document))) return undefined;
    const editor = vscode.window.visibleTextEditors.find((e) => e.document === document) ?? vscode.window.activeTextEditor;
    const range = args.start !== undefined && args.end !== undefined ? { start: args.start, end: args.end } : editor ? rangeToAnnotate(editor, analyses) : undefined;
    if (!range || range.end <= range.start) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Select some text (or put the cursor on a term or sentence) to annotate.'));
      return undefined;
    }
    const blocker = annotations.writeBlocker(document);
    if (blocker) {
      void vscode.window.showWarningMessage(blocker);
      return undefined;
    }
    const loaded = await annotations.load(document);
    if (!loaded.set) return undefined;
    const tags = args.tags ?? (await pickTags(offeredTags(loaded.set.tags, annotations.builtinTags), [], vscode.l10n.t('Tags for “{0}”', document.getText(new vscode.Range(document.positionAt(range.start), document.positionAt(range.end))).slice(0, 20))));
    if (tags === undefined) return undefined;
    const note = args.note ?? (await askNote(''));
    if (note === undefined) return undefined;
    const id = newId();
    let tagged: SidecarTag[] = [];
    await guarded(() => annotations.change(document, (set) => {
      const resolved = resolveTags(set, tags, annotations.builtinTags);
      tagged = resolved.set.tags.filter((t) => resolved.ids.includes(t.id));
      return resolved.set.add(createAnnotation({ text: document.getText(), ...range, tags: resolved.ids, note, now: now(), id }));
    }));
    if (tagged.length > 0) onAnnotated?.({ document, ...range, tags: tagged });
    return id;
  };

  return [
    reg('tensionLens.annotateSelection', (args?: AnnotateArgs) => annotate(args && typeof args === 'object' && !('scheme' in args) ? args : {})),
    reg('tensionLens.annotateTerm', async (uri?: string, start?: number, end?: number) => {
      const document = await documentFor(uri);
      if (!document) return undefined;
      const analysis = (await analyses.whenAnalyzed(document))?.analysis;
      const editor = vscode.window.activeTextEditor;
      const at = start ?? (editor?.document === document ? document.offsetAt(editor.selection.active) : -1);
      const hit = analysis?.hitAtOffset(at);
      const compiled = hit ? termOf(lexicon.current, hit) : undefined;
      if (!hit || !compiled) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Put the cursor on a highlighted term to annotate it.'));
        return undefined;
      }
      const tag = poleTag(compiled.pole, lexicon.current.lexicon);
      const id = newId();
      await guarded(() => annotations.change(document, (set) => {
        // A tag of that label the user made before the pole tag existed stands for the pole: no second group.
        const existing = set.tags.find((t) => t.id === tag.id) ?? set.tags.find((t) => t.label.trim() === tag.label);
        const withTag = existing ? set : set.createTag(tag);
        return withTag.add(createAnnotation({ text: document.getText(), start: start ?? hit.start, end: end ?? hit.end, tags: [existing?.id ?? tag.id], now: now(), id }));
      }));
      return id;
    }),
    reg('tensionLens.editAnnotationTags', async (a?: unknown, b?: unknown) => {
      const target = targetOf(annotations, a, b);
      const set = target && annotations.get(target.document.uri)?.set;
      const anchor = target && set?.get(target.id);
      if (!target || !set || !anchor) return noTarget();
      const tags = await pickTags(offeredTags(set.tags, annotations.builtinTags), anchor.annotation.tags, vscode.l10n.t('Tags of this annotation'));
      if (tags === undefined) return undefined;
      await guarded(() => annotations.change(target.document, (s) => {
        const resolved = resolveTags(s, tags, annotations.builtinTags);
        return resolved.set.update(target.id, { tags: resolved.ids }, now());
      }));
    }),
    reg('tensionLens.editAnnotationNote', async (a?: unknown, b?: unknown) => {
      const target = targetOf(annotations, a, b);
      const anchor = target && annotations.get(target.document.uri)?.set?.get(target.id);
      if (!target || !anchor) return noTarget();
      const note = await askNote(anchor.annotation.note);
      if (note === undefined) return undefined;
      await guarded(() => annotations.change(target.document, (s) => s.update(target.id, { note }, now())));
    }),
    reg('tensionLens.deleteAnnotation', async (a?: unknown, b?: unknown) => {
      const target = targetOf(annotations, a, b);
      if (!target) return noTarget();
      await guarded(async () => {
        await annotations.change(target.document, (s) => s.delete(target.id));
        const undo = vscode.l10n.t('Undo');
        const choice = await Promise.race([
          vscode.window.showInformationMessage(vscode.l10n.t('Annotation deleted.'), undo),
          new Promise<undefined>((r) => setTimeout(r, 15_000)),
        ]);
        if (choice === undo) await vscode.commands.executeCommand('tensionLens.undoAnnotationChange', target.document.uri.toString());
      });
    }),
    reg('tensionLens.undoAnnotationChange', async (uri?: unknown) => {
      const document = await documentFor(typeof uri === 'string' ? uri : undefined);
      const set = document && annotations.get(document.uri)?.set;
      if (!document || !set?.canUndo) {
        void vscode.window.showInformationMessage(vscode.l10n.t('No annotation change to undo in this article.'));
        return;
      }
      await guarded(() => annotations.change(document, (s) => s.undo(document.getText())));
      vscode.window.setStatusBarMessage(vscode.l10n.t('Undid: {0}', set.undoLabel ?? ''), 3000);
    }),
    reg('tensionLens.acceptAnnotation', (a?: unknown, b?: unknown) => {
      const target = targetOf(annotations, a, b);
      if (target) annotations.accept(target.document.uri, [target.id]);
    }),
    reg('tensionLens.repinAnnotation', async (a?: unknown, b?: unknown) => {
      const target = targetOf(annotations, a, b);
      const editor = vscode.window.visibleTextEditors.find((e) => e.document === target?.document);
      if (!target || !editor || editor.selection.isEmpty) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Select the new text for the annotation in its article first, then re-pin.'));
        return;
      }
      const start = editor.document.offsetAt(editor.selection.start);
      const end = editor.document.offsetAt(editor.selection.end);
      await guarded(() => annotations.change(target.document, (s) => s.repin(target.id, target.document.getText(), start, end, now())));
      annotations.accept(target.document.uri, [target.id]);
    }),
    reg('tensionLens.nextAnnotation', () => jump(annotations, 1)),
    reg('tensionLens.previousAnnotation', () => jump(annotations, -1)),
    reg('tensionLens.moveSidecars', async () => {
      const summary = await annotations.moveSidecars();
      const where = vscode.workspace.getConfiguration('tensionLens').get<string>('sidecar.location') === 'folder' ? vscode.l10n.t('in the .tension folder') : vscode.l10n.t('beside their articles');
      const message = vscode.l10n.t('Moved {0} sidecars to their place {1}; {2} left where they were because a sidecar is already there; {3} could not be moved.', summary.moved, where, summary.skipped, summary.failed);
      if (summary.skipped + summary.failed > 0) void vscode.window.showWarningMessage(message);
      else void vscode.window.showInformationMessage(message);
      return summary;
    }),
  ];
}

async function jump(annotations: AnnotationService, direction: 1 | -1): Promise<void> {
  const document = annotations.activeArticle();
  const editor = vscode.window.activeTextEditor;
  if (!document || editor?.document !== document) return;
  await annotations.load(document);
  const placed = annotations.sorted(editor.document.uri).filter((a: Anchor) => a.state !== 'orphaned');
  if (placed.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('This article has no annotations to go to yet: select text and run “Annotate Selection”.'));
    return;
  }
  const offset = editor.document.offsetAt(editor.selection.active);
  const next = direction === 1
    ? placed.find((a) => a.annotation.target.position.start > offset) ?? placed[0]
    : [...placed].reverse().find((a) => a.annotation.target.position.start < offset) ?? placed[placed.length - 1];
  if (!next) return;
  const { start, end } = next.annotation.target.position;
  await vscode.commands.executeCommand('_tensionLens.revealRange', editor.document.uri.toString(), start, end);
}
