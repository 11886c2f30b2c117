import type { Bilingual, Lexicon, LexiconAxis, LexiconPole, LexiconTerm, NegationFrame } from './types';

/** A user lexicon as written: labels and definitions may be left out. */
export interface UserLexicon {
  readonly version: 1;
  readonly negators?: readonly string[];
  readonly contrastMarkers?: readonly string[];
  readonly contrastExclude?: readonly string[];
  readonly negationFrames?: readonly NegationFrame[];
  readonly axes: readonly UserAxis[];
  /** Words Suggest Terms never proposes again: the user's rejections (not part of the merged lexicon). */
  readonly rejected?: readonly string[];
}
interface Labelled {
  readonly id: string;
  readonly label?: Bilingual;
  readonly definition?: Bilingual;
}
export interface UserTerm extends Labelled {
  readonly forms: readonly string[];
  readonly exclude?: readonly string[];
}
export interface UserPole extends Labelled {
  readonly terms: readonly UserTerm[];
}
export interface UserAxis extends Labelled {
  readonly poles: readonly UserPole[];
}

const empty: Bilingual = { zh: '', en: '' };
const labelOf = (x: Labelled, fallback: string): Bilingual => x.label ?? { zh: fallback, en: fallback };

function union(a: readonly string[], b: readonly string[] | undefined): string[] {
  return [...new Set([...a, ...(b ?? [])])];
}

function mergeTerm(base: LexiconTerm | undefined, user: UserTerm): LexiconTerm {
  const exclude = union(base?.exclude ?? [], user.exclude);
  return {
    id: user.id,
    label: user.label ?? base?.label ?? labelOf(user, user.forms[0] ?? user.id),
    definition: user.definition ?? base?.definition ?? empty,
    forms: union(base?.forms ?? [], user.forms),
    ...(exclude.length > 0 ? { exclude } : {}),
  };
}

function mergePole(base: LexiconPole | undefined, user: UserPole): LexiconPole {
  const terms = [...(base?.terms ?? [])];
  for (const t of user.terms) {
    const i = terms.findIndex((x) => x.id === t.id);
    if (i >= 0) terms[i] = mergeTerm(terms[i], t);
    else terms.push(mergeTerm(undefined, t));
  }
  return { id: user.id, label: user.label ?? base?.label ?? labelOf(user, user.id), definition: user.definition ?? base?.definition ?? empty, terms };
}

function mergeAxis(base: LexiconAxis | undefined, user: UserAxis): LexiconAxis {
  const poles = (base?.poles ?? [undefined, undefined]).map((basePole, i) => {
    const userPole = user.poles.find((p) => p.id === basePole?.id) ?? (basePole ? undefined : user.poles[i]);
    return userPole ? mergePole(basePole, userPole) : (basePole as LexiconPole);
  });
  return {
    id: user.id,
    label: user.label ?? base?.label ?? labelOf(user, user.id),
    definition: user.definition ?? base?.definition ?? empty,
    poles: [poles[0] as LexiconPole, poles[1] as LexiconPole],
  };
}

/**
 * Merges user lexicons over a base, in order: an axis, pole or term with a known id extends it (forms and
 * exclusions are added, labels replaced), a new id is added. Word lists are unions.
 */
export function mergeLexicons(base: Lexicon, ...users: readonly UserLexicon[]): Lexicon {
  let merged = base;
  for (const user of users) {
    const axes = [...merged.axes];
    for (const axis of user.axes) {
      const i = axes.findIndex((a) => a.id === axis.id);
      if (i >= 0) axes[i] = mergeAxis(axes[i], axis);
      else axes.push(mergeAxis(undefined, axis));
    }
    const negationFrames = [...(merged.negationFrames ?? []), ...(user.negationFrames ?? [])];
    merged = {
      version: 1,
      axes,
      negators: union(merged.negators, user.negators),
      contrastMarkers: union(merged.contrastMarkers, user.contrastMarkers),
      contrastExclude: union(merged.contrastExclude ?? [], user.contrastExclude),
      ...(negationFrames.length > 0 ? { negationFrames } : {}),
    };
  }
  return merged;
}
