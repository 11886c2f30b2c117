import * as assert from 'node:assert/strict';
import { type Cooccurrence, builtinLexicon } from '../../../src/core';
import { dashboardAxes } from '../../../src/core/dashboard/model';
import { type ChartTheme, cooccurrenceChart, cooccurrenceLabels } from '../../../src/core/charts';

const THEME: ChartTheme = { text: '#000', muted: '#666', grid: '#ccc', background: '#fff', fontFamily: 'sans-serif', fontSize: 13 };
const AXES = dashboardAxes(builtinLexicon);

function matrixOf(poles: readonly string[]): Cooccurrence {
  return { window: 'sentence', of: 'poles', labels: [...poles], kinds: poles.map(() => 'pole'), matrix: poles.map((_, i) => poles.map((__, j) => (i + 1) * (j + 1) * 7)) };
}

function draw(m: Cooccurrence): { svg: string; width: number; names: string[] } {
  const labels = cooccurrenceLabels(m, AXES, {}, THEME, 'en', 'tag');
  const svg = cooccurrenceChart(m, labels, THEME, { title: 'Co-occurrence', cellTitle: () => '', fill: '#36c' });
  return { svg, width: Number(/<svg[^>]* width="([\d.]+)"/.exec(svg)?.[1]), names: labels.map((l) => l.name) };
}

describe('co-occurrence chart', () => {
  it('every pole of the lexicon: narrow columns under slanted whole names, narrower than a panel', () => {
    const poles = builtinLexicon.axes.flatMap((a) => a.poles.map((p) => p.id));
    assert.ok(poles.length >= 14);
    const { svg, width, names } = draw(matrixOf(poles));
    assert.ok(width <= 900, `the matrix of ${poles.length} poles is ${width} px wide`);
    for (const name of names) assert.ok(svg.includes(`>${name}</text>`), `the heading ${name} is drawn whole`);
    assert.equal((svg.match(/transform="rotate\(-45 /g) ?? []).length, poles.length, 'one slanted heading per column');
  });

  it('a few labels keep wide columns with the pole and its axis in two lines', () => {
    const { svg } = draw(matrixOf(['open', 'closed', 'research', 'commercial']));
    assert.ok(!svg.includes('rotate('), 'no slanted headings');
    assert.match(svg, /<text[^>]*>Open<\/text><text[^>]*>Open v…<\/text>/, 'the pole over its axis');
  });
});
