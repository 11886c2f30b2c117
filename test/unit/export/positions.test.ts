import assert from 'node:assert/strict';
import { positionText, toCodePoints } from '../../../src/core/export';

describe('export positions: UTF-16 offsets to code points', () => {
  it('counts a character outside the BMP (𠮷, two UTF-16 units) as one code point', () => {
    const text = '𠮷野家的开放原则';
    const start = text.indexOf('开放');
    assert.equal(start, 5);
    assert.deepEqual(toCodePoints(text, [start, start + 2], { normalizeNewlines: false }), [4, 6]);
    assert.equal([...text].slice(4, 6).join(''), '开放');
  });

  it('with normalised newlines, CRLF and lone CR count as one LF, and the offsets index the normalised text', () => {
    const text = '第一行\r\n第二行\r第三行开源';
    const start = text.indexOf('开源');
    const options = { normalizeNewlines: true };
    const [s, e] = toCodePoints(text, [start, start + 2], options);
    assert.equal([...positionText(text, options)].slice(s, e).join(''), '开源');
    assert.equal(positionText(text, options), '第一行\n第二行\n第三行开源');
  });

  it('keeps the order and duplicates of the offsets asked for, and clamps offsets past the end', () => {
    assert.deepEqual(toCodePoints('a😀b', [4, 0, 3, 3, 99], { normalizeNewlines: false }), [3, 0, 2, 2, 3]);
  });
});
