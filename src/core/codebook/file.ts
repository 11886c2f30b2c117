import { type JsonValue } from '../annotations/types';
import { validateCodebook } from '../json/validators.generated';
import { type JsonProblem, ProblemLocator, ajvMessage, ajvSegments, parseJson } from '../json/problems';
import { stripBom } from '../text/chinese';
import { CODEBOOK_VERSION, type Codebook, type CodebookTag } from './types';

type RawObject = { readonly [key: string]: JsonValue };
type RawTag = RawObject & { readonly label: string; readonly color?: string; readonly description?: string };
type RawCodebook = RawObject & { readonly $schema?: string; readonly version: 1; readonly memo?: string; readonly tags: readonly RawTag[] };

const ROOT_KEYS = ['$schema', 'version', 'memo', 'tags'] as const;
const TAG_KEYS = ['label', 'color', 'description'] as const;

/** The codebook when the file is usable, otherwise every problem found (never both, never a throw). */
export type ParsedCodebook = { readonly codebook: Codebook } | { readonly problems: readonly JsonProblem[] };

function extras(raw: RawObject, known: readonly string[]): Record<string, JsonValue> | undefined {
  let out: Record<string, JsonValue> | undefined;
  for (const key in raw) {
    if (!Object.hasOwn(raw, key) || known.includes(key)) continue;
    // defineProperty, not assignment: a "__proto__" key from the file must stay an ordinary field.
    Object.defineProperty((out ??= {}), key, { value: raw[key], enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** The label a tag is matched by, in the codebook and across coders' sidecars. */
export function labelKey(label: string): string {
  return label.trim();
}

/**
 * Parses `tension-codebook.json` (a leading BOM is ignored) and checks it against `schemas/codebook.schema.json`; a
 * label given twice is a problem too (tags are matched by label). A newer format version asks to update the extension.
 */
export function parseCodebook(text: string, file: string): ParsedCodebook {
  const body = stripBom(text);
  const parsed = parseJson(body, file);
  if ('problems' in parsed) return parsed;
  const { value } = parsed;
  const locator = new ProblemLocator(file, body);
  const version = (value as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && Number.isInteger(version) && version > CODEBOOK_VERSION) {
    return { problems: [locator.at(['version'], `written by a newer Tension Lens (codebook format version ${version}; this one reads version ${CODEBOOK_VERSION}); update the extension`)] };
  }
  if (!validateCodebook(value)) {
    return { problems: (validateCodebook.errors ?? []).map((e) => locator.at(ajvSegments(e), ajvMessage(e))) };
  }
  const raw = value as RawCodebook;
  const seen = new Map<string, number>();
  const problems: JsonProblem[] = [];
  raw.tags.forEach((t, i) => {
    const first = seen.get(labelKey(t.label));
    if (first === undefined) seen.set(labelKey(t.label), i);
    else problems.push(locator.at(['tags', i, 'label'], `label '${labelKey(t.label)}' is already used by tags[${first}]; labels must be unique`));
  });
  if (problems.length > 0) return { problems };
  const tags = raw.tags.map((t): CodebookTag => {
    const more = extras(t, TAG_KEYS);
    return {
      label: labelKey(t.label),
      ...(t.color !== undefined && { color: t.color }),
      ...(t.description !== undefined && { description: t.description }),
      ...(more && { extras: more }),
    };
  });
  const more = extras(raw, ROOT_KEYS);
  return {
    codebook: {
      ...(raw.$schema !== undefined && { $schema: raw.$schema }),
      version: CODEBOOK_VERSION,
      ...(raw.memo !== undefined && raw.memo !== '' && { memo: raw.memo }),
      tags,
      ...(more && { extras: more }),
    },
  };
}

function ordered(known: readonly (readonly [string, JsonValue | undefined])[], more: Readonly<Record<string, JsonValue>> | undefined, knownKeys: readonly string[]): RawObject {
  const out: Record<string, JsonValue> = {};
  const put = (key: string, value: JsonValue): void => {
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  };
  for (const [key, value] of known) if (value !== undefined) put(key, value);
  if (more) for (const key of Object.keys(more)) if (!knownKeys.includes(key)) put(key, more[key] ?? null);
  return out;
}

/** The canonical text: known keys first in the documented order, then unknown ones, 2-space indent, final newline. */
export function serializeCodebook(codebook: Codebook): string {
  const tags = codebook.tags.map((t) => ordered([['label', t.label], ['color', t.color], ['description', t.description === '' ? undefined : t.description]], t.extras, TAG_KEYS));
  const root = ordered([['$schema', codebook.$schema], ['version', codebook.version], ['memo', codebook.memo === '' ? undefined : codebook.memo], ['tags', tags]], codebook.extras, ROOT_KEYS);
  return `${JSON.stringify(root, null, 2)}\n`;
}
