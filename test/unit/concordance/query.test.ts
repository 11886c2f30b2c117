import assert from 'node:assert/strict';
import { QueryError, checkQuery, evaluateQuery, parseQuery } from '../../../src/core';
import { COMPILED, smallArticle } from './fixture';

const starts = (query: string): number[] => evaluateQuery(parseQuery(query), smallArticle()).map((o) => o.start);

function queryError(query: string, check = false): QueryError {
  try {
    const node = parseQuery(query);
    if (check) checkQuery(node, query, COMPILED);
  } catch (e) {
    assert.ok(e instanceof QueryError, String(e));
    return e;
  }
  assert.fail(`no error for ${query}`);
}

describe('concordance query language', () => {
  it('parses the issue\'s three examples into their trees', () => {
    assert.deepEqual(parseQuery('pole:open NEAR/20 pole:commercial'), {
      kind: 'near', distance: 20, at: 10,
      left: { kind: 'atom', field: 'pole', value: 'open', at: 0 }, right: { kind: 'atom', field: 'pole', value: 'commercial', at: 18 },
    });
    assert.deepEqual(parseQuery('term:open-source AND tag:争议焦点'), {
      kind: 'and', at: 17, left: { kind: 'atom', field: 'term', value: 'open-source', at: 0 }, right: { kind: 'atom', field: 'tag', value: '争议焦点', at: 21 },
    });
    assert.deepEqual(parseQuery('axis:mission-profit WITHIN sentence'), {
      kind: 'within', window: 'sentence', at: 20, inner: { kind: 'atom', field: 'axis', value: 'mission-profit', at: 0 },
    });
  });

  it('reads quoted text, quoted values and parentheses; AND binds tighter than OR', () => {
    assert.deepEqual(parseQuery('"开 源"'), { kind: 'atom', field: 'text', value: '开 源', at: 0 });
    assert.deepEqual(parseQuery('tag:"key \\"point\\""'), { kind: 'atom', field: 'tag', value: 'key "point"', at: 0 });
    const tree = parseQuery('text:a OR text:b AND (text:c)');
    assert.equal(tree.kind, 'or');
    assert.equal(tree.kind === 'or' && tree.right.kind, 'and');
  });

  it('says where a query goes wrong and what was expected', () => {
    const near = queryError('pole:open NEAR pole:closed');
    assert.equal(near.position, 10);
    assert.equal(near.expected, 'NEAR/ and a distance in characters, as in NEAR/20');
    assert.match(near.message, /^query error at character 11: expected NEAR\/ and a distance/);
    assert.equal(queryError('pole:open AND').position, 13);
    assert.equal(queryError('pole:open AND').found, 'the end of the query');
    assert.deepEqual([queryError('(pole:open').position, queryError('(pole:open').expected], [10, "')' to close the '(' at character 1"]);
    assert.deepEqual([queryError('foo:bar').position, queryError('foo:bar').found], [0, "'foo:'"]);
    assert.equal(queryError('axis:x WITHIN line').position, 14);
    assert.equal(queryError('pole:open pole:closed').expected, 'AND, OR, NEAR/n, WITHIN or the end of the query');
    assert.equal(queryError('"open').expected, 'a closing quote (") for the quote opened at character 1');
    assert.equal(queryError('').position, 0);
    assert.equal(queryError('pole:').position, 5);
  });

  it('checks term, pole and axis ids against the lexicon, pointing at the value', () => {
    const e = queryError('pole:open AND pole:nope', true);
    assert.equal(e.position, 19);
    assert.equal(e.found, "'nope'");
    assert.match(e.expected, /^the id of a pole in the lexicon \(such as open, closed/);
    assert.doesNotThrow(() => checkQuery(parseQuery('tag:anything AND term:mission'), '', COMPILED));
  });

  it('evaluates atoms, OR, AND (overlap), NEAR, WITHIN as worked out by hand', () => {
    assert.deepEqual(starts('pole:open'), [6, 18, 48]);
    assert.deepEqual(starts('"使命"'), [9, 45]);
    assert.deepEqual(starts('pole:open OR pole:closed'), [6, 18, 21, 25, 48, 53]);
    assert.deepEqual(starts('pole:open NEAR/3 pole:closed'), [18, 48]);
    assert.deepEqual(starts('pole:open NEAR/2 pole:closed'), [18]);
    assert.deepEqual(starts('pole:open NEAR/3 pole:closed WITHIN sentence'), [18]);
    assert.deepEqual(starts('term:open-source AND tag:争议焦点'), [6]);
    assert.deepEqual(starts('tag:风险'), [25]);
    assert.deepEqual(starts('pole:profit AND tag:风险'), [29]);
    assert.deepEqual(starts('axis:open-closed WITHIN sentence'), [18, 21]);
    assert.deepEqual(starts('axis:mission-profit WITHIN sentence'), [9, 14, 41, 45]);
    assert.deepEqual(starts('pole:open AND pole:closed WITHIN paragraph'), [6, 18]);
    assert.deepEqual(starts('pole:closed AND pole:mission WITHIN section'), [21, 25, 53]);
    // NEAR never pairs an occurrence with itself.
    assert.deepEqual(starts('pole:closed NEAR/5 pole:closed'), [21, 25]);
  });
});
