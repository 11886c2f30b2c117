import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');
const cli = path.join(root, 'dist/cli.js');
const workspace = path.join(root, 'test/fixtures/variables-workspace');

interface Counts { total: number; axes: Record<string, { total: number; poles: Record<string, number> }>; terms: Record<string, number> }
interface Group { value: string | null; files: number; characters: number; counts: Counts }
interface StatsJson { version: number; files: string[]; counts: Counts; by?: string; groups?: Group[] }

function tension(args: string[], env: NodeJS.ProcessEnv = {}): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function stats(args: string[], env: NodeJS.ProcessEnv = {}): StatsJson {
  const r = tension(['stats', '--json', ...args], env);
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout) as StatsJson;
}

/** The groups' counts added up, key by key, as a second reading of `totals`. */
function sum(groups: readonly Group[]): Counts {
  const out: Counts = { total: 0, axes: {}, terms: {} };
  for (const g of groups) {
    out.total += g.counts.total;
    for (const [id, a] of Object.entries(g.counts.axes)) {
      const s = (out.axes[id] ??= { total: 0, poles: {} });
      s.total += a.total;
      for (const [p, n] of Object.entries(a.poles)) s.poles[p] = (s.poles[p] ?? 0) + n;
    }
    for (const [t, n] of Object.entries(g.counts.terms)) out.terms[t] = (out.terms[t] ?? 0) + n;
  }
  return out;
}

describe('CLI: stats --by (document variables)', function () {
  this.timeout(120000);
  before(() => execFileSync(process.execPath, ['esbuild.config.mjs'], { cwd: root }));

  it('groups by source: front matter, the CSV for plain text, the article without one as "value": null; groups sum to totals', () => {
    const whole = stats(['--by', 'source', workspace]);
    assert.equal(whole.by, 'source');
    assert.deepEqual(whole.groups?.map((g) => [g.value, g.files]), [['新华社', 4], ['财新', 3], [null, 1]]);
    assert.deepEqual(sum(whole.groups ?? []), whole.counts);
    assert.equal(whole.groups?.reduce((n, g) => n + g.files, 0), whole.files.length);
    // characters: the UTF-16 length of each text (the front matter included), as the dashboard counts them.
    const undated = fs.readFileSync(path.join(workspace, 'undated.md'), 'utf8');
    assert.equal(whole.groups?.[2]?.characters, undated.length);
  });

  it('groups dates by year, quarter and month, whatever form the date was written in (the CSV overriding front matter)', () => {
    assert.deepEqual(stats(['--by', 'date:year', workspace]).groups?.map((g) => [g.value, g.files]), [['2023', 2], ['2024', 3], ['2025', 2], [null, 1]]);
    assert.deepEqual(stats(['--by', 'date:quarter', workspace]).groups?.map((g) => g.value), ['2023-Q1', '2023-Q3', '2024-Q1', '2024-Q2', '2024-Q4', '2025-Q1', null]);
    assert.deepEqual(stats(['--by', 'date:month', workspace]).groups?.map((g) => g.value), ['2023-03', '2023-08', '2024-01', '2024-06', '2024-11', '2025-02', '2025-03', null]);
    // region exists only in the CSV.
    assert.deepEqual(stats(['--by', 'region', workspace]).groups?.map((g) => [g.value, g.files]), [['大陆', 1], ['香港', 1], [null, 6]]);
  });

  it('gives the same groups with 1 job and with the worker pool', () => {
    const one = stats(['--jobs', '1', '--by', 'date:year', workspace]);
    const pool = tension(['stats', '--json', '--jobs', '3', '--by', 'date:year', workspace], { TENSION_LENS_TRACE: 'pool' });
    assert.match(pool.stderr, /3 threads: this one and 2 workers/);
    assert.deepEqual(JSON.parse(pool.stdout), one);
  });

  it('stats --merge of grouped shards equals the grouped stats of the whole', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tension-by-'));
    try {
      const shards = [path.join(workspace, '2023'), path.join(workspace, '2024'), path.join(workspace, '2025-xinhua-review.md'), path.join(workspace, 'notes.txt'), path.join(workspace, 'undated.md')]
        .map((part, i) => {
          const out = path.join(tmp, `${i}.json`);
          assert.equal(tension(['stats', '--json', '--by', 'date:year', '--out', out, part]).code, 0);
          return out;
        });
      const merged = tension(['stats', '--merge', '--json', ...shards]);
      assert.equal(merged.code, 0, merged.stderr);
      assert.deepEqual(JSON.parse(merged.stdout), stats(['--by', 'date:year', workspace]));
      // Shards grouped differently cannot be added up.
      const other = path.join(tmp, 'other.json');
      tension(['stats', '--json', '--by', 'source', '--out', other, path.join(workspace, 'undated.md')]);
      const refused = tension(['stats', '--merge', '--json', shards[0] ?? '', other]);
      assert.equal(refused.code, 1);
      assert.match(refused.stderr, /grouped differently \(date:year, source\)/);
      assert.equal(refused.stdout, '');
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('reports a bad value with file, line and column, and still groups the article by its other variables', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tension-by-'));
    try {
      fs.writeFileSync(path.join(tmp, 'a.md'), '---\nsource: 新华社\ndate: 2024-02-30\n---\n开放与封闭。\n');
      fs.writeFileSync(path.join(tmp, 'tension-variables.csv'), '\uFEFFpath,region\r\na.md,大陆\r\nb.md,x,extra\r\n');
      const r = tension(['stats', '--json', '--by', 'source', tmp]);
      assert.equal(r.code, 0);
      assert.match(r.stderr, /a\.md:3:7: 'date' is not a date: '2024-02-30'/);
      assert.match(r.stderr, /tension-variables\.csv:3:3: the row has 3 cells/);
      assert.deepEqual((JSON.parse(r.stdout) as StatsJson).groups?.map((g) => g.value), ['新华社']);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('a --by key no file has (a typo) is said on stderr; the output is still the one group without a value', () => {
    const r = tension(['stats', '--json', '--by', 'sourse', workspace]);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual((JSON.parse(r.stdout) as StatsJson).groups?.map((g) => g.value), [null]);
    assert.equal(r.stderr, "tension-lens: no article has a value for 'sourse' (front matter or tension-variables.csv), so all of them are in the group without a value\n");
    assert.equal(tension(['stats', '--json', '--by', 'source', workspace]).stderr, '', 'no such line when some article has the key');
  });

  it('without --by the output is unchanged (no by, no groups); --by is refused elsewhere', () => {
    const plain = stats([workspace]);
    assert.deepEqual(Object.keys(plain), ['version', 'files', 'counts', 'encodings']);
    assert.equal(tension(['scan', '--by', 'source', workspace]).code, 2);
    assert.equal(tension(['stats', '--by', ':year', workspace]).code, 2);
  });

  it('the readable stats show each group with its files, characters and rate', () => {
    const r = tension(['stats', '--by', 'source', workspace]);
    assert.match(r.stdout, /^新华社: 4 files, [\d,]+ characters, 24 terms \([\d.]+ per 10,000 characters\)$/m);
    assert.match(r.stdout, /^\(no value\): 1 file, /m);
  });
});
