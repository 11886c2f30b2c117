import type { LexiconProblem } from './validate';
import { parseUserLexicon } from './validate';

/** A term to add to a user lexicon: its forms (the first is its name), on a pole of a known axis. */
export interface TermToAdd {
  readonly forms: readonly string[];
  readonly axis: string;
  /** The axis's two pole ids, in the axis's order (a user axis must list both). */
  readonly poles: readonly [string, string];
  readonly pole: string;
}

/** The text to write, or why nothing may be written. */
export type LexiconEdit = { readonly text: string; readonly changed: boolean } | { readonly problems: LexiconProblem[] };

/** What a new workspace lexicon starts as. */
const EMPTY = '{\n  "$schema": "https://tension-lens.dev/schemas/lexicon.schema.json",\n  "version": 1,\n  "axes": []\n}\n';

/** How the file is laid out: its indentation (two spaces unless it uses tabs or four) and line ends, kept on rewrite. */
interface Layout {
  readonly indent: string;
  readonly eol: string;
  readonly bom: string;
}

function layoutOf(text: string): Layout {
  return { indent: /\n([ \t]+)"/.exec(text)?.[1] ?? '  ', eol: text.includes('\r\n') ? '\r\n' : '\n', bom: text.startsWith('\uFEFF') ? '\uFEFF' : '' };
}

/** The lexicon as JSON in the file's layout: keys in their order, one value a line, a final line end. */
function print(value: unknown, layout: Layout): string {
  return `${layout.bom}${JSON.stringify(value, null, layout.indent).replace(/\n/g, layout.eol)}${layout.eol}`;
}

/** A kebab-case id for a Chinese term, stable for the same form: `user-` and its code points in base 36. */
export function userTermId(form: string): string {
  return `user-${[...form].map((c) => (c.codePointAt(0) ?? 0).toString(36)).join('-')}`;
}

function parsed(text: string | undefined, file: string): { text: string; value: Record<string, unknown> } | { problems: LexiconProblem[] } {
  const source = text === undefined || text.trim() === '' ? EMPTY : text;
  const { lexicon, problems } = parseUserLexicon(source.replace(/^\uFEFF/, ''), file);
  if (!lexicon) return { problems };
  return { text: source, value: lexicon as unknown as Record<string, unknown> };
}

function checked(text: string, file: string): LexiconEdit {
  const { lexicon, problems } = parseUserLexicon(text.replace(/^\uFEFF/, ''), file);
  return lexicon ? { text, changed: true } : { problems };
}

interface Shape {
  axes: { id: string; poles: { id: string; terms: { id: string; forms: string[] }[] }[] }[];
  rejected?: string[];
}

/**
 * Adds a term to a user lexicon file's text (undefined or empty: a new file), rewritten in the file's own layout with
 * everything else as it was (strict JSON, so there are no comments to lose). A malformed file gives its problems and
 * no text: it must never be overwritten. A form already in the file is not added twice; one in its `rejected` list is
 * taken out of it.
 */
export function addUserTerm(text: string | undefined, term: TermToAdd, file: string): LexiconEdit {
  const base = parsed(text, file);
  if ('problems' in base) return base;
  const lexicon = structuredClone(base.value) as unknown as Shape;
  const known = new Set(lexicon.axes.flatMap((a) => a.poles.flatMap((p) => p.terms.flatMap((t) => t.forms))));
  const forms = term.forms.filter((f, i) => f && !known.has(f) && term.forms.indexOf(f) === i);
  const rejected = lexicon.rejected?.filter((f) => !term.forms.includes(f));
  let changed = rejected !== undefined && rejected.length !== lexicon.rejected?.length;
  if (rejected) lexicon.rejected = rejected;
  if (forms.length > 0) {
    changed = true;
    const newTerm = { id: userTermId(forms[0] ?? ''), forms };
    const axis = lexicon.axes.find((x) => x.id === term.axis);
    if (!axis) {
      lexicon.axes.push({ id: term.axis, poles: term.poles.map((id) => ({ id, terms: id === term.pole ? [newTerm] : [] })) });
    } else {
      const pole = axis.poles.find((x) => x.id === term.pole);
      if (!pole) {
        const a = lexicon.axes.indexOf(axis);
        return { problems: [{ file, line: 0, character: 0, offset: 0, length: 0, path: `axes[${a}]`, message: `axis '${term.axis}' in this file has no pole '${term.pole}'; fix its pole ids to match the built-in axis` }] };
      }
      const existing = pole.terms.find((x) => x.id === newTerm.id);
      if (existing) existing.forms.push(...forms);
      else pole.terms.push(newTerm);
    }
  }
  return changed ? checked(print(lexicon, layoutOf(base.text)), file) : { text: base.text, changed: false };
}

/** Adds forms to the file's `rejected` list (a form already there is not added again). */
export function addRejected(text: string | undefined, forms: readonly string[], file: string): LexiconEdit {
  const base = parsed(text, file);
  if ('problems' in base) return base;
  const lexicon = structuredClone(base.value) as unknown as Shape;
  const fresh = forms.filter((f, i) => f && !(lexicon.rejected ?? []).includes(f) && forms.indexOf(f) === i);
  if (fresh.length === 0) return { text: base.text, changed: false };
  lexicon.rejected = [...(lexicon.rejected ?? []), ...fresh];
  return checked(print(lexicon, layoutOf(base.text)), file);
}
