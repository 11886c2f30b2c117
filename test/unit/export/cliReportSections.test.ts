// `tension-lens export --format html` with --by, --cooccur and --kwic (spawned from dist/cli.js): the report's
// sections hold the numbers `stats --by`, `cooccur --json` and `kwic --json` print for the same files.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');
const cli = path.join(root, 'dist/cli.js');
const fixtures = path.join(root, 'test/fixtures/workspace');

function tension(args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, ...args, '--jobs', '1'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** The light chart of a report section (the dark one repeats it). */
function lightChart(html: string, card: string): string {
  const at = html.indexOf(`class="card ${card}`);
  assert.ok(at >= 0, `${card} in the report`);
  const from = html.indexOf('chart-light', at);
  return html.slice(from, html.indexOf('</svg>', from));
}

describe('CLI export --format html with --by, --cooccur and --kwic (spawned from dist/cli.js)', function () {
  this.timeout(120_000);
  let tmp: string;
  let files: string[];

  before(() => {
    execFileSync(process.execPath, ['esbuild.config.mjs'], { cwd: root });
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tension-report-sections-'));
    for (const f of ['ai-lab-expert-departure.md', 'openai-departures-news.txt']) fs.copyFileSync(path.join(fixtures, f), path.join(tmp, f));
    fs.writeFileSync(path.join(tmp, 'tension-variables.csv'), '\uFEFFpath,source,date\nai-lab-expert-departure.md,新华社,2024-05-01\nopenai-departures-news.txt,财新,2025-01-02\n');
    files = [path.join(tmp, 'ai-lab-expert-departure.md'), path.join(tmp, 'openai-departures-news.txt')];
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('the report holds the groups of stats --by, the matrix of cooccur --json and the lines of kwic --json', () => {
    const r = tension(['export', '--format', 'html', '--lang', 'en', '--by', 'source', '--cooccur', '--window', 'paragraph', '--kwic', 'pole:open', '--sort', 'right', ...files]);
    assert.equal(r.code, 0, r.stderr);
    const html = r.stdout;

    const stats = JSON.parse(tension(['stats', '--json', '--by', 'source', ...files]).stdout) as { groups: { value: string | null; files: number; counts: { total: number } }[] };
    const groups = [...html.matchAll(/<tr data-value="([^"]*)"><th>[^<]*<\/th><td class="n">(\d+)<\/td><td class="n">\d+<\/td><td class="n">(\d+)<\/td>/g)].map((m) => [m[1], Number(m[2]), Number(m[3])]);
    assert.deepEqual(groups, stats.groups.map((g) => [g.value ?? '', g.files, g.counts.total]));
    assert.match(html, /Chi-square test of independence: χ² = [\d.]+, df = \d+/);

    const cooccur = JSON.parse(tension(['cooccur', '--json', '--window', 'paragraph', ...files]).stdout) as { labels: string[]; matrix: number[][] };
    const cells = new Map([...lightChart(html, 'cooccurrence-card').matchAll(/data-cell="(\d+),(\d+)" data-count="(\d+)"/g)].map((m) => [`${m[1]},${m[2]}`, Number(m[3])]));
    assert.equal(cells.size, cooccur.labels.length ** 2);
    cooccur.matrix.forEach((row, i) => row.forEach((n, j) => assert.equal(cells.get(`${i},${j}`), n, `${cooccur.labels[i] ?? ''} × ${cooccur.labels[j] ?? ''}`)));
    assert.match(html, /<section class="card cooccurrence-card" data-window="paragraph" data-of="poles">/);

    const kwic = JSON.parse(tension(['kwic', '--json', '--pole', 'open', '--sort', 'right', ...files]).stdout) as { lines: { path: string; start: number }[] };
    const rows = [...html.matchAll(/<tr data-path="([^"]*)" data-start="(\d+)">/g)].map((m) => [path.basename(m[1] ?? ''), Number(m[2])]);
    assert.ok(kwic.lines.length > 5);
    assert.deepEqual(rows, kwic.lines.map((l) => [path.basename(l.path), l.start]));
  });

  it('says what is wrong with a misplaced or malformed section option, exit 2, nothing written', () => {
    const out = path.join(tmp, 'never.html');
    const cases: [string[], RegExp][] = [
      [['export', '--format', 'md', '--kwic', 'pole:open'], /--kwic adds a section to the HTML report: use it with --format html/],
      [['export', '--format', 'html', '--kwic', 'pole:nowhere'], /--kwic: .*pole/],
      [['export', '--format', 'html', '--window', 'paragraph'], /--window goes with --cooccur/],
      [['export', '--format', 'html', '--cooccur', '--window', 'page'], /--window must be sentence, paragraph or section, not 'page'/],
      [['stats', '--cooccur'], /--cooccur is for export --format html/],
    ];
    for (const [args, message] of cases) {
      const r = tension([...args, '--out', out, ...(files)]);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, message);
      assert.ok(!fs.existsSync(out));
    }
  });
});
