import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const cli = path.join(root, 'dist/cli.js');

function tension(args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe('CLI suggest (spawned from dist/cli.js)', function () {
  this.timeout(60000);
  let tmp: string;

  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tension-suggest-'));
    fs.writeFileSync(path.join(tmp, 'a.md'), '# 标题\n\n这场开放与壁垒之争仍在继续。\n从封闭到互通，行业走了十年。\n');
    fs.writeFileSync(path.join(tmp, 'b.txt'), '這場開放與壁壘之爭仍在繼續。\n他们要的不是牟利而是造福。\n');
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('--json prints exactly the documented shape, best first, Traditional folded into Simplified', () => {
    const r = tension(['suggest', '--json', '--jobs', '2', tmp]);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { version: number; candidates: Record<string, unknown>[] };
    assert.deepEqual(Object.keys(out), ['version', 'candidates']);
    assert.equal(out.version, 1);
    for (const c of out.candidates) {
      assert.deepEqual(Object.keys(c), ['text', 'axis', 'pole', 'score', 'count', 'files', 'examples']);
      for (const e of c.examples as Record<string, unknown>[]) assert.deepEqual(Object.keys(e), ['path', 'line', 'context']);
    }
    const scores = out.candidates.map((c) => c.score as number);
    assert.deepEqual(scores, [...scores].sort((a, b) => b - a));
    const wall = out.candidates.find((c) => c.text === '壁垒');
    assert.deepEqual({ axis: wall?.axis, pole: wall?.pole, count: wall?.count, files: wall?.files }, { axis: 'open-closed', pole: 'closed', count: 2, files: 2 });
    assert.deepEqual(wall?.examples, [
      { path: path.join(tmp, 'a.md'), line: 3, context: '这场开放与壁垒之争仍在继续。' },
      { path: path.join(tmp, 'b.txt'), line: 1, context: '這場開放與壁壘之爭仍在繼續。' },
    ]);
    assert.equal(out.candidates.some((c) => c.text === '壁壘'), false);
    assert.deepEqual(out.candidates.filter((c) => ['互通', '造福'].includes(c.text as string)).map((c) => `${c.text as string}:${c.pole as string}`).sort(), ['互通:open', '造福:mission']);
  });

  it('--jobs 1 gives the same output as the pool', () => {
    assert.equal(tension(['suggest', '--json', '--jobs', '1', tmp]).stdout, tension(['suggest', '--json', '--jobs', '3', tmp]).stdout);
  });

  it('--top cuts the list; the readable list names pole, counts and path:line', () => {
    const one = JSON.parse(tension(['suggest', '--json', '--top', '1', tmp]).stdout) as { candidates: unknown[] };
    assert.equal(one.candidates.length, 1);
    const text = tension(['suggest', tmp]);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /壁垒 {2}封闭 open-closed\/closed {2}score [\d.]+ {2}2× in 2 files/);
    assert.ok(text.stdout.includes(`${path.join(tmp, 'a.md')}:3`));
  });

  it('never suggests what a --lexicon file rejects', () => {
    const lexicon = path.join(tmp, 'lex.json');
    fs.writeFileSync(lexicon, JSON.stringify({ version: 1, axes: [], rejected: ['壁壘'] }));
    const out = JSON.parse(tension(['suggest', '--json', '--lexicon', lexicon, tmp]).stdout) as { candidates: { text: string }[] };
    assert.equal(out.candidates.some((c) => c.text === '壁垒'), false);
    assert.ok(out.candidates.some((c) => c.text === '互通'));
  });

  it('refuses a bad --top with exit 2, and --top on another command', () => {
    const bad = tension(['suggest', '--top', '0', tmp]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--top must be a whole number of at least 1, not '0'/);
    assert.equal(tension(['scan', '--top', '3', tmp]).code, 2);
  });
});
