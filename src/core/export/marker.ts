import { ITEM_COLUMNS, PAIR_COLUMNS, SITE_COLUMNS, STATS_COLUMNS } from './csv';
import type { ExportFormat } from './types';

/**
 * What marks a file as written by Tension Lens. An export saved beside the articles matches `tensionLens.include`
 * (`*.md` by default), and read back as an article it would count its own quotes again; the marker is inside the
 * file, so a renamed export is still recognised. Documented in the README ("Exports").
 */
export const EXPORT_MARKER = 'tension-lens-export';

/** How much of the start of a file `isTensionLensExport` reads: every marker sits before this. */
export const EXPORT_MARKER_PROBE = 4096;

/** The Markdown marker: a link reference definition, the Markdown idiom for a comment (renders as nothing). */
const MARKDOWN_LINE = `[//]: # (${EXPORT_MARKER})`;
const HTML_COMMENT = `<!-- ${EXPORT_MARKER} -->`;

/**
 * The text of an export with its marker. Markdown gets `[//]: # (tension-lens-export)` as its first line and HTML
 * the comment `<!-- tension-lens-export -->` first in its `<head>`; the others carry it in their own structure,
 * written by their writers: JSON its first field `"format": "tension-lens-export"`, W3C JSON-LD its generator's
 * `id` (`…#tension-lens-export`, before the items), CSV its header row (the column names of `ITEM_COLUMNS`,
 * `STATS_COLUMNS` or `SITE_COLUMNS`). REFI-QDA is a zip, never read as text.
 */
export function markExport(format: ExportFormat, text: string): string {
  if (format === 'md') return `${MARKDOWN_LINE}\n\n${text}`;
  if (format === 'html') return text.replace(/<head>\n/, `<head>\n${HTML_COMMENT}\n`);
  return text;
}

const HEADERS = new Set([ITEM_COLUMNS, [...ITEM_COLUMNS, ...PAIR_COLUMNS], STATS_COLUMNS, SITE_COLUMNS].map((columns) => columns.join(',')));

/** Markdown's first line; HTML's first thing in `<head>`; JSON's first field; W3C's generator, before the items. */
const MARKED: readonly RegExp[] = [
  /^\[\/\/\]: # \(tension-lens-export\)\r?(?:\n|$)/,
  /^\s*<!DOCTYPE html>\s*<html[^>]*>\s*<head>\s*<!-- tension-lens-export -->/i,
  /^\s*\{\s*"format"\s*:\s*"tension-lens-export"/,
  /^\s*\{\s*"@context"\s*:\s*"http:\/\/www\.w3\.org\/ns\/anno\.jsonld"[^]*?"generator"\s*:\s*\{\s*"id"\s*:\s*"[^"]*#tension-lens-export"/,
];

/**
 * True when `text` (a file's text, or at least its first `EXPORT_MARKER_PROBE` characters, BOM or not) is an export
 * of Tension Lens — whatever its name — so the dashboard, workspace exports and the CLI do not read it as an article.
 */
export function isTensionLensExport(text: string): boolean {
  const head = text.slice(0, EXPORT_MARKER_PROBE).replace(/^\uFEFF/, '');
  const firstLine = head.slice(0, head.search(/\r?\n|$/));
  return HEADERS.has(firstLine) || MARKED.some((pattern) => pattern.test(head));
}
