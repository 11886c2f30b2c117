import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  CODEBOOK_FILE, type Codebook, type CodebookTag, type ImportPlan, type SidecarTag, applyImport, emptyCodebook, exchangeTags, formatCodebookProblem,
  formatJsonProblem, parseCodebook, parseSidecar, planImport, readCodebookCsv, readQdc, serializeCodebook, stripBom, writeCodebookCsv, writeQdc,
} from '../core';
import { FileError, folderEntries } from './files';
import { CODEBOOK_USAGE } from './codebookUsage';
import { AtomicOutput } from './corpus';

export { CODEBOOK_USAGE };

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

class CodebookError extends Error {}

/** Writes `text` to `target` atomically (a temp file renamed over it). */
function writeAtomically(target: string, text: string): void {
  const out = new AtomicOutput(target);
  try {
    out.write(text);
    out.commit();
  } catch (e) {
    out.discard();
    throw e;
  }
}

/** The codebook file, an empty codebook when it does not exist; a malformed one is a `CodebookError` with its position. */
function readCodebook(file: string): Codebook {
  if (!fs.existsSync(file)) return emptyCodebook();
  const parsed = parseCodebook(fs.readFileSync(file, 'utf8'), file);
  if ('problems' in parsed) throw new CodebookError(`${parsed.problems.map(formatJsonProblem).join('\n')}\n${file} was not changed; fix it first.`);
  return parsed.codebook;
}

/** Tags of every sidecar (single, consensus and coder sidecars) under the PATHs, in path order. */
function sidecarTags(paths: readonly string[], io: Io): SidecarTag[] {
  const files: string[] = [];
  const sidecar = /\.tension(\.[^./\\]+)?\.json$/;
  // Inside a folder, links are passed over as the corpus listing does (a dangling one, or one back up the tree, must
  // not end the export); a folder that cannot be read is named and skipped.
  const walk = (dir: string): void => {
    const entries = folderEntries(dir);
    if (entries instanceof FileError) {
      io.err(`tension-lens: ${entries.message}`);
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== 'node_modules' && entry.name !== '.git') walk(full);
      else if (entry.isFile() && sidecar.test(full)) files.push(full);
    }
  };
  for (const p of paths) {
    if (fs.statSync(p).isDirectory()) walk(p);
    else if (sidecar.test(p)) files.push(p);
  }
  return files.flatMap((file) => {
    const parsed = parseSidecar(fs.readFileSync(file, 'utf8'), file);
    if ('problems' in parsed) {
      io.err(`tension-lens: skipped ${formatJsonProblem(parsed.problems[0]!)}`);
      return [];
    }
    return [...parsed.sidecar.tags];
  });
}

function planText(plan: ImportPlan): string {
  const names = (tags: readonly { label: string }[]): string => (tags.length === 0 ? '' : `: ${tags.map((t) => t.label).join(', ')}`);
  return [
    `added ${plan.added.length}${names(plan.added)}`,
    `updated ${plan.updated.length}${names(plan.updated.map((u) => u.after))}`,
    `unchanged ${plan.unchanged.length}`,
  ].join('\n');
}

/**
 * `codebook export`: the codebook file's tags, then every other tag of the sidecars under PATH, as a REFI-QDA codebook
 * (`.qdc`) or CSV by the extension of `--out`. `codebook import`: merges a `.qdc` or CSV into the codebook file by
 * label and prints what is added, updated and unchanged; an import that would overwrite a colour or a memo needs
 * `--yes` (`--dry-run` only prints). Exit 0, 1 when a file cannot be read or is malformed (nothing written), 2 usage.
 */
export function runCodebookCommand(argv: readonly string[], io: Io, version: string): number {
  const [action, ...rest] = argv;
  let values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: rest, allowPositionals: true,
      options: {
        codebook: { type: 'string', default: CODEBOOK_FILE }, out: { type: 'string' }, yes: { type: 'boolean', default: false },
        'dry-run': { type: 'boolean', default: false }, json: { type: 'boolean', default: false },
      },
    }));
  } catch (e) {
    io.err(`tension-lens: ${(e as Error).message}\nUsage: ${CODEBOOK_USAGE}`);
    return 2;
  }
  const usage = (message: string): number => {
    io.err(`tension-lens: ${message}\nUsage: ${CODEBOOK_USAGE}`);
    return 2;
  };
  try {
    if (action === 'export') {
      if (!values.out) return usage('codebook export needs --out FILE.qdc or --out FILE.csv');
      if (!/\.(qdc|csv)$/i.test(values.out)) return usage(`--out ${values.out}: the file name must end in .qdc or .csv`);
      const tags: CodebookTag[] = exchangeTags(readCodebook(values.codebook), sidecarTags(positionals, io));
      if (tags.length === 0) {
        io.err(`tension-lens: nothing to export: ${values.codebook} has no tags and no sidecar was found${positionals.length === 0 ? ' (give the articles\' PATHs)' : ''}`);
        return 1;
      }
      writeAtomically(values.out, /\.csv$/i.test(values.out) ? writeCodebookCsv(tags) : writeQdc(tags, `Tension Lens ${version}`));
      io.err(`wrote ${tags.length} tags to ${values.out}`);
      return 0;
    }
    if (action === 'import') {
      const [file, ...more] = positionals;
      if (!file || more.length > 0) return usage('codebook import takes one FILE.qdc or FILE.csv');
      const text = stripBom(fs.readFileSync(file, 'utf8'));
      const read = /\.csv$/i.test(file) ? readCodebookCsv(text, file) : readQdc(text, file);
      if ('problems' in read) {
        io.err(`${read.problems.map(formatCodebookProblem).join('\n')}\nnothing was imported`);
        return 1;
      }
      const current = readCodebook(values.codebook);
      const plan = planImport(current, read.tags);
      io.out(values.json ? JSON.stringify({
        added: plan.added.map((t) => t.label), updated: plan.updated.map((u) => u.after.label), unchanged: plan.unchanged.map((t) => t.label),
      }) : planText(plan));
      if (values['dry-run'] || (plan.added.length === 0 && plan.updated.length === 0)) return 0;
      if (plan.updated.length > 0 && !values.yes) {
        io.err(`tension-lens: the import would overwrite ${plan.updated.length} tag(s) in ${values.codebook}; run again with --yes to apply it (nothing was written)`);
        return 1;
      }
      writeAtomically(values.codebook, serializeCodebook(applyImport(current, plan)));
      io.err(`updated ${values.codebook}`);
      return 0;
    }
    return usage(action ? `unknown codebook action '${action}': export or import` : 'codebook needs an action: export or import');
  } catch (e) {
    if (e instanceof CodebookError) {
      io.err(`tension-lens: ${e.message}`);
      return 1;
    }
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') {
      io.err(`tension-lens: ${(e as Error).message}`);
      return 1;
    }
    throw e;
  }
}
