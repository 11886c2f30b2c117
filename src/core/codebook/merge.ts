import { labelKey } from './file';
import type { Codebook, CodebookTag } from './types';

/** A tag whose colour or memo an import changes. */
export interface CodebookUpdate {
  readonly before: CodebookTag;
  readonly after: CodebookTag;
}

/** What importing tags into a codebook does, by label: before anything is written, so the user can be asked. */
export interface ImportPlan {
  readonly added: readonly CodebookTag[];
  readonly updated: readonly CodebookUpdate[];
  readonly unchanged: readonly CodebookTag[];
}

/**
 * Matches the imported tags to the codebook's by label. A tag that is new is added; one whose colour or memo differs
 * is updated (a field the import leaves empty keeps the codebook's value, so an import never erases a memo);
 * the rest are unchanged. Tags the import does not name stay as they are.
 */
export function planImport(codebook: Codebook, incoming: readonly CodebookTag[]): ImportPlan {
  const current = new Map(codebook.tags.map((t) => [labelKey(t.label), t]));
  const added: CodebookTag[] = [];
  const updated: CodebookUpdate[] = [];
  const unchanged: CodebookTag[] = [];
  for (const tag of incoming) {
    const before = current.get(labelKey(tag.label));
    if (!before) {
      added.push({ ...tag, label: labelKey(tag.label) });
      continue;
    }
    const after: CodebookTag = {
      ...before,
      ...(tag.color !== undefined && { color: tag.color }),
      ...(tag.description !== undefined && { description: tag.description }),
    };
    if (after.color?.toLowerCase() !== before.color?.toLowerCase() || after.description !== before.description) updated.push({ before, after });
    else unchanged.push(before);
  }
  return { added, updated, unchanged };
}

/** The codebook after the plan: updated tags in their place, added ones at the end. */
export function applyImport(codebook: Codebook, plan: ImportPlan): Codebook {
  const updates = new Map(plan.updated.map((u) => [labelKey(u.before.label), u.after]));
  return { ...codebook, tags: [...codebook.tags.map((t) => updates.get(labelKey(t.label)) ?? t), ...plan.added] };
}
