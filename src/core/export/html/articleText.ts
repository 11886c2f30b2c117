import { escapeXml as esc } from '../../charts/svg';
import { lineStarts } from '../../text/lines';
import type { ArticleData, ExportData } from '../collect';
import { poleClass } from './styles';

/** A range to draw: a term (pole class and tooltip) or an annotation (number, colour, tooltip). */
interface Span {
  readonly start: number;
  readonly end: number;
  readonly kind: 'term' | 'annotation';
  readonly className: string;
  readonly title: string;
  /** Annotations: the number shown after it, and its tag colour. */
  readonly number?: number;
  readonly color?: string;
}

const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i;

/** A tag colour for a style attribute, or undefined for anything that is not a plain hex colour. */
export function safeColor(color: string | undefined): string | undefined {
  return color && HEX.test(color) ? color : undefined;
}

/** The spans of an article: its term hits and its placed annotations (numbered in text order, from 1). */
export function articleSpans(data: ExportData, a: ArticleData): { spans: Span[]; numbers: Map<string, number> } {
  const { request } = data;
  const lang = request.language;
  const poleIndex = new Map(data.axes.flatMap((axis) => axis.poles.map((p) => p.id)).map((id, i) => [id, i]));
  const terms = new Map(request.lexicon.axes.flatMap((axis) => axis.poles.flatMap((pole) => pole.terms.map((t) => [t.id, { t, axis, pole }] as const))));
  const spans: Span[] = a.article.analysis.hits.map((hit) => {
    const found = terms.get(hit.term);
    const title = found
      ? `${found.t.label[lang]}${found.t.pinyin ? ` (${found.t.pinyin})` : ''} — ${found.pole.label[lang]} · ${found.axis.label[lang]}${hit.negated ? ` · ${data.strings.negated}` : ''}`
      : `${hit.term} — ${hit.pole}`;
    return { start: hit.start, end: hit.end, kind: 'term', className: `t ${poleClass(poleIndex.get(hit.pole) ?? 0)}`, title };
  });
  const numbers = new Map<string, number>();
  for (const item of a.annotations) {
    if (item.state === 'orphaned' || item.end <= item.start) continue;
    const number = numbers.size + 1;
    numbers.set(item.id, number);
    const labels = item.tags.map((t) => t.label).join(', ');
    const color = safeColor(item.tags.find((t) => safeColor(t.color))?.color);
    spans.push({
      start: item.start, end: item.end, kind: 'annotation', className: 'a', number,
      title: [labels || data.strings.untagged, item.note].filter((x) => x).join('\n'), ...(color ? { color } : {}),
    });
  }
  return { spans, numbers };
}

/** Opening tag of a span; the annotation anchor id goes on its first piece only. */
function open(span: Span, prefix: string, first: boolean): string {
  if (span.kind === 'term') return `<span class="${span.className}" title="${esc(span.title)}">`;
  const style = span.color ? ` style="--tag:${span.color}"` : '';
  const id = first ? ` id="${prefix}a${span.number ?? 0}"` : '';
  return `<mark class="a"${id}${style} title="${esc(span.title)}">`;
}

function close(span: Span): string {
  return span.kind === 'term' ? '</span>' : '</mark>';
}

/**
 * The article as HTML, line by line (`<span class="ln" id="<prefix>L<n>">`, so line links work): term hits in their
 * pole's colours, annotations underlined in their tag's colour with their number after them (a link to the note).
 * Headings (from the analysis' sections) are set bold, their Markdown `#` muted. Spans that cross a line end or
 * each other are cut into pieces, so the markup always nests.
 */
export function articleHtml(data: ExportData, a: ArticleData, prefix: string): string {
  const { text, analysis } = a.article;
  const { spans } = articleSpans(data, a);
  const headings = new Set(analysis.sections.filter((s) => s.level > 0).map((s) => s.headingRange.start));
  const starts = lineStarts(text);
  const firstPiece = new Set<Span>();
  const numbered = new Set<Span>();
  const out: string[] = [];
  // Spans sorted by start; `active` are those that may still cover the current line.
  const sorted = [...spans].sort((x, y) => x.start - y.start || y.end - x.end);
  let next = 0;
  let active: Span[] = [];
  starts.forEach((lineStart, n) => {
    const lineEnd = n + 1 < starts.length ? (starts[n + 1] ?? text.length) : text.length;
    const content = text.slice(lineStart, lineEnd).replace(/\r?\n$|\r$/, '');
    const end = lineStart + content.length;
    while (next < sorted.length && (sorted[next]?.start ?? Infinity) < end) active.push(sorted[next++] as Span);
    active = active.filter((s) => s.end > lineStart);
    const here = active.filter((s) => s.start < end && s.end > lineStart);
    const cuts = new Set([lineStart, end]);
    for (const s of here) {
      cuts.add(Math.max(s.start, lineStart));
      cuts.add(Math.min(s.end, end));
    }
    const points = [...cuts].sort((x, y) => x - y);
    let html = '';
    const isHeading = [...headings].some((h) => h >= lineStart && h < Math.max(end, lineStart + 1));
    for (let i = 0; i + 1 < points.length; i++) {
      const from = points[i] ?? 0;
      const to = points[i + 1] ?? 0;
      if (to <= from) continue;
      // Annotations outside, terms inside: a term's colour stays visible under an annotation's underline.
      const covering = here.filter((s) => s.start <= from && s.end >= to).sort((x, y) => (x.kind === y.kind ? x.start - y.start : x.kind === 'annotation' ? -1 : 1));
      let piece = esc(text.slice(from, to));
      // The Markdown marks of a heading (`## `, and `> ` in a quote) are shown muted: the text stays as written.
      if (isHeading && from === lineStart) piece = piece.replace(/^((?:&gt;\s*)*#{1,6}\s+)/, '<span class="md">$1</span>');
      for (const s of [...covering].reverse()) {
        piece = open(s, prefix, !firstPiece.has(s)) + piece + close(s);
        firstPiece.add(s);
      }
      html += piece;
      // The number goes after the annotation's last piece: where it ends, or at the line's end when it ends in the
      // line break (a selection that took the newline along).
      for (const s of here) {
        if (s.kind !== 'annotation' || numbered.has(s) || !(s.end === to || (to === end && s.end <= lineEnd))) continue;
        numbered.add(s);
        html += `<sup class="a-ref"${s.color ? ` style="--tag:${s.color}"` : ''}><a href="#${prefix}n${s.number ?? 0}">${s.number ?? 0}</a></sup>`;
      }
    }
    out.push(`<span class="ln${isHeading ? ' h' : ''}" id="${prefix}L${n + 1}">${html}</span>`);
  });
  return out.join('');
}
