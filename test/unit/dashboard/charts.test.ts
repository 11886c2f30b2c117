import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { analyze, builtinLexicon, poleColors } from '../../../src/core';
import {
  LIGHT_THEME, axisTotalsChart, compareChart, divergingBars, escapeXml, heatMap, poleColorMap, profileSparkline, sectionHeatMap,
} from '../../../src/core/charts';
import { analyseArticle, buildArticleDetail, dashboardAxes } from '../../../src/core/dashboard';
import { all, num, parseSvg } from './xml';

const NASTY = 'A<b>&"c"\'d';
const theme = LIGHT_THEME;
const bar = (a: number, b: number, label = 'row') => ({ label, a, b, colorA: '#aa0000', colorB: '#0000aa', titleA: `${label} A ${a}`, titleB: `${label} B ${b}` });

describe('SVG charts', () => {
  it('escapes &, <, > and quotes', () => {
    assert.equal(escapeXml(NASTY), 'A&lt;b&gt;&amp;&quot;c&quot;&#39;d');
  });

  it('diverging bars: pole A grows left and pole B right of one centre line, on one scale', () => {
    const svg = divergingBars([bar(4, 2, 'one'), bar(0, 8, 'two')], { title: 'Test', width: 300, rowHeight: 10, gap: 2, labelWidth: 100, showValues: true, theme });
    const doc = parseSvg(svg);
    const root = doc.documentElement;
    assert.equal(root?.getAttribute('role'), 'img');
    assert.equal(root?.getAttribute('aria-label'), 'Test');
    const [line] = all(doc, 'line');
    const cx = num(line, 'x1');
    const rects = all(doc, 'rect');
    assert.equal(rects.length, 4);
    const [a1, b1, a2, b2] = rects;
    // Left halves end at the centre, right halves start there.
    assert.equal(num(a1, 'x') + num(a1, 'width'), cx);
    assert.equal(num(b1, 'x'), cx);
    assert.equal(num(a2, 'width'), 0);
    // One scale: 8 fills the half, 4 half of it, 2 a quarter.
    assert.equal(num(b2, 'width'), 2 * num(a1, 'width'));
    assert.equal(num(a1, 'width'), 2 * num(b1, 'width'));
    assert.equal(a1?.getAttribute('fill'), '#aa0000');
    assert.equal(b1?.getAttribute('fill'), '#0000aa');
    assert.deepEqual(all(doc, 'text').map((t) => t.textContent), ['one', '4', '2', 'two', '0', '8']);
  });

  it('labels, tooltips and colours holding <&" stay text: the SVG parses and reads them back unchanged', () => {
    const svg = divergingBars([{ ...bar(1, 1, NASTY), titleA: NASTY, colorA: 'var(--x, "a<b")' }], { title: NASTY, width: 400, rowHeight: 10, gap: 2, labelWidth: 200, showValues: false, theme });
    const doc = parseSvg(svg);
    assert.equal(doc.documentElement?.getAttribute('aria-label'), NASTY);
    assert.equal(all(doc, 'title')[0]?.textContent, NASTY);
    assert.ok(all(doc, 'text').some((t) => t.textContent === NASTY));
    assert.ok(all(doc, 'title').some((t) => t.textContent === NASTY), 'the bar tooltip');
    assert.equal(all(doc, 'rect')[0]?.getAttribute('fill'), 'var(--x, "a<b")');
    assert.ok(!svg.includes('<b>'));
  });

  it('heat map: one cell per row and column, coloured by strength; empty cells have no fill; rows carry data-row', () => {
    const cells = [
      [{ fill: '#f00', strength: 1, label: '3:0', title: NASTY }, { strength: 0, label: '', title: 'empty' }],
      [{ fill: '#00f', strength: 0.5, label: '1:2', title: 'x' }, { fill: '#888', strength: 0.3, label: '1:1', title: 'y' }],
    ];
    const svg = heatMap(
      [{ label: NASTY, indent: 0, title: NASTY }, { label: '第二节', indent: 1, title: '第二节' }],
      [{ top: '开放', bottom: '封闭', colorTop: '#f00', colorBottom: '#00f', title: 'Open vs closed' }, { top: 'A', bottom: 'B', colorTop: '#f00', colorBottom: '#00f', title: 't' }],
      cells, { title: 'Profile', cellWidth: 60, cellHeight: 20, rowLabelWidth: 150, theme });
    const doc = parseSvg(svg);
    const rows = all(doc, 'g').filter((g) => g.hasAttribute('data-row'));
    assert.deepEqual(rows.map((g) => g.getAttribute('data-row')), ['0', '1']);
    assert.equal(all(rows[0], 'text')[0]?.textContent, NASTY);
    const filled = all(doc, 'rect').filter((r) => r.getAttribute('fill-opacity') !== null);
    assert.equal(filled.length, 3, 'the empty cell has no fill');
    const opacities = filled.map((r) => num(r, 'fill-opacity'));
    assert.ok((opacities[0] ?? 0) > (opacities[1] ?? 0), 'a stronger lead is a stronger colour');
    assert.deepEqual(filled.map((r) => r.getAttribute('fill')), ['#f00', '#00f', '#888']);
    assert.ok(all(doc, 'text').some((t) => t.textContent === '1:2'));
  });
});

