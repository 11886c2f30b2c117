import fs from 'node:fs';
import type { CliErrorName } from './errors';
import { type Lexicon, type UserLexicon, builtinLexicon, formatProblem, mergeLexicons, parseUserLexicon } from '../core';

/** Thrown for a lexicon the user named that cannot be used; `message` lists every problem, one per line. */
export class LexiconError extends Error {
  override readonly name = 'LexiconError' satisfies CliErrorName;
}

/** The built-in lexicon with the user's lexicon files merged over it, in order. */
export function loadLexicon(files: readonly string[]): Lexicon {
  const users: UserLexicon[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      throw new LexiconError(`${file}: cannot read lexicon (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
    }
    const { lexicon, problems } = parseUserLexicon(text.replace(/^\uFEFF/, ''), file);
    if (!lexicon) throw new LexiconError(problems.map(formatProblem).join('\n'));
    users.push(lexicon);
  }
  return users.length > 0 ? mergeLexicons(builtinLexicon, ...users) : builtinLexicon;
}
