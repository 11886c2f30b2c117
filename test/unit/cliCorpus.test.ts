import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import * as OpenCC from 'opencc-js';
import { stopsCleanly } from '../../src/cli/signals';
import { progressLine } from '../../src/cli/progress';

const root = path.resolve(__dirname, '../..');
const cli = path.join(root, 'dist/cli.js');
const fixtures = path.join(root, 'test/fixtures/workspace');
const article = fs.readFileSync(path.join(fixtures, 'ai-lab-expert-departure.md'), 'utf8');
const news = fs.readFileSync(path.join(fixtures, 'openai-departures-news.txt'), 'utf8');

function tension(args: string[], env: NodeJS.ProcessEnv = {}): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1', ...env } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

interface ScanRecord {
  path: string;
  encoding: string;
  hits: { start: number; end: number; text: string }[];
  counts: { total: number };
}

interface StatsJson {
  version: number;
  files: string[];
  encodings: string[];
  counts: { total: number; axes: Record<string, unknown>; terms: Record<string, number> };
}

/** A corpus: UTF-8 articles in nested folders, a GBK one, a Big5 one, and files that fit no encoding. */
function makeCorpus(dir: string, articles: number): void {
  for (let i = 0; i < articles; i++) {
    const sub = path.join(dir, `part-${i % 3}`);
    fs.mkdirSync(sub, { recursive: true });
    // Each article differs a little, so a file written under another's name would show in the counts.
    fs.writeFileSync(path.join(sub, `${String(i).padStart(3, '0')}.${i % 2 ? 'md' : 'txt'}`), `${i % 2 ? article : news}\n\n${'开源'.repeat(i % 7)}`);
  }
  fs.writeFileSync(path.join(dir, 'part-1', 'gbk.txt'), iconv.encode(article, 'gbk'));
  fs.writeFileSync(path.join(dir, 'part-2', 'big5.md'), iconv.encode(OpenCC.Converter({ from: 'cn', to: 'tw' })(article), 'big5'));
  fs.writeFileSync(path.join(dir, 'part-0', 'latin1.txt'), Buffer.from('café crème brûlée', 'latin1'));
  fs.writeFileSync(path.join(dir, 'part-2', 'binary.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]));
}

describe('CLI on a corpus: worker pool, JSON Lines, merge, encodings, Ctrl+C', function () {
  this.timeout(120000);
  let tmp: string;
  let corpus: string;

  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tension-corpus-'));
    corpus = path.join(tmp, 'corpus');
    makeCorpus(corpus, 60);
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('gives the same output with 1 and 3 jobs, byte for byte, for scan (json, jsonl, text) and stats', () => {
    for (const args of [['scan', '--json'], ['scan', '--jsonl'], ['scan'], ['stats', '--json'], ['stats']]) {
      const one = tension([...args, '--jobs', '1', corpus], { TENSION_LENS_TRACE: 'pool' });
      const three = tension([...args, '--jobs', '3', corpus], { TENSION_LENS_TRACE: 'pool' });
      assert.match(one.stderr, /^tension-lens: in process$/m, args.join(' '));
      assert.match(three.stderr, /^tension-lens: 3 threads: this one and 2 workers$/m, 'the pool really ran');
      assert.equal(three.stdout, one.stdout, args.join(' '));
      assert.equal(three.code, 1, 'exit 1: two files could not be read');
      const errors = (s: string) => s.split('\n').filter((l) => !/^tension-lens: (?:in process|\d+ threads: this one and \d+ workers)$/.test(l));
      assert.deepEqual(errors(three.stderr), errors(one.stderr));
    }
  });

  it('scan --json lists the files in path order with the encoding each was read in; bad files get one line each', () => {
    const r = tension(['scan', '--json', corpus]);
    const out = JSON.parse(r.stdout) as { version: number; files: ScanRecord[] };
    const paths = out.files.map((f) => path.relative(corpus, f.path));
    assert.equal(paths.length, 62);
    assert.deepEqual(paths.slice(0, 2), [path.join('part-0', '000.txt'), path.join('part-0', '003.md')]);
    assert.equal(out.files.find((f) => f.path.endsWith('gbk.txt'))?.encoding, 'gb18030');
    assert.equal(out.files.find((f) => f.path.endsWith('big5.md'))?.encoding, 'big5');
    assert.ok(out.files.filter((f) => f.encoding === 'utf-8').length === 60);
    // The GBK article reads exactly as its UTF-8 original: same hits at the same UTF-16 offsets.
    const gbk = out.files.find((f) => f.path.endsWith('gbk.txt'));
    const utf8 = out.files.find((f) => f.path.endsWith('003.md'));
    assert.ok(gbk && utf8);
    assert.deepEqual(gbk.hits, utf8.hits.filter((h) => h.end <= article.length));
    const lines = r.stderr.trim().split('\n');
    assert.equal(lines.length, 2, r.stderr);
    assert.match(r.stderr, /latin1\.txt: not valid UTF-8, and it does not read as GB18030 or Big5/);
    assert.match(r.stderr, /binary\.md: binary file/);
  });

  it('scan --jsonl: one line per file, each the same object as the element of scan --json, in the same order', () => {
    const json = JSON.parse(tension(['scan', '--json', corpus]).stdout) as { files: unknown[] };
    const jsonl = tension(['scan', '--jsonl', corpus]).stdout;
    assert.ok(jsonl.endsWith('\n'));
    const lines = jsonl.slice(0, -1).split('\n');
    assert.equal(lines.length, json.files.length);
    assert.deepEqual(lines.map((l) => JSON.parse(l) as unknown), json.files);
  });

  it('--encoding: utf-8 refuses the GBK file and names the encoding that fits; gb18030 reads it', () => {
    const gbk = path.join(corpus, 'part-1', 'gbk.txt');
    const strict = tension(['scan', '--json', '--encoding', 'utf-8', gbk]);
    assert.equal(strict.code, 1);
    assert.match(strict.stderr, /gbk\.txt: not valid UTF-8; it reads as GB18030: use --encoding gb18030 or auto/);
    const named = tension(['scan', '--json', '--encoding', 'gb18030', gbk]);
    assert.equal(named.code, 0, named.stderr);
    assert.equal((JSON.parse(named.stdout) as { files: ScanRecord[] }).files[0]?.encoding, 'gb18030');
    assert.equal(tension(['scan', '--encoding', 'latin1', gbk]).code, 2);
  });

  it('stats --merge of shards equals stats of the whole (counts, files, encodings)', () => {
    const whole = JSON.parse(tension(['stats', '--json', corpus]).stdout) as StatsJson;
    const shards = ['part-0', 'part-1', 'part-2'].map((part, i) => {
      const file = path.join(tmp, `shard-${i}.json`);
      const r = tension(['stats', '--json', '--out', file, path.join(corpus, part)]);
      assert.ok(r.code <= 1, r.stderr);
      return file;
    });
    const merged = tension(['stats', '--merge', '--json', ...shards]);
    assert.equal(merged.code, 0, merged.stderr);
    const sum = JSON.parse(merged.stdout) as StatsJson;
    assert.deepEqual(sum.counts, whole.counts);
    assert.deepEqual(sum.files, whole.files);
    assert.deepEqual(sum.encodings, whole.encodings);
    assert.ok(whole.counts.total > 1000);
    // The readable form of the merge says the same totals.
    assert.match(tension(['stats', '--merge', ...shards]).stdout, new RegExp(`^${whole.files.length} files, ${whole.counts.total} terms`));
  });

  it('export reads GBK files with --encoding auto; annotations says --jobs is not for it', () => {
    const target = path.join(tmp, 'gbk-terms.csv');
    const r = tension(['export', '--format', 'csv', '--what', 'terms', '--out', target, path.join(corpus, 'part-1', 'gbk.txt')]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(fs.readFileSync(target, 'utf8'), /开源/);
    const jobs = tension(['annotations', '--jobs', '2', corpus]);
    assert.equal(jobs.code, 2);
    assert.match(jobs.stderr, /--jobs is for scan, stats, export, kwic, cooccur and suggest; annotations runs in one thread/);
  });

  it('export --jobs 3 writes the same file as --jobs 1, byte for byte, in every format', () => {
    const env = { TENSION_LENS_TRACE: 'pool', SOURCE_DATE_EPOCH: '1764400000' };
    for (const [format, what] of [['csv', 'terms'], ['csv', 'sites'], ['json', 'report'], ['md', 'report'], ['html', 'report'], ['w3c', 'terms'], ['qdpx', 'report']] as const) {
      const outputs = [1, 3].map((jobs) => {
        const target = path.join(tmp, `export-${jobs}.${format}`);
        const r = tension(['export', '--format', format, '--what', what, '--lang', 'en', '--jobs', String(jobs), '--out', target, corpus], env);
        assert.equal(r.code, 1, `${format}: exit 1, two files skipped: ${r.stderr}`);
        assert.match(r.stderr, jobs === 1 ? /^tension-lens: in process$/m : /^tension-lens: 3 threads: this one and 2 workers$/m);
        assert.match(r.stderr, /skipped .*latin1\.txt/);
        return fs.readFileSync(target);
      });
      assert.ok((outputs[0] as Buffer).length > 1000, format);
      assert.ok((outputs[0] as Buffer).equals(outputs[1] as Buffer), `${format} --what ${what}`);
    }
  });

  it('stats --merge refuses a shard that is not stats --json output, naming it, and prints nothing', () => {
    const bad = path.join(tmp, 'bad-shard.json');
    fs.writeFileSync(bad, JSON.stringify({ version: 1, files: ['a.md'], counts: { total: 'many' } }));
    const r = tension(['stats', '--merge', '--json', bad]);
    assert.equal(r.code, 1);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /bad-shard\.json: "counts" is not stats counts; give the output of 'tension-lens stats --json'/);
    assert.equal(tension(['scan', '--merge', bad]).code, 2);
  });

  it('no progress line when stderr is not a terminal', () => {
    const r = tension(['stats', '--json', corpus]);
    assert.ok(!r.stderr.includes('files  '), r.stderr);
    assert.ok(!r.stderr.includes('\r'));
  });

  /** A scan of 1,500 files writing to --out, sent `signal` once its temp file has data: exit code, time to stop, stderr. */
  async function stopMidRun(signal: NodeJS.Signals): Promise<{ code: number | null; stopMs: number; stderr: string; left: string[] }> {
    const big = path.join(tmp, 'big');
    if (!fs.existsSync(big)) makeCorpus(big, 1500);
    const outDir = fs.mkdtempSync(path.join(tmp, `out-${signal}-`));
    const target = path.join(outDir, 'scan.jsonl');
    const child: ChildProcess = spawn(process.execPath, [cli, 'scan', '--jsonl', '--jobs', '2', '--out', target, big], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, sig) => resolve({ code, signal: sig })));
    // Wait until the output is being written: the temp file beside the target has data in it.
    const deadline = Date.now() + 30000;
    for (;;) {
      const temp = fs.readdirSync(outDir).find((f) => f.endsWith('.tmp'));
      if (temp && fs.statSync(path.join(outDir, temp)).size > 0) break;
      assert.ok(Date.now() < deadline, 'the scan started writing');
      await new Promise((r) => setTimeout(r, 20));
    }
    const sent = Date.now();
    child.kill(signal);
    const { code } = await exited;
    return { code, stopMs: Date.now() - sent, stderr, left: fs.readdirSync(outDir) };
  }

  it('Ctrl+C stops the workers at once and leaves no --out file, not even a temp file', async () => {
    const { code, stopMs, stderr, left } = await stopMidRun('SIGINT');
    assert.equal(code, 130, stderr);
    assert.ok(stopMs < 3000, `stopped in ${stopMs} ms`);
    assert.deepEqual(left, [], 'no output and no temp file left');
    assert.match(stderr, /interrupted; nothing was written to --out/);
  });

  // A batch scheduler ends a job that runs out of time with SIGTERM (Slurm, `timeout`), a closed terminal with SIGHUP.
  for (const [signal, exitCode] of [['SIGTERM', 143], ['SIGHUP', 129]] as const) {
    it(`${signal} stops the run the same way: no --out file and no temp file left, exit ${exitCode}`, async () => {
      const { code, stopMs, stderr, left } = await stopMidRun(signal);
      assert.deepEqual(left, [], 'no output and no temp file left');
      assert.equal(code, exitCode, stderr);
      assert.ok(stopMs < 3000, `stopped in ${stopMs} ms`);
      assert.match(stderr, new RegExp(`stopped by ${signal}; nothing was written to --out`));
    });
  }

  it('only the commands that read files through the pool take over the signals; the others end at once, as by default', () => {
    for (const argv of [['scan', 'd'], ['--jobs', '2', 'stats', '--json', 'd'], ['--lexicon', 'x.json', 'kwic', '--pole', 'open', 'd'], ['export', '--format', 'csv', 'd'], ['cooccur', 'd'], ['suggest', 'd']]) {
      assert.equal(stopsCleanly(argv), true, argv.join(' '));
    }
    for (const argv of [['import', 'a.pdf'], ['codebook', 'import', 'c.qdc'], ['agreement', 'd'], ['annotations', 'd'], ['--lexicon', 'scan', 'agreement'], ['--help'], []]) {
      assert.equal(stopsCleanly(argv), false, argv.join(' '));
    }
  });

  it('an unreadable folder inside the corpus is named on its own line, and the folders after it are still read', function () {
    if (process.platform === 'win32') this.skip();
    // Root reads any folder: run the CLI as nobody then, when this machine lets it (setpriv, the repository readable).
    const asNobody = process.getuid?.() === 0 ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'] : [];
    const probe = (args: string[]): boolean => spawnSync(asNobody[0] ?? process.execPath, [...asNobody.slice(1), ...args]).status === 0;
    if (asNobody.length > 0 && !probe([process.execPath, '-e', `require('fs').accessSync(${JSON.stringify(cli)}, 4)`])) this.skip();
    const top = fs.mkdtempSync(path.join(os.tmpdir(), 'tension-unreadable-'));
    fs.chmodSync(top, 0o755);
    const corpusDir = path.join(top, 'c');
    for (const sub of ['a', 'b', 'z']) {
      fs.mkdirSync(path.join(corpusDir, sub), { recursive: true, mode: 0o755 });
      fs.writeFileSync(path.join(corpusDir, sub, 'x.md'), '开源与闭源\n', { mode: 0o644 });
    }
    const locked = path.join(corpusDir, 'b');
    fs.chmodSync(locked, 0o000);
    try {
      const r = spawnSync(asNobody[0] ?? process.execPath, [...asNobody.slice(1), process.execPath, cli, 'stats', '--json', corpusDir], { encoding: 'utf8' });
      assert.equal(r.status, 1, r.stderr);
      assert.deepEqual((JSON.parse(r.stdout) as { files: string[] }).files, [path.join(corpusDir, 'a', 'x.md'), path.join(corpusDir, 'z', 'x.md')]);
      assert.equal(r.stderr.trim(), `tension-lens: ${locked}: cannot read directory (EACCES), skipped`);
    } finally {
      fs.chmodSync(locked, 0o755);
      fs.rmSync(top, { recursive: true, force: true });
    }
  });

  it('an --out in a folder that does not exist: one line with the reason, exit 1, nothing written', () => {
    const r = tension(['stats', '--json', '--out', path.join(tmp, 'no-such-folder', 's.json'), path.join(corpus, 'part-1')]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /cannot write .*s\.json: its folder does not exist; nothing was written — choose another --out/);
    assert.ok(!r.stderr.includes('    at '), 'no stack trace');
  });

  it('--out is written whole when the run ends', () => {
    const target = path.join(tmp, 'whole.jsonl');
    const r = tension(['scan', '--jsonl', '--out', target, path.join(corpus, 'part-1')]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
    assert.equal(fs.readFileSync(target, 'utf8').trim().split('\n').length, 21);
  });

  it('shows progress on a terminal (a pseudo-terminal from script(1)), erased when done', function () {
    if (spawnSync('script', ['--version']).status !== 0) this.skip();
    const target = path.join(tmp, 'stats-tty.txt');
    const command = [process.execPath, cli, 'stats', '--out', target, corpus].map((a) => `'${a}'`).join(' ');
    const r = spawnSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    // \r, then ESC [2K (erase the line), then the line.
    assert.match(r.stdout, new RegExp(`\r${String.fromCharCode(27)}\\[2K\\d+/64 files {2}\\d+\\.\\d/\\d+\\.\\d MB`), 'a progress line, rewritten in place');
    assert.ok(r.stdout.includes('64/64 files'), 'it reaches the end');
    assert.ok(r.stdout.lastIndexOf('\u001b[2K') > r.stdout.lastIndexOf('files  '), 'the line is erased at the end');
    assert.match(fs.readFileSync(target, 'utf8'), /^62 files, \d+ terms/);
  });

  it('the progress line says files, MB, rate and time left', () => {
    assert.equal(progressLine({ files: 1234, totalFiles: 20000, bytes: 45.6 * 1048576, totalBytes: 135 * 1048576, seconds: 2 }), '1,234/20,000 files  45.6/135.0 MB  22.8 MB/s  4 s left');
    assert.equal(progressLine({ files: 0, totalFiles: 3, bytes: 0, totalBytes: 1048576, seconds: 0 }), '0/3 files  0.0/1.0 MB');
  });
});
