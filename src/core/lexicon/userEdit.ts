import { type FormattingOptions, applyEdits, modify } from 'jsonc-parser';
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

/** Indentation of an existing file (two spaces unless it uses tabs or four), so edits keep its style. */
function formattingOf(text: string): FormattingOptions {
  const indent = /\n([ \t]+)"/.exec(text)?.[1] ?? '  ';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return indent.startsWith('\t') ? { insertSpaces: false, tabSize: 1, eol } : { insertSpaces: true, tabSize: indent.length, eol };
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

function checked(text: string, file: string, changed: boolean): LexiconEdit {
  const { lexicon, problems } = parseUserLexicon(text.replace(/^\uFEFF/, ''), file);
  return lexicon ? { text, changed } : { problems };
}

/**
 * Adds a term to a user lexicon file's text (undefined or empty: a new file), by minimal edits that keep the rest of
 * the file as it was. A malformed file gives its problems and no text: it must never be overwritten. A form already in
 * the file, or in its `rejected` list, is taken out of `rejected` and not added twice.
 */
export function addUserTerm(text: string | undefined, term: TermToAdd, file: string): LexiconEdit {
  const base = parsed(text, file);
  if ('problems' in base) return base;
  let out = base.text;
  const options = { formattingOptions: formattingOf(out) };
  const edit = (path: (string | number)[], value: unknown, insert = false): void => {
    out = applyEdits(out, modify(out, path, value, { ...options, isArrayInsertion: insert }));
  };
  interface Shape { axes: { id: string; poles: { id: string; terms: { id: string; forms: string[] }[] }[] }[]; rejected?: string[] }
  const lexicon = base.value as unknown as Shape;
  const known = new Set(lexicon.axes.flatMap((a) => a.poles.flatMap((p) => p.terms.flatMap((t) => t.forms))));
  const forms = term.forms.filter((f, i) => f && !known.has(f) && term.forms.indexOf(f) === i);
  // Take the forms out of `rejected`, last first so the indices stay right.
  const rejected = lexicon.rejected ?? [];
  for (let i = rejected.length - 1; i >= 0; i--) if (term.forms.includes(rejected[i] ?? '')) edit(['rejected', i], undefined);
  if (forms.length === 0) return checked(out, file, out !== base.text);
  const newTerm = { id: userTermId(forms[0] ?? ''), forms };
  const a = lexicon.axes.findIndex((x) => x.id === term.axis);
  if (a < 0) {
    edit(['axes', -1], { id: term.axis, poles: term.poles.map((id) => ({ id, terms: id === term.pole ? [newTerm] : [] })) }, true);
  } else {
    const p = lexicon.axes[a]?.poles.findIndex((x) => x.id === term.pole) ?? -1;
    if (p < 0) return { problems: [{ file, line: 0, character: 0, offset: 0, length: 0, path: `axes[${a}]`, message: `axis '${term.axis}' in this file has no pole '${term.pole}'; fix its pole ids to match the built-in axis` }] };
    const t = lexicon.axes[a]?.poles[p]?.terms.findIndex((x) => x.id === newTerm.id) ?? -1;
    if (t >= 0) for (const f of forms) edit(['axes', a, 'poles', p, 'terms', t, 'forms', -1], f, true);
    else edit(['axes', a, 'poles', p, 'terms', -1], newTerm, true);
  }
  return checked(out, file, true);
}

/** Adds forms to the file's `rejected` list (a form already there is not added again). */
export function addRejected(text: string | undefined, forms: readonly string[], file: string): LexiconEdit {
  const base = parsed(text, file);
  if ('problems' in base) return base;
  let out = base.text;
  const options = { formattingOptions: formattingOf(out) };
  const rejected = (base.value as { rejected?: string[] }).rejected;
  const fresh = forms.filter((f, i) => f && !(rejected ?? []).includes(f) && forms.indexOf(f) === i);
  if (fresh.length === 0) return { text: out, changed: false };
  if (!rejected) out = applyEdits(out, modify(out, ['rejected'], fresh, options));
  else for (const f of fresh) out = applyEdits(out, modify(out, ['rejected', -1], f, { ...options, isArrayInsertion: true }));
  return checked(out, file, true);
}
