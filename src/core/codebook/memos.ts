import type { SidecarTag } from '../annotations/types';
import { labelKey } from './file';
import type { Codebook, CodebookTag } from './types';

/** The codebook's entry for a label, if any. */
export function codebookTag(codebook: Codebook | undefined, label: string): CodebookTag | undefined {
  const key = labelKey(label);
  return codebook?.tags.find((t) => labelKey(t.label) === key);
}

/**
 * A tag's memo: the codebook's description for its label when there is one, else the description the tag carries
 * in its sidecar (a pole tag's definition). Undefined when neither has one.
 */
export function tagMemo(codebook: Codebook | undefined, tag: Pick<SidecarTag, 'label' | 'description'>): string | undefined {
  const shared = codebookTag(codebook, tag.label)?.description;
  return shared?.trim() ? shared : tag.description?.trim() ? tag.description : undefined;
}

/** The codebook with the memo of `label` set (an entry is added when there is none; a blank memo removes the memo). */
export function withTagMemo(codebook: Codebook, label: string, memo: string, color?: string): Codebook {
  const key = labelKey(label);
  const blank = memo.trim() === '';
  const existing = codebookTag(codebook, key);
  if (!existing) {
    return blank ? codebook : { ...codebook, tags: [...codebook.tags, { label: key, ...(color && { color }), description: memo }] };
  }
  const { description: _old, ...rest } = existing;
  const next: CodebookTag = blank ? rest : { ...rest, description: memo };
  return { ...codebook, tags: codebook.tags.map((t) => (t === existing ? next : t)) };
}

/** The codebook with the project memo set; a blank memo removes it. */
export function withProjectMemo(codebook: Codebook, memo: string): Codebook {
  const { memo: _old, ...rest } = codebook;
  return memo.trim() === '' ? rest : { ...rest, memo };
}

/**
 * The codebook to exchange: the codebook's tags first, then every other label the sidecars use (merged by label, the
 * first colour and description found), so an export holds every tag of the project with its memo.
 */
export function exchangeTags(codebook: Codebook | undefined, sidecarTags: readonly SidecarTag[]): CodebookTag[] {
  const out = new Map<string, CodebookTag>();
  for (const t of codebook?.tags ?? []) out.set(labelKey(t.label), { label: labelKey(t.label), ...(t.color && { color: t.color }), ...(t.description && { description: t.description }) });
  for (const t of sidecarTags) {
    const key = labelKey(t.label);
    const known = out.get(key);
    if (!known) out.set(key, { label: key, ...(t.color && { color: t.color }), ...(t.description && { description: t.description }) });
    else if (!known.color && t.color) out.set(key, { ...known, color: t.color });
  }
  return [...out.values()];
}
