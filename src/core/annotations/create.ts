import { quoteAt } from './quote';
import { type Annotation, SIDECAR_VERSION, type Sidecar, type SidecarDocument, type SidecarTag } from './types';

/** What `createAnnotation` needs; `now` (ISO 8601) and `id` are passed in so the function stays pure. */
export interface NewAnnotation {
  /** The article's current text. */
  readonly text: string;
  /** Half-open range in UTF-16 code units. */
  readonly start: number;
  readonly end: number;
  readonly tags?: readonly string[];
  readonly note?: string;
  readonly now: string;
  readonly id: string;
}

/**
 * An annotation on `text[start, end)` with both W3C selectors (quote with 32 units of context each side, not
 * splitting surrogate pairs; position). Throws a `RangeError` for an empty or out-of-range selection.
 */
export function createAnnotation(input: NewAnnotation): Annotation {
  const { text, start, end } = input;
  if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start < end && end <= text.length)) {
    throw new RangeError(`cannot annotate [${start}, ${end}) in a text of length ${text.length}: the range must be non-empty and inside the text`);
  }
  return {
    id: input.id,
    tags: [...(input.tags ?? [])],
    note: input.note ?? '',
    created: input.now,
    modified: input.now,
    target: { quote: quoteAt(text, start, end), position: { start, end } },
  };
}

/** A new random annotation or tag id (a UUID v4 from `globalThis.crypto`, available in Node 20, browsers and VS Code web). */
export function newId(): string {
  return globalThis.crypto.randomUUID();
}

/** SHA-256 of the text's UTF-8 bytes as lower-case hex, via Web Crypto (async everywhere it exists). */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  let hex = '';
  for (const byte of new Uint8Array(digest)) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/** The `document` block for an article's current text; `path` is workspace-relative with '/' separators. */
export async function describeDocument(path: string, text: string): Promise<SidecarDocument> {
  return { path, sha256: await sha256Hex(text), length: text.length };
}

/**
 * An empty sidecar for a document. `$schema` is left out unless given: VS Code resolves a `$schema` URL before
 * the extension's `jsonValidation` contribution, so an address that does not serve the schema would show an error.
 */
export function newSidecar(document: SidecarDocument, tags: readonly SidecarTag[] = [], schema?: string): Sidecar {
  return { ...(schema !== undefined && { $schema: schema }), version: SIDECAR_VERSION, document, tags: [...tags], annotations: [] };
}
