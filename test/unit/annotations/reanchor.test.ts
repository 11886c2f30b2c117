import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  type Annotation, type TextQuote, SHORT_QUOTE, applyEdits, createAnnotation, quoteAt, reanchor, reanchorAll,
} from '../../../src/core/annotations';
import { annotatedArb, applyToText, changesArb, occurrences, untouchedRange } from './arbitraries';

const NOW = '2025-01-31T08:00:00.000Z';

function annotate(text: string, exact: string, nth = 0, id = 'a'): Annotation {
  let start = -1;
  for (let k = 0; k <= nth; k++) start = text.indexOf(exact, start + 1);
  assert.ok(start >= 0, `'${exact}' not in text`);
  return createAnnotation({ text, start, end: start + exact.length, now: NOW, id });
}

const span = (text: string, a: Annotation): string => text.slice(a.target.position.start, a.target.position.end);

const ARTICLE = '近年来，开源与闭源之争愈演愈烈。一方坚持开放权重，认为透明带来信任；另一方拒绝公开，理由是安全风险难以控制。\r\n'
  + '监管者夹在中间：既要鼓励创新，又要防范滥用。😀 这种张力短期内不会消失。';

describe('reanchor', () => {
  it('is exact, and returns the same annotation, when position and quote still match', () => {
    const a = annotate(ARTICLE, '透明带来信任');
    const anchor = reanchor(a, ARTICLE);
    assert.equal(anchor.state, 'exact');
    assert.equal(anchor.annotation, a);
  });

  it('is moved when the quote is found elsewhere, with selectors refreshed from the new text', () => {
    const a = annotate(ARTICLE, '透明带来信任');
    const text = `【编者按】${ARTICLE}`;
    const anchor = reanchor(a, text);
    assert.equal(anchor.state, 'moved');
    assert.equal(span(text, anchor.annotation), '透明带来信任');
    assert.deepEqual(anchor.annotation.target.quote, quoteAt(text, anchor.annotation.target.position.start, anchor.annotation.target.position.end));
  });

  it('is fuzzy when the quote was edited, and takes the new wording as its quote', () => {
    const a = annotate(ARTICLE, '另一方拒绝公开，理由是安全风险难以控制');
    const text = ARTICLE.replace('理由是安全风险', '理由是安全上的风险');
    const anchor = reanchor(a, text);
    assert.equal(anchor.state, 'fuzzy');
    assert.equal(span(text, anchor.annotation), '另一方拒绝公开，理由是安全上的风险难以控制');
    assert.equal(anchor.annotation.target.quote.exact, '另一方拒绝公开，理由是安全上的风险难以控制');
  });

  it('finds a quote longer than 32 units whose head was rewritten (bitap handles at most 32)', () => {
    const exact = '一方坚持开放权重，认为透明带来信任；另一方拒绝公开，理由是安全风险难以控制。';
    assert.ok(exact.length > 32);
    const a = annotate(ARTICLE, exact);
    const text = `序言。${ARTICLE.replace('一方坚持开放权重', '有一派主张开放全部权重')}`;
    const anchor = reanchor(a, text);
    assert.equal(anchor.state, 'fuzzy');
    assert.equal(span(text, anchor.annotation), '有一派主张开放全部权重，认为透明带来信任；另一方拒绝公开，理由是安全风险难以控制。');
  });

  it('orphans an annotation whose text is gone, keeping its last selectors', () => {
    const a = annotate(ARTICLE, '既要鼓励创新，又要防范滥用');
    const text = ARTICLE.replace('既要鼓励创新，又要防范滥用', '无所适从');
    assert.deepEqual(reanchor(a, text), { annotation: a, state: 'orphaned' });
  });

  it('orphans a short quote whose context changed on both sides instead of jumping to another occurrence', () => {
    const text = '我们讨论开源。他们也讨论开源的未来。';
    const a = annotate(text, '开源');
    assert.ok(a.target.quote.exact.length <= SHORT_QUOTE);
    const edited = text.replace('我们讨论开源。', '大家在争论开源吧，');
    assert.ok(edited.includes('开源'));
    assert.equal(reanchor(a, edited).state, 'orphaned');
  });

  it('moves a short quote to the occurrence whose adjacent context still agrees', () => {
    const text = '第一段提到开源一词。第二段也提到开源一词。第三段说开源模型更透明。';
    const a = annotate(text, '开源', 2);
    const edited = `新的开头。${text.replace('第三段说', '第三段强调')}`;
    const anchor = reanchor(a, edited);
    assert.equal(anchor.state, 'moved');
    assert.equal(anchor.annotation.target.position.start, edited.indexOf('开源模型'));
  });

  it('tells repeated phrases apart by their context', () => {
    const text = '甲方认为：开放模型权重利大于弊。乙方认为：开放模型权重弊大于利。';
    const first = annotate(text, '开放模型权重', 0, 'first');
    const second = annotate(text, '开放模型权重', 1, 'second');
    const edited = `补充说明。${text.replace('乙方认为：', '乙方则坚持认为：')}`;
    const { anchors } = reanchorAll([second, first], edited);
    assert.deepEqual(anchors.map((x) => [x.annotation.id, x.state, x.annotation.target.position.start]), [
      ['second', 'moved', edited.indexOf('开放模型权重弊')],
      ['first', 'moved', edited.indexOf('开放模型权重利')],
    ]);
  });

  it('finds an annotation again when a deletion that orphaned it is undone', () => {
    const a = annotate(ARTICLE, '透明带来信任');
    const from = ARTICLE.indexOf('一方坚持');
    const cut = { rangeOffset: from, rangeLength: 30, text: '' };
    const [orphan] = applyEdits([{ annotation: a, state: 'exact' }], [cut]);
    assert.equal(orphan?.state, 'orphaned');
    const restored = applyToText(applyToText(ARTICLE, [cut]), [{ rangeOffset: from, rangeLength: 0, text: ARTICLE.slice(from, from + 30) }]);
    assert.equal(restored, ARTICLE);
    assert.equal(reanchor(orphan?.annotation ?? a, restored).state, 'exact');
  });

  it('re-anchors all in input order with a summary, dropping none', () => {
    const annotations = [annotate(ARTICLE, '张力', 0, 'short'), annotate(ARTICLE, '监管者夹在中间', 0, 'gone'), annotate(ARTICLE, '开源与闭源之争', 0, 'kept')];
    const text = ARTICLE.replace('监管者夹在中间', '');
    const { anchors, summary } = reanchorAll(annotations, text);
    assert.deepEqual(anchors.map((x) => [x.annotation.id, x.state]), [['short', 'moved'], ['gone', 'orphaned'], ['kept', 'exact']]);
    assert.deepEqual(summary, { exact: 1, moved: 1, fuzzy: 0, orphaned: 1 });
  });
});

