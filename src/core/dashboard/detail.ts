import type { Analysis, TermHit } from '../analyze/types';
import type { Lexicon } from '../lexicon/types';
import { LineIndex } from '../text/lines';
import type { ArticleDetail, ArticleRow, SectionProfile, SidecarSummary, SiteEntry, TermCount } from './types';

/** How many surface forms the article view lists per pole. */
export const TOP_TERMS = 8;

function topTerms(hits: readonly TermHit[], lexicon: Lexicon, limit: number): Record<string, TermCount[]> {
  const byPole = new Map<string, Map<string, number>>();
  for (const hit of hits) {
    const forms = byPole.get(hit.pole) ?? new Map<string, number>();
    forms.set(hit.text, (forms.get(hit.text) ?? 0) + 1);
    byPole.set(hit.pole, forms);
  }
  const out: Record<string, TermCount[]> = {};
  for (const pole of lexicon.axes.flatMap((a) => a.poles)) {
    out[pole.id] = [...(byPole.get(pole.id) ?? [])]
      .map(([text, count]) => ({ text, count }))
      .sort((x, y) => y.count - x.count || (x.text < y.text ? -1 : x.text > y.text ? 1 : 0))
      .slice(0, limit);
  }
  return out;
}

function sectionProfiles(text: string, analysis: Analysis, lexicon: Lexicon): SectionProfile[] {
  const lines = LineIndex.of(text);
  const sections = analysis.sections.length > 0 ? analysis.sections : [{ start: 0, end: text.length, title: '', level: 0 }];
  const sideOf = new Map(lexicon.axes.flatMap((a) => [[`${a.id}\u0000${a.poles[0].id}`, 0], [`${a.id}\u0000${a.poles[1].id}`, 1]] as const));
  // Hits are in text order and sections are contiguous: one pass assigns every hit to its section.
  let h = 0;
  return sections.map((section) => {
    const cells = new Map(lexicon.axes.map((a) => [a.id, { axis: a.id, a: 0, b: 0 }]));
    while (h < analysis.hits.length && (analysis.hits[h]?.start ?? 0) < section.end) {
      const hit = analysis.hits[h++];
      if (!hit || hit.start < section.start) continue;
      const cell = cells.get(hit.axis);
      const side = sideOf.get(`${hit.axis}\u0000${hit.pole}`);
      if (cell && side === 0) cell.a++;
      else if (cell && side === 1) cell.b++;
    }
    return { title: section.title, level: section.level, start: section.start, line: lines.positionAt(section.start).line, axes: [...cells.values()] };
  });
}

function siteEntries(analysis: Analysis): SiteEntry[] {
  const forms = (indices: readonly number[]): string[] => [...new Set(indices.map((i) => analysis.hits[i]?.text ?? '').filter((t) => t))];
  return analysis.sites.map((site) => ({
    start: site.start, end: site.end, line: site.line, axis: site.axis, text: site.text,
    markers: site.markers.map((m) => m.text), termsA: forms(site.poleA), termsB: forms(site.poleB),
  }));
}

/**
 * The article view of one analysed article: its profile per section and axis, its tension sites, the most
 * frequent terms of each pole, and its annotations by tag (`annotations` undefined when it has no sidecar).
 * `text` is the text the analysis was made of; it places the sections on lines.
 */
export function buildArticleDetail(row: ArticleRow, text: string, analysis: Analysis, lexicon: Lexicon, annotations?: SidecarSummary): ArticleDetail {
  return {
    path: row.path, row,
    sections: sectionProfiles(text, analysis, lexicon),
    sites: siteEntries(analysis),
    topTerms: topTerms(analysis.hits, lexicon, TOP_TERMS),
    ...(annotations ? { annotations } : {}),
  };
}
