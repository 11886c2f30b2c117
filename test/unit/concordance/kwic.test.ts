import assert from 'node:assert/strict';
import { type KwicLine, concordance, leftContext, parseQuery, rightContext, sortKwicLines } from '../../../src/core';
import { TEXT, smallArticle } from './fixture';

const lines = (query: string, width: number): KwicLine[] => concordance('a.md', smallArticle(), parseQuery(query), width);

describe('KWIC lines', () => {
  it('gives each hit its place, its contexts (line breaks as spaces) and its hit fields', () => {
    assert.deepEqual(lines('pole:open', 4), [
      { path: 'a.md', start: 6, end: 8, line: 2, character: 0, left: '引言  ', match: '开源', right: '是使命，', term: 'open-source', axis: 'open-closed', pole: 'open', negated: false },
      { path: 'a.md', start: 18, end: 20, line: 2, character: 12, left: '盈利。不', match: '开放', right: '则封闭。', term: 'openness', axis: 'open-closed', pole: 'open', negated: true },
      { path: 'a.md', start: 48, end: 50, line: 7, character: 7, left: '与使命；', match: '开源', right: '！  封', term: 'open-source', axis: 'open-closed', pole: 'open', negated: false },
    ]);
  });

  it('gives a tag or a text match null term, axis and pole', () => {
    const [line] = lines('tag:风险', 2);
    assert.deepEqual(line, { path: 'a.md', start: 25, end: 31, line: 3, character: 0, left: '。 ', match: '封闭😀盈利', right: '。 ', term: null, axis: null, pole: null, negated: false });
  });

  it('never splits a surrogate pair: the context is one unit shorter instead', () => {
    assert.equal(leftContext(TEXT, 29, 2), '😀');
    assert.equal(leftContext(TEXT, 29, 1), '');
    assert.equal(leftContext(TEXT, 29, 3), '闭😀');
    assert.equal(rightContext(TEXT, 27, 1), '');
    assert.equal(rightContext(TEXT, 27, 2), '😀');
    assert.equal(leftContext('\r\n甲\r\n', 4, 4), ' 甲 ');
    assert.equal(rightContext('甲', 1, 20), '');
  });

  it('sorts by left context nearest character first, by right context, by file and as found', () => {
    const closed = lines('pole:closed', 4);
    assert.deepEqual(closed.map((l) => l.left), ['不开放则', '封闭。 ', '源！  ']);
    // Read backwards: '  ！源' < ' 。闭封' < '则放开不' (space, then 。 U+3002 before 则 U+5219).
    assert.deepEqual(sortKwicLines(closed, 'left').map((l) => l.start), [53, 25, 21]);
    const open = lines('pole:open', 4);
    // 则 U+5219 < 是 U+662F < ！ U+FF01.
    assert.deepEqual(sortKwicLines(open, 'right').map((l) => l.start), [18, 6, 48]);
    const two = [...lines('pole:open', 2).map((l) => ({ ...l, path: 'b.md' })), ...lines('pole:mission', 2)];
    assert.deepEqual(sortKwicLines(two, 'file').map((l) => `${l.path}:${l.start}`), ['a.md:9', 'a.md:45', 'b.md:6', 'b.md:18', 'b.md:48']);
    assert.deepEqual(sortKwicLines(two, 'position'), two);
  });
});
