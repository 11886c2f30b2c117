import { quoteAt } from '../annotations/quote';
import type { ArticleData, ExportData } from './collect';
import { guidOf, isUuid } from './guid';
import { EXPORT_MARKER } from './marker';
import { toCodePoints } from './positions';
import { axisLabel, poleLabel } from './shared';
import { fill } from './strings';

/** The Web Annotation JSON-LD context. */
export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

type Json = Record<string, unknown>;

/** The collection's generator: Tension Lens, named so that `isTensionLensExport` recognises the file. */
const GENERATOR_IRI = `https://github.com/tension-lens/tension-lens#${EXPORT_MARKER}`;

/** A `urn:uuid:` IRI named by `parts`. */
const iriOf = (...parts: readonly string[]): string => `urn:uuid:${guidOf(...parts)}`;

/** A user annotation's IRI: its id when that is a UUID (as Tension Lens makes them), else one named by file and id. */
const annotationIri = (id: string, path: string): string => (isUuid(id) ? `urn:uuid:${id.toLowerCase()}` : iriOf('annotation', path, id));

function selectors(exact: string, prefix: string, suffix: string, position?: { start: number; end: number }): Json[] {
  const quote: Json = { type: 'TextQuoteSelector', exact, prefix, suffix };
  return position ? [quote, { type: 'TextPositionSelector', start: position.start, end: position.end }] : [quote];
}

function articleAnnotations(data: ExportData, a: ArticleData, software: Json): Json[] {
  const { article } = a;
  const source = article.uri ?? article.path;
  // W3C positions count code points (§4.2.2), the sidecar UTF-16 units: convert every offset in one pass.
  const offsets = [
    ...a.annotations.flatMap((x) => [x.start, x.end]), ...a.terms.flatMap((t) => [t.start, t.end]),
    ...a.pairs.flatMap((x) => x.ends.flatMap((e) => [e.start, e.end])),
  ];
  const points = toCodePoints(article.text, offsets, { normalizeNewlines: false });
  let p = 0;
  const next = (): { start: number; end: number } => ({ start: points[p++] ?? 0, end: points[p++] ?? 0 });
  const out: Json[] = [];
  for (const item of a.annotations) {
    const position = next();
    const body: Json[] = item.tags.map((t) => ({ type: 'TextualBody', purpose: 'tagging', value: t.label }));
    if (item.note) body.push({ type: 'TextualBody', purpose: 'commenting', value: item.note, format: 'text/plain' });
    out.push({
      id: annotationIri(item.id, article.path), type: 'Annotation',
      motivation: item.note ? 'commenting' : body.length > 0 ? 'tagging' : 'highlighting',
      ...(item.coder === undefined ? {} : { creator: { type: 'Person', name: item.coder } }),
      created: item.created, modified: item.modified,
      ...(body.length > 0 ? { body } : {}),
      // An orphan's position no longer points at its text: only the quote is kept, for a tool to search.
      target: { source, selector: selectors(item.text, item.prefix, item.suffix, item.state === 'orphaned' ? undefined : position) },
    });
  }
  const { strings, request } = data;
  for (const term of a.terms) {
    const position = next();
    const quote = quoteAt(article.text, term.start, term.end);
    const describing = fill(strings.machineCoding, term.term, axisLabel(data, term.axis), poleLabel(data, term.pole)) + (term.negated ? ` (${strings.negated})` : '');
    out.push({
      id: iriOf('term', article.path, String(term.start), String(term.end), term.term), type: 'Annotation', motivation: 'tagging',
      creator: software, created: request.created,
      body: [
        { type: 'TextualBody', purpose: 'tagging', value: `${term.axis}/${term.pole}` },
        { type: 'TextualBody', purpose: 'describing', value: describing, format: 'text/plain', language: request.language },
      ],
      target: { source, selector: selectors(quote.exact, quote.prefix, quote.suffix, position) },
    });
  }
  // A tension pair links its two passages: motivation `linking`, both ends as targets (an orphaned end keeps its
  // quote only, like an orphaned annotation); the axis as a `classifying` body, the note as a `commenting` one.
  for (const pair of a.pairs) {
    const positions = [next(), next()];
    const body: Json[] = [];
    if (pair.axis) body.push({ type: 'TextualBody', purpose: 'classifying', value: axisLabel(data, pair.axis) });
    if (pair.note) body.push({ type: 'TextualBody', purpose: 'commenting', value: pair.note, format: 'text/plain' });
    out.push({
      id: annotationIri(pair.id, article.path), type: 'Annotation', motivation: 'linking',
      ...(pair.coder === undefined ? {} : { creator: { type: 'Person', name: pair.coder } }),
      created: pair.created, modified: pair.modified,
      ...(body.length > 0 ? { body } : {}),
      target: pair.ends.map((end, k) => ({ source, selector: selectors(end.text, end.prefix, end.suffix, end.state === 'orphaned' ? undefined : positions[k]) })),
    });
  }
  return out;
}

/**
 * The W3C Web Annotation export (JSON-LD): an `AnnotationCollection` whose first (and only) `AnnotationPage`
 * holds one `Annotation` per user annotation — tags as `tagging` bodies, the note as a `commenting` TextualBody —
 * and one per term occurrence, made by a `Software` creator and tagged `<axis>/<pole>`. Targets carry a
 * TextQuoteSelector and a TextPositionSelector counted in code points, as the model requires.
 */
export function writeW3c(data: ExportData): string {
  const { request } = data;
  const software = { type: 'Software', name: `${request.generator.name} ${request.generator.version}` };
  const items = data.articles.flatMap((a) => articleAnnotations(data, a, software));
  const paths = data.articles.map((a) => a.article.path);
  const collection = {
    '@context': ANNO_CONTEXT,
    id: iriOf('collection', request.what, request.created, ...paths),
    type: 'AnnotationCollection',
    // Before the label (which lists every path): the export marker (see marker.ts) is the generator's id.
    generator: { id: GENERATOR_IRI, ...software },
    label: `${data.strings.report}: ${paths.join(', ')}`,
    total: items.length,
    generated: request.created,
    first: { id: iriOf('page', request.what, request.created, ...paths), type: 'AnnotationPage', startIndex: 0, items },
  };
  return `${JSON.stringify(collection, null, 2)}\n`;
}
