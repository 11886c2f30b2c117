import { type ChartTheme, LIGHT_THEME, type PoleColorMap, divergingBars, escapeXml as esc, poleColorMap, sectionHeatMap } from '../../charts';
import { poleColors } from '../../lexicon/palette';
import type { ArticleData, ExportData } from '../collect';
import { groupByTag } from '../shared';
import { articleMemo, exportMemos } from '../memos';
import { displayTime, fill } from '../strings';
import { articleHtml, articleSpans, safeColor } from './articleText';
import { concordanceSection, cooccurrenceSection, groupsSection } from './corpusSections';
import { poleClass, reportCss } from './styles';

/** The chart theme of the dark page: the same greys as the page's dark variables. */
const DARK_THEME: ChartTheme = { ...LIGHT_THEME, text: '#e6edf3', muted: '#9198a1', grid: '#30363d', background: '#161b22' };

interface Palette {
  readonly light: PoleColorMap;
  readonly dark: PoleColorMap;
  /** Pole id → its index, for the `p<n>` classes. */
  readonly index: ReadonlyMap<string, number>;
}

/** A chart drawn for both pages; CSS shows the one that matches (print always takes the light one). */
function chart(draw: (colors: PoleColorMap, theme: ChartTheme, dark: boolean) => string, palette: Palette, className: string): string {
  return `<div class="chart chart-light ${className}">${draw(palette.light, LIGHT_THEME, false)}</div><div class="chart chart-dark ${className}">${draw(palette.dark, DARK_THEME, true)}</div>`;
}

const card = (className: string, title: string, count: number | undefined, body: string): string =>
  `<section class="card ${className}"><h3>${esc(title)}${count === undefined ? '' : `<span class="count">${count}</span>`}</h3>${body}</section>`;

function balanceCard(data: ExportData, a: ArticleData, palette: Palette): string {
  const { strings: s, request } = data;
  const lang = request.language;
  const draw = (colors: PoleColorMap, theme: ChartTheme): string => divergingBars(data.axes.map((axis, i) => {
    const count = a.detail.row.axes[i] ?? { a: 0, b: 0 };
    return {
      label: axis.label[lang], a: count.a, b: count.b,
      colorA: colors[axis.poles[0].id] ?? theme.muted, colorB: colors[axis.poles[1].id] ?? theme.muted,
      titleA: `${axis.poles[0].label[lang]}: ${count.a}`, titleB: `${axis.poles[1].label[lang]}: ${count.b}`,
    };
  }), { title: s.balanceChart, width: 760, rowHeight: 18, gap: 10, labelWidth: 200, showValues: true, theme });
  return card('balance-card', s.countsByAxis, a.detail.row.terms, `<p class="hint">${esc(s.balanceChart)}</p>${chart(draw, palette, 'bars')}`);
}

function profileCard(data: ExportData, a: ArticleData, palette: Palette): string {
  const { strings: s, request } = data;
  const labels = { title: s.profileBySection, beforeFirstHeading: s.beforeFirstHeading };
  const draw = (colors: PoleColorMap, theme: ChartTheme): string => sectionHeatMap(a.detail, data.axes, colors, theme, request.language, labels);
  return card('profile-card', s.profileBySection, undefined, `<p class="hint">${esc(s.profileHint)}</p>${chart(draw, palette, 'heatmap')}`);
}

function termsCard(data: ExportData, a: ArticleData, palette: Palette): string {
  const { strings: s, request } = data;
  const lang = request.language;
  const pole = (id: string, label: string): string => {
    const terms = a.detail.topTerms[id] ?? [];
    const cls = poleClass(palette.index.get(id) ?? 0);
    return `<div><div class="chips"><span class="sw ${cls}"></span><strong class="fg ${cls}">${esc(label)}</strong></div><div class="chips">${
      terms.length === 0 ? '<span class="times">—</span>' : terms.map((t) => `<span class="chip t ${cls}">${esc(t.text)}<span class="times">×${t.count}</span></span>`).join('')}</div></div>`;
  };
  const axes = data.axes.filter((axis) => axis.poles.some((p) => (a.detail.topTerms[p.id]?.length ?? 0) > 0));
  const body = axes.length === 0 ? `<p class="empty">${esc(s.noTerms)}</p>` : axes.map((axis) => `<div class="axis-terms"><div class="axis-name">${esc(axis.label[lang])}</div>${
    pole(axis.poles[0].id, axis.poles[0].label[lang])}${pole(axis.poles[1].id, axis.poles[1].label[lang])}</div>`).join('');
  return card('terms-card', s.topTerms, undefined, body);
}

