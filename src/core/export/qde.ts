import type { ArticleData, ExportData } from './collect';
import { guidOf, isUuid } from './guid';
import { oneLine } from './items';
import { positionText, toCodePoints } from './positions';
import { displayTime, fill } from './strings';
import { isDateVariable } from '../variables/values';
import { xmlElement, xmlText } from './xml';
import { tagMemo } from '../codebook/memos';
import { articleMemo, exportMemos } from './memos';

/** The REFI-QDA project namespace (QDA-XML 1.0, the schema `Project-mrt2019.xsd`). */
export const QDE_NAMESPACE = 'urn:QDA-XML:project:1.0';

/** REFI-QDA positions count characters over this text: code points, with every line break one LF. */
const POSITIONS = { normalizeNewlines: true } as const;

/** One article as a text source of the project. */
export interface QdeSource {
  readonly guid: string;
  /** The file inside the zip: `sources/<guid>.txt`. */
  readonly entry: string;
  /** The text written there (UTF-8, LF line breaks), which the positions count into. */
  readonly text: string;
}

const RGB = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;
const DATE_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$/;

/** A colour the schema's RGBType accepts (`#rgb`, `#rrggbb`; an alpha byte is dropped), or undefined. */
function rgb(color: string | undefined): string | undefined {
  if (!color) return undefined;
  const solid = /^#[0-9a-f]{8}$/i.test(color) ? color.slice(0, 7) : color;
  return RGB.test(solid) ? solid : undefined;
}

/** An xsd:dateTime, or undefined for a sidecar date the schema would refuse. */
const dateTime = (value: string): string | undefined => (DATE_TIME.test(value) ? value : undefined);

const clip = (text: string, max: number): string => {
  const chars = Array.from(oneLine(text));
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : chars.join('');
};

const USERS = { machine: guidOf('user', 'tension-lens'), analyst: guidOf('user', 'annotator') };

/** A coder's REFI-QDA user: one per coder name, the same GUID in every export. */
const coderUser = (coder: string): string => guidOf('user', 'coder', coder);

/** Who made an annotation: its coder, or the analyst for the single / consensus sidecar. */
const creatorOf = (item: { readonly coder?: string }): string => (item.coder === undefined ? USERS.analyst : coderUser(item.coder));

/** GUIDs of the codes: a tag by its label (the same label in two sidecars is one code), a pole by its ids. */
const codeGuid = {
  tagsRoot: guidOf('code', 'tags'),
  untagged: guidOf('code', 'untagged'),
  termsRoot: guidOf('code', 'terms'),
  tag: (label: string): string => guidOf('code', 'tag', label),
  axis: (axis: string): string => guidOf('code', 'axis', axis),
  pole: (axis: string, pole: string): string => guidOf('code', 'pole', axis, pole),
};

/** The codebook's colour of a label, when it sets one. */
function codebookColor(codebook: ExportData['request']['codebook'], label: string): string | undefined {
  return codebook?.tags.find((t) => t.label === label.trim())?.color;
}

/** GUIDs of the memo notes: the project memo, and an article's memo by its path. */
const noteGuid = { project: guidOf('note', 'project'), article: (path: string): string => guidOf('note', 'article', path) };

/** A memo as a REFI-QDA `Note` (a text source whose content is the memo). */
function note(guid: string, name: string, text: string, created: string | undefined): string {
  return xmlElement('Note', { guid, name, creatingUser: USERS.analyst, creationDateTime: created }, xmlElement('PlainTextContent', {}, xmlText(text)));
}

/** The project's `Notes`: the project memo and each article memo; none, no element (the schema wants one note at least). */
function notesElement(data: ExportData): string {
  const { strings: s, request } = data;
  const created = dateTime(request.created);
  const project = exportMemos(data)?.project;
  const notes = [
    ...(project === undefined ? [] : [note(noteGuid.project, s.projectMemo, project, created)]),
    ...data.articles.flatMap((a) => {
      const memo = articleMemo(data, a.article);
      return memo === undefined ? [] : [note(noteGuid.article(a.article.path), `${s.articleMemo}: ${a.article.path}`, memo, created)];
    }),
  ];
  return notes.length === 0 ? '' : xmlElement('Notes', {}, notes.join(''));
}

