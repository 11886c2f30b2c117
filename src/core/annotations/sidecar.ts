import { validateSidecar } from '../json/validators.generated';
import { type JsonProblem, type JsonSegments, ProblemLocator, ajvMessage, ajvSegments, parseJson } from '../json/problems';
import { stripBom } from '../text/chinese';
import { extrasOf } from './fields';
import { type Annotation, type AnnotationTarget, type Extras, type JsonValue, SIDECAR_VERSION, type Sidecar, type SidecarTag, type TensionPair } from './types';

/** A problem in a sidecar file: file, 0-based line and character, JSON path and message. */
export type SidecarProblem = JsonProblem;

/** The sidecar when the file is usable, otherwise every problem found (never both, never a throw). */
export type ParsedSidecar = { readonly sidecar: Sidecar } | { readonly problems: readonly SidecarProblem[] };

type RawObject = { readonly [key: string]: JsonValue };
type RawSelector = RawObject & { readonly type: string; readonly exact?: string; readonly prefix?: string; readonly suffix?: string; readonly start?: number; readonly end?: number };
type RawAnnotation = RawObject & {
  readonly id: string; readonly tags?: readonly string[]; readonly note?: string; readonly created: string; readonly modified: string;
  readonly target: RawObject & { readonly selector: readonly RawSelector[] };
};
type RawTarget = RawObject & { readonly selector: readonly RawSelector[] };
type RawPair = RawObject & {
  readonly id: string; readonly motivation: 'linking'; readonly axis?: string; readonly note?: string; readonly created: string; readonly modified: string;
  readonly target: readonly [RawTarget, RawTarget];
};
type RawTag = RawObject & { readonly id: string; readonly label: string; readonly color?: string; readonly description?: string };
/** The file's shape once the schema has accepted it. */
type RawSidecar = RawObject & {
  readonly $schema?: string;
  readonly version: typeof SIDECAR_VERSION;
  readonly document: RawObject & { readonly path: string; readonly sha256: string; readonly length: number };
  readonly memo?: string;
  readonly tags?: readonly RawTag[];
  readonly annotations: readonly RawAnnotation[];
  readonly pairs?: readonly RawPair[];
};

// Compiled ahead of time from schemas/sidecar.schema.json (scripts/buildValidators.mjs).
const validator = validateSidecar;

function validate(value: unknown): value is RawSidecar {
  return validator(value);
}

/**
 * Parses a sidecar file's text (a leading BOM is ignored) and checks it against `schemas/sidecar.schema.json` and
 * the rules the schema cannot state (unique ids, one selector of each kind, start ≤ end). A file written by a newer
 * format version gives one problem asking to update the extension.
 */
export function parseSidecar(text: string, file: string): ParsedSidecar {
  const body = stripBom(text);
  const parsed = parseJson(body, file);
  if ('problems' in parsed) return parsed;
  const { value } = parsed;
  const locator = new ProblemLocator(file, body);
  const newer = newerVersion(value);
  if (newer !== undefined) {
    return { problems: [locator.at(['version'], `written by a newer Tension Lens (format version ${newer}; this one reads version ${SIDECAR_VERSION}); update the extension`)] };
  }
  if (!validate(value)) {
    // An `if` error only says "must match then"; the errors of the `then` branch say what is wrong.
    const errors = (validator.errors ?? []).filter((e) => e.keyword !== 'if');
    return { problems: errors.map((e) => locator.at(ajvSegments(e), ajvMessage(e))) };
  }
  const problems = integrityProblems(value).map((p) => locator.at(p.segments, p.message));
  return problems.length > 0 ? { problems } : { sidecar: toSidecar(value) };
}

function newerVersion(value: unknown): number | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const version = (value as { version?: unknown }).version;
  return typeof version === 'number' && Number.isInteger(version) && version > SIDECAR_VERSION ? version : undefined;
}

