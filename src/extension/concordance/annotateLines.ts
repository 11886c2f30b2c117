import * as vscode from 'vscode';
import { type AnnotationSet, type KwicLine, createAnnotation, newId } from '../../core';
import { type AnnotationService, guarded } from '../annotations/annotationService';

/** A concordance line and the article it is in. */
export interface LineInArticle {
  readonly line: KwicLine & { readonly id: number };
  readonly uri: vscode.Uri;
}

/** Asks for the tags to give the hits: the tags the articles have plus the poles', several at once, or a new label. */
async function pickLabels(sets: readonly AnnotationSet[], annotations: AnnotationService): Promise<string[] | undefined> {
  const labels = [...new Set([...sets.flatMap((s) => s.tags.map((t) => t.label)), ...annotations.builtinTags.map((t) => t.label)])];
  const newTag = vscode.l10n.t('New tag…');
  const picked = await vscode.window.showQuickPick([...labels.map((label) => ({ label })), { label: newTag, alwaysShow: true }], {
    canPickMany: true, title: vscode.l10n.t('Tags for the marked concordance lines'), placeHolder: vscode.l10n.t('Pick one or more tags'),
  });
  if (!picked || picked.length === 0) return undefined;
  const chosen = picked.filter((p) => p.label !== newTag).map((p) => p.label);
  if (picked.some((p) => p.label === newTag)) {
    const typed = await vscode.window.showInputBox({ title: vscode.l10n.t('New tag'), prompt: vscode.l10n.t('The label of the new tag'), validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('A tag needs a label.')) });
    if (typed === undefined) return undefined;
    chosen.push(typed.trim());
  }
  return chosen;
}

/** The set with a tag for each label (an existing one of that label, else a new one); the ids in label order. */
function withLabels(set: AnnotationSet, labels: readonly string[], annotations: AnnotationService): { set: AnnotationSet; ids: string[]; steps: number } {
  let next = set;
  let steps = 0;
  const ids: string[] = [];
  for (const label of labels) {
    const existing = next.tags.find((t) => t.label === label) ?? annotations.builtinTags.find((t) => t.label === label);
    const id = existing?.id ?? newId();
    if (!next.tags.some((t) => t.id === id)) {
      next = next.createTag(existing ?? { id, label });
      steps++;
    }
    ids.push(id);
  }
  return { set: next, ids, steps };
}

/**
 * Takes a batch back: its steps undone one by one while the undo history still holds them all (the set as it was,
 * new tags gone too), else its annotations deleted.
 */
function undoBatch(set: AnnotationSet, steps: number, ids: readonly string[], text: string): AnnotationSet {
  const present = ids.filter((id) => set.get(id));
  if (present.length === 0) return set;
  if (steps <= UNDO_STEPS_KEPT && present.length === ids.length) {
    let next = set;
    for (let k = 0; k < steps; k++) next = next.undo(text);
    return next;
  }
  return present.reduce((next, id) => next.delete(id), set);
}

/** How many steps an annotation set keeps to undo (the core's limit, minus one for safety). */
const UNDO_STEPS_KEPT = 99;

/**
 * Annotates concordance lines through the annotation layer: one change per article (so one undo step each), tags
 * picked once for all. A line whose text changed since the search (the article was edited) is left out. Offers an
 * undo of the whole batch. Returns the lines annotated.
 */
export async function annotateLines(lines: readonly LineInArticle[], annotations: AnnotationService, labels?: readonly string[]): Promise<LineInArticle[]> {
  if (lines.length === 0) return [];
  const byArticle = new Map<string, LineInArticle[]>();
  for (const l of lines) {
    const key = l.uri.toString();
    byArticle.set(key, [...(byArticle.get(key) ?? []), l]);
  }
  const documents = await Promise.all([...byArticle.values()].map((ls) => vscode.workspace.openTextDocument((ls[0] as LineInArticle).uri)));
  const sets = (await Promise.all(documents.map((d) => annotations.load(d)))).map((a) => a.set).filter((s) => s !== undefined);
  const tags = labels ?? (await pickLabels(sets, annotations));
  if (!tags) return [];
  const done: LineInArticle[] = [];
  const changed: { document: vscode.TextDocument; steps: number; ids: string[] }[] = [];
  const now = new Date().toISOString();
  for (const document of documents) {
    const text = document.getText();
    const fitting = (byArticle.get(document.uri.toString()) ?? []).filter((l) => text.slice(l.line.start, l.line.end).replace(/\r\n|[\r\n\u2028\u2029]/g, ' ') === l.line.match);
    if (fitting.length === 0) continue;
    let ok = false;
    const ids = fitting.map(() => newId());
    let steps = 0;
    await guarded(async () => {
      await annotations.change(document, (set) => {
        const resolved = withLabels(set, tags, annotations);
        steps = resolved.steps + fitting.length;
        let next = resolved.set;
        fitting.forEach((l, k) => {
          next = next.add(createAnnotation({ text, start: l.line.start, end: l.line.end, tags: resolved.ids, now, id: ids[k] as string }));
        });
        return next;
      });
      ok = true;
    });
    if (ok) {
      done.push(...fitting);
      changed.push({ document, steps, ids });
    }
  }
  if (done.length > 0) {
    const undo = vscode.l10n.t('Undo');
    void vscode.window.showInformationMessage(vscode.l10n.t('Annotated {0} concordance lines in {1} articles.', done.length, changed.length), undo).then(async (choice) => {
      if (choice !== undo) return;
      for (const { document, steps, ids } of changed) await guarded(() => annotations.change(document, (set) => undoBatch(set, steps, ids, document.getText())));
    });
  }
  return done;
}
