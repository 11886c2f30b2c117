import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { type Coding, applyResolution, codingOf, disagreements, newSidecar, parseSidecar } from '../../../src/core';

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'agreement');
const text = fs.readFileSync(path.join(FIXTURES, 'sample.md'), 'utf8');

function coding(coder: string): Coding {
  const file = path.join(FIXTURES, `sample.md.tension.${coder}.json`);
  const parsed = parseSidecar(fs.readFileSync(file, 'utf8'), file);
  if ('problems' in parsed) throw new Error(file);
  return codingOf(coder, parsed.sidecar, text);
}

describe('adjudication', () => {
  const found = disagreements(text, coding('alice'), coding('bob'));
  const at = (tag: string, quote: string) => found.find((d) => d.tag === tag && text.slice(d.start, d.end).includes(quote));

  it('finds each place the coders disagree on, per tag, with what each marked there', () => {
    const partial = at('开放', '开放协作原则');
    assert.deepEqual(partial && text.slice(partial.start, partial.end), '开放协作原则可持续性');
    assert.deepEqual(partial?.a.map((s) => text.slice(s.start, s.end)), ['开放协作原则可持续性']);
    assert.deepEqual(partial?.b.map((s) => text.slice(s.start, s.end)), ['开放协作原则']);
    const onlyB = at('商业化', 'GPU集群');
    assert.deepEqual(onlyB?.a, []);
    // Where both marked the same, there is nothing to settle.
    assert.equal(found.find((d) => d.tag === '商业化' && text.slice(d.start, d.end) === '闭源商用路径与短期技术落地指标'), undefined);
    // Bob's 张力 runs over a line break into the next paragraph: one disagreement, not two.
    const heading = at('张力', '2.1');
    assert.ok(heading && text.slice(heading.start, heading.end).includes('\n'));
    assert.equal(heading.b.length, 1);
  });

  it('writes accept A, accept B and the union into the consensus, with the note; skip changes nothing', () => {
    const d = at('开放', '开放协作原则');
    assert.ok(d);
    let n = 0;
    const ids = (): string => `id${++n}`;
    const empty = newSidecar({ path: 'sample.md', sha256: '0'.repeat(64), length: text.length });
    const a = applyResolution(empty, text, d, 'a', '取 A', '2026-01-01T00:00:00Z', ids, coding('alice').tags);
    assert.deepEqual(a.tags.map((t) => [t.id, t.label, t.color]), [['a-open', '开放', '#2e7d32']]);
    assert.deepEqual(a.annotations.map((x) => [x.target.quote.exact, x.note, x.tags]), [['开放协作原则可持续性', '取 A', ['a-open']]]);
    const b = applyResolution(a, text, d, 'b', '', '2026-01-01T00:00:00Z', ids, coding('bob').tags);
    assert.deepEqual(b.tags.length, 1, 'the consensus tag of that label is reused');
    assert.deepEqual(b.annotations.map((x) => x.target.quote.exact), ['开放协作原则可持续性', '开放协作原则']);
    const u = applyResolution(empty, text, d, 'union', '', '2026-01-01T00:00:00Z', ids, []);
    assert.deepEqual(u.annotations.map((x) => x.target.quote.exact), ['开放协作原则可持续性']);
    assert.equal(applyResolution(empty, text, d, 'skip', '', '2026-01-01T00:00:00Z', ids, []), empty);
  });
});
