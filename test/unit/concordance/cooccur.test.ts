import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  type ConcordanceArticle, addCooccurrence, analyze, builtinLexicon, cellQuery, compileLexicon, cooccurrenceOf, evaluateQuery, formatOf, parseQuery,
} from '../../../src/core';
import { smallArticle } from './fixture';

const root = path.resolve(__dirname, '../../..');

describe('co-occurrence matrices', () => {
  it('counts sentences, paragraphs and sections holding both poles, as worked out by hand', () => {
    const article = smallArticle();
    const sentence = cooccurrenceOf(article, 'sentence', 'poles');
    assert.deepEqual(sentence.labels, ['open', 'closed', 'mission', 'profit']);
    assert.deepEqual(sentence.matrix, [
      [3, 1, 1, 1],
      [1, 3, 0, 1],
      [1, 0, 2, 2],
      [1, 1, 2, 3],
    ]);
    assert.deepEqual(cooccurrenceOf(article, 'paragraph', 'poles').matrix, [
      [2, 1, 2, 2],
      [1, 2, 1, 1],
      [2, 1, 2, 2],
      [2, 1, 2, 2],
    ]);
    assert.deepEqual(cooccurrenceOf(article, 'section', 'poles').matrix, [[2, 2, 2, 2], [2, 2, 2, 2], [2, 2, 2, 2], [2, 2, 2, 2]]);
  });

  it('counts tags, and poles with tags, in the windows the annotations overlap', () => {
    const tags = cooccurrenceOf(smallArticle(), 'sentence', 'tags');
    assert.deepEqual([tags.labels, tags.matrix], [['争议焦点', '风险'], [[1, 0], [0, 1]]]);
    const both = cooccurrenceOf(smallArticle([{ start: 6, end: 20, labels: ['争议焦点', '风险'] }]), 'sentence', 'both');
    assert.deepEqual(both.kinds, ['pole', 'pole', 'pole', 'pole', 'tag', 'tag']);
    // The span covers S2 and the start of S3.
    assert.deepEqual(both.matrix[4], [2, 1, 1, 1, 2, 2]);
  });

  it('adds matrices over the union of their labels', () => {
    const a = cooccurrenceOf(smallArticle([{ start: 6, end: 8, labels: ['乙'] }]), 'sentence', 'tags');
    const b = cooccurrenceOf(smallArticle([{ start: 6, end: 8, labels: ['甲'] }, { start: 9, end: 11, labels: ['乙'] }]), 'sentence', 'tags');
    const sum = addCooccurrence(a, b);
    assert.deepEqual([sum.labels, sum.matrix], [['乙', '甲'], [[2, 1], [1, 1]]]);
  });

  it('a cell\'s query finds the hits of both labels in the windows it counts', () => {
    const article = smallArticle();
    const m = cooccurrenceOf(article, 'sentence', 'poles');
    assert.equal(cellQuery(m, 2, 3), '(pole:mission AND pole:profit) OR (pole:profit AND pole:mission) WITHIN sentence');
    assert.deepEqual(evaluateQuery(parseQuery(cellQuery(m, 2, 3)), article).map((o) => o.start), [9, 14, 41, 45]);
    assert.deepEqual(evaluateQuery(parseQuery(cellQuery(m, 1, 1)), article).map((o) => o.start), [21, 25, 53]);
  });

  describe('the sentence window counts the sentences tension sites are found in', () => {
    const compiled = compileLexicon(builtinLexicon);
    const files = [
      ...['ai-lab-expert-departure.md', 'openai-departures-news.txt'].map((f) => path.join('/work/shared/seeds', f)).filter((f) => fs.existsSync(f)),
      ...fs.readdirSync(path.join(root, 'test/fixtures/workspace')).filter((f) => /\.(md|txt)$/.test(f)).map((f) => path.join(root, 'test/fixtures/workspace', f)),
    ];
    for (const file of files) {
      it(path.relative(root, file), () => {
        const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
        const article: ConcordanceArticle = { text, analysis: analyze(text, formatOf(file), compiled) };
        const m = cooccurrenceOf(article, 'sentence', 'poles');
        let checked = 0;
        for (const axis of builtinLexicon.axes) {
          const [a, b] = axis.poles.map((p) => m.labels.indexOf(p.id)) as [number, number];
          const sites = article.analysis.sites.filter((s) => s.axis === axis.id).length;
          assert.equal(m.matrix[a]?.[b], sites, `${axis.id}: cell vs sites`);
          assert.equal(m.matrix[b]?.[a], sites);
          checked += sites;
        }
        assert.ok(checked > 0, 'the article has tension sites to compare');
      });
    }
  });
});
