import assert from 'node:assert/strict';
import { toIsoDate } from '../../../src/core/text/isoDate';

describe('toIsoDate', () => {
  it('reads the ISO, slash, dot and Chinese forms of one day as the same ISO date', () => {
    for (const text of ['2024-05-01', '2024/5/1', '2024.5.1', '2024年5月1日', '2024年5月1号', '２０２４年５月１日', ' 2024-5-01 ']) {
      assert.equal(toIsoDate(text), '2024-05-01', text);
    }
  });
  it('keeps a month or a year alone at that precision', () => {
    assert.equal(toIsoDate('2024年5月'), '2024-05');
    assert.equal(toIsoDate('2024-05'), '2024-05');
    assert.equal(toIsoDate('2024年'), '2024');
    assert.equal(toIsoDate('2024'), '2024');
  });
  it('tolerates a time and a time zone, and keeps the day as written (no shift to UTC)', () => {
    assert.equal(toIsoDate('2024-05-01T23:30:00+08:00'), '2024-05-01');
    assert.equal(toIsoDate('2024-05-01T08:30:00.000Z'), '2024-05-01');
    assert.equal(toIsoDate('2024-05-01 10:00'), '2024-05-01');
    assert.equal(toIsoDate('2024/05/01 08:00:00 +0800'), '2024-05-01');
    assert.equal(toIsoDate('2024年5月1日 上午10:00'), '2024-05-01');
    assert.equal(toIsoDate('2024年5月1日10时30分'), '2024-05-01');
  });
  it('refuses impossible dates and text that is not a date', () => {
    for (const text of ['2024-02-30', '2023-02-29', '2024-13-01', '2024-00-10', '五月一日', 'hello', '2024-5-1x', '', '24-05-01']) {
      assert.equal(toIsoDate(text), undefined, text);
    }
    assert.equal(toIsoDate('2024-02-29'), '2024-02-29');
  });
});
