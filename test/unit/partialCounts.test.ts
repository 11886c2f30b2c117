import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { CountsSum, type PartialCounts, type TensionCounts, analyze, builtinLexicon, compileLexicon, sumCounts } from '../../src/core';

const fixtures = path.resolve(__dirname, '../fixtures/workspace');

/** mulberry32: a small deterministic generator, so a failure names a seed that reproduces it. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

describe('stats summed in parts (the CLI workers) equal the stats of the whole', () => {
  const compiled = compileLexicon(builtinLexicon);
  // Files with different terms in different orders: the seeds cut into paragraphs, some empty of terms.
  const texts = fs.readdirSync(fixtures).filter((f) => /\.(md|txt)$/.test(f)).sort()
    .flatMap((f) => fs.readFileSync(path.join(fixtures, f), 'utf8').split(/\n\s*\n/))
    .filter((p) => p.trim() !== '');
  const counts: TensionCounts[] = texts.map((t) => analyze(t, 'plaintext', compiled).counts);
  const whole = sumCounts(counts);

  it('has a corpus worth the test: many files, terms first seen in different files', () => {
    assert.ok(counts.length > 50, `${counts.length} files`);
    assert.ok(Object.keys(whole.terms).length > 30);
    assert.ok(counts.some((c) => c.total === 0), 'some files have no terms');
  });

  for (const seed of [1, 2, 3, 4, 5]) {
    it(`any split into workers, merged in any order, gives the same counts, keys in the same order (seed ${seed})`, () => {
      const next = random(seed);
      const workers = 2 + Math.floor(next() * 3);
      // Consecutive batches of random sizes handed to random workers, as the pool does.
      const parts = Array.from({ length: workers }, () => new CountsSum());
      for (let i = 0; i < counts.length;) {
        const size = 1 + Math.floor(next() * 8);
        const worker = parts[Math.floor(next() * workers)] as CountsSum;
        for (let j = i; j < Math.min(i + size, counts.length); j++) worker.add(counts[j] as TensionCounts, j);
        i += size;
      }
      // Through structured clone, as a partial sum crosses from a worker thread; merged last worker first.
      const partials: PartialCounts[] = parts.map((p) => structuredClone(p.partial())).reverse();
      const merged = new CountsSum();
      for (const p of partials) merged.merge(p);
      assert.equal(JSON.stringify(merged.value()), JSON.stringify(whole));
    });
  }

  it('merging nothing gives zero counts', () => {
    assert.deepEqual(new CountsSum().value(), { total: 0, axes: {}, terms: {} });
  });
});
