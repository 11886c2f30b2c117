import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { article } from '../../../bench/inputs';
import { type ArticleFormat, analyze, builtinLexicon, compileLexicon, evaluateQuery, hitAtomOccurrences, isHitAtom, parseQuery } from '../../../src/core';

const fixtures = path.resolve(__dirname, '../../fixtures/workspace');

describe('kwic of one term, pole or axis from the matcher alone', () => {
  const lexicon = compileLexicon(builtinLexicon);
  const texts: { text: string; format: ArticleFormat }[] = [];
  for (const name of fs.readdirSync(fixtures).filter((f) => /\.(md|txt)$/.test(f)).sort()) {
    const text = fs.readFileSync(path.join(fixtures, name), 'utf8');
    const format: ArticleFormat = name.endsWith('.md') ? 'markdown' : 'plaintext';
    texts.push({ text, format }, { text: text.replace(/\n/g, '\r\n'), format });
  }
  // The bench's Markdown: headings, quotes, lists, emphasis and code, where visible text and source offsets part.
  const generated = article('markdown', 200 * 1024);
  texts.push({ text: generated, format: 'markdown' }, { text: generated, format: 'plaintext' });
  const [axis] = builtinLexicon.axes;
  const atoms = ['pole:open', 'pole:closed', `axis:${axis?.id ?? ''}`, 'term:open-source', 'pole:commercial'];

  it('knows which queries it can answer: one hit atom, nothing around it', () => {
    assert.ok(isHitAtom(parseQuery('pole:open')));
    assert.ok(!isHitAtom(parseQuery('pole:open AND pole:closed')));
    assert.ok(!isHitAtom(parseQuery('tag:x')));
    assert.ok(!isHitAtom(parseQuery('"开放"')));
  });

  for (const query of atoms) {
    it(`finds what evaluateQuery finds over the analysis: ${query}`, () => {
      const node = parseQuery(query);
      if (!isHitAtom(node)) throw new Error(`${query} is a hit atom`);
      let found = 0;
      let negated = 0;
      for (const { text, format } of texts) {
        const expected = evaluateQuery(node, { text, analysis: analyze(text, format, lexicon) });
        const actual = hitAtomOccurrences(node, text, format, lexicon);
        assert.deepEqual(actual, expected);
        found += actual.length;
        negated += actual.filter((o) => o.negated).length;
      }
      assert.ok(found > 20, `${query}: ${found} occurrences`);
      if (query === 'pole:open') assert.ok(negated > 0, 'some negated hits');
    });
  }
});
