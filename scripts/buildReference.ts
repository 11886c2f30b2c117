/**
 * Derives the reference word list that `suggest` measures keyness against (src/core/suggest/zh-reference.txt) from
 * jieba's dictionary as @node-rs/jieba ships it (dict.txt, MIT): the Han words of two or more characters that occur at
 * least MIN_FREQUENCY times in jieba's corpus, in half-octave frequency buckets, plus a Traditional → Simplified
 * character table from opencc-js (Apache-2.0) so that 開放 and 开放 are one candidate. The full dictionary is 5 MB;
 * this keeps what keyness needs. The output is committed, loaded at run time from dist/ (never bundled).
 *   npx tsx scripts/buildReference.ts          write it
 *   npx tsx scripts/buildReference.ts --check  fail when it is out of date
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import * as OpenCC from 'opencc-js';

const require = createRequire(import.meta.url);
const MIN_FREQUENCY = 200;
const OUT = 'src/core/suggest/zh-reference.txt';

const dictPath = require.resolve('@node-rs/jieba/dict.txt');
const jiebaVersion = (JSON.parse(fs.readFileSync(require.resolve('@node-rs/jieba/package.json'), 'utf8')) as { version: string }).version;
const lines = fs.readFileSync(dictPath, 'utf8').split('\n');
let total = 0;
const buckets = new Map<number, string[]>();
for (const line of lines) {
  const [word, freqText] = line.split(' ');
  const freq = Number(freqText);
  if (!word || !Number.isFinite(freq)) continue;
  total += freq;
  if (freq < MIN_FREQUENCY || word.length < 2 || !/^[\u4e00-\u9fff]+$/u.test(word)) continue;
  const bucket = Math.round(Math.log2(freq) * 2);
  const list = buckets.get(bucket) ?? [];
  list.push(word);
  buckets.set(bucket, list);
}

// Every CJK character whose Traditional (standard, Taiwan or Hong Kong) spelling differs from the Simplified one.
const toSimplified = (['t', 'tw', 'hk'] as const).map((from) => OpenCC.Converter({ from, to: 'cn' }));
let pairs = '';
for (let code = 0x4e00; code <= 0x9fff; code++) {
  const c = String.fromCharCode(code);
  for (const convert of toSimplified) {
    const s = convert(c);
    if (s !== c && s.length === 1) {
      pairs += c + s;
      break;
    }
  }
}

const header = { source: `jieba dict.txt from @node-rs/jieba ${jiebaVersion} (MIT); Traditional table from opencc-js (Apache-2.0)`, total, minFrequency: MIN_FREQUENCY };
const body = [...buckets.entries()].sort((a, b) => b[0] - a[0]).map(([bucket, words]) => `${bucket}\t${words.sort().join(' ')}`);
const text = `${JSON.stringify(header)}\n${body.join('\n')}\nt2s\t${pairs}\n`;

if (process.argv.includes('--check')) {
  const current = fs.existsSync(OUT) ? fs.readFileSync(OUT, 'utf8') : '';
  if (current !== text) {
    console.error(`${OUT} is out of date: run npx tsx scripts/buildReference.ts`);
    process.exit(1);
  }
} else {
  fs.writeFileSync(OUT, text);
  console.log(`wrote ${OUT}: ${[...buckets.values()].reduce((n, w) => n + w.length, 0)} words, ${pairs.length / 2} character pairs, ${Buffer.byteLength(text)} bytes`);
}
