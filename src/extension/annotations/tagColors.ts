import { type LexiconPole, type PoleColor, poleColors, type Lexicon, type SidecarTag } from '../../core';

/** Colours offered for new tags, in order: distinct from one another and readable on light and dark themes. */
export const TAG_COLORS = ['#e5534b', '#3b82f6', '#10b981', '#f59e0b', '#8b5cf6', '#ec4899', '#14b8a6', '#f97316', '#6366f1', '#84cc16'];

/** The next colour for a new tag: the first of `TAG_COLORS` no tag uses yet. */
export function nextTagColor(tags: readonly SidecarTag[]): string {
  const used = new Set(tags.map((t) => t.color?.toLowerCase()));
  return TAG_COLORS.find((c) => !used.has(c)) ?? TAG_COLORS[tags.length % TAG_COLORS.length] ?? '#888888';
}

/** The tag id that stands for a pole (what “Annotate this term” tags with). */
export function poleTagId(pole: LexiconPole): string {
  return `pole-${pole.id}`;
}

/** The tag of a pole: its Chinese label, its colour in dark themes, its definition. */
export function poleTag(pole: LexiconPole, lexicon: Lexicon): SidecarTag {
  const color: PoleColor | undefined = poleColors(lexicon).find((c) => c.pole === pole.id);
  return { id: poleTagId(pole), label: pole.label.zh || pole.id, color: color?.dark ?? '#888888', description: pole.definition.zh };
}

/** True for a `#rgb`/`#rrggbb` colour; tag colours go into SVG icons and CSS, so nothing else is accepted. */
export function isHexColor(value: string | undefined): value is string {
  return !!value && /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(value);
}
