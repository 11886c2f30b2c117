import assert from 'node:assert/strict';
import { findDateTime } from '../../src/core/import/dateTime';

describe('findDateTime: dates as sources write them, as ISO 8601', () => {
  it('reads the four date shapes', () => {
    assert.equal(findDateTime('2024-05-01'), '2024-05-01');
    assert.equal(findDateTime('2024/5/1'), '2024-05-01');
    assert.equal(findDateTime('2024.5.1'), '2024-05-01');
    assert.equal(findDateTime('2024年5月1日'), '2024-05-01');
    assert.equal(findDateTime('2024 年 12 月 31 日'), '2024-12-31');
  });

  it('keeps a time that follows, with its zone when one is given', () => {
    assert.equal(findDateTime('2024-05-01 10:30'), '2024-05-01T10:30:00');
    assert.equal(findDateTime('2024/5/1 9:05:07'), '2024-05-01T09:05:07');
    assert.equal(findDateTime('2024年5月1日 10时30分'), '2024-05-01T10:30:00');
    assert.equal(findDateTime('2024-05-01T08:30:00+08:00'), '2024-05-01T08:30:00+08:00');
    assert.equal(findDateTime('2024-05-01T00:30:00.000Z'), '2024-05-01T00:30:00Z');
    assert.equal(findDateTime('2024-05-01T08:30:00+0800'), '2024-05-01T08:30:00+08:00');
  });

  it('finds the date inside a labelled line', () => {
    assert.equal(findDateTime('发布时间：2024年05月01日 10:30  来源：新华网'), '2024-05-01T10:30:00');
  });

  it('refuses what is no date', () => {
    assert.equal(findDateTime(''), undefined);
    assert.equal(findDateTime('2024-02-30'), undefined);
    assert.equal(findDateTime('2024-13-01'), undefined);
    assert.equal(findDateTime('2024-5/1'), undefined);
    assert.equal(findDateTime('12024-05-01'), undefined);
    assert.equal(findDateTime('五月一日'), undefined);
    assert.equal(findDateTime('2024-02-29'), '2024-02-29');
    assert.equal(findDateTime('2023-02-29'), undefined);
  });

  it('drops an impossible time but keeps the date', () => {
    assert.equal(findDateTime('2024-05-01 25:61'), '2024-05-01');
  });
});