/** A site's sentence with its pole terms in their colours and its contrast markers bold, from the analysis' offsets. */
function siteSentence(a: ArticleData, siteIndex: number, palette: Palette): string {
  const { text, analysis } = a.article;
  const site = analysis.sites[siteIndex];
  if (!site) return '';
  const marks = [
    ...[...site.poleA, ...site.poleB].map((i) => analysis.hits[i]).filter((h) => h !== undefined)
      .map((h) => ({ start: h.start, end: h.end, cls: `t ${poleClass(palette.index.get(h.pole) ?? 0)}` })),
    ...site.markers.map((m) => ({ start: m.start, end: m.end, cls: 'marker' })),
  ].filter((m) => m.start >= site.start && m.end <= site.end).sort((x, y) => x.start - y.start);
  let html = '';
  let at = site.start;
  for (const m of marks) {
    if (m.start < at) continue; // a marker inside a term (or the reverse): the first one wins
    html += esc(text.slice(at, m.start).replace(/\s+/g, ' '));
    html += `<span class="${m.cls}">${esc(text.slice(m.start, m.end))}</span>`;
    at = m.end;
  }
  html += esc(text.slice(at, site.end).replace(/\s+/g, ' '));
  return html.trim();
}

function sitesCard(data: ExportData, a: ArticleData, palette: Palette, prefix: string): string {
  const { strings: s, request } = data;
  const axes = new Map(data.axes.map((x) => [x.id, x]));
  const items = a.sites.map((site, i) => `<li><a class="where" href="#${prefix}L${site.line}">${esc(s.line)} ${site.line}</a><span class="axis-tag">${
    esc(axes.get(site.axis)?.label[request.language] ?? site.axis)}</span><span class="quote">${siteSentence(a, i, palette)}</span></li>`);
  return card('sites-card', s.tensionSites, a.sites.length, items.length === 0 ? `<p class="empty">${esc(s.noSites)}</p>` : `<ol class="sites">${items.join('')}</ol>`);
}

function annotationsCard(data: ExportData, a: ArticleData, prefix: string): string {
  const { strings: s } = data;
  const { numbers } = articleSpans(data, a);
  const listed = new Set<string>();
  const groups = groupByTag(a.annotations, s.untagged).map((group) => {
    const color = safeColor(group.color);
    const style = color ? ` style="--tag:${color}"` : '';
    const items = group.items.map((item) => {
      const number = numbers.get(item.id);
      // The first listing of an annotation is the target of its number in the text.
      const id = number !== undefined && !listed.has(item.id) ? ` id="${prefix}n${number}"` : '';
      listed.add(item.id);
      const where = number === undefined ? `<span class="orphan">${esc(s.orphaned)}</span>`
        : `<a class="where" href="#${prefix}a${number}">[${number}] ${esc(s.line)} ${item.line}</a>`;
      return `<li${id}${style}>${where}<span class="quote">“${esc(item.text.replace(/\s+/g, ' ').trim())}”</span>${item.note ? `<p class="note">${esc(item.note)}</p>` : ''}</li>`;
    });
    return `<div class="tag-group"><h4><span class="sw"${style}></span>${esc(group.label)} <span class="badge">${group.items.length}</span></h4><ul class="notes">${items.join('')}</ul></div>`;
  });
  return card('annotations-card', s.annotationsByTag, a.annotations.length, groups.length === 0 ? `<p class="empty">${esc(s.noAnnotations)}</p>` : groups.join(''));
}

/** The article memo, when its sidecar has one. */
function articleMemoCard(data: ExportData, a: ArticleData): string {
  const memo = articleMemo(data, a.article);
  return memo === undefined ? '' : card('memo-card', data.strings.articleMemo, undefined, `<p class="note">${esc(memo)}</p>`);
}

/** The project memo and the tag definitions (the codebook's memos), before the articles. */
function memosCard(data: ExportData): string {
  const memos = exportMemos(data);
  if (!memos) return '';
  const { strings: s } = data;
  const project = memos.project === undefined ? '' : `<h4>${esc(s.projectMemo)}</h4><p class="note">${esc(memos.project)}</p>`;
  const tags = memos.tags.length === 0 ? '' : `<h4>${esc(s.tagDefinitions)}</h4><dl class="tag-definitions">${memos.tags.map((t) => {
    const color = safeColor(t.color);
    return `<dt><span class="sw"${color ? ` style="--tag:${color}"` : ''}></span>${esc(t.label)}</dt><dd class="note">${esc(t.description)}</dd>`;
  }).join('')}</dl>`;
  return card('memos-card', s.memos, undefined, project + tags);
}

/** The tension pairs: both ends quoted with links to their lines (an orphaned end said so), the axis and the note. */
function pairsCard(data: ExportData, a: ArticleData, prefix: string): string {
  const { strings: s, request } = data;
  const axes = new Map(data.axes.map((x) => [x.id, x]));
  const end = (e: ArticleData['pairs'][number]['ends'][number]): string => `${e.state === 'orphaned' ? `<span class="orphan">${esc(s.orphaned)}</span>`
    : `<a class="where" href="#${prefix}L${e.line}">${esc(s.line)} ${e.line}</a>`}<span class="quote">“${esc(e.text.replace(/\s+/g, ' ').trim())}”</span>`;
  const items = a.pairs.map((p) => `<li class="pair">${end(p.ends[0])} <span class="link">↔</span> ${end(p.ends[1])}<span class="axis-tag">${
    esc(p.axis ? axes.get(p.axis)?.label[request.language] ?? p.axis : s.noAxis)}</span>${p.note ? `<p class="note">${esc(p.note)}</p>` : ''}</li>`);
  return card('pairs-card', s.tensionPairs, a.pairs.length, `<ul class="notes pairs">${items.join('')}</ul>`);
}

