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
function withLabels(set: AnnotationSet, labels: readonly string[], annotations: AnnotationService): { set: AnnotationSet; ids: string[]; created: string[] } {
  let next = set;
  const created: string[] = [];
  const ids: string[] = [];
  for (const label of labels) {
    const existing = next.tags.find((t) => t.label === label) ?? annotations.builtinTags.find((t) => t.label === label);
    const id = existing?.id ?? newId();
    if (!next.tags.some((t) => t.id === id)) {
      next = next.createTag(existing ?? { id, label });
      created.push(id);
    }
    ids.push(id);
  }
  return { set: next, ids, created };
}

/**
 * Takes a batch back: its annotations deleted, and the tags it created deleted when nothing else uses them. Not
 * `undo` step by step: a change made in between (another batch, an edit of a tag) would be undone instead.
 */
function undoBatch(set: AnnotationSet, ids: readonly string[], createdTags: readonly string[]): AnnotationSet {
  let next = ids.filter((id) => set.get(id)).reduce((s, id) => s.delete(id), set);
  for (const tag of createdTags) if (next.tags.some((t) => t.id === tag) && next.tagUsage(tag) === 0) next = next.deleteTag(tag);
  return next;
}

/**
 * Annotates concordance lines through the annotation layer: one change (one sidecar write) per article, tags
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
  const changed: { document: vscode.TextDocument; ids: string[]; createdTags: string[] }[] = [];
  const now = new Date().toISOString();
  for (const document of documents) {
    const text = document.getText();
    const fitting = (byArticle.get(document.uri.toString()) ?? []).filter((l) => text.slice(l.line.start, l.line.end).replace(/\r\n|[\r\n\u2028\u2029]/g, ' ') === l.line.match);
    if (fitting.length === 0) continue;
    let ok = false;
    const ids = fitting.map(() => newId());
    let createdTags: string[] = [];
    await guarded(async () => {
      await annotations.change(document, (set) => {
        const resolved = withLabels(set, tags, annotations);
        createdTags = resolved.created;
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
      changed.push({ document, ids, createdTags });
    }
  }
  if (done.length > 0) {
    const undo = vscode.l10n.t('Undo');
    void vscode.window.showInformationMessage(vscode.l10n.t('Annotated {0} concordance lines in {1} articles.', done.length, changed.length), undo).then(async (choice) => {
      if (choice !== undo) return;
      for (const { document, ids, createdTags } of changed) await guarded(() => annotations.change(document, (set) => undoBatch(set, ids, createdTags)));
    });
  }
  return done;
}
