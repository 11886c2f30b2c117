import fs from 'node:fs';
import { type ArticleFormat, type EncodingChoice, type FileEvidence, type Lexicon, type Suggestion, parseUserLexicon, rankSuggestions } from '../core';
import type { Palette } from './colors';
import { type CorpusIo, runCorpus } from './corpus';
import { loadReference } from './reference';

export interface SuggestOptions {
  readonly lexicon: Lexicon;
  readonly lexiconFiles: readonly string[];
  readonly encoding: EncodingChoice;
  readonly stdinFormat: ArticleFormat;
  readonly jobs: number;
  readonly top: number;
}

/** The rejected forms of the user lexicons (already validated by `loadLexicon`). */
function rejectedForms(files: readonly string[]): string[] {
  return files.flatMap((file) => parseUserLexicon(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), file).lexicon?.rejected ?? []);
}

/**
 * Gathers every file's evidence with the pool (each worker analyses its files and collects what they say about
 * unknown words), then ranks the candidates of the whole corpus.
 */
export async function suggestTerms(args: readonly string[], options: SuggestOptions, io: Omit<CorpusIo, 'write'>): Promise<{ suggestions: Suggestion[]; failed: number }> {
  const evidence: FileEvidence[] = [];
  const utf8 = new TextDecoder();
  let pending = '';
  const write = (chunk: string | Uint8Array): void => {
    pending += typeof chunk === 'string' ? chunk : utf8.decode(chunk);
    let nl: number;
    while ((nl = pending.indexOf('\n')) >= 0) {
      const line = pending.slice(0, nl);
      pending = pending.slice(nl + 1);
      if (line) evidence.push(JSON.parse(line) as FileEvidence);
    }
  };
  const result = await runCorpus({
    options: { task: 'suggest', lexiconFiles: options.lexiconFiles, encoding: options.encoding, stdinFormat: options.stdinFormat, color: false },
    jobs: options.jobs, output: 'jsonl',
  }, args, { ...io, write });
  const suggestions = rankSuggestions(evidence, options.lexicon, loadReference(), { top: options.top, rejected: rejectedForms(options.lexiconFiles) });
  return { suggestions, failed: result.failed };
}

/** `suggest --json`: the documented contract, lines 1-based. */
export function suggestJson(suggestions: readonly Suggestion[]): string {
  return JSON.stringify({
    version: 1,
    candidates: suggestions.map((s) => ({
      text: s.text, axis: s.axis, pole: s.pole, score: s.score, count: s.count, files: s.files,
      examples: s.examples.map((e) => ({ path: e.path, line: e.line + 1, context: e.context })),
    })),
  });
}

/** The readable list: rank, candidate, proposed pole, score and counts, then its examples as path:line. */
export function suggestText(suggestions: readonly Suggestion[], lexicon: Lexicon, c: Palette): string {
  if (suggestions.length === 0) return 'No candidate terms: the articles pair no unknown word with a known pole term.';
  const lines: string[] = [];
  suggestions.forEach((s, i) => {
    const axis = lexicon.axes.find((a) => a.id === s.axis);
    const side = axis?.poles.findIndex((p) => p.id === s.pole) === 1 ? 1 : 0;
    const pole = axis?.poles[side];
    lines.push(`${String(i + 1).padStart(3)}. ${c.bold(s.text)}  ${c.side(side, `${pole?.label.zh ?? ''} ${s.axis}/${s.pole}`)}  score ${s.score}  ${s.count}× in ${s.files} file${s.files === 1 ? '' : 's'}`);
    for (const e of s.examples) lines.push(`       ${c.dim(`${e.path}:${e.line + 1}`)}  ${e.context}`);
  });
  return lines.join('\n');
}
