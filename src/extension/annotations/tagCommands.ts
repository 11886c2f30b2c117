import * as vscode from 'vscode';
import { plural } from '../plural';
import { type SidecarTag, newId } from '../../core';
import { type AnnotationService, guarded } from './annotationService';
import { TAG_COLORS, isHexColor, nextTagColor } from './tagColors';

/** A Tags-view node (`{ kind: 'tag', uri, tag }`) or `(uri, tagId)` arguments. */
function tagTarget(annotations: AnnotationService, a: unknown, b: unknown): { document: vscode.TextDocument; tag: SidecarTag } | undefined {
  let uri: string | undefined;
  let id: string | undefined;
  if (a && typeof a === 'object' && (a as { kind?: string }).kind === 'tag') {
    const node = a as { uri: string; tag: SidecarTag };
    [uri, id] = [node.uri, node.tag.id];
  } else if (typeof a === 'string' && typeof b === 'string') [uri, id] = [a, b];
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
  const tag = document ? annotations.get(document.uri)?.set?.tags.find((t) => t.id === id) : undefined;
  return document && tag ? { document, tag } : undefined;
}

async function pickTag(annotations: AnnotationService, title: string): Promise<{ document: vscode.TextDocument; tag: SidecarTag } | undefined> {
  const document = annotations.activeArticle();
  if (!document) return undefined;
  const tags = (await annotations.load(document)).set?.tags ?? [];
  if (tags.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('This article has no tags yet: annotate a selection to create one.'));
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(tags.map((tag) => ({ label: tag.label, description: tag.color ?? '', tag })), { title });
  return picked ? { document, tag: picked.tag } : undefined;
}

async function askColor(current: string | undefined): Promise<string | undefined> {
  const picked = await vscode.window.showQuickPick(
    [...TAG_COLORS.map((c) => ({ label: c, description: c === current ? vscode.l10n.t('current') : '' })), { label: vscode.l10n.t('Other…'), description: '#rrggbb' }],
    { title: vscode.l10n.t('Tag colour') },
  );
  if (!picked) return undefined;
  if (isHexColor(picked.label)) return picked.label;
  return vscode.window.showInputBox({ title: vscode.l10n.t('Tag colour'), value: current ?? '#', validateInput: (v) => (isHexColor(v) ? undefined : vscode.l10n.t('A colour like #3b82f6')) });
}

/** The tag codebook commands: create, rename, recolour, merge and delete (asking first when the tag is in use). */
export function registerTagCommands(annotations: AnnotationService): vscode.Disposable[] {
  const reg = vscode.commands.registerCommand;
  return [
    reg('tensionLens.createTag', async (label?: unknown, color?: unknown) => {
      const document = annotations.activeArticle();
      if (!document) return;
      const set = (await annotations.load(document)).set;
      const name = typeof label === 'string' ? label : await vscode.window.showInputBox({ title: vscode.l10n.t('New tag'), prompt: vscode.l10n.t('Tag name') });
      if (!name?.trim() || !set) return;
      if ([...set.tags, ...annotations.builtinTags].some((t) => t.label === name.trim())) {
        void vscode.window.showInformationMessage(vscode.l10n.t('A tag named “{0}” exists already.', name.trim()));
        return;
      }
      const tag: SidecarTag = { id: newId(), label: name.trim(), color: typeof color === 'string' && isHexColor(color) ? color : nextTagColor(set.tags) };
      await guarded(() => annotations.change(document, (s) => s.createTag(tag)));
    }),
    reg('tensionLens.renameTag', async (a?: unknown, b?: unknown) => {
      const target = tagTarget(annotations, a, b) ?? (await pickTag(annotations, vscode.l10n.t('Rename which tag?')));
      if (!target) return;
      const label = await vscode.window.showInputBox({ title: vscode.l10n.t('Rename tag'), value: target.tag.label });
      if (!label?.trim()) return;
      await guarded(() => annotations.change(target.document, (s) => s.updateTag(target.tag.id, { label: label.trim() })));
    }),
    reg('tensionLens.recolorTag', async (a?: unknown, b?: unknown) => {
      const target = tagTarget(annotations, a, b) ?? (await pickTag(annotations, vscode.l10n.t('Recolour which tag?')));
      if (!target) return;
      const color = await askColor(target.tag.color);
      if (!color) return;
      await guarded(() => annotations.change(target.document, (s) => s.updateTag(target.tag.id, { color })));
    }),
    reg('tensionLens.mergeTag', async (a?: unknown, b?: unknown) => {
      const target = tagTarget(annotations, a, b) ?? (await pickTag(annotations, vscode.l10n.t('Merge which tag?')));
      if (!target) return;
      const others = (annotations.get(target.document.uri)?.set?.tags ?? []).filter((t) => t.id !== target.tag.id);
      const into = await vscode.window.showQuickPick(others.map((tag) => ({ label: tag.label, tag })), { title: vscode.l10n.t('Merge “{0}” into…', target.tag.label) });
      if (!into) return;
      await guarded(() => annotations.change(target.document, (s) => s.mergeTags(target.tag.id, into.tag.id)));
    }),
    reg('tensionLens.deleteTag', async (a?: unknown, b?: unknown, confirmed?: unknown) => {
      const target = tagTarget(annotations, a, b) ?? (await pickTag(annotations, vscode.l10n.t('Delete which tag?')));
      if (!target) return;
      const used = annotations.get(target.document.uri)?.set?.tagUsage(target.tag.id) ?? 0;
      if (used > 0 && confirmed !== true) {
        const remove = vscode.l10n.t('Delete Tag');
        const answer = await vscode.window.showWarningMessage(plural(used, vscode.l10n.t('“{0}” is used by {1} annotation. Delete the tag from it? (The annotation stays.)', target.tag.label, used), vscode.l10n.t('“{0}” is used by {1} annotations. Delete the tag from all of them? (The annotations stay.)', target.tag.label, used)), { modal: true }, remove);
        if (answer !== remove) return;
      }
      await guarded(() => annotations.change(target.document, (s) => s.deleteTag(target.tag.id)));
    }),
  ];
}