function codeBook(data: ExportData): string {
  const { strings: s, request, parts } = data;
  const lang = request.language;
  const codes: string[] = [];
  if (parts.annotations) {
    // The codebook is every tag of the sidecars, used or not, merged by label.
    const tags = new Map<string, { color?: string; description?: string }>();
    for (const a of data.articles) {
      for (const t of a.tags) {
        if (!tags.has(t.label)) tags.set(t.label, { ...(t.color ? { color: t.color } : {}), ...(t.description ? { description: t.description } : {}) });
      }
    }
    for (const item of data.articles.flatMap((a) => a.annotations)) for (const t of item.tags) if (!tags.has(t.label)) tags.set(t.label, {});
    const children = [...tags].map(([label, t]) => {
      // The tag memo of the shared codebook is the code's definition; the sidecar's description when there is none.
      const description = tagMemo(request.codebook, { label, ...(t.description !== undefined && { description: t.description }) });
      return xmlElement('Code', { guid: codeGuid.tag(label), name: label, isCodable: true, color: rgb(codebookColor(request.codebook, label) ?? t.color) },
        description ? xmlElement('Description', {}, xmlText(description)) : undefined);
    });
    if (data.articles.some((a) => a.annotations.some((x) => x.tags.length === 0))) {
      children.push(xmlElement('Code', { guid: codeGuid.untagged, name: s.untagged, isCodable: true }));
    }
    if (children.length > 0) {
      codes.push(xmlElement('Code', { guid: codeGuid.tagsRoot, name: s.tagsCode, isCodable: false }, xmlElement('Description', {}, xmlText(s.tagsCodeDescription)) + children.join('')));
    }
  }
  if (parts.terms) {
    const axes = request.lexicon.axes.map((axis) => xmlElement('Code', { guid: codeGuid.axis(axis.id), name: axis.label[lang], isCodable: false },
      xmlElement('Description', {}, xmlText(axis.definition[lang]))
      + axis.poles.map((pole) => xmlElement('Code', {
        guid: codeGuid.pole(axis.id, pole.id), name: pole.label[lang], isCodable: true,
        color: rgb(data.colors.get(pole.id)),
      }, xmlElement('Description', {}, xmlText(pole.definition[lang])))).join('')));
    codes.push(xmlElement('Code', { guid: codeGuid.termsRoot, name: s.termsCode, isCodable: false }, xmlElement('Description', {}, xmlText(s.termsCodeDescription)) + axes.join('')));
  }
  return codes.length > 0 ? xmlElement('CodeBook', {}, xmlElement('Codes', {}, codes.join(''))) : '';
}

interface Selection {
  readonly start: number;
  readonly xml: string;
}

function coding(selection: string, code: string, user: string, created: string | undefined): string {
  return xmlElement('Coding', { guid: guidOf('coding', selection, code), creatingUser: user, creationDateTime: created }, xmlElement('CodeRef', { targetGUID: code }));
}

/**
 * The GUID of an annotation's selection (its id when that is a UUID). A coder's annotation may carry the same id as
 * the consensus's or another coder's (a copied sidecar): its GUID names the coder.
 */
const annotationGuid = (path: string, id: string, coder?: string): string => (coder !== undefined ? guidOf('annotation', path, coder, id)
  : isUuid(id) ? id.toLowerCase() : guidOf('annotation', path, id));

/**
 * The selections a tension pair links: the annotation's selection where an annotation sits exactly on the end (so a
 * pair made from two annotations links those), otherwise a selection of its own, coded with nothing. An orphaned end
 * has no place in the text, so its pair has no link (counted with the orphans in the summary).
 */
interface PairLinks {
  readonly selections: Selection[];
  readonly links: string[];
}

