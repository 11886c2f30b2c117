/**
 * The YAML front matter an imported article starts with: what the source says about itself, for the document
 * variables (#20) and for the reader. Keys in a fixed order, every value a double-quoted YAML string.
 */

/** What a source says about itself; each field absent when the source does not say it. */
export interface ArticleMetadata {
  readonly title?: string | undefined;
  /** The site or publisher. */
  readonly source?: string | undefined;
  readonly url?: string | undefined;
  readonly author?: string | undefined;
  /** ISO 8601 (see findDateTime). */
  readonly date?: string | undefined;
}

/** The keys of the front matter, in the order they are written. */
export const FRONT_MATTER_KEYS = ['title', 'source', 'url', 'author', 'date', 'imported', 'original'] as const;

// Characters YAML does not allow raw in a double-quoted scalar, or reads as line breaks (NEL, LS, PS), or hides
// (BOM): escaped as \uXXXX. JSON.stringify already escapes the C0 controls, `"` and `\`.
const YAML_UNSAFE = /[\u007f-\u009f\u2028\u2029\ufeff]/gu;

/** A value as a double-quoted YAML string: JSON's escapes are valid YAML, so any text survives a YAML reader. */
export function yamlString(value: string): string {
  return JSON.stringify(value).replace(YAML_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A time as `YYYY-MM-DDTHH:MM:SSZ` (UTC, whole seconds). */
export function isoTimestamp(time: Date): string {
  return time.toISOString().replace(/\.\d{3}Z$/u, 'Z');
}

/**
 * The Markdown article: front matter, then `# title` when the source has a title and the body
 * does not open with a heading of its own, then the body. `imported` is the
 * time of the import, `original` the imported file's name (no folder: the article sits beside it or is moved).
 */
export function articleMarkdown(metadata: ArticleMetadata, body: string, imported: Date, original: string): string {
  const values: Partial<Record<(typeof FRONT_MATTER_KEYS)[number], string | undefined>> = {
    ...metadata, imported: isoTimestamp(imported), original,
  };
  const lines = ['---'];
  for (const key of FRONT_MATTER_KEYS) {
    const v = values[key];
    if (v !== undefined && v !== '') lines.push(`${key}: ${yamlString(v)}`);
  }
  lines.push('---');
  const text = body.trim();
  // The body's own first heading stands for the title when it has one (a PDF's title line, a Word Title).
  if (metadata.title && !text.startsWith('# ')) lines.push('', `# ${metadata.title}`);
  if (text) lines.push('', text);
  return `${lines.join('\n')}\n`;
}

/** The Markdown file name an imported file becomes: its name with `.md` in place of its extension. */
export function articleFileName(original: string): string {
  const dot = original.lastIndexOf('.');
  return `${dot > 0 ? original.slice(0, dot) : original}.md`;
}
