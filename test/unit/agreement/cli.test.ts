import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { run } from '../../../src/cli/main';

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'agreement');
const reference = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'reference', 'agreement.expected.json'), 'utf8')) as {
  articles: Record<string, { units: number; tags: Record<string, Record<string, number | null>> }>;
  pooled: Record<string, Record<string, number | null>>;
};

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(args, { out: (s) => out.push(s), err: (s) => err.push(s), isTTY: false });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('tension-lens agreement (contract)', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tension-agreement-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('prints exactly the v1 JSON: version, unit, coders, articles with units and tags, pooled', async () => {
    const { code, out } = await cli(['agreement', '--json', FIXTURES]);
    assert.equal(code, 0);
    const json = JSON.parse(out) as Record<string, unknown> & { articles: { path: string; units: number; tags: Record<string, unknown>[] }[]; pooled: Record<string, unknown>[] };
    assert.deepEqual(Object.keys(json), ['version', 'unit', 'coders', 'articles', 'pooled']);
    assert.equal(json.version, 1);
    assert.equal(json.unit, 'character');
    assert.deepEqual(json.coders, ['alice', 'bob']);
    assert.deepEqual(json.articles.map((a) => [path.basename(a.path), a.units]), [['news.txt', 4215], ['sample.md', 3559]]);
    for (const article of json.articles) {
      assert.deepEqual(Object.keys(article), ['path', 'units', 'tags']);
      const expected = reference.articles[path.basename(article.path)];
      for (const tag of article.tags) {
        assert.deepEqual(Object.keys(tag), ['tag', 'a', 'b', 'both', 'percent', 'kappa', 'alpha']);
        const e = expected?.tags[tag.tag as string];
        for (const k of ['a', 'b', 'both']) assert.equal(tag[k], e?.[k]);
        for (const k of ['percent', 'kappa', 'alpha']) {
          if (e?.[k] === null) assert.equal(tag[k], null, `${tag.tag as string} ${k}`);
          else assert.ok(Math.abs((tag[k] as number) - (e?.[k] as number)) <= 1e-9, `${tag.tag as string} ${k}`);
        }
      }
    }
    for (const tag of json.pooled) {
      assert.deepEqual(Object.keys(tag), ['tag', 'a', 'b', 'both', 'percent', 'kappa', 'alpha']);
      const kappa = reference.pooled[tag.tag as string]?.kappa;
      assert.ok(typeof kappa === 'number' && Math.abs((tag.kappa as number) - kappa) <= 1e-9);
    }
  });

  it('puts the units and counts next to every figure in the human output, and says why a coefficient is undefined', async () => {
    const { code, out } = await cli(['agreement', '--coders', 'alice,bob', path.join(FIXTURES, 'sample.md'), path.join(FIXTURES, 'news.txt')]);
    assert.equal(code, 0);
    assert.match(out, /unit: one character \(code point\), line breaks excluded/);
    assert.match(out, /sample\.md \(3,559 units\)/);
    assert.match(out, /开放: A 68, B 36, both 19 of 3,559 units; agreement 98\.15% \(3,493\/3,559 units coded alike\); κ 0\.357; α 0\.356/);
    assert.match(out, /news\.txt[^\n]*\n(?:[^\n]*\n)*?\s+开放: A 0, B 0, both 0 of 4,215 units; [^\n]*κ — \(undefined: no variation, neither coder marked any unit\)/);
    assert.match(out, /Pooled over 2 articles \(7,774 units\)/);
  });

  it('swaps A and B with --coders', async () => {
    const { out } = await cli(['agreement', '--json', '--coders', 'bob,alice', path.join(FIXTURES, 'sample.md')]);
    const json = JSON.parse(out) as { coders: string[]; articles: { tags: { tag: string }[] }[] };
    assert.deepEqual(json.coders, ['bob', 'alice']);
    const open = json.articles[0]?.tags.find((t) => t.tag === '开放') as { a: number; b: number; both: number; kappa: number } | undefined;
    assert.deepEqual(open && [open.a, open.b, open.both], [36, 68, 19]);
    // κ is symmetric in the coders: swapping them leaves it as the reference computed it.
    assert.ok(Math.abs((open?.kappa ?? NaN) - (reference.articles['sample.md']?.tags['开放']?.kappa as number)) <= 1e-9);
  });

  it('skips an article only one coder coded, and says so', async () => {
    fs.copyFileSync(path.join(FIXTURES, 'sample.md'), path.join(tmp, 'a.md'));
    fs.copyFileSync(path.join(FIXTURES, 'sample.md.tension.alice.json'), path.join(tmp, 'a.md.tension.alice.json'));
    fs.copyFileSync(path.join(FIXTURES, 'sample.md'), path.join(tmp, 'b.md'));
    fs.copyFileSync(path.join(FIXTURES, 'sample.md.tension.alice.json'), path.join(tmp, 'b.md.tension.alice.json'));
    fs.copyFileSync(path.join(FIXTURES, 'sample.md.tension.bob.json'), path.join(tmp, 'b.md.tension.bob.json'));
    const { code, out, err } = await cli(['agreement', '--json', tmp]);
    assert.equal(code, 0);
    assert.deepEqual((JSON.parse(out) as { articles: { path: string }[] }).articles.map((a) => path.basename(a.path)), ['b.md']);
    assert.match(err, /a\.md: skipped, not coded by both alice and bob/);
  });

  it('refuses to guess between more than two coders, or with fewer than two (exit 2)', async () => {
    fs.copyFileSync(path.join(FIXTURES, 'sample.md'), path.join(tmp, 'a.md'));
    fs.copyFileSync(path.join(FIXTURES, 'sample.md.tension.alice.json'), path.join(tmp, 'a.md.tension.alice.json'));
    let result = await cli(['agreement', tmp]);
    assert.equal(result.code, 2);
    assert.match(result.err, /needs two coders' sidecars .* found only alice/);
    for (const c of ['bob', 'carol']) fs.copyFileSync(path.join(FIXTURES, 'sample.md.tension.bob.json'), path.join(tmp, `a.md.tension.${c}.json`));
    result = await cli(['agreement', tmp]);
    assert.equal(result.code, 2);
    assert.match(result.err, /found 3 coders \(alice, bob, carol\); choose two with --coders A,B/);
    result = await cli(['agreement', '--coders', 'alice', tmp]);
    assert.equal(result.code, 2);
    result = await cli(['scan', '--coders', 'alice,bob', tmp]);
    assert.equal(result.code, 2);
  });

  it('reports an unusable sidecar with its position, exits 1, and leaves the file as it was', async () => {
    fs.copyFileSync(path.join(FIXTURES, 'sample.md'), path.join(tmp, 'a.md'));
    fs.copyFileSync(path.join(FIXTURES, 'sample.md.tension.alice.json'), path.join(tmp, 'a.md.tension.alice.json'));
    fs.writeFileSync(path.join(tmp, 'a.md.tension.bob.json'), '{"version": 1,,}');
    const { code, err } = await cli(['agreement', '--coders', 'alice,bob', tmp]);
    assert.equal(code, 1);
    assert.match(err, /a\.md\.tension\.bob\.json:1:\d+/);
    assert.equal(fs.readFileSync(path.join(tmp, 'a.md.tension.bob.json'), 'utf8'), '{"version": 1,,}');
  });
});
