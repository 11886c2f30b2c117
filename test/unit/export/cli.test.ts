import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { strFromU8, unzipSync } from 'fflate';
import { runExportCommand } from '../../../src/cli/export';
import { run } from '../../../src/cli/main';
import { newSidecar, serializeSidecar } from '../../../src/core';
import { NOW, TAGS, TRICKY_NOTE, annotate, seedText } from './articles';

interface Result {
  code: number;
  out: string[];
  err: string[];
}

function cli(paths: string[], options: Partial<Parameters<typeof runExportCommand>[1]>): Result {
  const out: string[] = [];
  const err: string[] = [];
  const code = runExportCommand(paths, { lexicon: [], version: '9.9.9', lang: 'zh', now: new Date(NOW), ...options }, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out, err };
}

describe('tension-lens export (in process)', () => {
  let tmp: string;
  let seed: string;

  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tension-export-'));
    seed = path.join(tmp, 'articles', 'seed.md');
    fs.mkdirSync(path.dirname(seed), { recursive: true });
    fs.writeFileSync(seed, seedText);
    const annotations = [annotate(seedText, '闭源商用路径', 'a1', ['focus', 'stance'], TRICKY_NOTE), annotate(seedText, '开放原则', 'a2', ['focus'])];
    fs.writeFileSync(`${seed}.tension.json`, serializeSidecar({ ...newSidecar({ path: 'seed.md', sha256: '0'.repeat(64), length: seedText.length }, TAGS), annotations }));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  const files = (dir: string): string[] => fs.readdirSync(dir);

  it('writes --out atomically and says what went in', () => {
    const out = path.join(tmp, 'out.csv');
    const r = cli([seed], { format: 'csv', what: 'annotations', out });
    assert.deepEqual(r.err, []);
    assert.equal(r.code, 0);
    assert.deepEqual(r.out, [`tension-lens: wrote ${out}: 2 annotations from 1 file`]);
    const rows = Papa.parse<Record<string, string>>(fs.readFileSync(out, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
    assert.deepEqual(rows.map((row) => row['note']), ['', TRICKY_NOTE]);
    assert.equal(rows[1]?.['pinyin'], 'bì yuán shāng yòng lù jìng');
    assert.deepEqual(files(tmp).sort(), ['articles', 'out.csv'], 'no temp file left');
  });

  it('prints text formats when there is no --out; a .qdpx needs --out', () => {
    const r = cli([seed], { format: 'md', what: 'sites' });
    assert.equal(r.code, 0);
    assert.match(r.out.join('\n'), /^\[\/\/\]: # \(tension-lens-export\)\n\n# 张力报告 · .*seed\.md\n/);
    assert.match(r.err.join('\n'), /exported 26 tension sites from 1 file/);
    assert.equal(cli([seed], { format: 'qdpx' }).code, 2);
  });

  it('a directory with a malformed sidecar: that article is skipped and named, the others are exported', () => {
    const broken = path.join(tmp, 'articles', 'broken.txt');
    fs.writeFileSync(broken, '开源与闭源之争。');
    fs.writeFileSync(`${broken}.tension.json`, '{ "version": 1, oops');
    const out = path.join(tmp, 'project.qdpx');
    const r = cli([path.join(tmp, 'articles')], { format: 'qdpx', out });
    assert.equal(r.code, 1, 'a file was skipped');
    assert.equal(r.err.length, 1);
    assert.match(r.err[0] ?? '', /^tension-lens: skipped .*broken\.txt\.tension\.json: line 1, column 17: invalid JSON.* — fix the sidecar, or export --what terms$/);
    assert.match(r.out[0] ?? '', /2 annotations, 168 term occurrences from 1 file; 1 file skipped/);
    const qde = strFromU8(unzipSync(fs.readFileSync(out))['project.qde'] ?? new Uint8Array());
    assert.ok(qde.includes('seed.md') && !qde.includes('broken.txt'));
    // Terms need no sidecar: the same directory exports whole.
    assert.equal(cli([path.join(tmp, 'articles')], { format: 'json', what: 'terms', out: path.join(tmp, 't.json') }).code, 0);
  });

  it('nothing to export: a clear message and no file', () => {
    const bare = path.join(tmp, 'bare.md');
    fs.writeFileSync(bare, '开源与闭源之争。');
    const out = path.join(tmp, 'none.csv');
    const r = cli([bare], { format: 'csv', what: 'annotations', out });
    assert.equal(r.code, 1);
    assert.deepEqual(r.err, ['tension-lens: nothing to export: no annotations in the given files (annotate text in VS Code first, or export --what terms); no file was written']);
    assert.equal(fs.existsSync(out), false);
  });

  it('a target that cannot be written: the error names it, nothing is left behind, an old file is untouched', () => {
    const missing = path.join(tmp, 'no-such-folder', 'out.csv');
    const r = cli([seed], { format: 'csv', out: missing });
    assert.equal(r.code, 1);
    assert.deepEqual(r.err, [`tension-lens: cannot write ${missing}: its folder does not exist; nothing was written — choose another --out`]);
    const dir = path.join(tmp, 'a-directory.html');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'keep.txt'), 'old');
    const r2 = cli([seed], { format: 'html', out: dir });
    assert.equal(r2.code, 1);
    assert.match(r2.err[0] ?? '', /cannot write .*a-directory\.html: (it is a directory|EEXIST|ENOTEMPTY|EISDIR)/);
    assert.deepEqual(files(dir), ['keep.txt']);
    assert.deepEqual(files(tmp).sort(), ['a-directory.html', 'articles']);
  });

  it('usage errors exit 2 with the fix', () => {
    assert.match(cli([seed], { format: 'xlsx' }).err[0] ?? '', /export needs --format csv\|json\|md\|html\|w3c\|qdpx, not 'xlsx'/);
    assert.match(cli([seed], { format: 'html', what: 'annotations' }).err[0] ?? '', /--format html cannot hold --what annotations; it holds report/);
    assert.equal(cli([seed], { format: 'csv', lang: 'fr' }).code, 2);
    assert.equal(cli(['-'], { format: 'csv' }).code, 2);
  });

  it('--coder NAME exports that coder’s sidecar, --coder all the single sidecar and every coder’s, each row with its coder', async () => {
    const bob = [annotate(seedText, '商业化', 'b1', ['stance'], '鲍勃')];
    fs.writeFileSync(`${seed}.tension.bob.json`, serializeSidecar({ ...newSidecar({ path: 'seed.md', sha256: '0'.repeat(64), length: seedText.length }, TAGS), annotations: bob }));
    const rows = (options: Partial<Parameters<typeof runExportCommand>[1]>): Record<string, string>[] => {
      const out = path.join(tmp, 'coder.csv');
      const r = cli([seed], { format: 'csv', what: 'annotations', out, ...options });
      assert.equal(r.code, 0, r.err.join('\n'));
      return Papa.parse<Record<string, string>>(fs.readFileSync(out, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
    };
    assert.deepEqual(rows({}).map((r) => r['coder']), ['', ''], 'default: the single sidecar, as before');
    assert.deepEqual(rows({ coder: 'bob' }).map((r) => [r['coder'], r['note']]), [['bob', '鲍勃']]);
    assert.deepEqual(rows({ coder: 'all' }).map((r) => r['coder']).sort(), ['', '', 'bob']);
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (line: string) => out.push(line), err: (line: string) => err.push(line), isTTY: false };
    const target = path.join(tmp, 'all.qdpx');
    assert.equal(await run(['export', '--format', 'qdpx', '--coder', 'all', '--jobs', '1', '--out', target, seed], io), 0, err.join('\n'));
    assert.match(strFromU8(unzipSync(fs.readFileSync(target))['project.qde'] ?? new Uint8Array()), /<User guid="[^"]+" name="bob" id="bob"\/>/);
    assert.equal(await run(['scan', '--coder', 'bob', seed], io), 2);
    assert.match(err.join('\n'), /--coder is for export/);
  });

  it('is wired into the CLI: `tension-lens export` and its help', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (s: string) => out.push(s), err: (s: string) => err.push(s), isTTY: false };
    assert.equal(await run(['--help'], io), 0);
    assert.match(out.join('\n'), /tension-lens export --format csv\|json\|md\|html\|w3c\|qdpx/);
    const target = path.join(tmp, 'r.jsonld');
    assert.equal(await run(['export', '--format', 'w3c', '--lang', 'en', '--out', target, seed], io), 0, err.join('\n'));
    assert.equal((JSON.parse(fs.readFileSync(target, 'utf8')) as { type: string }).type, 'AnnotationCollection');
  });
});
