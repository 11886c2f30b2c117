import fs from 'node:fs';
import {
  type Anchor, LineIndex, type SidecarLocation, type SidecarProblem, type SidecarTag, formatJsonProblem, parseSidecar, reanchorAll,
} from '../core';
import { FileError, collectPaths, readArticle } from './files';
import { sidecarFileOf } from './sidecarFiles';

/** Where the command writes: one line per call, without the newline. */
export interface AnnotationsIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

/** Where sidecars are looked for; the default is beside each article. */
export interface AnnotationsOptions {
  readonly location?: SidecarLocation;
  /** Needed for `folder`: sidecars are then under `<workspaceRoot>/.tension/`. */
  readonly workspaceRoot?: string;
}

const QUOTE_WIDTH = 40;

/** The sidecar of an article on disk, in either layout. */
function sidecarFile(article: string, options: AnnotationsOptions): string {
  return sidecarFileOf(article, (options.location ?? 'beside') === 'beside' ? undefined : options.workspaceRoot);
}

function fixFor(problem: SidecarProblem): string {
  if (problem.path === 'version' && problem.message.includes('newer Tension Lens')) return 'install the latest Tension Lens';
  if (/^(invalid JSON|empty file)/.test(problem.message)) return 'repair the JSON syntax there (strict JSON: no comments, no trailing commas)';
  return 'change that field to what schemas/sidecar.schema.json describes';
}

/** One line for an unusable sidecar: where, what, the fix, and how many more problems there are. */
function problemLine(problems: readonly SidecarProblem[]): string {
  const [first] = problems;
  if (!first) return 'unusable sidecar';
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  return `${formatJsonProblem(first)} — fix: ${fixFor(first)}${more}`;
}

function shortQuote(exact: string): string {
  const chars = Array.from(exact);
  return JSON.stringify(chars.length > QUOTE_WIDTH ? `${chars.slice(0, QUOTE_WIDTH - 1).join('')}…` : exact);
}

function annotationLine(article: string, anchor: Anchor, lines: LineIndex, textLength: number, tags: ReadonlyMap<string, SidecarTag>): string {
  const { annotation, state } = anchor;
  const { line, character } = lines.positionAt(Math.min(annotation.target.position.start, textLength));
  const labels = annotation.tags.map((id) => tags.get(id)?.label ?? `${id}?`).join(', ');
  const note = annotation.note.replace(/\s+/g, ' ').trim();
  return `${article}:${line + 1}:${character + 1}  [${labels}]  ${shortQuote(annotation.target.quote.exact)}${note ? `  ${note}` : ''}  (${state})`;
}

/**
 * Prints the annotations of each article, re-anchored against its current text, one per line:
 * `path:line:col  [tags]  "quote"  note  (state)`; "path: no annotations" when it has none. An unreadable article or
 * an unusable sidecar gets one line on `err`. Returns the exit code: 1 if anything could not be read, else 0.
 */
export function listAnnotations(articlePaths: readonly string[], io: AnnotationsIo, options: AnnotationsOptions = {}): number {
  let failed = false;
  for (const article of articlePaths) {
    let text: string;
    try {
      text = readArticle(article);
    } catch (e) {
      if (!(e instanceof FileError)) throw e;
      io.err(`tension-lens: ${e.message}`);
      failed = true;
      continue;
    }
    const sidecarPath = sidecarFile(article, options);
    let sidecarText: string;
    try {
      sidecarText = fs.readFileSync(sidecarPath, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') {
        io.out(`${article}: no annotations`);
        continue;
      }
      io.err(`tension-lens: ${sidecarPath}: cannot read annotations (${code ?? String(e)})`);
      failed = true;
      continue;
    }
    const parsed = parseSidecar(sidecarText, sidecarPath);
    if ('problems' in parsed) {
      io.err(`tension-lens: ${problemLine(parsed.problems)}`);
      failed = true;
      continue;
    }
    const { sidecar } = parsed;
    if (sidecar.annotations.length === 0) {
      io.out(`${article}: no annotations`);
      continue;
    }
    const { anchors } = reanchorAll(sidecar.annotations, text);
    const lines = LineIndex.of(text);
    const tags = new Map(sidecar.tags.map((t) => [t.id, t]));
    const placed = [...anchors].sort((a, b) => a.annotation.target.position.start - b.annotation.target.position.start);
    for (const anchor of placed) io.out(annotationLine(article, anchor, lines, text.length, tags));
  }
  return failed ? 1 : 0;
}

/**
 * The `annotations` command: expands PATHs (files, or directories walked for .md/.markdown/.txt) and lists their
 * annotations. Returns the exit code: 0 success, 1 a path, article or sidecar could not be read.
 */
export function runAnnotationsCommand(paths: string[], io: AnnotationsIo, options: AnnotationsOptions = {}): number {
  const { paths: files, errors } = collectPaths(paths.filter((p) => p !== '-'));
  if (paths.includes('-')) errors.push(new FileError('-', 'annotations are read from a sidecar beside a file; stdin has none'));
  for (const e of errors) io.err(`tension-lens: ${e.message}`);
  const code = listAnnotations(files, io, options);
  return errors.length > 0 ? 1 : code;
}
