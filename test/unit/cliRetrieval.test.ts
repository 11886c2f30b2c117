import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LineIndex, createAnnotation, describeDocument, newSidecar, serializeSidecar, sidecarPathFor } from '../../src/core';

const root = path.resolve(__dirname, '../..');
const cli = path.join(root, 'dist/cli.js');
const fixtures = path.join(root, 'test/fixtures/workspace');
const seeds = ['ai-lab-expert-departure.md', 'openai-departures-news.txt'].map((f) => path.join(fixtures, f));

function tension(args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

interface Line {
  path: string; start: number; end: number; line: number; character: number; left: string; match: string; right: string;
  term: string | null; axis: string | null; pole: string | null; negated: boolean;
}
interface Hit { start: number; end: number; term: string; axis: string; pole: string; negated: boolean }
interface ScanJson { files: { path: string; hits: Hit[]; sites: { axis: string }[] }[] }

const flat = (s: string): string => s.replace(/\r\n|[\r\n\u2028\u2029]/g, ' ');

describe('CLI kwic and cooccur (spawned from dist/cli.js)', function () {
  this.timeout(60000);
  let tmp: string;
  let scan: ScanJson;

  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tension-kwic-'));
    scan = JSON.parse(tension(['scan', '--json', ...seeds]).stdout) as ScanJson;
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('kwic --json: exactly the documented fields; left ends at start and right starts at end, as in the text', () => {
    const r = tension(['kwic', '--json', '--pole', 'open', '--width', '12', ...seeds]);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { version: number; lines: Line[] };
    assert.deepEqual(Object.keys(out), ['version', 'lines']);
    assert.equal(out.version, 1);
    const expected = scan.files.flatMap((f) => f.hits.filter((h) => h.pole === 'open').map((h) => `${f.path}:${h.start}-${h.end}:${h.term}:${String(h.negated)}`));
    assert.deepEqual(out.lines.map((l) => `${l.path}:${l.start}-${l.end}:${l.term ?? ''}:${String(l.negated)}`), expected);
    assert.ok(out.lines.length > 10);
    for (const l of out.lines) {
      assert.deepEqual(Object.keys(l), ['path', 'start', 'end', 'line', 'character', 'left', 'match', 'right', 'term', 'axis', 'pole', 'negated']);
      const text = fs.readFileSync(l.path, 'utf8');
      assert.equal(l.match, flat(text.slice(l.start, l.end)));
      assert.equal(l.left, flat(text.slice(l.start - l.left.length, l.start)));
      assert.equal(l.right, flat(text.slice(l.end, l.end + l.right.length)));
      assert.ok(l.left.length <= 12 && l.right.length <= 12);
      assert.deepEqual(LineIndex.of(text).positionAt(l.start), { line: l.line, character: l.character });
      assert.deepEqual([l.axis, l.pole], ['open-closed', 'open']);
    }
  });

  it('kwic --sort right and left order by the contexts; the worker pool prints what one thread prints', () => {
    const right = (JSON.parse(tension(['kwic', '--json', '--axis', 'mission-profit', '--sort', 'right', ...seeds]).stdout) as { lines: Line[] }).lines;
    for (let i = 1; i < right.length; i++) assert.ok((right[i - 1] as Line).right <= (right[i] as Line).right, `line ${i} out of order`);
    const left = (JSON.parse(tension(['kwic', '--json', '--axis', 'mission-profit', '--sort', 'left', ...seeds]).stdout) as { lines: Line[] }).lines;
    const back = (s: string): string => Array.from(s).reverse().join('');
    for (let i = 1; i < left.length; i++) assert.ok(back((left[i - 1] as Line).left) <= back((left[i] as Line).left), `line ${i} out of order`);
    const one = tension(['kwic', '--json', '--term', 'open-source', '--jobs', '1', ...seeds, ...seeds]);
    const two = tension(['kwic', '--json', '--term', 'open-source', '--jobs', '2', ...seeds, ...seeds]);
    assert.equal(two.stdout, one.stdout);
  });

  it('kwic --text keeps surrogate pairs whole and shows CRLF as a space; --tag reads the sidecar', async () => {
    const file = path.join(tmp, 'a.txt');
    const text = '前文😀开放\r\n后文。开放🙂x';
    fs.writeFileSync(file, text);
    const lines = (JSON.parse(tension(['kwic', '--json', '--text', '开放', '--width', '3', file]).stdout) as { lines: Line[] }).lines;
    assert.deepEqual(lines.map((l) => [l.start, l.left, l.match, l.right, l.term]), [[4, '文😀', '开放', ' 后', null], [11, '后文。', '开放', '🙂x', null]]);
    const sidecar = { ...newSidecar(await describeDocument('a.txt', text), [{ id: 't1', label: '争议焦点' }]) };
    const annotation = createAnnotation({ text, start: 2, end: 6, tags: ['t1'], now: '2026-01-01T00:00:00Z', id: 'a1' });
    fs.writeFileSync(sidecarPathFor(file, 'beside'), serializeSidecar({ ...sidecar, annotations: [annotation] }));
    const tagged = JSON.parse(tension(['kwic', '--json', '--tag', '争议焦点', '--width', '2', file]).stdout) as { lines: Line[] };
    assert.deepEqual(tagged.lines.map((l) => [l.start, l.end, l.left, l.match, l.right]), [[2, 6, '前文', '😀开放', ' ']]);
    const query = JSON.parse(tension(['kwic', '--json', '--query', 'text:开放 AND tag:争议焦点', file]).stdout) as { lines: Line[] };
    assert.deepEqual(query.lines.map((l) => l.start), [4]);
    const readable = tension(['kwic', '--text', '开放', '--width', '3', file]);
    assert.equal(readable.stdout.split('\n')[0], `${' '.repeat(2)}文😀 [开放]  后     ${file}:1:5`);
  });

  it('cooccur --json: the documented fields; for the two poles of an axis the sentence cell is its number of tension sites', () => {
    const r = tension(['cooccur', '--json', ...seeds]);
    assert.equal(r.code, 0, r.stderr);
    const m = JSON.parse(r.stdout) as { version: number; window: string; of: string; labels: string[]; matrix: number[][] };
    assert.deepEqual(Object.keys(m).slice(0, 5), ['version', 'window', 'of', 'labels', 'matrix']);
    assert.deepEqual([m.version, m.window, m.of], [1, 'sentence', 'poles']);
    const sites = new Map<string, number>();
    for (const f of scan.files) for (const s of f.sites) sites.set(s.axis, (sites.get(s.axis) ?? 0) + 1);
    assert.ok(sites.size > 3);
    const lexicon = JSON.parse(fs.readFileSync(path.join(root, 'src/core/lexicon/builtin.source.json'), 'utf8')) as { axes: { id: string; poles: { id: string }[] }[] };
    for (const axis of lexicon.axes) {
      const [a, b] = axis.poles.map((p) => m.labels.indexOf(p.id)) as [number, number];
      assert.equal(m.matrix[a]?.[b], sites.get(axis.id) ?? 0, axis.id);
    }
    const section = JSON.parse(tension(['cooccur', '--json', '--window', 'section', ...seeds]).stdout) as { matrix: number[][] };
    section.matrix.forEach((row, i) => row.forEach((n, j) => assert.ok(n <= Math.min(row[i] as number, section.matrix[j]?.[j] as number))));
  });

  it('bad options and queries: exit 2 with where and what was expected', () => {
    const near = tension(['kwic', '--query', 'pole:open NEAR pole:closed', ...seeds]);
    assert.equal(near.code, 2);
    assert.match(near.stderr, /query error at character 11: expected NEAR\/ and a distance/);
    assert.equal(near.stdout, '');
    const unknown = tension(['kwic', '--pole', 'opn', ...seeds]);
    assert.match(unknown.stderr, /--pole opn: not the id of a pole in the lexicon/);
    assert.equal(tension(['kwic', ...seeds]).code, 2);
    assert.match(tension(['kwic', '--pole', 'open', '--term', 'x', ...seeds]).stderr, /one thing at a time/);
    assert.match(tension(['kwic', '--pole', 'open', '--sort', 'up', ...seeds]).stderr, /--sort must be left, right, file or position/);
    assert.match(tension(['cooccur', '--window', 'line', ...seeds]).stderr, /--window must be sentence, paragraph or section/);
    assert.match(tension(['cooccur', '--pole', 'open', ...seeds]).stderr, /--pole is for kwic/);
  });
});
