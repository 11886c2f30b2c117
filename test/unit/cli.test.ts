import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const cli = path.join(root, 'dist/cli.js');
const seeds = path.join(root, 'test/fixtures/workspace');

function tension(args: string[], input?: string): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, ...args], { input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

interface ScanJson {
  version: number;
  files: { path: string; hits: Record<string, unknown>[]; sites: unknown[]; counts: { total: number } }[];
}

describe('CLI (spawned from dist/cli.js)', function () {
  this.timeout(60000);
  let tmp: string;

  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tension-cli-'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('starts with a shebang so npx tension-lens runs it', () => {
    assert.match(fs.readFileSync(cli, 'utf8').split('\n', 1)[0] ?? '', /^#!\/usr\/bin\/env node/);
  });

  it('prints --help and --version with exit 0', () => {
    const help = tension(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /tension-lens scan/);
    const version = tension(['--version']);
    assert.equal(version.stdout.trim(), (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version);
  });

  it('scan --json prints the documented shape with UTF-16 offsets into the BOM-less text', () => {
    const file = path.join(tmp, 'bom-crlf.md');
    fs.writeFileSync(file, '\uFEFF标题\r\n\r\n坚持开源😀,拒绝闭源。\r\n');
    const r = tension(['scan', '--json', file]);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as ScanJson;
    assert.equal(out.version, 1);
    const [f] = out.files;
    assert.ok(f);
    assert.equal(f.path, file);
    const text = fs.readFileSync(file, 'utf8').slice(1);
    assert.ok(f.hits.length >= 2);
    for (const hit of f.hits) {
      assert.deepEqual(Object.keys(hit), ['start', 'end', 'line', 'character', 'text', 'term', 'axis', 'pole', 'negated']);
      assert.equal(text.slice(hit.start as number, hit.end as number), hit.text);
    }
    const closed = f.hits.find((h) => h.pole === 'closed');
    assert.deepEqual([closed?.line, closed?.character, closed?.negated], [2, 9, true]);
    assert.ok(Array.isArray(f.sites));
    assert.equal(f.counts.total, f.hits.length);
  });

  it('reads stdin with -', () => {
    const r = tension(['scan', '--json', '-'], '开源与闭源');
    assert.equal(r.code, 0);
    assert.equal((JSON.parse(r.stdout) as ScanJson).files[0]?.path, '-');
    assert.ok(((JSON.parse(r.stdout) as ScanJson).files[0]?.hits.length ?? 0) >= 2);
  });

  it('walks directories for .md/.markdown/.txt only', () => {
    const dir = path.join(tmp, 'tree');
    fs.mkdirSync(path.join(dir, 'sub'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'a.md'), '开源');
    fs.writeFileSync(path.join(dir, 'sub', 'b.txt'), '闭源');
    fs.writeFileSync(path.join(dir, 'c.json'), '{"开源": 1}');
    const r = tension(['scan', '--json', dir]);
    assert.deepEqual((JSON.parse(r.stdout) as ScanJson).files.map((f) => path.relative(dir, f.path)), ['a.md', path.join('sub', 'b.txt')]);
  });

  it('names each bad file on one line, scans the others, and exits 1', () => {
    const binary = path.join(tmp, 'binary.txt');
    fs.writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1]));
    const latin1 = path.join(tmp, 'latin1.txt');
    fs.writeFileSync(latin1, Buffer.from('café crème', 'latin1')); // no encoding tried reads it as Chinese
    const good = path.join(seeds, 'ai-lab-expert-departure.md');
    const r = tension(['scan', '--json', binary, path.join(tmp, 'missing.md'), latin1, good]);
    assert.equal(r.code, 1);
    const lines = r.stderr.trim().split('\n');
    assert.equal(lines.length, 3, r.stderr);
    assert.match(lines[0] ?? '', /missing\.md: no such file/);
    assert.match(r.stderr, /binary\.txt: binary file/);
    assert.match(r.stderr, /latin1\.txt: not valid UTF-8/);
    assert.deepEqual((JSON.parse(r.stdout) as ScanJson).files.map((f) => f.path), [good]);
  });

  it('exits 2 on usage errors with a hint', () => {
    for (const args of [[], ['bogus', 'x'], ['scan'], ['scan', '--nope', 'x'], ['scan', '--format', 'pdf', '-']]) {
      const r = tension(args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, /tension-lens --help/);
    }
  });

  it('rejects a broken user lexicon naming the file, line and JSON path, exit 2', () => {
    const lexicon = path.join(tmp, 'bad-lexicon.json');
    fs.writeFileSync(lexicon, '{\n  "version": 1,\n  "axes": [\n    { "id": "Bad Id", "poles": [] }\n  ]\n}\n');
    const r = tension(['scan', '--lexicon', lexicon, '-'], '开源');
    assert.equal(r.code, 2);
    assert.match(r.stderr, new RegExp(`${lexicon.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:4:\\d+: axes\\[0\\]\\.id: must match pattern`));
    assert.match(r.stderr, /axes\[0\]\.poles: must NOT have fewer than 2 items/);
  });

  it('merges a user lexicon: its new term is found', () => {
    const lexicon = path.join(tmp, 'user-lexicon.json');
    fs.writeFileSync(lexicon, JSON.stringify({ version: 1, axes: [{ id: 'open-closed', poles: [{ id: 'open', terms: [{ id: 'user-open-weights', forms: ['开放权重测试词'] }] }, { id: 'closed', terms: [] }] }] }));
    const r = tension(['scan', '--json', '--lexicon', lexicon, '-'], '我们发布开放权重测试词。');
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual((JSON.parse(r.stdout) as ScanJson).files[0]?.hits.map((h) => h.term), ['user-open-weights']);
  });

  it('prints a readable summary and stats without colour when piped', () => {
    const scan = tension(['scan', seeds]);
    assert.equal(scan.code, 0, scan.stderr);
    assert.match(scan.stdout, /ai-lab-expert-departure\.md/);
    assert.match(scan.stdout, /Tension sites/);
    assert.ok(!scan.stdout.includes("\u001b["), "no ANSI escapes when piped");
    const stats = tension(['stats', '--json', seeds]);
    const parsed = JSON.parse(stats.stdout) as { files: string[]; counts: { total: number; axes: Record<string, { total: number }> } };
    assert.ok(parsed.files.length >= 2);
    assert.equal(parsed.counts.total, Object.values(parsed.counts.axes).reduce((n, a) => n + a.total, 0));
  });
});
