import assert from 'node:assert/strict';
import {
  AnnotationSet, type Codebook, applyImport, emptyCodebook, exchangeTags, formatJsonProblem, newSidecar, parseCodebook, parseSidecar, planImport,
  serializeCodebook, serializeSidecar, tagMemo, withProjectMemo, withTagMemo,
} from '../../../src/core';

describe('codebook file (tension-codebook.json)', () => {
  it('round-trips memos and colours in a stable order, keeping fields it does not know', () => {
    const text = '{\n  "tags": [\n    { "x-rank": 2, "description": "定义\\n规则", "label": "争议焦点", "color": "#e5534b" }\n  ],\n  "memo": "项目备忘",\n  "version": 1,\n  "x-owner": "lab"\n}\n';
    const parsed = parseCodebook(`\uFEFF${text}`, 'tension-codebook.json');
    assert.ok('codebook' in parsed, JSON.stringify(parsed));
    assert.equal(parsed.codebook.memo, '项目备忘');
    const out = serializeCodebook(parsed.codebook);
    assert.equal(out, '{\n  "version": 1,\n  "memo": "项目备忘",\n  "tags": [\n    {\n      "label": "争议焦点",\n      "color": "#e5534b",\n      "description": "定义\\n规则",\n      "x-rank": 2\n    }\n  ],\n  "x-owner": "lab"\n}\n');
    const again = parseCodebook(out, 'f');
    assert.ok('codebook' in again);
    assert.equal(serializeCodebook(again.codebook), out);
  });

  it('reports a malformed or invalid file with its line and column', () => {
    const cases: [string, string][] = [
      ['{\n  "version": 1,\n  "tags": [\n    { "label": "a" },\n  ]\n}', 'c.json:5:3: invalid JSON'],
      ['{\n  "version": 1,\n  "tags": [\n    { "label": "a", "color": "red" }\n  ]\n}', 'c.json:4:30: tags[0].color: must match pattern'],
      ['{\n  "version": 1,\n  "tags": [\n    { "label": "a" },\n    { "label": " a " }\n  ]\n}', "c.json:5:16: tags[1].label: label 'a' is already used by tags[0]"],
      ['{ "version": 2, "tags": [] }', 'c.json:1:14: version: written by a newer Tension Lens'],
      ['', 'c.json:1:1: empty file'],
    ];
    for (const [text, expected] of cases) {
      const parsed = parseCodebook(text, 'c.json');
      assert.ok('problems' in parsed, text);
      const first = formatJsonProblem(parsed.problems[0]!);
      assert.ok(first.startsWith(expected), `${first} starts with ${expected}`);
    }
  });

  it('sets and clears tag memos and the project memo; a tag memo falls back to the sidecar description', () => {
    let book: Codebook = emptyCodebook();
    book = withTagMemo(book, ' 争议焦点 ', '定义：…', '#e5534b');
    book = withProjectMemo(book, '研究问题');
    assert.deepEqual(book, { version: 1, memo: '研究问题', tags: [{ label: '争议焦点', color: '#e5534b', description: '定义：…' }] });
    assert.equal(tagMemo(book, { label: '争议焦点', description: 'old' }), '定义：…');
    assert.equal(tagMemo(book, { label: '开放', description: '极的定义' }), '极的定义');
    assert.equal(tagMemo(book, { label: '开放' }), undefined);
    book = withTagMemo(withProjectMemo(book, '  '), '争议焦点', '');
    assert.deepEqual(book, { version: 1, tags: [{ label: '争议焦点', color: '#e5534b' }] });
  });

  it('exchange tags: the codebook first, then every other label of the sidecars, merged by label', () => {
    const book: Codebook = { version: 1, tags: [{ label: 'b', description: 'B' }] };
    assert.deepEqual(exchangeTags(book, [{ id: '1', label: 'a', color: '#111' }, { id: '2', label: 'b ', color: '#222' }, { id: '3', label: 'a', color: '#333' }]),
      [{ label: 'b', color: '#222', description: 'B' }, { label: 'a', color: '#111' }]);
  });
});

describe('codebook import: merge by label', () => {
  const book: Codebook = { version: 1, memo: 'm', tags: [{ label: 'a', color: '#111', description: 'A' }, { label: 'b', color: '#222' }, { label: 'c' }] };

  it('says what is added, updated and unchanged, and never erases a memo the import leaves empty', () => {
    const plan = planImport(book, [{ label: 'a', color: '#111' }, { label: ' b', color: '#333', description: 'B' }, { label: 'd', description: 'D' }]);
    assert.deepEqual(plan.added, [{ label: 'd', description: 'D' }]);
    assert.deepEqual(plan.updated, [{ before: { label: 'b', color: '#222' }, after: { label: 'b', color: '#333', description: 'B' } }]);
    assert.deepEqual(plan.unchanged, [{ label: 'a', color: '#111', description: 'A' }]);
    assert.deepEqual(applyImport(book, plan), {
      version: 1, memo: 'm',
      tags: [{ label: 'a', color: '#111', description: 'A' }, { label: 'b', color: '#333', description: 'B' }, { label: 'c' }, { label: 'd', description: 'D' }],
    });
  });

  it('a colour that differs only in case is unchanged', () => {
    assert.equal(planImport(book, [{ label: 'a', color: '#111' }, { label: 'b', color: '#222' }]).updated.length, 0);
  });
});

describe('article memo in the sidecar', () => {
  const doc = { path: 'a.md', sha256: '0'.repeat(64), length: 3 };

  it('an old sidecar without a memo loads, and the memo is written after the document block', () => {
    const old = serializeSidecar(newSidecar(doc));
    assert.doesNotMatch(old, /memo/);
    const parsed = parseSidecar(old, 'a.md.tension.json');
    assert.ok('sidecar' in parsed);
    const set = AnnotationSet.load(parsed.sidecar, 'abc').setMemo('整篇文章的备忘\n第二行');
    const text = serializeSidecar(set.toSidecar());
    assert.match(text, /"length": 3\n {2}},\n {2}"memo": "整篇文章的备忘\\n第二行",\n {2}"tags"/);
    const back = parseSidecar(text, 'a.md.tension.json');
    assert.ok('sidecar' in back);
    assert.equal(back.sidecar.memo, '整篇文章的备忘\n第二行');
  });

  it('setting the memo is one undo step, and a blank memo removes the field', () => {
    const set = AnnotationSet.load(newSidecar(doc), 'abc').setMemo('first').setMemo('second');
    assert.equal(set.memo, 'second');
    assert.equal(set.undo('abc').memo, 'first');
    assert.equal(set.undo('abc').undo('abc').memo, undefined);
    assert.doesNotMatch(serializeSidecar(set.setMemo(' \n').toSidecar()), /memo/);
  });

  it('a memo that is not a string is reported with its position, and the file is not taken', () => {
    const parsed = parseSidecar('{"version":1,"document":{"path":"a","sha256":"' + '0'.repeat(64) + '","length":0},"memo":3,"annotations":[]}', 's.json');
    assert.ok('problems' in parsed);
    assert.match(formatJsonProblem(parsed.problems[0]!), /^s\.json:1:\d+: memo: must be string/);
  });
});
