import { sectionHeatMap } from '../../core/charts';
import { groupSections } from '../../core/dashboard/sections';
import type { ArticleDetail, DashboardAxis, SiteEntry } from '../../core/dashboard/types';
import type { ViewContext } from './context';
import { chart, format, h, onActivate, splitPath, swatch } from './dom';
import { errorText } from './overview';

/** The sentence of a site with its pole terms coloured and its contrast markers emphasised (text nodes only). */
function siteText(site: SiteEntry, axis: DashboardAxis | undefined, context: ViewContext): HTMLElement {
  const marks = [
    ...site.termsA.map((word) => ({ word, className: 'term', color: axis ? context.colors[axis.poles[0].id] : undefined })),
    ...site.termsB.map((word) => ({ word, className: 'term', color: axis ? context.colors[axis.poles[1].id] : undefined })),
    ...site.markers.map((word) => ({ word, className: 'marker', color: undefined })),
  ].filter((m) => m.word.length > 0).sort((a, b) => b.word.length - a.word.length);
  const out = h('span', { class: 'text' });
  let i = 0;
  let plain = '';
  const text = site.text.replace(/\s+/g, ' ');
  while (i < text.length) {
    // Longest mark first at each position, so 闭源商用 wins over 闭源.
    const mark = marks.find((m) => text.startsWith(m.word, i));
    if (!mark) {
      plain += text[i];
      i++;
      continue;
    }
    if (plain) out.append(plain);
    plain = '';
    const span = h('span', { class: mark.className }, mark.word);
    if (mark.color) span.style.color = mark.color;
    out.append(span);
    i += mark.word.length;
  }
  if (plain) out.append(plain);
  return out;
}

/** Past this many tension sites the list is virtual: only the rows in view (and a few around them) are in the DOM. */
export const VIRTUAL_SITES_ABOVE = 200;
/** Height of a row of the virtual list, in px (its text is one line, ellipsised); matches dashboard.css. */
const SITE_ROW_HEIGHT = 56;
/** Height of the virtual list's window, in px: the max-height of the plain list. */
const SITES_WINDOW = 560;
const OVERSCAN = 6;

function siteItem(detail: ArticleDetail, i: number, axes: ReadonlyMap<string, DashboardAxis>, context: ViewContext): HTMLLIElement {
  const s = context.data.strings;
  const site = detail.sites[i] as SiteEntry;
  const axis = axes.get(site.axis);
  const button = h('button', { type: 'button', class: 'site', 'data-key': `site:${i}` },
    h('span', { class: 'where' }, format(s.line, site.line + 1)),
    h('span', { class: 'axis' }, axis ? axis.label[context.language] : site.axis),
    siteText(site, axis, context),
    site.markers.length > 0 && h('span', { class: 'markers' }, site.markers.join(' ')));
  button.addEventListener('click', () => context.post({ type: 'reveal', path: detail.path, start: site.start, end: site.end }));
  return h('li', { 'aria-setsize': detail.sites.length, 'aria-posinset': i + 1 }, button);
}

/**
 * A long list of sites as a window over fixed-height rows: a spacer as tall as every row, and the rows in view
 * (plus a few) placed on it, swapped as the window scrolls. A 10 MB article has tens of thousands of sites.
 */
function virtualSites(detail: ArticleDetail, axes: ReadonlyMap<string, DashboardAxis>, context: ViewContext): HTMLElement {
  const total = detail.sites.length;
  const list = h('ol', { class: 'sites' });
  const spacer = h('div', { class: 'sites-spacer' }, list);
  spacer.style.height = `${total * SITE_ROW_HEIGHT}px`;
  const viewport = h('div', { class: 'sites-window', 'data-key': 'sites-window' }, spacer);
  viewport.style.maxHeight = `${SITES_WINDOW}px`;
  let shown = '';
  const draw = (): void => {
    const first = Math.max(0, Math.floor(viewport.scrollTop / SITE_ROW_HEIGHT) - OVERSCAN);
    const last = Math.min(total, first + Math.ceil(SITES_WINDOW / SITE_ROW_HEIGHT) + 2 * OVERSCAN);
    if (shown === `${first}:${last}`) return;
    shown = `${first}:${last}`;
    list.style.top = `${first * SITE_ROW_HEIGHT}px`;
    const items: HTMLLIElement[] = [];
    for (let i = first; i < last; i++) items.push(siteItem(detail, i, axes, context));
    list.replaceChildren(...items);
  };
  let frame = 0;
  viewport.addEventListener('scroll', () => {
    if (frame === 0) frame = requestAnimationFrame(() => {
      frame = 0;
      draw();
    });
  });
  draw();
  return viewport;
}

function sitesSection(detail: ArticleDetail, context: ViewContext): HTMLElement {
  const s = context.data.strings;
  const axes = new Map(context.data.model.axes.map((a) => [a.id, a]));
  const list = detail.sites.length > VIRTUAL_SITES_ABOVE ? virtualSites(detail, axes, context)
    : h('ol', { class: 'sites' }, ...detail.sites.map((_, i) => siteItem(detail, i, axes, context)));
  return h('section', { class: 'card sites-card', 'aria-label': s.sites },
    h('h3', {}, s.sites, h('span', { class: 'count' }, String(detail.sites.length))),
    detail.sites.length > 0 ? list : h('p', { class: 'empty' }, s.noSites));
}