/** Whether the 8 units next to `[start, end)` agree with the stored context on one side (written apart from the code). */
function adjacentAgrees(quote: TextQuote, text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 8), start);
  const after = text.slice(end, end + 8);
  return (before === quote.prefix.slice(-8) && (quote.prefix.length >= 8 || start === quote.prefix.length))
    || (after === quote.suffix.slice(0, 8) && (quote.suffix.length >= 8 || text.length - end === quote.suffix.length));
}

describe('reanchor on random documents and edits (property)', () => {
  const scenario = annotatedArb.chain(({ text, annotations }) => changesArb(text).map(({ changes, after }) => ({ annotations, changes, text: after })));

  it('drops none, quotes the text where it places, and never places a short quote without agreeing context', () => {
    fc.assert(fc.property(scenario, ({ annotations, text }) => {
      const { anchors, summary } = reanchorAll(annotations, text);
      assert.equal(anchors.length, annotations.length);
      assert.equal(summary.exact + summary.moved + summary.fuzzy + summary.orphaned, annotations.length);
      anchors.forEach((anchor, i) => {
        const before = annotations[i];
        assert.ok(before);
        assert.equal(anchor.annotation.id, before.id);
        const { exact } = before.target.quote;
        const { start, end } = anchor.annotation.target.position;
        if (anchor.state === 'orphaned') {
          assert.equal(anchor.annotation, before);
          // Every long quote that still exists is found.
          assert.ok(exact.length <= SHORT_QUOTE || !text.includes(exact), `'${exact}' is in the text but was orphaned`);
          return;
        }
        assert.deepEqual(anchor.annotation.target.quote, quoteAt(text, start, end));
        if (anchor.state === 'fuzzy') {
          assert.ok(exact.length > SHORT_QUOTE && !text.includes(exact));
        } else {
          assert.equal(text.slice(start, end), exact);
          if (exact.length <= SHORT_QUOTE) assert.ok(adjacentAgrees(before.target.quote, text, start, end));
        }
        if (anchor.state === 'exact') assert.deepEqual([start, end], [before.target.position.start, before.target.position.end]);
      });
    }), { numRuns: 2000 });
  });

  it('puts an annotation the edits did not touch back at its shifted place when its quote occurs once', () => {
    fc.assert(fc.property(scenario, ({ annotations, changes, text }) => {
      const { anchors } = reanchorAll(annotations, text);
      anchors.forEach((anchor, i) => {
        const before = annotations[i];
        assert.ok(before);
        const expected = untouchedRange(before.target.position.start, before.target.position.end, changes);
        if (!expected || occurrences(text, before.target.quote.exact).length !== 1) return;
        const { start, end } = anchor.annotation.target.position;
        const short = before.target.quote.exact.length <= SHORT_QUOTE;
        if (!short || adjacentAgrees(before.target.quote, text, ...expected)) {
          assert.notEqual(anchor.state, 'orphaned');
        }
        if (anchor.state !== 'orphaned') assert.deepEqual([start, end], expected);
      });
    }), { numRuns: 2000 });
  });

  it('leaves every annotation exact, as the same object, when the text did not change', () => {
    fc.assert(fc.property(annotatedArb, ({ text, annotations }) => {
      for (const a of annotations) assert.deepEqual(reanchor(a, text), { annotation: a, state: 'exact' });
    }), { numRuns: 1000 });
  });

  it('agrees with applyEdits for annotations that live edits kept in place', () => {
    fc.assert(fc.property(scenario, ({ annotations, changes, text }) => {
      const live = applyEdits(annotations.map((annotation) => ({ annotation, state: 'exact' as const })), changes);
      live.forEach((anchor) => {
        const { start, end } = anchor.annotation.target.position;
        if (anchor.state === 'orphaned' || occurrences(text, anchor.annotation.target.quote.exact).length !== 1) return;
        if (anchor.annotation.target.quote.exact.length <= SHORT_QUOTE) return;
        // A live-tracked annotation whose quote is unique is found where live tracking put it.
        assert.deepEqual(reanchor(anchor.annotation, text).annotation.target.position, { start, end });
      });
    }), { numRuns: 1000 });
  });
});
