import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  type ArticleAgreement, type Coding, type Coefficient, type TagAgreement, codingOf, cohenKappa, compareCodings, compareSegments, createAnnotation,
  krippendorffAlpha, parseSidecar, percentAgreement, poolAgreement, unitOffsets,
} from '../../../src/core';

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'agreement');
const REFERENCE = path.join(__dirname, '..', '..', 'reference', 'agreement.expected.json');

interface Figures { units: number; a: number; b: number; both: number; percent: number | null; kappa: number | null; alpha: number | null }
interface Reference {
  articles: Record<string, { units: number; tags: Record<string, Figures> }>;
  pooled: Record<string, Figures>;
}
const reference = JSON.parse(fs.readFileSync(REFERENCE, 'utf8')) as Reference;

function coding(article: string, coder: string): { text: string; coding: Coding } {
  const text = fs.readFileSync(path.join(FIXTURES, article), 'utf8');
  const file = path.join(FIXTURES, `${article}.tension.${coder}.json`);
  const parsed = parseSidecar(fs.readFileSync(file, 'utf8'), file);
  if ('problems' in parsed) throw new Error(`fixture ${file} is unusable`);
  return { text, coding: codingOf(coder, parsed.sidecar, text) };
}

function compare(article: string): ArticleAgreement {
  const { text, coding: alice } = coding(article, 'alice');
  return compareCodings(text, alice, coding(article, 'bob').coding);
}

function close(actual: Coefficient, expected: number | null, what: string): void {
  if (expected === null) {
    assert.equal(actual.value, null, `${what}: expected undefined, got ${String(actual.value)}`);
    return;
  }
  assert.notEqual(actual.value, null, `${what}: expected ${expected}, got null (${actual.reason ?? ''})`);
  assert.ok(Math.abs((actual.value ?? NaN) - expected) <= 1e-9, `${what}: ${String(actual.value)} differs from the reference ${expected} by more than 1e-9`);
}

function matchesReference(actual: readonly TagAgreement[], expected: Record<string, Figures>, where: string): void {
  assert.deepEqual(actual.map((t) => t.tag), Object.keys(expected), `${where}: the tags`);
  for (const t of actual) {
    const e = expected[t.tag];
    if (!e) throw new Error(`${where}: no reference for ${t.tag}`);
    assert.deepEqual({ units: t.units, a: t.a, b: t.b, both: t.both }, { units: e.units, a: e.a, b: e.b, both: e.both }, `${where} ${t.tag}: counts`);
    close(t.percent, e.percent, `${where} ${t.tag} percent`);
    close(t.kappa, e.kappa, `${where} ${t.tag} kappa`);
    close(t.alpha, e.alpha, `${where} ${t.tag} alpha`);
  }
}

