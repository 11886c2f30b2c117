import { type Analysis, type Group, type Lexicon, RATE_BASE, type TensionCounts } from '../core';
import type { Palette } from './colors';

/** The `scan --json` record of one file: exactly the fields documented in the README. */
export function scanRecord(path: string, analysis: Analysis): object {
  return {
    path,
    hits: analysis.hits.map((h) => ({
      start: h.start, end: h.end, line: h.line, character: h.character, text: h.text,
      term: h.term, axis: h.axis, pole: h.pole, negated: h.negated,
    })),
    sites: analysis.sites.map((s) => ({
      start: s.start, end: s.end, line: s.line, axis: s.axis, text: s.text,
      poleA: s.poleA, poleB: s.poleB, markers: s.markers.map((m) => m.text),
    })),
    counts: analysis.counts,
  };
}

function topTerms(analysis: Analysis, pole: string, limit: number): string {
  const counts = new Map<string, number>();
  for (const h of analysis.hits) if (h.pole === pole) counts.set(h.text, (counts.get(h.text) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, limit).map(([t, n]) => `${t}×${n}`).join(' ');
}

function axisLines(counts: TensionCounts, lexicon: Lexicon, c: Palette, detail?: (pole: string) => string): string[] {
  const lines: string[] = [];
  for (const axis of lexicon.axes) {
    const a = counts.axes[axis.id];
    if (!a || a.total === 0) continue;
    const [p0, p1] = axis.poles;
    const n0 = a.poles[p0.id] ?? 0;
    const n1 = a.poles[p1.id] ?? 0;
    lines.push(`  ${c.bold(axis.id.padEnd(24))} ${c.side(0, `${p0.label.zh} ${p0.id} ${n0}`)}  vs  ${c.side(1, `${p1.label.zh} ${p1.id} ${n1}`)}`);
    if (detail) {
      for (const [side, pole] of [[0, p0], [1, p1]] as const) {
        const top = detail(pole.id);
        if (top) lines.push(`      ${c.side(side, pole.id.padEnd(12))} ${top}`);
      }
    }
  }
  return lines;
}

function clip(text: string, max: number): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}

/** The readable `scan` summary of one file: counts per axis and pole, top terms, tension sites with line numbers. */
export function scanSummary(path: string, analysis: Analysis, lexicon: Lexicon, c: Palette, encoding = 'utf-8'): string {
  const out = [
    c.bold(path),
    c.dim(`  ${analysis.format}${encoding === 'utf-8' ? '' : ` (${encoding})`}, ${analysis.length.toLocaleString('en')} characters, ${count(analysis.hits.length, 'term')}, ${count(analysis.sites.length, 'tension site')}`),
  ];
  const negated = analysis.hits.filter((h) => h.negated).length;
  if (negated > 0) out.push(c.dim(`  ${negated} negated (after 不, 未, 拒绝 …)`));
  out.push(...axisLines(analysis.counts, lexicon, c, (pole) => topTerms(analysis, pole, 6)));
  if (analysis.sites.length > 0) {
    out.push(c.bold('  Tension sites'));
    for (const site of analysis.sites) {
      const markers = site.markers.length > 0 ? c.dim(` [${site.markers.map((m) => m.text).join(' ')}]`) : '';
      out.push(`    L${String(site.line + 1).padEnd(4)} ${site.axis.padEnd(22)} ${clip(site.text, 60)}${markers}`);
    }
  }
  return out.join('\n');
}

/** The readable `stats` table: per axis and pole, then every term with its count. */
export function statsSummary(files: number, counts: TensionCounts, lexicon: Lexicon, c: Palette, groups?: readonly Group[]): string {
  const out = [c.bold(`${count(files, 'file')}, ${count(counts.total, 'term')}`), ...axisLines(counts, lexicon, c)];
  for (const g of groups ?? []) {
    const rate = g.characters > 0 ? ((g.counts.total * RATE_BASE) / g.characters).toFixed(1) : '0';
    out.push(c.bold(`${g.value ?? '(no value)'}: ${count(g.files, 'file')}, ${g.characters.toLocaleString('en')} characters, ${count(g.counts.total, 'term')} (${rate} per 10,000 characters)`));
    out.push(...axisLines(g.counts, lexicon, c));
  }
  for (const axis of lexicon.axes) {
    axis.poles.forEach((pole, side) => {
      const rows = pole.terms.map((t) => [t.label.zh || t.id, counts.terms[t.id] ?? 0] as const).filter(([, n]) => n > 0);
      if (rows.length === 0) return;
      out.push(`  ${c.side(side === 0 ? 0 : 1, `${axis.id} / ${pole.id}`)}: ${rows.sort((a, b) => b[1] - a[1]).map(([t, n]) => `${t} ${n}`).join(', ')}`);
    });
  }
  return out.join('\n');
}

/** `1 term`, `2 terms`: the CLI speaks English only, where the plural is an s. */
function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
