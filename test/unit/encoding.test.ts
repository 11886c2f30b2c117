import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import * as OpenCC from 'opencc-js';
import { chineseScore, decodeText, guessLegacyEncoding, replacementCount } from '../../src/core';

const seeds = path.resolve(__dirname, '../../test/fixtures/workspace');
const simplified = fs.readFileSync(path.join(seeds, 'ai-lab-expert-departure.md'), 'utf8');
const news = fs.readFileSync(path.join(seeds, 'openai-departures-news.txt'), 'utf8');
const traditional = OpenCC.Converter({ from: 'cn', to: 'tw' })(simplified);

const gbk = (text: string): Uint8Array => iconv.encode(text, 'gbk');
const big5 = (text: string): Uint8Array => iconv.encode(text, 'big5');

describe('decodeText: UTF-8, GB18030 and Big5 on real bytes', () => {
  it('the fixtures survive the round trip through the legacy encodings (so the bytes are real GBK and Big5)', () => {
    assert.equal(iconv.decode(Buffer.from(gbk(simplified)), 'gbk'), simplified);
    assert.equal(iconv.decode(Buffer.from(big5(traditional)), 'big5'), traditional);
  });

  it('auto takes valid UTF-8 as UTF-8, BOM dropped', () => {
    assert.deepEqual(decodeText(new TextEncoder().encode(`\uFEFF${simplified}`)), { text: simplified, encoding: 'utf-8' });
  });

  it('auto reads a GBK article as GB18030 and a Big5 article as Big5', () => {
    assert.deepEqual(decodeText(gbk(simplified)), { text: simplified, encoding: 'gb18030' });
    assert.deepEqual(decodeText(big5(traditional)), { text: traditional, encoding: 'big5' });
    // A file with characters GBK lacks is still GB18030 (four-byte sequences).
    assert.deepEqual(decodeText(iconv.encode(news, 'gb18030')), { text: news, encoding: 'gb18030' });
  });

  it('tells the two apart on short passages too (one sentence, two characters)', () => {
    for (const len of [2, 10, 40, 200]) {
      for (let at = 0; at + len < 3000; at += 499) {
        const passage = simplified.slice(at, at + len);
        if (!/[\u4e00-\u9fff]/.test(passage) || passage.includes('\n')) continue;
        const zhTw = traditional.slice(at, at + len);
        const asGbk = decodeText(gbk(passage));
        const asBig5 = decodeText(big5(zhTw));
        if (new TextDecoder('utf-8', { fatal: false }).decode(gbk(passage)) === passage) continue; // ASCII only
        assert.equal(asGbk?.encoding, 'gb18030', `GBK ${JSON.stringify(passage)}`);
        assert.equal(asGbk?.text, passage);
        assert.equal(asBig5?.encoding, 'big5', `Big5 ${JSON.stringify(zhTw)}`);
        assert.equal(asBig5?.text, zhTw);
      }
    }
  });

  it('a named encoding is used as asked, and undefined when the bytes are not valid in it', () => {
    assert.deepEqual(decodeText(gbk(simplified), 'gb18030'), { text: simplified, encoding: 'gb18030' });
    assert.equal(decodeText(gbk(simplified), 'utf-8'), undefined);
    assert.deepEqual(decodeText(new TextEncoder().encode('开源'), 'utf-8'), { text: '开源', encoding: 'utf-8' });
  });

  it('auto refuses bytes that fit none: Latin-1 text, random bytes', () => {
    assert.equal(decodeText(iconv.encode('Café crème, déjà vu — naïve résumé.', 'latin1')), undefined);
    let seed = 7;
    const random = new Uint8Array(4096).map(() => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return 0x80 | (seed >>> 24);
    });
    assert.equal(decodeText(random), undefined);
  });

  it('a mis-decoded text reads as rare characters: the score that decides', () => {
    const right = chineseScore(simplified);
    const wrong = chineseScore(new TextDecoder('big5').decode(gbk(simplified)));
    assert.ok(right.share > 0.85, `right ${right.share}`);
    assert.ok(wrong.share < 0.3, `wrong ${wrong.share}`);
    assert.equal(guessLegacyEncoding(new TextEncoder().encode('plain ASCII, no Chinese')), undefined);
  });

  it('counts replacement characters (what a wrong decoding in the editor leaves)', () => {
    const mojibake = new TextDecoder('utf-8').decode(gbk(simplified));
    assert.ok(replacementCount(mojibake) > 1000);
    assert.equal(replacementCount(simplified), 0);
    assert.equal(replacementCount(mojibake, 3), 3);
  });
});
