import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { builtinLexicon, checkLexicon, parseUserLexicon, poleColors, type Lexicon } from '../../src/core';
import { buildLexicon, packLexicon, serializeLexicon } from '../../scripts/lexiconBuild';
import { decodeBase91, encodeBase91, unpackLexicon } from '../../src/core/lexicon/packed';

const root = path.resolve(__dirname, '../..');
const sourceText = fs.readFileSync(path.join(root, 'src/core/lexicon/builtin.source.json'), 'utf8');
const source = JSON.parse(sourceText) as Lexicon;
const allForms = (lexicon: Lexicon) => lexicon.axes.flatMap((a) => a.poles.flatMap((p) => p.terms.flatMap((t) => t.forms)));

describe('built-in lexicon', () => {
  it('has the required axes and poles, in order', () => {
    const ids = builtinLexicon.axes.map((a) => [a.id, a.poles[0].id, a.poles[1].id]);
    assert.deepEqual(ids.slice(0, 3), [['open-closed', 'open', 'closed'], ['research-commercial', 'research', 'commercial'], ['mission-profit', 'mission', 'profit']]);
    assert.ok(builtinLexicon.axes.length >= 6, 'at least three more axes');
  });

  it('is sound: unique ids, no form on two poles, exclusions that can apply, and valid against the shipped schema', () => {
    assert.deepEqual(checkLexicon(builtinLexicon), []);
    assert.deepEqual(parseUserLexicon(sourceText, 'builtin.source.json').problems, []);
  });

  it('gives every axis, pole and term both labels and a definition, and every pole terms', () => {
    for (const axis of builtinLexicon.axes) {
      for (const x of [axis, ...axis.poles, ...axis.poles.flatMap((p) => p.terms)]) {
        assert.ok(x.label.zh && x.label.en && x.definition.zh && x.definition.en, `${x.id} lacks a label or definition`);
      }
      for (const pole of axis.poles) assert.ok(pole.terms.length > 0, `${pole.id} has no terms`);
    }
  });

  it('has at least 300 Simplified surface forms, multi-character ones', () => {
    const forms = allForms(source);
    assert.ok(forms.length >= 300, `${forms.length} forms`);
    assert.deepEqual(forms.filter((f) => [...f].length < 2), [], 'no single characters that fire everywhere');
  });

  it('carries Traditional and Taiwan forms produced by OpenCC', () => {
    const forms = new Set(allForms(builtinLexicon));
    for (const f of ['開源', '閉源', '商業化', '非營利', '資本', '開放原則', '閉源商用', '基礎研究']) assert.ok(forms.has(f), f);
    assert.ok(builtinLexicon.axes.every((a) => a.poles.every((p) => p.terms.every((t) => t.pinyin))), 'every term has pinyin');
  });

  it('gives every built-in pole its own colour in every theme kind', () => {
    const colors = poleColors(builtinLexicon);
    for (const kind of ['light', 'dark', 'highContrast'] as const) {
      assert.equal(new Set(colors.map((c) => c[kind])).size, colors.length, kind);
    }
  });

  it('builtin.json, package.json colours, the TextMate grammar and the compiled schema validators are up to date', () => {
    const shipped = fs.readFileSync(path.join(root, 'src/core/lexicon/builtin.json'), 'utf8');
    assert.equal(shipped, serializeLexicon(buildLexicon(source)), 'run npm run build:lexicon');
    const packed = fs.readFileSync(path.join(root, 'src/core/lexicon/builtin.packed.txt'), 'utf8');
    assert.equal(packed, `${packLexicon(source)}\n`, 'run npm run build:lexicon');
    execFileSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/buildContributions.ts', '--check'], { cwd: root, stdio: 'pipe' });
    execFileSync(process.execPath, ['scripts/buildValidators.mjs', '--check'], { cwd: root, stdio: 'pipe' });
  });
});

