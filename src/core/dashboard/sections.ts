import type { AxisCount, ArticleDetail, SectionProfile } from './types';

/**
 * Most rows the section profile draws. A long article has thousands of sections (a 5 MB one drew a heat map
 * 162,000 px tall with 348,560 DOM nodes and froze the workbench); past this, neighbouring sections share a row.
 */
export const MAX_SECTION_ROWS = 60;

function merged(group: readonly SectionProfile[]): SectionProfile {
  const first = group[0] as SectionProfile;
  if (group.length === 1) return first;
  const axes: AxisCount[] = first.axes.map((cell, i) => {
    let a = 0;
    let b = 0;
    for (const s of group) {
      a += s.axes[i]?.a ?? 0;
      b += s.axes[i]?.b ?? 0;
    }
    return { axis: cell.axis, a, b };
  });
  const last = group[group.length - 1] as SectionProfile;
  const sections = group.reduce((n, s) => n + (s.sections ?? 1), 0);
  return { title: first.title, level: first.level, start: first.start, line: first.line, axes, sections, lastTitle: last.lastTitle ?? last.title };
}

/**
 * The sections as the profile shows them, at most `max` rows, in text order. Sections are first folded into their
 * enclosing headings, from the deepest level up, while that brings the count down to `max` (a chapter keeps its
 * title and sums its subsections); if the top level alone is still too many, runs of neighbours share a row. A row
 * standing for several sections says how many (`sections`) and where it ends (`lastTitle`); its counts are their sums.
 */
export function groupSections(sections: readonly SectionProfile[], max = MAX_SECTION_ROWS): SectionProfile[] {
  if (sections.length <= max) return [...sections];
  const levels = [...new Set(sections.map((s) => s.level).filter((l) => l > 0))].sort((x, y) => y - x);
  let rows: SectionProfile[] = [...sections];
  for (const level of levels) {
    // Fold every section deeper than `level` into the one before it (its heading), unless nothing comes before it.
    const folded: SectionProfile[][] = [];
    for (const s of rows) {
      const open = folded[folded.length - 1];
      if (open && s.level > level && (open[0]?.level ?? 0) <= level && (open[0]?.level ?? 0) > 0) open.push(s);
      else folded.push([s]);
    }
    // Folding into too few rows (one title over 13,000 chapters) shows less than runs of the level below would.
    if (folded.length < Math.ceil(max / 3)) break;
    rows = folded.map(merged);
    if (rows.length <= max) return rows;
  }
  const size = Math.ceil(rows.length / max);
  const out: SectionProfile[] = [];
  for (let i = 0; i < rows.length; i += size) out.push(merged(rows.slice(i, i + size)));
  return out;
}

/** The article view as the dashboard posts it: the sections grouped for display; the rest as it is. */
export function displayDetail(detail: ArticleDetail, max = MAX_SECTION_ROWS): ArticleDetail {
  return detail.sections.length <= max ? detail : { ...detail, sections: groupSections(detail.sections, max) };
}
