import assert from 'node:assert/strict';
import { pluralForm } from '../../src/core/text/plural';

describe('plural forms', () => {
  const files = { one: '{0} file', other: '{0} files' };
  it('English says "1 file" and "0 files", "2 files"', () => {
    assert.deepEqual([0, 1, 2, 21].map((n) => pluralForm(files, n, 'en')), ['{0} files', '{0} file', '{0} files', '{0} files']);
  });
  it('Chinese has one form (the "other" translation); an unknown locale falls back to English rules', () => {
    assert.equal(pluralForm({ one: 'x', other: '{0} 个文件' }, 1, 'zh-cn'), '{0} 个文件');
    assert.equal(pluralForm(files, 1, 'not a locale!'), '{0} file');
  });
});