describe('dashboard charts from the model', () => {
  const seed = fs.readFileSync(path.resolve(__dirname, '../../fixtures/workspace/ai-lab-expert-departure.md'), 'utf8');
  const analysed = analyseArticle({ path: 'ai-lab-expert-departure.md', text: seed }, builtinLexicon);
  assert.ok(analysed?.analysis);
  const row = analysed.row;
  const axes = dashboardAxes(builtinLexicon);
  const colors = poleColorMap(poleColors(builtinLexicon), 'light', false);

  it('pole colours: hex from the palette, or the theme colour variable with the hex as fallback', () => {
    assert.equal(colors['open'], '#b45309');
    assert.equal(poleColorMap(poleColors(builtinLexicon), 'dark', true)['open'], 'var(--vscode-tensionLens-pole-open-foreground, #f59e0b)');
  });

  it('the overview sparkline has one bar pair per axis, coloured by pole', () => {
    const doc = parseSvg(profileSparkline(row, axes, colors, theme, 'en', 'profile'));
    const rects = all(doc, 'rect');
    assert.equal(rects.length, 2 * axes.length);
    assert.equal(rects[0]?.getAttribute('fill'), colors['open']);
    assert.equal(rects[1]?.getAttribute('fill'), colors['closed']);
    assert.match(all(rects[0], 'title')[0]?.textContent ?? '', /Open: \d+/);
  });

  it('the section heat map colours each cell by the pole that leads in that section', () => {
    const detail = buildArticleDetail(row, seed, analyze(seed, 'markdown', builtinLexicon), builtinLexicon);
    const doc = parseSvg(sectionHeatMap(detail, axes, colors, theme, 'zh', { title: '分节', beforeFirstHeading: '(前)' }));
    assert.equal(all(doc, 'g').filter((g) => g.hasAttribute('data-row')).length, detail.sections.length);
    const cellGroups = all(doc, 'g').filter((g) => !g.hasAttribute('data-row') && all(g, 'rect').length > 0 && !g.hasAttribute('text-anchor'));
    assert.equal(cellGroups.length, detail.sections.length * axes.length);
    detail.sections.forEach((section, r) => section.axes.forEach((cell, c) => {
      const fills = all(cellGroups[r * axes.length + c], 'rect').map((x) => x.getAttribute('fill')).filter((f) => f !== 'none');
      const axis = axes[c];
      const expected = cell.a + cell.b === 0 ? [] : cell.a > cell.b ? [colors[axis?.poles[0].id ?? '']] : cell.b > cell.a ? [colors[axis?.poles[1].id ?? '']] : [theme.muted];
      assert.deepEqual(fills, expected, `${section.title} / ${axis?.id ?? ''}`);
    }));
  });

  it('the workspace totals chart has a labelled row per axis with both counts', () => {
    const doc = parseSvg(axisTotalsChart(row.axes, axes, colors, theme, 'zh', { title: '全工作区' }));
    const texts = all(doc, 'text').map((t) => t.textContent);
    assert.equal(all(doc, 'rect').length, 2 * axes.length);
    assert.ok(texts.includes('开放 · 封闭'));
    assert.ok(texts.includes(String(row.axes[0]?.a)) && texts.includes(String(row.axes[0]?.b)));
  });

  it('compare puts every article on every axis, raw or per 1,000 characters', () => {
    const other = { ...row, path: 'dir/other.md', length: row.length * 2 };
    const raw = parseSvg(compareChart([row, other], axes, colors, theme, 'en', { title: 'Compare', perThousand: false }));
    const texts = all(raw, 'text').map((t) => t.textContent);
    assert.equal(texts.filter((t) => t === 'other.md').length, axes.length);
    assert.equal(all(raw, 'rect').length, 2 * 2 * axes.length);
    const scaled = parseSvg(compareChart([row, other], axes, colors, theme, 'en', { title: 'Compare', perThousand: true }));
    const first = row.axes[0]?.a ?? 0;
    assert.ok(all(scaled, 'text').some((t) => t.textContent === ((first * 1000) / row.length).toFixed(1)));
    assert.ok(all(scaled, 'text').some((t) => t.textContent === ((first * 1000) / other.length).toFixed(1)), 'a longer article scales down');
  });
});