describe('packed built-in lexicon (what the bundles carry)', () => {
  it('unpacks to exactly the lexicon builtin.json holds, every Traditional variant in its place', () => {
    const shipped = JSON.parse(fs.readFileSync(path.join(root, 'src/core/lexicon/builtin.json'), 'utf8')) as Lexicon;
    const unpacked = unpackLexicon(fs.readFileSync(path.join(root, 'src/core/lexicon/builtin.packed.txt'), 'utf8').trim());
    assert.deepStrictEqual(unpacked, shipped);
  });

  it('keeps phrase conversions a character table cannot give (Taiwan phrasing) and terms without exclusions', () => {
    const tiny: Lexicon = {
      version: 1, negators: ['不'], contrastMarkers: ['而'],
      axes: [{ id: 'x', label: { zh: 'x', en: 'x' }, definition: { zh: 'x', en: 'x' }, poles: [
        { id: 'a', label: { zh: 'a', en: 'a' }, definition: { zh: 'a', en: 'a' }, terms: [{ id: 't', label: { zh: '开源', en: 'o' }, definition: { zh: 'd', en: 'd' }, forms: ['开放源代码', '数据共享'], exclude: ['开放源代码库'] }] },
        { id: 'b', label: { zh: 'b', en: 'b' }, definition: { zh: 'b', en: 'b' }, terms: [{ id: 'u', label: { zh: '闭源', en: 'c' }, definition: { zh: 'd', en: 'd' }, forms: ['闭源'] }] },
      ] }],
    };
    const unpacked = unpackLexicon(packLexicon(tiny));
    assert.deepStrictEqual(unpacked, buildLexicon(tiny));
    assert.ok(unpacked.axes[0]?.poles[0].terms[0]?.forms.includes('開放原始碼'));
  });

  it('encodes any bytes in basE91 and back, with no character a string literal must escape', () => {
    for (const length of [0, 1, 2, 3, 13, 255, 1000]) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 151 + length) % 256);
      const text = encodeBase91(bytes);
      assert.deepStrictEqual(decodeBase91(text), bytes, `length ${length}`);
      assert.ok(!/["\\\s]/.test(text));
    }
  });
});

describe('user lexicon validation', () => {
  it('names the JSON path and the line of each problem', () => {
    const text = '{\n  "version": 2,\n  "axes": [\n    { "id": "x", "poles": [ { "id": "a", "terms": [ { "id": "t", "forms": [] } ] }, { "id": "b", "terms": [] } ] }\n  ]\n}';
    const { lexicon, problems } = parseUserLexicon(text, 'my.json');
    assert.equal(lexicon, undefined);
    const byPath = new Map(problems.map((p) => [p.path, p]));
    assert.equal(byPath.get('version')?.line, 1);
    assert.match(byPath.get('version')?.message ?? '', /constant/);
    assert.equal(byPath.get('axes[0].poles[0].terms[0].forms')?.line, 3);
  });

  it('reports malformed JSON with its position', () => {
    const { problems } = parseUserLexicon('{\n  "version": 1,\n  "axes": [,]\n}', 'bad.json');
    assert.ok(problems.length > 0);
    assert.equal(problems[0]?.line, 2);
    assert.match(problems[0]?.message ?? '', /invalid JSON/);
  });

  it('rejects a form placed on two poles and an exclusion that cannot apply', () => {
    const lexicon = JSON.stringify({ version: 1, axes: [{ id: 'x', poles: [
      { id: 'a', terms: [{ id: 't1', forms: ['开源'], exclude: ['闭源社区'] }] },
      { id: 'b', terms: [{ id: 't2', forms: ['开源'] }] },
    ] }] });
    const messages = parseUserLexicon(lexicon, 'x.json').problems.map((p) => `${p.path}: ${p.message}`);
    assert.ok(messages.some((m) => m.startsWith('axes[0].poles[1].terms[0].forms[0]: form \'开源\' is also on pole \'a\'')), messages.join('\n'));
    assert.ok(messages.some((m) => m.startsWith('axes[0].poles[0].terms[0].exclude[0]')), messages.join('\n'));
  });
});
