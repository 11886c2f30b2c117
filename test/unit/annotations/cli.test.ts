import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runAnnotationsCommand } from '../../../src/cli/annotations';
import { type Annotation, createAnnotation, newSidecar, serializeSidecar } from '../../../src/core/annotations';

const NOW = '2025-01-31T08:00:00.000Z';

function run(paths: string[], options = {}): { code: number; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const code = runAnnotationsCommand(paths, { out: (s) => out.push(s), err: (s) => err.push(s) }, options);
  return { code, out, err };
}

describe('tension-lens annotations (runAnnotationsCommand, in process)', () => {
  let tmp: string;
  const write = (name: string, text: string): string => {
    const file = path.join(tmp, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return file;
  };
  const sidecarFor = (text: string, annotations: Annotation[]): string => serializeSidecar({
    ...newSidecar({ path: 'a.md', sha256: '0'.repeat(64), length: text.length }, [{ id: 'open', label: '开放' }, { id: 'risk', label: '风险' }]),
    annotations,
  });

  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tension-annotations-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('lists annotations re-anchored against the current text, one line each, in text order', () => {
    const original = '# 标题\r\n\r\n一方坚持开放权重，另一方担心安全风险难以控制。\r\n';
    const annotations = [
      createAnnotation({ text: original, start: original.indexOf('安全风险难以控制'), end: original.indexOf('安全风险难以控制') + 8, tags: ['risk', 'gone'], note: '核心\n论点', now: NOW, id: 'b' }),
      createAnnotation({ text: original, start: original.indexOf('坚持开放权重'), end: original.indexOf('坚持开放权重') + 6, tags: ['open'], now: NOW, id: 'a' }),
      createAnnotation({ text: original, start: 2, end: 4, now: NOW, id: 'c' }),
    ];
    // The article gained a line since the annotations were saved, and lost its title.
    const article = write('a.md', '# 导语\r\n\r\n新增的一行。\r\n一方坚持开放权重，另一方担心安全风险难以控制。\r\n');
    write('a.md.tension.json', sidecarFor(original, annotations));
    const r = run([article]);
    assert.deepEqual(r, {
      code: 0,
      err: [],
      out: [
        `${article}:1:3  []  "标题"  (orphaned)`,
        `${article}:4:3  [开放]  "坚持开放权重"  (moved)`,
        `${article}:4:15  [风险, gone?]  "安全风险难以控制"  核心 论点  (moved)`,
      ],
    });
  });

  it('says "no annotations" for an article without a sidecar, or with an empty one', () => {
    const bare = write('bare.md', '开源');
    const empty = write('empty.txt', '闭源');
    write('empty.txt.tension.json', sidecarFor('闭源', []));
    assert.deepEqual(run([bare, empty]), { code: 0, err: [], out: [`${bare}: no annotations`, `${empty}: no annotations`] });
  });

  it('names a malformed sidecar with line, column, JSON path and the fix on one line, exits 1, and goes on', () => {
    const broken = write('broken.md', '开源');
    const sidecar = write('broken.md.tension.json', '{\n  "version": 1,\n  "document": {"path": "broken.md"}\n}\n');
    const fine = write('fine.md', '开源');
    const r = run([broken, fine]);
    assert.equal(r.code, 1);
    assert.deepEqual(r.out, [`${fine}: no annotations`]);
    assert.equal(r.err.length, 1);
    assert.equal(r.err[0], `tension-lens: ${sidecar}:1:1: must have required property 'annotations' — fix: change that field to what schemas/sidecar.schema.json describes (and 2 more)`);

    write('broken.md.tension.json', '{"version": 1,,}');
    assert.deepEqual(run([broken]).err, [`tension-lens: ${sidecar}:1:15: invalid JSON: PropertyNameExpected — fix: repair the JSON syntax there (strict JSON: no comments, no trailing commas)`]);

    write('broken.md.tension.json', '{\n  "version": 3\n}');
    const newer = run([broken]);
    assert.equal(newer.code, 1);
    assert.match(newer.err[0] ?? '', new RegExp(`^tension-lens: ${sidecar.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2:14: version: written by a newer Tension Lens .*update the extension — fix: install the latest Tension Lens$`));
  });

  it('walks directories (skipping .tension/) and reads sidecars from <root>/.tension/ in folder mode', () => {
    const text = '开源与闭源';
    const article = write('notes/a.md', text);
    write('.tension/notes/a.md.tension.json', sidecarFor(text, [createAnnotation({ text, start: 0, end: 2, tags: ['open'], now: NOW, id: 'x' })]));
    assert.deepEqual(run([tmp], { location: 'folder', workspaceRoot: tmp }).out, [`${article}:1:1  [开放]  "开源"  (exact)`]);
    assert.deepEqual(run([tmp]).out, [`${article}: no annotations`]);
  });

  it('kwic, agreement and export find the same sidecars under <root>/.tension/ with --sidecar-folder as annotations does', () => {
    const cli = path.join(__dirname, '..', '..', '..', 'dist', 'cli.js');
    const tension = (args: string[]): { code: number | null; stdout: string; stderr: string } => {
      const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      return { code: r.status, stdout: r.stdout, stderr: r.stderr };
    };
    const text = '开源与闭源之争\n';
    const folder = path.join(tmp, 'notes');
    write('notes/a.md', text);
    const at = (id: string, start: number, end: number): Annotation => createAnnotation({ text, start, end, tags: ['open'], now: NOW, id });
    write('.tension/notes/a.md.tension.json', sidecarFor(text, [at('c', 0, 2)]));
    write('.tension/notes/a.md.tension.alice.json', sidecarFor(text, [at('a', 0, 2)]));
    write('.tension/notes/a.md.tension.bob.json', sidecarFor(text, [at('b', 3, 5)]));

    const kwic = tension(['kwic', '--json', '--tag', '开放', '--sidecar-folder', tmp, folder]);
    assert.equal(kwic.code, 0, kwic.stderr);
    assert.deepEqual((JSON.parse(kwic.stdout) as { lines: { match: string }[] }).lines.map((l) => l.match), ['开源']);

    const agreement = tension(['agreement', '--json', '--sidecar-folder', tmp, folder]);
    assert.equal(agreement.code, 0, agreement.stderr);
    assert.deepEqual((JSON.parse(agreement.stdout) as { coders: string[] }).coders, ['alice', 'bob']);

    const out = path.join(tmp, 'all.json');
    const exported = tension(['export', '--format', 'json', '--what', 'annotations', '--coder', 'all', '--sidecar-folder', tmp, '--out', out, folder]);
    assert.equal(exported.code, 0, exported.stderr);
    const quotes = JSON.stringify(JSON.parse(fs.readFileSync(out, 'utf8')));
    for (const id of ['a', 'b', 'c']) assert.ok(quotes.includes(`"id":"${id}"`), `annotation ${id} of the folder layout is exported: ${quotes.slice(0, 400)}`);
  });

  it('a --sidecar-folder that does not exist is a usage error, not an empty result, in every command that takes it', () => {
    const cli = path.join(__dirname, '..', '..', '..', 'dist', 'cli.js');
    const article = write('a.md', '开源与闭源\n');
    const typo = path.join(tmp, 'no-such-root');
    for (const args of [['annotations'], ['kwic', '--tag', '开放'], ['cooccur', '--of', 'tags'], ['agreement'], ['export', '--format', 'csv']]) {
      const r = spawnSync(process.execPath, [cli, ...args, '--sidecar-folder', typo, article], { encoding: 'utf8' });
      assert.equal(r.status, 2, `${args[0]}: ${r.stderr}`);
      assert.equal(r.stdout, '', args[0]);
      assert.match(r.stderr, new RegExp(`^tension-lens: --sidecar-folder ${typo.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: no such folder \\(give the workspace folder that holds \\.tension/\\)`), args[0]);
    }
  });

  it('reports a missing article and stdin as errors with exit 1', () => {
    const r = run([path.join(tmp, 'missing.md'), '-']);
    assert.equal(r.code, 1);
    assert.equal(r.err.length, 2);
    assert.match(r.err[0] ?? '', /missing\.md: no such file or directory$/);
    assert.match(r.err[1] ?? '', /^tension-lens: -: /);
  });
});
