import fs from 'node:fs';
import {
  type ArticleAgreement, type Coefficient, type SidecarLocation, type TagAgreement, agreementJson, codingOf,
  compareCodings, fileSafeCoder, formatJsonProblem, parseSidecar, poolAgreement,
} from '../core';
import type { CliErrorName } from './errors';
import { FileError, collectPaths, readArticle } from './files';
import { coderSidecarFileOf, codersWithSidecar } from './sidecarFiles';

/** Where the command writes: one line per call, without the newline. */
export interface AgreementIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

export interface AgreementOptions {
  readonly json: boolean;
  /** The two coders as given on the command line (`--coders A,B`); found from the sidecars when absent. */
  readonly coders?: readonly string[];
  readonly location?: SidecarLocation;
  readonly workspaceRoot?: string;
}

/** A command line the agreement cannot run with (exit 2). */
export class AgreementUsageError extends Error {
  override readonly name = 'AgreementUsageError' satisfies CliErrorName;
}

/** Where the coders' sidecars are: beside the articles, or under the workspace root's `.tension/`. */
const sidecarRoot = (options: AgreementOptions): string | undefined => (options.location === 'folder' ? options.workspaceRoot : undefined);

const number = (n: number): string => n.toLocaleString('en-US');

function reasonText(c: Coefficient, t: TagAgreement): string {
  if (c.reason === 'no-units') return 'undefined: no units';
  return t.a === 0 ? 'undefined: no variation, neither coder marked any unit' : 'undefined: no variation, both coders marked every unit';
}

function figure(name: string, c: Coefficient, t: TagAgreement, digits: number, suffix = ''): string {
  return c.value === null ? `${name} — (${reasonText(c, t)})` : `${name} ${c.value.toFixed(digits)}${suffix}`;
}

/** One tag's line: every figure with the counts it comes from. */
function tagLine(t: TagAgreement): string {
  const agree = t.units - t.a - t.b + 2 * t.both;
  const counts = `A ${number(t.a)}, B ${number(t.b)}, both ${number(t.both)} of ${number(t.units)} units`;
  return `  ${t.tag}: ${counts}; ${figure('agreement', t.percent, t, 2, `% (${number(agree)}/${number(t.units)} units coded alike)`)}; ${figure('κ', t.kappa, t, 3)}; ${figure('α', t.alpha, t, 3)}`;
}

function readCoding(article: string, text: string, coder: string, options: AgreementOptions, io: AgreementIo): ReturnType<typeof codingOf> | 'missing' | 'unusable' {
  const file = coderSidecarFileOf(article, coder, sidecarRoot(options));
  let body: string;
  try {
    body = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    io.err(`tension-lens: ${file}: cannot read annotations (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
    return 'unusable';
  }
  const parsed = parseSidecar(body, file);
  if ('problems' in parsed) {
    const [first] = parsed.problems;
    io.err(`tension-lens: ${first ? formatJsonProblem(first) : file} — fix the file (schemas/sidecar.schema.json) and run again`);
    return 'unusable';
  }
  return codingOf(coder, parsed.sidecar, text);
}

/**
 * The `agreement` command: compares two coders (`--coders A,B`, or the only two found) over every article both have
 * coded, per tag and pooled; prints the figures with their counts, or the v1 JSON. Returns the exit code: 0, 1 when
 * an article or sidecar could not be read; throws `AgreementUsageError` for coders it cannot settle on.
 */
export function runAgreementCommand(paths: readonly string[], options: AgreementOptions, io: AgreementIo): number {
  const { paths: files, errors } = collectPaths(paths.filter((p) => p !== '-'));
  if (paths.includes('-')) errors.push(new FileError('-', 'coders\' sidecars are read beside a file; stdin has none'));
  for (const e of errors) io.err(`tension-lens: ${e.message}`);
  let coders: [string, string];
  if (options.coders) {
    const [a, b, ...rest] = options.coders.map((c) => fileSafeCoder(c.trim()));
    if (!a || !b || rest.length > 0 || a === b) throw new AgreementUsageError(`--coders needs two different coders, e.g. --coders alice,bob (got '${options.coders.join(',')}')`);
    coders = [a, b];
  } else {
    const found = [...new Set(files.flatMap((f) => codersWithSidecar(f, sidecarRoot(options))))].sort();
    const [a, b] = found;
    if (found.length !== 2 || !a || !b) {
      throw new AgreementUsageError(found.length < 2
        ? `agreement needs two coders' sidecars (a.md.tension.<coder>.json); found ${found.length === 0 ? 'none' : `only ${found.join(', ')}`}`
        : `found ${found.length} coders (${found.join(', ')}); choose two with --coders A,B`);
    }
    coders = [a, b];
  }
  let failed = errors.length > 0;
  const compared: { path: string; agreement: ArticleAgreement }[] = [];
  const skipped: string[] = [];
  for (const article of files) {
    let text: string;
    try {
      text = readArticle(article);
    } catch (e) {
      if (!(e instanceof FileError)) throw e;
      io.err(`tension-lens: ${e.message}`);
      failed = true;
      continue;
    }
    const [a, b] = coders.map((c) => readCoding(article, text, c, options, io));
    if (a === 'unusable' || b === 'unusable') failed = true;
    if (a === undefined || b === undefined || typeof a === 'string' || typeof b === 'string') {
      if (a !== 'unusable' && b !== 'unusable') skipped.push(article);
      continue;
    }
    compared.push({ path: article, agreement: compareCodings(text, a, b) });
  }
  const pooled = poolAgreement(compared.map((c) => c.agreement));
  if (options.json) {
    io.out(JSON.stringify(agreementJson(coders, compared, pooled)));
  } else {
    io.out(`Intercoder agreement: A = ${coders[0]}, B = ${coders[1]}; unit: one character (code point), line breaks excluded`);
    for (const { path: p, agreement } of compared) {
      io.out('');
      io.out(`${p} (${number(agreement.units)} units)`);
      for (const t of agreement.tags) io.out(tagLine(t));
    }
    if (compared.length > 1) {
      io.out('');
      io.out(`Pooled over ${compared.length} articles (${number(compared.reduce((s, c) => s + c.agreement.units, 0))} units)`);
      for (const t of pooled) io.out(tagLine(t));
    }
    if (compared.length === 0) io.out(`No article has sidecars of both ${coders[0]} and ${coders[1]}.`);
  }
  for (const s of skipped) io.err(`tension-lens: ${s}: skipped, not coded by both ${coders[0]} and ${coders[1]}`);
  return failed ? 1 : 0;
}
