import assert from 'node:assert/strict';
import { addRejected, addUserTerm, builtinLexicon, mergeLexicons, parseUserLexicon, userTermId } from '../../src/core';

const CLOSED = { axis: 'open-closed', poles: ['open', 'closed'] as [string, string], pole: 'closed' };

describe('user lexicon edits (Suggest Terms: accept and reject)', () => {
  it('a new file gets a schema-valid lexicon with the term on its pole, which the merge then knows', () => {
    const edit = addUserTerm(undefined, { ...CLOSED, forms: ['壁垒', '壁壘'] }, 'lex.json');
    assert.ok('text' in edit);
    const { lexicon, problems } = parseUserLexicon(edit.text, 'lex.json');
    assert.deepEqual(problems, []);
    assert.ok(lexicon);
    const merged = mergeLexicons(builtinLexicon, lexicon);
    const closed = merged.axes.find((a) => a.id === 'open-closed')?.poles[1];
    assert.deepEqual(closed?.terms.find((t) => t.id === userTermId('壁垒'))?.forms, ['壁垒', '壁壘']);
    assert.ok(edit.text.endsWith('\n'));
  });

  it('keeps the rest of an existing file, in its own indentation, line ends and BOM', () => {
    const text = '\uFEFF{\r\n    "version": 1,\r\n    "negators": ["毫无"],\r\n    "axes": [\r\n        { "id": "open-closed", "poles": [ { "id": "open", "terms": [] }, { "id": "closed", "terms": [] } ] }\r\n    ]\r\n}\r\n';
    const edit = addUserTerm(text, { ...CLOSED, forms: ['壁垒'] }, 'lex.json');
    assert.ok('text' in edit);
    assert.ok(edit.text.startsWith('\uFEFF{\r\n    "version": 1,\r\n    "negators": [\r\n        "毫无"\r\n    ],\r\n'), JSON.stringify(edit.text));
    assert.ok(edit.text.endsWith('}\r\n'));
    assert.equal(edit.text.replace(/\r\n/g, '').includes('\n'), false, 'no bare line feeds');
    const lexicon = parseUserLexicon(edit.text.slice(1), 'x').lexicon;
    assert.deepEqual(lexicon?.negators, ['毫无']);
    assert.deepEqual(lexicon?.axes[0]?.poles[1]?.terms.map((t) => t.forms), [['壁垒']]);
  });

  it('the same edit twice changes nothing the second time', () => {
    const once = addUserTerm(undefined, { ...CLOSED, forms: ['壁垒'] }, 'lex.json');
    assert.ok('text' in once);
    const twice = addUserTerm(once.text, { ...CLOSED, forms: ['壁垒'] }, 'lex.json');
    assert.deepEqual(twice, { text: once.text, changed: false });
  });

  it('a malformed file gives its problems and no text to write', () => {
    const broken = '{ "version": 1, "axes": [ { "id": "open-closed", "poles": "oops" } ] }';
    const edit = addUserTerm(broken, { ...CLOSED, forms: ['壁垒'] }, 'lex.json');
    assert.ok('problems' in edit && edit.problems.length > 0);
    assert.equal('text' in edit, false);
    const rejected = addRejected('{ not json', ['壁垒'], 'lex.json');
    assert.ok('problems' in rejected);
    assert.match(rejected.problems[0]?.message ?? '', /invalid JSON/);
  });

  it('a form the file already has (on any pole) is not added again', () => {
    const first = addUserTerm(undefined, { ...CLOSED, forms: ['壁垒'] }, 'lex.json');
    assert.ok('text' in first);
    const other = addUserTerm(first.text, { ...CLOSED, pole: 'open', forms: ['壁垒', '互通'] }, 'lex.json');
    // 壁垒 is already in the file, so only 互通 is added, on open.
    assert.ok('text' in other);
    const poles = parseUserLexicon(other.text, 'x').lexicon?.axes[0]?.poles;
    assert.deepEqual(poles?.map((p) => p.terms.flatMap((t) => t.forms)), [['互通'], ['壁垒']]);
  });

  it('rejected forms are a list; accepting a rejected form takes it out again', () => {
    const r = addRejected(undefined, ['发展', '發展'], 'lex.json');
    assert.ok('text' in r);
    assert.deepEqual(parseUserLexicon(r.text, 'x').lexicon?.rejected, ['发展', '發展']);
    const again = addRejected(r.text, ['发展', '壁垒'], 'lex.json');
    assert.ok('text' in again);
    assert.deepEqual(parseUserLexicon(again.text, 'x').lexicon?.rejected, ['发展', '發展', '壁垒']);
    const accepted = addUserTerm(again.text, { ...CLOSED, forms: ['壁垒'] }, 'lex.json');
    assert.ok('text' in accepted);
    assert.deepEqual(parseUserLexicon(accepted.text, 'x').lexicon?.rejected, ['发展', '發展']);
  });
});