function textCard(data: ExportData, a: ArticleData, palette: Palette, prefix: string): string {
  const { request, strings: s } = data;
  const used = new Set(a.article.analysis.hits.map((h) => h.pole));
  const legend = data.axes.flatMap((axis) => axis.poles.filter((p) => used.has(p.id)).map((p) =>
    `<span><span class="sw ${poleClass(palette.index.get(p.id) ?? 0)}"></span>${esc(p.label[request.language])}</span>`)).join('');
  return card('text-card', s.article, undefined, `<div class="legend">${legend}</div><div class="text">${articleHtml(data, a, prefix)}</div>`);
}

function articleReport(data: ExportData, a: ArticleData, palette: Palette, prefix: string): string {
  return [
    balanceCard(data, a, palette),
    profileCard(data, a, palette),
    termsCard(data, a, palette),
    sitesCard(data, a, palette, prefix),
    articleMemoCard(data, a),
    annotationsCard(data, a, prefix),
    // Only when there are pairs, so a report without them is the same as before.
    ...(a.pairs.length > 0 ? [pairsCard(data, a, prefix)] : []),
    textCard(data, a, palette, prefix),
  ].join('\n');
}

/**
 * The HTML report: one self-contained file (inline CSS and SVG, no script, nothing fetched) with, per article, the
 * per-axis balance chart, the per-section tension profile (the dashboard's chart functions, drawn for a light and a
 * dark page), the top terms per pole, the tension sites, the annotations by tag with their notes, and the article
 * itself with its terms and annotations highlighted. Every text from the articles, sidecars and lexicon is escaped.
 */
export function writeHtml(data: ExportData): string {
  const { strings: s, request } = data;
  const colors = poleColors(request.lexicon);
  const palette: Palette = {
    light: poleColorMap(colors, 'light', false), dark: poleColorMap(colors, 'dark', false),
    index: new Map(colors.map((c, i) => [c.pole, i])),
  };
  const single = data.articles.length === 1 ? data.articles[0] : undefined;
  const generator = `${request.generator.name} ${request.generator.version}`;
  const total = (f: (a: ArticleData) => number): number => data.articles.reduce((n, a) => n + f(a), 0);
  const totals = [
    ...(single ? [] : [[s.articles, data.articles.length] as const]),
    [s.terms, data.totals.total] as const, [s.sites, total((a) => a.sites.length)] as const, [s.annotations, total((a) => a.annotations.length)] as const,
  ].map(([label, n]) => `<div><dt>${esc(label)}</dt><dd>${n}</dd></div>`).join('');
  const body = single
    ? articleReport(data, single, palette, 'f0-')
    : `<nav class="toc card"><h3>${esc(s.contents)}</h3><ol>${data.articles.map((a, i) => `<li><a href="#f${i}">${esc(a.article.path)}</a></li>`).join('')}</ol></nav>`
      + data.articles.map((a, i) => `<section id="f${i}"><h2 class="article-title">${esc(a.article.path)}</h2>${articleReport(data, a, palette, `f${i}-`)}</section>`).join('\n');
  // The sections over all the articles (asked for with the request's groupBy, cooccurrence and concordance), before them.
  const both = (draw: (colors: PoleColorMap, theme: ChartTheme, dark: boolean) => string, className: string): string => chart(draw, palette, className);
  const prefixOf = new Map(data.articles.map((a, i) => [a.article.path, single ? 'f0-' : `f${i}-`]));
  const corpus = [
    groupsSection(data, both),
    cooccurrenceSection(data, both),
    concordanceSection(data, (path, line) => (prefixOf.has(path) ? `#${prefixOf.get(path) ?? ''}L${line}` : undefined)),
  ].filter((x) => x !== '').join('\n');
  const skipped = request.skipped ?? [];
  const skippedCard = skipped.length === 0 ? '' : card('skipped-card', s.skipped, skipped.length, `<ul>${skipped.map((p) => `<li><strong>${esc(p.path)}</strong>: ${esc(p.message)}</li>`).join('')}</ul>`);
  const title = `${s.report}${single ? ` · ${single.article.path}` : ''}`;
  return `<!DOCTYPE html>
<html lang="${request.language === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="generator" content="${esc(generator)}">
<title>${esc(title)}</title>
<style>${reportCss(colors)}</style>
</head>
<body>
<div class="page">
<header class="doc-head"><h1>${esc(s.report)}${single ? `<span class="path">${esc(single.article.path)}</span>` : ''}</h1>
<p class="meta">${esc(fill(s.generatedBy, generator, displayTime(request.created)))}</p>
<dl class="totals">${totals}</dl></header>
<main>
${corpus}
${memosCard(data)}${body}
${skippedCard}
</main>
<footer>${esc(fill(s.generatedBy, generator, displayTime(request.created)))}</footer>
</div>
</body>
</html>
`;
}