function termsSection(detail: ArticleDetail, context: ViewContext): HTMLElement {
  const s = context.data.strings;
  const axes = context.data.model.axes.filter((a) => a.poles.some((p) => (detail.topTerms[p.id]?.length ?? 0) > 0));
  const pole = (id: string, label: string): HTMLElement => h('div', { class: 'pole' },
    h('div', { class: 'pole-name' }, swatch(context.colors[id]), label),
    h('ul', {}, ...(detail.topTerms[id] ?? []).map((t) => h('li', {}, h('span', { class: 'term' }, t.text), h('span', { class: 'times' }, `×${t.count}`)))));
  return h('section', { class: 'card terms-card', 'aria-label': s.topTerms },
    h('h3', {}, s.topTerms),
    ...axes.map((axis) => h('div', { class: 'axis-terms' },
      h('div', { class: 'axis-name' }, axis.label[context.language]),
      h('div', { class: 'poles' }, pole(axis.poles[0].id, axis.poles[0].label[context.language]), pole(axis.poles[1].id, axis.poles[1].label[context.language])))));
}

function annotationsSection(detail: ArticleDetail, context: ViewContext): HTMLElement {
  const s = context.data.strings;
  const summary = detail.annotations;
  const tags = summary ? [...summary.byTag.map((t) => ({ label: t.label, count: t.count })), ...(summary.untagged > 0 ? [{ label: s.untagged, count: summary.untagged }] : [])] : [];
  const max = Math.max(1, ...tags.map((t) => t.count));
  return h('section', { class: 'card annotations-card', 'aria-label': s.annotationsByTag },
    h('h3', {}, s.annotationsByTag, h('span', { class: 'count' }, String(summary?.count ?? 0))),
    tags.length === 0 ? h('p', { class: 'empty' }, s.noAnnotations) : h('ul', { class: 'tags' }, ...tags.map((t) => {
      const bar = h('span', { class: 'bar' });
      bar.style.width = `${Math.round((t.count / max) * 100)}%`;
      return h('li', {}, h('span', { class: 'tag' }, t.label), h('span', { class: 'meter' }, bar), h('span', { class: 'times' }, String(t.count)));
    })));
}

/** Section rows of the heat map act as buttons: click, Enter or Space reveals the section in the editor. */
function linkSections(holder: HTMLElement, detail: ArticleDetail, context: ViewContext): void {
  // The chart's rows are the sections as grouped for display (a long article's neighbours share a row).
  const sections = groupSections(detail.sections);
  for (const group of Array.from(holder.querySelectorAll<SVGGElement>('g[data-row]'))) {
    const section = sections[Number(group.getAttribute('data-row'))];
    if (!section) continue;
    group.setAttribute('tabindex', '0');
    group.setAttribute('role', 'button');
    group.setAttribute('data-key', `section:${group.getAttribute('data-row') ?? ''}`);
    group.setAttribute('aria-label', section.title || context.data.strings.beforeFirstHeading);
    group.classList.add('section-link');
    onActivate(group as unknown as HTMLElement, () => context.post({ type: 'reveal', path: detail.path, start: section.start, end: section.start }));
  }
}

/** The last article view drawn, reused while nothing it shows has changed (an unrelated file changed the overview). */
let drawn: { detail: ArticleDetail; key: string; nodes: Node[]; count: number } | undefined;

const drawKey = (context: ViewContext): string => `${context.width}|${JSON.stringify(context.colors)}|${context.language}`;

/**
 * The number of items of the article view on the page when it shows exactly what `context` would draw (so the page
 * can leave it in place, laid out as it is); undefined when it must be drawn.
 */
export function articleOnPage(context: ViewContext): number | undefined {
  const detail = context.data.article;
  const first = drawn?.nodes[0];
  return detail && drawn?.detail === detail && drawn.key === drawKey(context) && first?.isConnected ? drawn.count : undefined;
}

/**
 * The article view of the active article: section profile, tension sites, top terms, annotations by tag. Drawn
 * again only when the article, the width or the colours changed; otherwise the same elements are put back.
 */
export function renderArticle(root: HTMLElement, context: ViewContext): number {
  const detail = context.data.article;
  const key = drawKey(context);
  if (detail && drawn?.detail === detail && drawn.key === key) {
    root.append(...drawn.nodes);
    return drawn.count;
  }
  const count = drawArticle(root, context);
  drawn = detail ? { detail, key, nodes: Array.from(root.childNodes), count } : undefined;
  return count;
}

function drawArticle(root: HTMLElement, context: ViewContext): number {
  const s = context.data.strings;
  const detail = context.data.article;
  if (!detail) {
    root.append(h('p', { class: 'empty' }, s.noArticle));
    return 0;
  }
  const { name, folder } = splitPath(detail.path);
  const open = h('button', { type: 'button', class: 'link', 'data-key': 'open-article' }, format(s.openArticle, name));
  open.addEventListener('click', () => context.post({ type: 'open', path: detail.path }));
  const row = detail.row;
  root.append(h('header', { class: 'article-head' },
    h('h2', {}, name, folder && h('span', { class: 'folder' }, ` ${folder}`)),
    h('p', { class: 'meta' }, row.error ? errorText(row.error, s) : `${s.colTerms} ${row.terms} · ${s.colSites} ${row.sites} · ${s.colBalance} ${row.balance.toFixed(2)} · ${s.colAnnotations} ${row.annotations}`),
    open));
  if (row.error) return 0;
  const heat = chart(sectionHeatMap(detail, context.data.model.axes, context.colors, context.theme, context.language, { title: s.profileBySection, beforeFirstHeading: s.beforeFirstHeading, sectionGroup: s.sectionGroup, width: context.width }), 'heatmap');
  linkSections(heat, detail, context);
  root.append(
    h('section', { class: 'card profile-card', 'aria-label': s.profileBySection }, h('h3', {}, s.profileBySection), h('p', { class: 'hint' }, s.profileHint), heat),
    h('div', { class: 'columns' }, sitesSection(detail, context), h('div', { class: 'stack' }, termsSection(detail, context), annotationsSection(detail, context))),
  );
  return groupSections(detail.sections).length;
}
