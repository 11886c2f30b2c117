import assert from 'node:assert/strict';
import fc from 'fast-check';
import { type Anchor, type TextChange, applyEdits, createAnnotation, newSidecar, sha256Hex, sidecarForSave } from '../../../src/core/annotations';
import { annotatedArb, applyToText, changesArb, untouchedRange } from './arbitraries';

const NOW = '2025-01-31T08:00:00.000Z';
const TEXT = '甲乙丙开源丁戊己';

function anchorOn(text: string, start: number, end: number): Anchor {
  return { annotation: createAnnotation({ text, start, end, now: NOW, id: 'a' }), state: 'exact' };
}

function after(changes: TextChange[], anchor = anchorOn(TEXT, 3, 5)): { start: number; end: number; exact: string; state: string } {
  const [moved] = applyEdits([anchor], changes);
  assert.ok(moved);
  const { target } = moved.annotation;
  return { ...target.position, exact: target.quote.exact, state: moved.state };
}

describe('applyEdits', () => {
  it('shifts an annotation after a change and leaves it alone before one', () => {
    assert.deepEqual(after([{ rangeOffset: 0, rangeLength: 1, text: '😀😀' }]), { start: 6, end: 8, exact: '开源', state: 'exact' });
    assert.deepEqual(after([{ rangeOffset: 6, rangeLength: 2, text: '' }]), { start: 3, end: 5, exact: '开源', state: 'exact' });
  });

  it('keeps typing at either boundary outside the annotation', () => {
    assert.deepEqual(after([{ rangeOffset: 3, rangeLength: 0, text: '不' }]), { start: 4, end: 6, exact: '开源', state: 'exact' });
    assert.deepEqual(after([{ rangeOffset: 5, rangeLength: 0, text: '的' }]), { start: 3, end: 5, exact: '开源', state: 'exact' });
  });

  it('grows or shrinks an annotation edited inside and updates its quote', () => {
    assert.deepEqual(after([{ rangeOffset: 4, rangeLength: 0, text: '放资' }]), { start: 3, end: 7, exact: '开放资源', state: 'exact' });
    assert.deepEqual(after([{ rangeOffset: 3, rangeLength: 1, text: '' }]), { start: 3, end: 4, exact: '源', state: 'exact' });
  });

  it('cuts the part a change removes across one end, keeping inserted text outside', () => {
    assert.deepEqual(after([{ rangeOffset: 2, rangeLength: 2, text: 'XY' }]), { start: 4, end: 5, exact: '源', state: 'exact' });
    assert.deepEqual(after([{ rangeOffset: 4, rangeLength: 3, text: 'Z' }]), { start: 3, end: 4, exact: '开', state: 'exact' });
  });

  it('orphans an annotation whose whole range is replaced, keeping its last selectors', () => {
    const anchor = anchorOn(TEXT, 3, 5);
    for (const change of [{ rangeOffset: 3, rangeLength: 2, text: '闭源' }, { rangeOffset: 1, rangeLength: 6, text: '' }]) {
      const [orphan] = applyEdits([anchor], [change]);
      assert.deepEqual(orphan, { annotation: anchor.annotation, state: 'orphaned' });
      // Orphans are not moved by later changes: their selectors are a record, not a range in the text.
      assert.equal(applyEdits([orphan], [{ rangeOffset: 0, rangeLength: 0, text: '前' }])[0], orphan);
    }
  });

  it('applies several changes in order, as VS Code lists multi-cursor edits (last in the document first)', () => {
    const text = '开源与闭源，开源与闭源';
    const anchors = [anchorOn(text, 0, 2), anchorOn(text, 6, 8)];
    // Two cursors typing 的 after each 开源: VS Code reports the later offset first.
    const changes = [{ rangeOffset: 8, rangeLength: 0, text: '的' }, { rangeOffset: 2, rangeLength: 0, text: '的' }];
    const newText = applyToText(text, changes);
    assert.equal(newText, '开源的与闭源，开源的与闭源');
    assert.deepEqual(applyEdits(anchors, changes).map((a) => a.annotation.target.position), [{ start: 0, end: 2 }, { start: 7, end: 9 }]);
    // The same edit reported first-to-last, each offset relative to the text the previous change left.
    const ascending = [{ rangeOffset: 2, rangeLength: 0, text: '的' }, { rangeOffset: 9, rangeLength: 0, text: '的' }];
    assert.equal(applyToText(text, ascending), newText);
    assert.deepEqual(applyEdits(anchors, ascending).map((a) => a.annotation.target.position), [{ start: 0, end: 2 }, { start: 7, end: 9 }]);
  });

  it('returns untouched anchors as the same objects', () => {
    const anchor = anchorOn(TEXT, 3, 5);
    assert.equal(applyEdits([anchor], [{ rangeOffset: 7, rangeLength: 1, text: '庚' }])[0], anchor);
  });

  describe('on random documents and edit sequences (property)', () => {
    const scenario = annotatedArb.chain(({ text, annotations }) => changesArb(text).map(({ changes, after: newText }) => ({ text, annotations, changes, newText })));

    it('keeps every annotation; every placed one quotes the new text exactly; untouched ones move by the edits', () => {
      fc.assert(fc.property(scenario, ({ annotations, changes, newText }) => {
        const anchors = annotations.map((annotation): Anchor => ({ annotation, state: 'exact' }));
        const result = applyEdits(anchors, changes);
        assert.equal(result.length, anchors.length);
        result.forEach((anchor, i) => {
          const before = annotations[i];
          assert.ok(before);
          assert.equal(anchor.annotation.id, before.id);
          const { start, end } = anchor.annotation.target.position;
          if (anchor.state !== 'orphaned') {
            assert.equal(newText.slice(start, end), anchor.annotation.target.quote.exact);
            assert.ok(end > start, 'a placed annotation is never empty');
          }
          const expected = untouchedRange(before.target.position.start, before.target.position.end, changes);
          if (expected) {
            assert.equal(anchor.state, 'exact');
            assert.deepEqual([start, end], expected);
            assert.equal(anchor.annotation.target.quote.exact, before.target.quote.exact);
          }
        });
      }), { numRuns: 2000 });
    });
  });
});

describe('sidecarForSave', () => {
  it('refreshes the context live edits left stale and describes the saved text; orphans keep their selectors', async () => {
    const text = '甲乙丙开源丁戊己。闭源';
    const live = anchorOn(text, 3, 5);
    const orphan: Anchor = { annotation: { ...createAnnotation({ text, start: 9, end: 11, now: NOW, id: 'o' }) }, state: 'orphaned' };
    const change = { rangeOffset: 5, rangeLength: 1, text: '和闭源之争' };
    const newText = applyToText(text, [change]);
    const [edited] = applyEdits([live], [change]);
    assert.ok(edited);
    assert.equal(edited.annotation.target.quote.suffix, '丁戊己。闭源', 'stale until saved');
    const base = newSidecar({ path: 'a.md', sha256: '0'.repeat(64), length: text.length, extras: { 'x-kept': 1 } });
    const saved = await sidecarForSave(base, [edited, orphan], newText);
    assert.deepEqual(saved.document, { path: 'a.md', sha256: await sha256Hex(newText), length: newText.length, extras: { 'x-kept': 1 } });
    assert.deepEqual(saved.annotations[0]?.target.quote, { exact: '开源', prefix: '甲乙丙', suffix: '和闭源之争戊己。闭源' });
    assert.equal(saved.annotations[1], orphan.annotation);
  });
});