describe('intercoder agreement', () => {
  it('gives the reference counts, percent, κ (scikit-learn) and α (coincidence matrix) on the sample article', () => {
    const result = compare('sample.md');
    const expected = reference.articles['sample.md'];
    assert.ok(expected);
    assert.equal(result.units, expected.units);
    matchesReference(result.tags, expected.tags, 'sample.md');
    // The fixture is meant to have real disagreement on every tag: a test that only sees κ = 1 proves little.
    assert.ok(result.tags.every((t) => t.kappa.value === null || t.kappa.value < 1));
  });

  it('gives the reference figures on the second article and pooled over both', () => {
    const news = compare('news.txt');
    const expected = reference.articles['news.txt'];
    assert.ok(expected);
    matchesReference(news.tags, expected.tags, 'news.txt');
    matchesReference(poolAgreement([compare('sample.md'), news]), reference.pooled, 'pooled');
  });

  it('says why a coefficient is undefined', () => {
    const news = compare('news.txt');
    const open = news.tags.find((t) => t.tag === '开放');
    assert.deepEqual(open?.kappa, { value: null, reason: 'no-variation' });
    assert.deepEqual(open?.alpha, { value: null, reason: 'no-variation' });
    assert.deepEqual(open?.percent, { value: 100 });
    const empty = { units: 0, a: 0, b: 0, both: 0 };
    for (const f of [percentAgreement, cohenKappa, krippendorffAlpha]) assert.deepEqual(f(empty), { value: null, reason: 'no-units' });
  });

  it('ignores orphaned annotations: they mark no unit', () => {
    const { coding: bob } = coding('sample.md', 'bob');
    const orphan = bob.anchors.find((a) => a.annotation.id === 'bob-10');
    assert.equal(orphan?.state, 'orphaned');
    const open = compare('sample.md').tags.find((t) => t.tag === '开放');
    // Bob's open spans: 开放协作原则 (6), 有人视开放为不可妥协的底线 (13), 还有人已在构建“有限开放”的新范式 (17).
    assert.equal(open?.b, 6 + 13 + 17);
  });

  it('gives κ = α-limit 1 for identical codings and ≤ 0 for codings that never meet', () => {
    assert.equal(cohenKappa({ units: 10, a: 4, b: 4, both: 4 }).value, 1);
    assert.equal(krippendorffAlpha({ units: 10, a: 4, b: 4, both: 4 }).value, 1);
    assert.ok((cohenKappa({ units: 10, a: 3, b: 3, both: 0 }).value ?? 1) < 0);
  });

  it('counts code points, not UTF-16 units, and skips line breaks', () => {
    const text = 'a\r\n𠀋b\n';
    assert.deepEqual([...unitOffsets(text)], [0, 3, 5]);
    const tags = [{ id: 't', label: 'T' }];
    const whole = createAnnotation({ text, start: 0, end: text.length, tags: ['t'], now: '2026-01-01T00:00:00Z', id: 'x' });
    const pair = createAnnotation({ text, start: 3, end: 5, tags: ['t'], now: '2026-01-01T00:00:00Z', id: 'y' });
    const result = compareCodings(text, { coder: 'A', tags, anchors: [{ annotation: whole, state: 'exact' }] }, { coder: 'B', tags, anchors: [{ annotation: pair, state: 'exact' }] });
    assert.equal(result.units, 3);
    assert.deepEqual(result.tags[0] && { a: result.tags[0].a, b: result.tags[0].b, both: result.tags[0].both }, { a: 3, b: 1, both: 1 });
    // The passages: A alone on 'a', both on the surrogate pair, A alone on 'b' (the line break is no unit).
    assert.deepEqual(result.tags[0]?.spans, [{ start: 0, end: 1, kind: 'a' }, { start: 3, end: 5, kind: 'both' }, { start: 5, end: 6, kind: 'a' }]);
  });

  it('lists the passages of each tag: both, A only, B only', () => {
    const { text } = coding('sample.md', 'alice');
    const commerce = compare('sample.md').tags.find((t) => t.tag === '商业化');
    const quotes = (commerce?.spans ?? []).map((s) => `${s.kind}:${text.slice(s.start, s.end)}`);
    assert.ok(quotes.includes('both:闭源商用路径与短期技术落地指标'));
    assert.ok(quotes.includes('b:GPU集群必须优先响应高商业潜力项目'));
    assert.equal(quotes.filter((q) => q.startsWith('a:')).length, 0, 'every unit Alice coded 商业化 Bob coded too');
  });

  it('checks each segment against the other coder (segment view) and lists the disagreements', () => {
    const { coding: alice } = coding('sample.md', 'alice');
    const { coding: bob } = coding('sample.md', 'bob');
    const view = compareSegments(alice, bob);
    const key = (s: { coder: string; tag: string; quote: string }): string => `${s.coder} ${s.tag} ${s.quote}`;
    assert.deepEqual(view.disagreements.map(key).sort(), [
      'a 开放 基础研究透明性与社区共建价值',
      'a 开放 数据共享从“默认开放”滑向“一事一批”',
      'a 张力 商业化不是伦理的反义词',
      'b 伦理 伦理从不悬浮于云端',
      'b 伦理 商业化不是伦理的反义词',
      'b 商业化 GPU集群必须优先响应高商业潜力项目',
      'b 开放 还有人已在构建“有限开放”的新范式',
    ].sort());
    const partial = view.segments.find((s) => s.coder === 'a' && s.quote === '开放协作原则可持续性');
    assert.deepEqual(partial?.overlapping, ['bob-01']);
    // The orphan is in neither list.
    assert.ok(view.segments.every((s) => s.annotationId !== 'bob-10'));
  });
});
