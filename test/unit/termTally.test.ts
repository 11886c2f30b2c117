import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { article } from '../../bench/inputs';
import { type ArticleFormat, CountsSum, type Lexicon, TermTally, analyze, builtinLexicon, compileLexicon, sumCounts } from '../../src/core';
import { testLexicon } from './helpers/testLexicon';

const fixtures = path.resolve(__dirname, '../fixtures/workspace');

interface File {
  readonly text: string;
  readonly format: ArticleFormat;
}

/** The fixtures whole and cut into paragraphs, and the bench's generated Markdown (headings, quotes, lists, code) cut into articles. */
function corpus(): File[] {
  const files: File[] = [];
  for (const name of fs.readdirSync(fixtures).filter((f) => /\.(md|txt)$/.test(f)).sort()) {
    const text = fs.readFileSync(path.join(fixtures, name), 'utf8');
    const format: ArticleFormat = name.endsWith('.md') ? 'markdown' : 'plaintext';
    files.push({ text, format }, { text: text.replace(/\n/g, '\r\n'), format });
    for (const p of text.split(/\n\s*\n/)) files.push({ text: p, format });
  }
  const generated = article('markdown', 300 * 1024).split('\n\n');
  for (let i = 0; i < generated.length; i += 7) files.push({ text: generated.slice(i, i + 7).join('\n\n'), format: i % 2 === 0 ? 'markdown' : 'plaintext' });
  files.push({ text: '', format: 'markdown' }, { text: 'no terms here', format: 'plaintext' });
  return files;
}

/** The stats `analyze` gives over every file (what `stats --jobs 1` printed before the tally) and the tally's, split over `workers`. */
function both(lexicon: Lexicon, files: readonly File[], workers: number): [string, string] {
  const compiled = compileLexicon(lexicon);
  const whole = sumCounts(files.map((f) => analyze(f.text, f.format, compiled).counts));
  const tallies = Array.from({ length: workers }, () => new TermTally(compiled));
  // Batches of 3 files to the workers in turn, as the pool hands them out; merged last worker first.
  files.forEach((f, i) => (tallies[Math.floor(i / 3) % workers] as TermTally).add(f.text, f.format, i));
  const merged = new CountsSum();
  for (const t of tallies.reverse()) merged.merge(structuredClone(t.partial()));
  return [JSON.stringify(merged.value()), JSON.stringify(whole)];
}

describe('TermTally: the counts of stats without the analysis', () => {
  const files = corpus();

  it('has a corpus worth the test: Markdown and plain text, many terms', () => {
    const counts = sumCounts(files.map((f) => analyze(f.text, f.format, builtinLexicon).counts));
    assert.ok(files.length > 100, `${files.length} files`);
    assert.ok(counts.total > 1000 && Object.keys(counts.terms).length > 50, `${counts.total} hits, ${Object.keys(counts.terms).length} terms`);
  });

  for (const workers of [1, 2, 3]) {
    it(`equals the summed counts of analyze, keys in the same order, split over ${workers} worker(s)`, () => {
      const [tally, analysed] = both(builtinLexicon, files, workers);
      assert.equal(tally, analysed);
    });
  }

  it('leaves out exclusion phrases as analyze does, and keeps ids shared by two terms and numeric ids in the same order', () => {
    const axis = testLexicon.axes[0];
    const [open, closed] = axis?.poles ?? [];
    const model = open?.terms[0];
    if (!axis || !open || !closed || !model) throw new Error('the test lexicon has an axis with two poles and terms');
    // Two terms with one id, and ids that are array indices (which a JavaScript object enumerates first).
    const lexicon: Lexicon = {
      ...testLexicon,
      axes: [...testLexicon.axes, {
        ...axis, id: 'numbered',
        poles: [
          { ...open, terms: [{ ...model, id: '7', forms: ['使命'] }, { ...model, id: 'public', forms: ['透明'] }] },
          { ...closed, terms: [{ ...model, id: '3', forms: ['利益'] }] },
        ],
      }],
    };
    const text = '公开信里说开放，不是公开放映。利益与使命之间，透明而公开。开源和闭源。';
    const some: File[] = [{ text, format: 'plaintext' }, { text: '使命', format: 'markdown' }, { text: '利益，公开表示开放', format: 'plaintext' }, ...files.slice(0, 40)];
    const [tally, analysed] = both(lexicon, some, 2);
    assert.equal(tally, analysed);
    const counts = JSON.parse(tally) as { terms: Record<string, number> };
    assert.ok(counts.terms['7'] && counts.terms['3'] && counts.terms.public, tally);
  });

  it('counts nothing when no file was added, as CountsSum does', () => {
    const merged = new CountsSum();
    merged.merge(new TermTally(compileLexicon(builtinLexicon)).partial());
    assert.deepEqual(merged.value(), { total: 0, axes: {}, terms: {} });
  });
});
