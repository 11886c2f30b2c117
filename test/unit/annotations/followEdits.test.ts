// One re-anchoring path for live edits: a change that covers an annotation (an outside change applied as a whole-line
// replacement, a cut, a paste, an undo) re-anchors it on the new text like a reload, and orphans only what is gone.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { type Anchor, type TextChange, createAnnotation, followEdits, stringSource } from '../../../src/core/annotations';
import { annotatedArb, applyToText, changeArb, occurrences } from './arbitraries';

const NOW = '2025-01-31T08:00:00.000Z';
const LINE1 = '# 开源与闭源\n';
const LINE3 = '一方坚持开放模型权重，认为开放带来创新；另一方拒绝公开，主张一事一批的审慎监管。';
const TEXT = `${LINE1}\n${LINE3}\n结尾。\n`;

function on(text: string, quote: string, id: string): Anchor {
  const start = text.indexOf(quote);
  assert.ok(start >= 0, quote);
  return { annotation: createAnnotation({ text, start, end: start + quote.length, now: NOW, id }), state: 'exact' };
}

/** Applies the changes to the text and the anchors, as the editor would. */
function follow(anchors: Anchor[], text: string, changes: TextChange[]): { anchors: Anchor[]; text: string } {
  const after = applyToText(text, changes);
  return { anchors: followEdits(anchors, changes, stringSource(after)), text: after };
}

/** A change replacing the whole line that holds `line` (what VS Code does for an outside change). */
function replaceLine(text: string, line: string, by: string): TextChange {
  return { rangeOffset: text.indexOf(line), rangeLength: line.length, text: by };
}

const placedOn = (anchor: Anchor | undefined, text: string): string | undefined => {
  if (!anchor || anchor.state === 'orphaned') return undefined;
  const { start, end } = anchor.annotation.target.position;
  return text.slice(start, end);
};

describe('followEdits', () => {
  const quotes = ['坚持开放模型权重', '拒绝公开', '一事一批'];

  it('an outside change that appends a sentence to the line keeps its annotations exact', () => {
    const anchors = quotes.map((q, i) => on(TEXT, q, `a${i}`));
    const { anchors: after, text } = follow(anchors, TEXT, [replaceLine(TEXT, LINE3, `${LINE3}新增一句。`)]);
    assert.deepEqual(after.map((a) => a.state), ['exact', 'exact', 'exact']);
    assert.deepEqual(after.map((a) => placedOn(a, text)), quotes);
    assert.deepEqual(after.map((a) => a.annotation.target.position), anchors.map((a) => a.annotation.target.position));
  });

  it('an outside change of the first word moves them with the text', () => {
    const anchors = quotes.map((q, i) => on(TEXT, q, `a${i}`));
    const { anchors: after, text } = follow(anchors, TEXT, [replaceLine(TEXT, LINE3, LINE3.replace('一方', '有一派'))]);
    assert.deepEqual(after.map((a) => placedOn(a, text)), quotes);
    assert.ok(after.every((a) => a.state !== 'orphaned'));
  });

  it('cut then undo (paste back) restores the anchor; replace then restore too', () => {
    const anchors = [on(TEXT, '一事一批', 'x')];
    const cut = replaceLine(TEXT, LINE3, '');
    const afterCut = follow(anchors, TEXT, [cut]);
    assert.equal(afterCut.anchors[0]?.state, 'orphaned', 'the text is gone');
    const undo = { rangeOffset: cut.rangeOffset, rangeLength: 0, text: LINE3 };
    const afterUndo = follow(afterCut.anchors, afterCut.text, [undo]);
    assert.equal(afterUndo.text, TEXT);
    assert.equal(afterUndo.anchors[0]?.state, 'exact');
    assert.deepEqual(afterUndo.anchors[0]?.annotation.target.position, anchors[0]?.annotation.target.position);

    const start = TEXT.indexOf('一事一批');
    const replaced = follow(anchors, TEXT, [{ rangeOffset: start, rangeLength: 4, text: '统一审批' }]);
    assert.equal(replaced.anchors[0]?.state, 'orphaned');
    const restored = follow(replaced.anchors, replaced.text, [{ rangeOffset: start, rangeLength: 4, text: '一事一批' }]);
    assert.equal(placedOn(restored.anchors[0], restored.text), '一事一批');
  });

  it('refreshes context next to a change, so a later covering change still finds a short quote', () => {
    let state = { anchors: [on(TEXT, '一事一批', 'x')], text: TEXT };
    const at = (): number => state.text.indexOf('一事一批');
    // Edit both sides of the quote, then replace its whole line with the same text.
    state = follow(state.anchors, state.text, [{ rangeOffset: at() - 1, rangeLength: 1, text: '以' }]);
    state = follow(state.anchors, state.text, [{ rangeOffset: at() - 3, rangeLength: 1, text: '张' }]);
    state = follow(state.anchors, state.text, [{ rangeOffset: at() + 4, rangeLength: 0, text: '式' }]);
    state = follow(state.anchors, state.text, [{ rangeOffset: at() + 5, rangeLength: 1, text: '之' }]);
    const line = state.text.split('\n')[2] ?? '';
    state = follow(state.anchors, state.text, [replaceLine(state.text, line, line)]);
    assert.equal(placedOn(state.anchors[0], state.text), '一事一批');
  });

  it('on random edits: none is dropped, placed ones quote the text, orphans only where no occurrence touches the change', () => {
    const scenario = annotatedArb.chain(({ text, annotations }) => changeArb(text).map(({ change }) => ({ text, annotations, change })));
    fc.assert(fc.property(scenario, ({ text, annotations, change }) => {
      const anchors = annotations.map((annotation): Anchor => ({ annotation, state: 'exact' }));
      const { anchors: after, text: newText } = follow(anchors, text, [change]);
      assert.equal(after.length, anchors.length);
      const written = { start: change.rangeOffset, end: change.rangeOffset + change.text.length };
      after.forEach((anchor, i) => {
        const before = annotations[i];
        assert.ok(before);
        assert.equal(anchor.annotation.id, before.id);
        if (anchor.state !== 'orphaned') {
          assert.equal(placedOn(anchor, newText), anchor.annotation.target.quote.exact);
          return;
        }
        // Orphaned by this change: it covered the annotation, and the quote is not in what the change wrote.
        const { start, end } = before.target.position;
        assert.ok(change.rangeOffset <= start && change.rangeOffset + change.rangeLength >= end, `annotation ${i} orphaned by a change that did not cover it`);
        const exact = before.target.quote.exact;
        for (const at of occurrences(newText, exact)) {
          const inside = written.end > written.start ? at < written.end && at + exact.length > written.start : at < written.start && at + exact.length > written.start;
          assert.ok(!inside || exact.length <= 4, `annotation ${i} orphaned though “${exact}” is at ${at}, in what the change wrote`);
        }
      });
    }), { numRuns: 2000 });
  });
});
