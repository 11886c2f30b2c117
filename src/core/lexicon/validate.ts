import type { ErrorObject } from 'ajv';
import { type JsonProblem, ProblemLocator, ajvMessage, ajvSegments, formatJsonProblem, parseJson } from '../json/problems';
import { validateLexicon } from '../json/validators.generated';
import type { UserLexicon } from './merge';
import type { Lexicon } from './types';

/** A problem in a lexicon file, located well enough to put a squiggle under it. */
export type LexiconProblem = JsonProblem;

const validateSchema = validateLexicon as ((value: unknown) => value is UserLexicon) & { errors?: ErrorObject[] | null };

/** Formats a problem as one line: `file:line:col: path: message`. */
export const formatProblem = formatJsonProblem;

/**
 * Parses and validates a user lexicon file against the shipped JSON Schema and the rules the schema cannot
 * say (unique ids, no form on two poles). Returns the lexicon only when there are no problems.
 */
export function parseUserLexicon(text: string, file: string): { lexicon?: UserLexicon; problems: LexiconProblem[] } {
  const parsed = parseJson(text, file);
  if ('problems' in parsed) return { problems: parsed.problems };
  const locator = new ProblemLocator(file, text);
  if (!validateSchema(parsed.value)) {
    return { problems: (validateSchema.errors ?? []).map((e) => locator.at(ajvSegments(e), ajvMessage(e))) };
  }
  const problems = checkLexicon(parsed.value).map((p) => locator.at(p.segments, p.message));
  return problems.length > 0 ? { problems } : { lexicon: parsed.value, problems };
}

/** A rule the schema cannot express, broken at a JSON path. */
export interface IntegrityProblem {
  readonly segments: (string | number)[];
  readonly message: string;
}

/**
 * Checks what makes a lexicon unambiguous: unique ids, two poles per axis, no surface form on two poles,
 * every exclusion containing one of its term's forms. Empty when the lexicon is sound.
 */
export function checkLexicon(lexicon: Lexicon | UserLexicon): IntegrityProblem[] {
  const problems: IntegrityProblem[] = [];
  const ids = new Map<string, string>();
  const formPole = new Map<string, string>();
  const claim = (id: string, where: string, segments: (string | number)[]): void => {
    const previous = ids.get(id);
    if (previous) problems.push({ segments, message: `id '${id}' is already used at ${previous}; ids must be unique` });
    else ids.set(id, where);
  };
  lexicon.axes.forEach((axis, a) => {
    claim(axis.id, `axes[${a}]`, ['axes', a, 'id']);
    axis.poles.forEach((pole, p) => {
      claim(pole.id, `axes[${a}].poles[${p}]`, ['axes', a, 'poles', p, 'id']);
      pole.terms.forEach((term, t) => {
        const at = ['axes', a, 'poles', p, 'terms', t];
        claim(term.id, `axes[${a}].poles[${p}].terms[${t}]`, [...at, 'id']);
        term.forms.forEach((form, f) => {
          const other = formPole.get(form);
          if (other !== undefined && other !== pole.id) {
            problems.push({ segments: [...at, 'forms', f], message: `form '${form}' is also on pole '${other}'; a form belongs to one pole` });
          }
          formPole.set(form, pole.id);
        });
        (term.exclude ?? []).forEach((phrase, x) => {
          if (!term.forms.some((form) => phrase.includes(form))) {
            problems.push({ segments: [...at, 'exclude', x], message: `exclusion '${phrase}' contains none of the term's forms, so it can never apply` });
          }
        });
      });
    });
  });
  return problems;
}