function pairLinks(data: ExportData, a: ArticleData): PairLinks {
  const { article } = a;
  const placed = a.pairs.filter((p) => p.ends.every((e) => e.state !== 'orphaned'));
  const points = toCodePoints(article.text, placed.flatMap((p) => p.ends.flatMap((e) => [e.start, e.end])), POSITIONS);
  const byRange = new Map(a.annotations.filter((x) => x.state !== 'orphaned').map((x) => [`${x.start}:${x.end}`, annotationGuid(article.path, x.id, x.coder)]));
  const out: PairLinks = { selections: [], links: [] };
  let p = 0;
  for (const pair of placed) {
    const guids = pair.ends.map((end, k) => {
      const start = points[p++] ?? 0;
      const stop = points[p++] ?? 0;
      const known = byRange.get(`${end.start}:${end.end}`);
      if (known) return known;
      const guid = guidOf('pair-end', article.path, pair.id, String(k));
      out.selections.push({ start, xml: xmlElement('PlainTextSelection', { guid, name: clip(end.text, 60), startPosition: start, endPosition: stop, creatingUser: USERS.analyst, creationDateTime: dateTime(pair.created) }) });
      return guid;
    });
    const axis = pair.axis ? data.request.lexicon.axes.find((x) => x.id === pair.axis)?.label[data.request.language] ?? pair.axis : '';
    out.links.push(xmlElement('Link', {
      guid: annotationGuid(article.path, `pair:${pair.id}`), name: [axis, pair.note].filter(Boolean).join(': ') || `${clip(pair.ends[0].text, 20)} ↔ ${clip(pair.ends[1].text, 20)}`,
      direction: 'Bidirectional', originGUID: guids[0], targetGUID: guids[1],
    }));
  }
  return out;
}

function selections(data: ExportData, a: ArticleData): Selection[] {
  const { strings: s, request } = data;
  const { article } = a;
  // Orphans have no place in the text, so no selection; the summary counts them.
  const placed = a.annotations.filter((x) => x.state !== 'orphaned');
  const points = toCodePoints(article.text, [...placed.flatMap((x) => [x.start, x.end]), ...a.terms.flatMap((t) => [t.start, t.end])], POSITIONS);
  let p = 0;
  const out: Selection[] = [];
  for (const item of placed) {
    const start = points[p++] ?? 0;
    const end = points[p++] ?? 0;
    const guid = annotationGuid(article.path, item.id, item.coder);
    const user = creatorOf(item);
    const created = dateTime(item.created);
    const codes = item.tags.length > 0 ? [...new Set(item.tags.map((t) => codeGuid.tag(t.label)))] : [codeGuid.untagged];
    out.push({
      start,
      xml: xmlElement('PlainTextSelection', {
        guid, name: clip(item.text, 60), startPosition: start, endPosition: end, creatingUser: user, creationDateTime: created,
        modifyingUser: user, modifiedDateTime: dateTime(item.modified),
      }, (item.note ? xmlElement('Description', {}, xmlText(item.note)) : '') + codes.map((c) => coding(guid, c, user, created)).join('')),
    });
  }
  const axes = new Map(request.lexicon.axes.map((x) => [x.id, x]));
  for (const term of a.terms) {
    const start = points[p++] ?? 0;
    const end = points[p++] ?? 0;
    const guid = guidOf('term', article.path, term.start, term.end, term.term);
    const axis = axes.get(term.axis);
    const pole = axis?.poles.find((x) => x.id === term.pole);
    const description = fill(s.machineCoding, term.term, axis?.label[request.language] ?? term.axis, pole?.label[request.language] ?? term.pole) + (term.negated ? ` (${s.negated})` : '');
    out.push({
      start,
      xml: xmlElement('PlainTextSelection', { guid, name: term.text, startPosition: start, endPosition: end, creatingUser: USERS.machine, creationDateTime: dateTime(request.created) },
        xmlElement('Description', {}, xmlText(description)) + coding(guid, codeGuid.pole(term.axis, term.pole), USERS.machine, dateTime(request.created))),
    });
  }
  return out.sort((x, y) => x.start - y.start);
}

/** A document variable as a REFI-QDA variable: Date when every value is a whole ISO day, Text otherwise. */
interface QdeVariable {
  readonly name: string;
  readonly guid: string;
  readonly type: 'Date' | 'Text';
}

const ISO_DAY = /^\d{4}-\d\d-\d\d$/;

function variableTypes(data: ExportData): QdeVariable[] {
  return data.variables.map((name) => {
    const values = data.articles.map((a) => a.article.variables?.[name]).filter((v): v is string => v !== undefined);
    return { name, guid: guidOf('variable', name), type: isDateVariable(name) && values.every((v) => ISO_DAY.test(v)) ? 'Date' : 'Text' };
  });
}

