import assert from 'node:assert/strict';
import { MAX_SECTION_ROWS, groupSections } from '../../../src/core/dashboard/sections';
import type { SectionProfile } from '../../../src/core/dashboard/types';

const section = (title: string, level: number, i: number, a = 1, b = 0): SectionProfile => ({ title, level, start: i * 10, line: i, axes: [{ axis: 'x', a, b }] });
const total = (rows: readonly SectionProfile[]) => rows.reduce((n, r) => ({ a: n.a + (r.axes[0]?.a ?? 0), b: n.b + (r.axes[0]?.b ?? 0) }), { a: 0, b: 0 });

describe('section profile rows for display', () => {
  it('a short article keeps its sections as they are', () => {
    const sections = Array.from({ length: 12 }, (_, i) => section(`S${i}`, 2, i));
    assert.deepEqual(groupSections(sections), sections);
  });

  it('folds subsections into their chapters when that brings the rows under the limit, counts summed', () => {
    const sections: SectionProfile[] = [section('', 0, 0)];
    for (let c = 0; c < 40; c++) {
      sections.push(section(`第${c}章`, 2, sections.length));
      for (let k = 0; k < 5; k++) sections.push(section(`${c}.${k}`, 3, sections.length, 0, 2));
    }
    const rows = groupSections(sections);
    assert.equal(rows.length, 41);
    assert.equal(rows[1]?.title, '第0章');
    assert.equal(rows[1]?.sections, 6);
    assert.equal(rows[1]?.lastTitle, '0.4');
    assert.deepEqual(total(rows), total(sections));
  });

  it('13,000 sections under one title become runs of neighbours, at most the limit, in text order', () => {
    const sections = [section('大文章', 1, 0), ...Array.from({ length: 13_000 }, (_, i) => section(`第${i}节`, 2, i + 1))];
    const rows = groupSections(sections);
    assert.ok(rows.length > MAX_SECTION_ROWS / 2 && rows.length <= MAX_SECTION_ROWS, `${rows.length} rows`);
    assert.deepEqual(total(rows), total(sections));
    assert.deepEqual(rows.map((r) => r.start), [...rows.map((r) => r.start)].sort((x, y) => x - y));
    assert.equal(rows.reduce((n, r) => n + (r.sections ?? 1), 0), sections.length);
  });
});
