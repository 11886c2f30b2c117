import type { ArticleData, ExportData } from './collect';
import { articleMemo, exportMemos } from './memos';
import { groupByTag, lineHref, poleLabel } from './shared';
import { displayTime, fill } from './strings';
import { groupsMarkdown } from './groupsMarkdown';

/** Text as literal Markdown: punctuation that could start markup is backslash-escaped, whitespace runs collapsed. */
export function mdText(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/[\\`*_[\]<>|~&#!]/g, '\\$&');
}

/** A link destination in angle brackets (so spaces and Chinese need no encoding). */
function mdHref(href: string): string {
  return `<${href.replace(/[<>\n\r]/g, encodeURIComponent)}>`;
}

function lineLink(data: ExportData, a: ArticleData, line: number): string {
  return `[${mdText(`${data.strings.line} ${line}`)}](${mdHref(lineHref(a.article, line))})`;
}

function countsTable(data: ExportData, a: ArticleData): string[] {
  const { strings: s, request } = data;
  const lang = request.language;
  const rows = data.axes.map((axis, i) => {
    const count = a.detail.row.axes[i] ?? { a: 0, b: 0 };
    return `| ${mdText(axis.label[lang])} | ${mdText(axis.poles[0].label[lang])} | ${count.a} | ${mdText(axis.poles[1].label[lang])} | ${count.b} | ${count.a + count.b} |`;
  });
  return [`| ${s.axis} | ${s.pole} | | ${s.pole} | | ${s.total} |`, '| --- | --- | ---: | --- | ---: | ---: |', ...rows];
}

function topTerms(data: ExportData, a: ArticleData): string[] {
  const { strings: s, request } = data;
  const lang = request.language;
  const rows: string[] = [];
  for (const axis of data.axes) {
    for (const pole of axis.poles) {
      const terms = a.detail.topTerms[pole.id] ?? [];
      if (terms.length > 0) rows.push(`| ${mdText(axis.label[lang])} | ${mdText(pole.label[lang])} | ${terms.map((t) => `${mdText(t.text)} ×${t.count}`).join(lang === 'zh' ? '、' : ', ')} |`);
    }
  }
  return rows.length === 0 ? [s.noTerms] : [`| ${s.axis} | ${s.pole} | ${s.topTerms} |`, '| --- | --- | --- |', ...rows];
}

function sites(data: ExportData, a: ArticleData): string[] {
  const { strings: s, request } = data;
  if (a.sites.length === 0) return [s.noSites];
  const axes = new Map(data.axes.map((x) => [x.id, x]));
  return a.sites.flatMap((site, i) => {
    const axis = axes.get(site.axis);
    const poles = [site.poleA, site.poleB].map((p) => `${mdText(poleLabel(data, p.pole))}: ${p.terms.map(mdText).join(request.language === 'zh' ? '、' : ', ')}`);
    const markers = site.markers.length > 0 ? ` · ${s.markers}: ${site.markers.map(mdText).join(' ')}` : '';
    return [`${i + 1}. ${lineLink(data, a, site.line)} · **${mdText(axis ? axis.label[request.language] : site.axis)}** — ${poles.join(' · ')}${markers}`, `   > ${mdText(site.text)}`];
  });
}

function annotations(data: ExportData, a: ArticleData, level: number): string[] {
  const { strings: s } = data;
  if (a.annotations.length === 0) return [s.noAnnotations];
  const out: string[] = [];
  for (const group of groupByTag(a.annotations, s.untagged)) {
    out.push(`${'#'.repeat(level)} ${mdText(group.label)} (${group.items.length})`, '');
    for (const item of group.items) {
      const where = item.state === 'orphaned' ? `*${mdText(s.orphaned)}*` : lineLink(data, a, item.line);
      out.push(`- ${where} “${mdText(item.text)}”`);
      for (const line of item.note.split(/\r\n?|\n/)) if (line.trim()) out.push(`  ${mdText(line)}`);
    }
    out.push('');
  }
  return out;
}

function occurrences(data: ExportData, a: ArticleData): string[] {
  const { strings: s, request } = data;
  if (a.terms.length === 0) return [s.noTerms];
  const axes = new Map(data.axes.map((x) => [x.id, x]));
  return [
    `| ${s.line} | ${s.term} | ${s.axis} | ${s.pole} | ${s.context} |`, '| ---: | --- | --- | --- | --- |',
    ...a.terms.map((t) => `| ${lineLink(data, a, t.line)} | ${mdText(t.text)}${t.negated ? ` (${s.negated})` : ''} | ${mdText(axes.get(t.axis)?.label[request.language] ?? t.axis)} | ${mdText(poleLabel(data, t.pole))} | ${mdText(t.context)} |`),
  ];
}

/** A memo as Markdown paragraphs: each line escaped, line breaks kept. */
function memoLines(memo: string): string[] {
  return memo.split(/\r\n?|\n/).map((line) => (line.trim() ? `${mdText(line)}  ` : ''));
}

/** The project memo and the tag definitions, before the articles. */
function memosSection(data: ExportData): string[] {
  const memos = exportMemos(data);
  if (!memos) return [];
  const { strings: s } = data;
  const out = [`## ${s.memos}`, ''];
  if (memos.project !== undefined) out.push(`### ${s.projectMemo}`, '', ...memoLines(memos.project), '');
  if (memos.tags.length > 0) {
    out.push(`### ${s.tagDefinitions}`, '');
    for (const t of memos.tags) {
      const [first = '', ...rest] = memoLines(t.description).filter((l) => l !== '');
      out.push(`- **${mdText(t.label)}**: ${first}`, ...rest.map((l) => `  ${l}`));
    }
    out.push('');
  }
  return out;
}

function articleSection(data: ExportData, a: ArticleData, level: number): string[] {
  const { strings: s, parts } = data;
  const h = (text: string): string => `${'#'.repeat(level)} ${text}`;
  const out: string[] = [];
  const add = (title: string, body: string[]): void => {
    out.push(h(title), '', ...body, '');
  };
  if (parts.stats) {
    add(s.countsByAxis, countsTable(data, a));
    add(s.topTerms, topTerms(data, a));
  }
  if (parts.sites) add(`${s.tensionSites} (${a.sites.length})`, sites(data, a));
  const memo = articleMemo(data, a.article);
  if (memo !== undefined) add(s.articleMemo, memoLines(memo));
  if (parts.annotations) add(`${s.annotationsByTag} (${a.annotations.length})`, annotations(data, a, level + 1));
  if (parts.terms && data.request.what === 'terms') add(`${s.occurrences} (${a.terms.length})`, occurrences(data, a));
  return out;
}

/**
 * The Markdown export: a readable report — counts per axis, top terms per pole, tension sites quoted with line
 * links, annotations grouped by tag with their notes — in the parts `what` asks for. Line links point at
 * `article.href` with `#L<line>`, which VS Code and GitHub resolve.
 */
export function writeMarkdown(data: ExportData): string {
  const { strings: s, request } = data;
  const single = data.articles.length === 1 ? data.articles[0] : undefined;
  const out: string[] = [`# ${s.report}${single ? ` · ${mdText(single.article.path)}` : ''}`, '', fill(s.generatedBy, `${request.generator.name} ${request.generator.version}`, displayTime(request.created)), ''];
  // Only what the export holds is counted: a sites export says nothing of annotations it does not list.
  const { parts } = data;
  const totals = [
    single ? '' : `**${s.articles}** ${data.articles.length}`,
    parts.terms || parts.stats ? `**${s.terms}** ${data.totals.total}` : '',
    parts.sites ? `**${s.sites}** ${data.articles.reduce((n, a) => n + a.sites.length, 0)}` : '',
    parts.annotations ? `**${s.annotations}** ${data.articles.reduce((n, a) => n + a.annotations.length, 0)}` : '',
  ].filter((t) => t);
  if (totals.length > 0) out.push(totals.join(' · '), '');
  out.push(...memosSection(data));
  out.push(...groupsMarkdown(data));
  if (single) out.push(...articleSection(data, single, 2));
  else for (const a of data.articles) out.push(`## ${mdText(a.article.path)}`, '', ...articleSection(data, a, 3));
  const skipped = request.skipped ?? [];
  if (skipped.length > 0) out.push(`## ${s.skipped} (${skipped.length})`, '', ...skipped.map((p) => `- ${mdText(p.path)}: ${mdText(p.message)}`), '');
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
