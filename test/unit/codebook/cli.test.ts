import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCodebookCommand } from '../../../src/cli/codebook';
import { newSidecar, readQdc, serializeSidecar } from '../../../src/core';

interface BookFile { memo?: string; tags: { label: string; description?: string }[] }
const readBook = (file: string): BookFile => JSON.parse(fs.readFileSync(file, 'utf8')) as BookFile;

function run(argv: string[]): { code: number; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCodebookCommand(argv, { out: (s) => out.push(s), err: (s) => err.push(s) }, '9.9.9');
  return { code, out, err };
}

describe('tension-lens codebook export|import (in process)', () => {
  let tmp: string;
  let book: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tl-codebook-'));
    book = path.join(tmp, 'tension-codebook.json');
    fs.writeFileSync(book, JSON.stringify({ version: 1, memo: 'P', tags: [{ label: '争议焦点', color: '#e5534b', description: '定义' }] }));
    fs.writeFileSync(path.join(tmp, 'a.md.tension.alice.json'), serializeSidecar(newSidecar({ path: 'a.md', sha256: '0'.repeat(64), length: 0 }, [
      { id: '1', label: '争议焦点', color: '#000000' }, { id: '2', label: '机构立场', color: '#57ab5a' },
    ])));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('exports the codebook and the sidecars\' other tags as a .qdc, and imports it back unchanged', () => {
    const qdc = path.join(tmp, 'out.qdc');
    const exported = run(['export', '--codebook', book, '--out', qdc, tmp]);
    assert.equal(exported.code, 0, exported.err.join('\n'));
    assert.deepEqual(readQdc(fs.readFileSync(qdc, 'utf8'), 'out.qdc'), { tags: [{ label: '争议焦点', color: '#e5534b', description: '定义' }, { label: '机构立场', color: '#57ab5a' }] });
    const imported = run(['import', '--codebook', book, '--json', qdc]);
    assert.equal(imported.code, 0);
    assert.deepEqual(JSON.parse(imported.out[0] ?? ''), { added: ['机构立场'], updated: [], unchanged: ['争议焦点'] });
    assert.deepEqual(readBook(book).tags.map((t) => t.label), ['争议焦点', '机构立场']);
  });

  it('a dangling link or a link back up inside the PATHs is passed over, as the corpus listing does: the export is written', function () {
    if (process.platform === 'win32') this.skip(); // symlinks need privileges there
    const nested = path.join(tmp, 'articles');
    fs.mkdirSync(nested);
    fs.symlinkSync(path.join(tmp, 'nowhere'), path.join(nested, 'dangling.md.tension.json'));
    fs.symlinkSync(tmp, path.join(nested, 'loop'));
    const csv = path.join(tmp, 'out.csv');
    const exported = run(['export', '--codebook', book, '--out', csv, tmp]);
    assert.equal(exported.code, 0, exported.err.join('\n'));
    assert.deepEqual(exported.err, ['wrote 2 tags to ' + csv]);
    assert.deepEqual(fs.readFileSync(csv, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/).slice(1).map((line) => line.split(',')[0]), ['争议焦点', '机构立场']);
  });

  it('asks for --yes before overwriting a memo, and --dry-run writes nothing', () => {
    const csv = path.join(tmp, 'in.csv');
    fs.writeFileSync(csv, 'label,color,description\n争议焦点,#e5534b,新定义\n');
    const before = fs.readFileSync(book, 'utf8');
    const refused = run(['import', '--codebook', book, csv]);
    assert.equal(refused.code, 1);
    assert.match(refused.out.join('\n'), /updated 1: 争议焦点/);
    assert.match(refused.err.join('\n'), /--yes/);
    assert.equal(fs.readFileSync(book, 'utf8'), before);
    assert.equal(run(['import', '--codebook', book, '--dry-run', csv]).code, 0);
    assert.equal(fs.readFileSync(book, 'utf8'), before);
    assert.equal(run(['import', '--codebook', book, '--yes', csv]).code, 0);
    assert.equal(readBook(book).tags[0]?.description, '新定义');
    assert.equal(readBook(book).memo, 'P', 'the project memo is kept');
  });

  it('bad input: a clear error with file, line and column, and nothing is written', () => {
    const bad = path.join(tmp, 'bad.qdc');
    fs.writeFileSync(bad, '<CodeBook xmlns="urn:QDA-XML:codebook:1.0">\n<Codes>\n<Code name="x" isCodable="true">\n</Codes></CodeBook>');
    const before = fs.readFileSync(book, 'utf8');
    const r = run(['import', '--codebook', book, bad]);
    assert.equal(r.code, 1);
    assert.match(r.err.join('\n'), /bad\.qdc:4:3: not well-formed XML: <\/Codes> closes <Code>\nnothing was imported/);
    assert.equal(fs.readFileSync(book, 'utf8'), before);
    fs.writeFileSync(book, '{ "version": 1, "tags": [ { "label": "a", } ] }');
    fs.writeFileSync(path.join(tmp, 'in.csv'), 'label\nb\n');
    const malformed = run(['import', '--codebook', book, path.join(tmp, 'in.csv')]);
    assert.equal(malformed.code, 1);
    assert.match(malformed.err.join('\n'), /invalid JSON/);
    assert.equal(fs.readFileSync(book, 'utf8'), '{ "version": 1, "tags": [ { "label": "a", } ] }', 'a malformed codebook is never overwritten');
    const broken = run(['export', '--codebook', book, '--out', path.join(tmp, 'x.csv')]);
    assert.equal(broken.code, 1);
    assert.match(broken.err.join('\n'), /tension-codebook\.json:1:\d+: invalid JSON[^]*was not changed/);
    assert.equal(run(['export', '--out', path.join(tmp, 'x.txt')]).code, 2);
    assert.equal(run(['frobnicate']).code, 2);
  });
});
