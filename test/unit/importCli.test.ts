import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const cli = path.join(root, 'dist/cli.js');
const fixtures = path.join(root, 'test/fixtures/import');

function tension(args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe('CLI import (spawned from dist/cli.js, importers loaded from dist/import.js)', function () {
  this.timeout(120_000);
  let tmp: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tension-import-'));
    for (const f of ['news-gbk.html', 'report.docx', 'paper.pdf', 'scan.pdf', 'locked.pdf']) fs.copyFileSync(path.join(fixtures, f), path.join(tmp, f));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('writes each article beside its file, says so per file, and exits 1 naming the files it could not import', () => {
    const files = ['news-gbk.html', 'report.docx', 'paper.pdf', 'scan.pdf', 'locked.pdf'].map((f) => path.join(tmp, f));
    const r = tension(['import', ...files]);
    assert.equal(r.code, 1);
    assert.equal(r.stdout, ['news-gbk', 'report', 'paper'].map((n) => `${path.join(tmp, n)}.${n === 'news-gbk' ? 'html' : n === 'report' ? 'docx' : 'pdf'} → ${path.join(tmp, n)}.md\n`).join(''));
    assert.equal(r.stderr, `${files[3]}: the PDF has no text layer (a scan); run OCR on it first, then import the result.\n`
      + `${files[4]}: the file is password-protected; save a copy without the password and import that.\n`);
    const md = fs.readFileSync(path.join(tmp, 'news-gbk.md'), 'utf8');
    assert.match(md, /^---\ntitle: "开源还是闭源：一家实验室的抉择"\nsource: "晨光网"\nurl: "https:\/\/news\.example\.cn\/tech\/2024\/0501\/lab\.html"\nauthor: "林晓"\ndate: "2024-05-01T08:30:00\+08:00"\nimported: "\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"\noriginal: "news-gbk.html"\n---\n\n# 开源还是闭源/u);
    assert.ok(!fs.existsSync(path.join(tmp, 'scan.md')), 'a scan gets no empty article');
    assert.deepEqual(fs.readdirSync(tmp).filter((f) => f.endsWith('.tmp')), [], 'no temporary file is left behind');
  });

  it('never overwrites an existing .md without --force; with --force it does, and --out puts articles elsewhere', () => {
    const target = path.join(tmp, 'report.md');
    fs.writeFileSync(target, '我的笔记');
    const refused = tension(['import', path.join(tmp, 'report.docx')]);
    assert.equal(refused.code, 1);
    assert.equal(refused.stderr, `${path.join(tmp, 'report.docx')}: not imported: ${target} exists (--force overwrites it)\n`);
    assert.equal(fs.readFileSync(target, 'utf8'), '我的笔记');
    assert.equal(tension(['import', '--force', path.join(tmp, 'report.docx')]).code, 0);
    assert.match(fs.readFileSync(target, 'utf8'), /^---\ntitle: "实验室治理报告"/u);
    const out = path.join(tmp, 'articles');
    const r = tension(['import', '--out', out, path.join(tmp, 'paper.pdf')]);
    assert.equal(r.code, 0);
    assert.equal(r.stdout, `${path.join(tmp, 'paper.pdf')} → ${path.join(out, 'paper.md')}\n`);
  });

  it('a missing file and a folder are named with the reason in words, the other files are still imported', () => {
    const missing = path.join(tmp, 'gone.html');
    const folder = fs.mkdtempSync(path.join(tmp, 'folder-'));
    const out = fs.mkdtempSync(path.join(tmp, 'out-'));
    const r = tension(['import', '--out', out, missing, folder, path.join(tmp, 'news-gbk.html')]);
    assert.equal(r.code, 1);
    assert.equal(r.stderr, `${missing}: no such file\n${folder}: is a folder; import takes files (.html, .htm, .docx, .pdf)\n`);
    assert.ok(fs.existsSync(path.join(out, 'news-gbk.md')), r.stdout);
  });

  it('usage errors exit 2', () => {
    const r = tension(['import']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /import needs at least one FILE/u);
  });
});