function integrityProblems(raw: RawSidecar): { segments: JsonSegments; message: string }[] {
  const problems: { segments: JsonSegments; message: string }[] = [];
  const unique = (kind: 'tags' | 'annotations' | 'pairs', ids: readonly string[]): void => {
    const seen = new Map<string, number>();
    ids.forEach((id, i) => {
      const first = seen.get(id);
      if (first === undefined) seen.set(id, i);
      else problems.push({ segments: [kind, i, 'id'], message: `id '${id}' is already used by ${kind}[${first}]; ids must be unique` });
    });
  };
  unique('tags', (raw.tags ?? []).map((t) => t.id));
  unique('annotations', raw.annotations.map((a) => a.id));
  unique('pairs', (raw.pairs ?? []).map((p) => p.id));
  const checkSelectors = (selectors: readonly RawSelector[], at: JsonSegments): void => {
    for (const type of ['TextQuoteSelector', 'TextPositionSelector']) {
      const count = selectors.filter((s) => s.type === type).length;
      if (count !== 1) problems.push({ segments: [...at, 'selector'], message: `needs exactly one ${type}, found ${count}` });
    }
    selectors.forEach((s, k) => {
      if (s.type === 'TextPositionSelector' && (s.end ?? 0) < (s.start ?? 0)) {
        problems.push({ segments: [...at, 'selector', k, 'end'], message: `end (${s.end}) is before start (${s.start})` });
      }
    });
  };
  raw.annotations.forEach((a, i) => checkSelectors(a.target.selector, ['annotations', i, 'target']));
  (raw.pairs ?? []).forEach((p, i) => p.target.forEach((end, k) => checkSelectors(end.selector, ['pairs', i, 'target', k])));
  return problems;
}

/** Adds `extras` only when there are some, so a parsed object deep-equals one built without unknown fields. */
function withExtras<T extends object>(value: T, extras: Extras | undefined): T & { extras?: Extras } {
  return extras ? { ...value, extras } : value;
}

function toTag(raw: RawTag): SidecarTag {
  return withExtras({
    id: raw.id, label: raw.label,
    ...(raw.color !== undefined && { color: raw.color }),
    ...(raw.description !== undefined && { description: raw.description }),
  }, extrasOf('tag', raw));
}

function toTarget(raw: RawTarget): AnnotationTarget {
  let quote: AnnotationTarget['quote'] | undefined;
  let position: AnnotationTarget['position'] | undefined;
  const others: RawObject[] = [];
  for (const s of raw.selector) {
    if (s.type === 'TextQuoteSelector') quote = withExtras({ exact: s.exact ?? '', prefix: s.prefix ?? '', suffix: s.suffix ?? '' }, extrasOf('quote', s));
    else if (s.type === 'TextPositionSelector') position = withExtras({ start: s.start ?? 0, end: s.end ?? 0 }, extrasOf('position', s));
    else others.push(s);
  }
  if (!quote || !position) throw new Error('unreachable: integrity check guarantees both selectors');
  return withExtras({ quote, position, ...(others.length > 0 && { otherSelectors: others }) }, extrasOf('target', raw));
}

function toAnnotation(raw: RawAnnotation): Annotation {
  return withExtras({
    id: raw.id, tags: raw.tags ?? [], note: raw.note ?? '', created: raw.created, modified: raw.modified, target: toTarget(raw.target),
  }, extrasOf('annotation', raw));
}

function toPair(raw: RawPair): TensionPair {
  return withExtras({
    id: raw.id, axis: raw.axis ?? '', note: raw.note ?? '', created: raw.created, modified: raw.modified,
    ends: [toTarget(raw.target[0]), toTarget(raw.target[1])] as const,
  }, extrasOf('pair', raw));
}

function toSidecar(raw: RawSidecar): Sidecar {
  const document = withExtras({ path: raw.document.path, sha256: raw.document.sha256, length: raw.document.length }, extrasOf('document', raw.document));
  return withExtras({
    ...(raw.$schema !== undefined && { $schema: raw.$schema }),
    version: SIDECAR_VERSION,
    document,
    ...(raw.memo !== undefined && raw.memo !== '' && { memo: raw.memo }),
    tags: (raw.tags ?? []).map(toTag),
    annotations: raw.annotations.map(toAnnotation),
    ...(raw.pairs !== undefined && raw.pairs.length > 0 && { pairs: raw.pairs.map(toPair) }),
  }, extrasOf('sidecar', raw));
}
