import {
  type Cooccurrence, type CooccurrenceOf, type KwicLine, type KwicSort, type WindowKind, addCooccurrence, atomsOf, checkQuery, compileLexicon,
  displayWidth, emptyCooccurrence, padStartColumns, parseQuery, sortKwicLines,
} from '../core';
import type { Palette } from './colors';
import { type CorpusIo, runCorpus } from './corpus';
import { kwicJson, kwicText } from './kwicFormat';
import { loadLexicon } from './lexicon';
import type { WorkOptions } from './work';

/** A `kwic` or `cooccur` run, as the command line asked for it. */
export interface RetrievalRequest {
  readonly command: 'kwic' | 'cooccur';
  readonly json: boolean;
  /** kwic: the query, built from --term/--pole/… or given with --query. */
  readonly query: string;
  readonly width: number;
  readonly sort: KwicSort;
  readonly window: WindowKind;
  readonly of: CooccurrenceOf;
  readonly sidecarFolder?: string;
  readonly base: Omit<WorkOptions, 'task' | 'retrieval'>;
  readonly jobs: number;
}

/**
 * Checks a kwic query against the lexicon before any file is read: throws `QueryError` with the position and what
 * was expected. Returns whether the query needs the sidecars (it has a `tag:`).
 */
export function checkKwicQuery(query: string, lexiconFiles: readonly string[]): boolean {
  const node = parseQuery(query);
  checkQuery(node, query, compileLexicon(loadLexicon(lexiconFiles)));
  return atomsOf(node).some((a) => a.field === 'tag');
}

/** The readable matrix: labels down and across, counts right-aligned. */
export function cooccurrenceText(m: Cooccurrence): string {
  if (m.labels.length === 0) return `no ${m.of === 'tags' ? 'tags' : 'labels'} to count (windows: ${m.window})`;
  const head = Math.max(...m.labels.map(displayWidth));
  const cell = Math.max(...m.labels.map(displayWidth), ...m.matrix.flat().map((n) => String(n).length));
  const rows = [`${' '.repeat(head)}  ${m.labels.map((l) => padStartColumns(l, cell)).join('  ')}`];
  m.matrix.forEach((row, i) => rows.push(`${padStartColumns(m.labels[i] ?? '', head)}  ${row.map((n) => padStartColumns(String(n), cell)).join('  ')}`));
  return `co-occurrence per ${m.window} (diagonal: ${m.window}s holding the label)\n${rows.join('\n')}`;
}

/**
 * Runs kwic or cooccur over the files `args` name, with the worker pool. Concordance lines in path order are written as each file
 * is done; sorted by context they are written once all are in. Returns how many files failed.
 */
export async function runRetrieval(request: RetrievalRequest, args: readonly string[], io: CorpusIo, c: Palette): Promise<number> {
  const { command, json, width, sort } = request;
  const tags = command === 'cooccur' ? request.of !== 'poles' : atomsOf(parseQuery(request.query)).some((a) => a.field === 'tag');
  const streaming = command === 'kwic' && sort === 'position';
  const options: WorkOptions = {
    ...request.base, task: command,
    retrieval: {
      tags, query: request.query, width, window: request.window, of: request.of,
      // In path order the lines are printed as they come: the workers format them (one piece of bytes per file),
      // so this thread neither receives an object per line nor formats it.
      ...(streaming ? { stream: json ? 'json' as const : 'text' as const } : {}),
      ...(request.sidecarFolder === undefined ? {} : { sidecarFolder: request.sidecarFolder }),
    },
  };
  const held: KwicLine[] = [];
  let matrix = emptyCooccurrence(request.window, request.of);
  let first = true;
  const emit = async (line: KwicLine): Promise<void> => {
    if (json) await io.write(`${first ? '' : ','}${kwicJson(line)}`);
    else await io.write(`${kwicText(line, width, c)}\n`);
    first = false;
  };
  if (command === 'kwic' && json) await io.write('{"version":1,"lines":[');
  const result = await runCorpus({ options, jobs: request.jobs, output: 'none' }, args, {
    ...io,
    onFile: async (_path, outcome) => {
      if (outcome.cooccurrence) matrix = addCooccurrence(matrix, outcome.cooccurrence);
      if (outcome.output !== undefined && outcome.output.length > 0) {
        // A JSON piece starts with a comma: not before the run's first element.
        const piece = json && first ? outcome.output.slice(1) : outcome.output;
        first = false;
        await io.write(piece);
      }
      for (const line of outcome.lines ?? []) held.push(line);
    },
  });
  if (command === 'kwic') {
    for (const line of sortKwicLines(held, sort)) await emit(line);
    if (json) await io.write(']}\n');
  } else if (json) {
    await io.write(`${JSON.stringify({ version: 1, window: matrix.window, of: matrix.of, labels: matrix.labels, matrix: matrix.matrix, kinds: matrix.kinds })}\n`);
  } else {
    await io.write(`${cooccurrenceText(matrix)}\n`);
  }
  return result.failed;
}
