import type { Extras } from '../annotations/types';

/** The only codebook file format version this code reads and writes. */
export const CODEBOOK_VERSION = 1;

/** The codebook file's name, at the root of the workspace folder (or the directory the CLI is given). */
export const CODEBOOK_FILE = 'tension-codebook.json';

/** The `$id` of `schemas/codebook.schema.json`. */
export const CODEBOOK_SCHEMA_ID = 'https://tension-lens.dev/schemas/codebook.schema.json';

/** A tag of the shared codebook; the articles' tags with the same label (trimmed) are this tag. */
export interface CodebookTag {
  readonly label: string;
  readonly color?: string;
  /** The tag memo: its definition and coding rule. */
  readonly description?: string;
  readonly extras?: Extras;
}

/** The whole codebook file (`tension-codebook.json`). */
export interface Codebook {
  readonly $schema?: string;
  readonly version: typeof CODEBOOK_VERSION;
  /** The project memo. */
  readonly memo?: string;
  readonly tags: readonly CodebookTag[];
  readonly extras?: Extras;
}

/** An empty codebook. */
export function emptyCodebook(): Codebook {
  return { version: CODEBOOK_VERSION, tags: [] };
}