/** The project's `Variables`: one per document variable of any article (none: no element, as the schema wants). */
function variablesElement(variables: readonly QdeVariable[]): string {
  if (variables.length === 0) return '';
  return xmlElement('Variables', {}, variables.map((v) => xmlElement('Variable', { guid: v.guid, name: v.name, typeOfVariable: v.type })).join(''));
}

/** A source's values of the variables it has, after its selections (the schema's order). */
function variableValues(a: ArticleData, variables: readonly QdeVariable[]): string {
  return variables.map((v) => {
    const value = a.article.variables?.[v.name];
    if (value === undefined) return '';
    return xmlElement('VariableValue', {}, xmlElement('VariableRef', { targetGUID: v.guid }) + xmlElement(v.type === 'Date' ? 'DateValue' : 'TextValue', {}, xmlText(value)));
  }).join('');
}

/** The coders whose annotations the export holds, in the order first met. */
function coders(data: ExportData): string[] {
  return [...new Set(data.articles.flatMap((a) => a.annotations.flatMap((x) => (x.coder === undefined ? [] : [x.coder]))))];
}

/** The text sources of the project, one per article, named by its path. */
export function qdeSources(data: ExportData): QdeSource[] {
  return data.articles.map((a) => {
    const guid = guidOf('source', a.article.path);
    return { guid, entry: `sources/${guid}.txt`, text: positionText(a.article.text, POSITIONS) };
  });
}

/**
 * `project.qde`: users (the analyst, Tension Lens itself, and each coder whose annotations it holds), the codebook (tags with their colours; axes and
 * poles for the machine codings), and one `TextSource` per article whose `PlainTextSelection`s are the
 * annotations (note as Description, one Coding per tag) and the term occurrences (coded with their pole by the
 * Tension Lens user, described as automatic). Positions: see `POSITIONS`.
 */
export function writeQde(data: ExportData, sources: readonly QdeSource[]): string {
  const { strings: s, request } = data;
  const users = xmlElement('Users', {},
    xmlElement('User', { guid: USERS.analyst, name: s.analystUser })
    + xmlElement('User', { guid: USERS.machine, name: s.machineUser, id: 'tension-lens' })
    + coders(data).map((coder) => xmlElement('User', { guid: coderUser(coder), name: coder, id: coder })).join(''));
  const variables = variableTypes(data);
  const links: string[] = [];
  const textSources = data.articles.map((a, i) => {
    const source = sources[i];
    if (!source) return '';
    const paired = pairLinks(data, a);
    links.push(...paired.links);
    const all = [...selections(data, a), ...paired.selections].sort((x, y) => x.start - y.start);
    return xmlElement('TextSource', { guid: source.guid, name: a.article.path, plainTextPath: `internal://${source.guid}.txt`, creatingUser: USERS.machine, creationDateTime: dateTime(request.created) },
      xmlElement('Description', {}, xmlText(a.article.path)) + all.map((x) => x.xml).join('')
      + (articleMemo(data, a.article) === undefined ? '' : xmlElement('NoteRef', { targetGUID: noteGuid.article(a.article.path) }))
      + variableValues(a, variables));
  }).join('');
  const title = data.articles.length === 1 ? data.articles[0]?.article.path ?? '' : `${data.articles.length} ${s.articles}`;
  const project = xmlElement('Project', {
    xmlns: QDE_NAMESPACE, name: `${s.report}: ${title}`, origin: `${request.generator.name} ${request.generator.version}`,
    creatingUserGUID: USERS.machine, creationDateTime: dateTime(request.created),
  }, users + codeBook(data) + variablesElement(variables) + xmlElement('Sources', {}, textSources) + notesElement(data)
    // Tension pairs as the schema's links between two selections (Links comes after Sources and Notes).
    + (links.length > 0 ? xmlElement('Links', {}, links.join('')) : '')
    + xmlElement('Description', {}, xmlText(`${fill(s.generatedBy, `${request.generator.name} ${request.generator.version}`, displayTime(request.created))}. ${s.positionsNote}`))
    + (exportMemos(data)?.project === undefined ? '' : xmlElement('NoteRef', { targetGUID: noteGuid.project })));
  return `<?xml version="1.0" encoding="utf-8"?>\n${project}\n`;
}
