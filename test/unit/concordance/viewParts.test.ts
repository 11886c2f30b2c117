import assert from 'node:assert/strict';
import { type KwicLine, decodeFromConcordanceView, displayWidth, padStartColumns, writeConcordanceCsv } from '../../../src/core';

const line = (over: Partial<KwicLine>): KwicLine => ({
  path: 'a.md', start: 6, end: 8, line: 2, character: 0, left: '引言 ', match: '开源', right: '是使命', term: 'open-source', axis: 'open-closed', pole: 'open', negated: false, ...over,
});

describe('concordance view parts', () => {
  it('CSV: header, 1-based line and column, BOM and CRLF, a context with an edge space quoted, formula-like cells guarded', () => {
    const csv = writeConcordanceCsv([line({}), line({ left: '=SUM(A1)', right: '+1', term: null, axis: null, pole: null, negated: true })]);
    assert.equal(csv, '\uFEFFfile,line,column,start,end,left,match,right,term,axis,pole,negated\r\n'
      + 'a.md,3,1,6,8,"引言 ",开源,是使命,open-source,open-closed,open,false\r\n'
      + "a.md,3,1,6,8,'=SUM(A1),开源,'+1,,,,true\r\n");
  });

  it('takes only well-formed messages from the webview', () => {
    assert.deepEqual(decodeFromConcordanceView({ type: 'annotate', ids: [1, 2] }), { type: 'annotate', ids: [1, 2] });
    assert.deepEqual(decodeFromConcordanceView({ type: 'open', id: 3, extra: 1 }), { type: 'open', id: 3 });
    assert.equal(decodeFromConcordanceView({ type: 'annotate', ids: ['1'] }), undefined);
    assert.equal(decodeFromConcordanceView({ type: 'open', id: 1.5 }), undefined);
    assert.equal(decodeFromConcordanceView({ type: 'run' }), undefined);
    assert.equal(decodeFromConcordanceView(null), undefined);
    assert.deepEqual(decodeFromConcordanceView({ type: 'exportHtml', sort: 'right' }), { type: 'exportHtml', sort: 'right' });
    assert.equal(decodeFromConcordanceView({ type: 'exportHtml', sort: 'sideways' }), undefined);
  });

  it('counts CJK, full-width forms and emoji as two columns when the CLI aligns lines', () => {
    assert.equal(displayWidth('开源AI，😀'), 2 + 2 + 1 + 1 + 2 + 2);
    assert.equal(padStartColumns('开源', 6), '  开源');
    assert.equal(padStartColumns('开源开源', 6), '开源开源');
  });
});
