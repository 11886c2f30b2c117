import assert from 'node:assert/strict';
import fs from 'node:fs';
import { analyze, builtinLexicon, collectEvidence, keyness, parseReferenceList, rankSuggestions, type Suggestion } from '../../src/core';

const reference = parseReferenceList(fs.readFileSync('src/core/suggest/zh-reference.txt', 'utf8'));

/** The suggestions for hand-written articles (path → text), best first. */
function suggest(articles: Record<string, string>, rejected: string[] = []): Suggestion[] {
  const evidence = Object.entries(articles).map(([path, text]) => collectEvidence(path, text, analyze(text, 'plaintext', builtinLexicon), reference));
  return rankSuggestions(evidence, builtinLexicon, reference, { rejected });
}
const find = (list: Suggestion[], text: string): Suggestion | undefined => list.find((s) => s.text === text);
const poleOf = (list: Suggestion[], text: string): string | undefined => {
  const s = find(list, text);
  return s ? `${s.axis}/${s.pole}` : undefined;
};

describe('suggest: terms the lexicon does not know, from contrast frames', () => {
  it('X与Y之争 gives the unknown side the opposite pole of the known side', () => {
    const list = suggest({ 'a.txt': '这场开放与壁垒之争仍在继续。' });
    assert.equal(poleOf(list, '壁垒'), 'open-closed/closed');
  });

  it('从X到Y, X而非Y, 不是X而是Y work on either side of the known term', () => {
    const list = suggest({
      'a.txt': '从封闭到互通，行业走了十年。',
      'b.txt': '我们选择坦诚而非封闭。',
      'c.txt': '他们要的不是牟利而是造福。',
    });
    assert.equal(poleOf(list, '互通'), 'open-closed/open');
    assert.equal(poleOf(list, '坦诚'), 'open-closed/open');
    assert.equal(poleOf(list, '造福'), 'mission-profit/mission');
  });

  it('a bounded slot gives a whole short phrase, never a piece of a word', () => {
    const list = suggest({ 'a.txt': '在开放与行业壁垒之间，公司摇摆不定。' });
    assert.equal(poleOf(list, '行业壁垒'), 'open-closed/closed');
    assert.equal(find(list, '业壁'), undefined);
  });

  it('a phrase never begins or ends on a one-character piece (a word cut off, a classifier left over)', () => {
    const list = suggest({ 'a.txt': '从推动技术平到开放。\n从个来自中国到开放。' });
    assert.deepEqual(list.map((s) => s.text).filter((t) => t.includes('技术') || t.includes('中国')), []);
  });

  it('coordination (X、Y) gives the same pole', () => {
    const list = suggest({ 'a.txt': '开放、互通是这个社区的原则。' });
    assert.equal(poleOf(list, '互通'), 'open-closed/open');
  });

  it('never suggests a form the lexicon knows', () => {
    assert.deepEqual(suggest({ 'a.txt': '这场开放与封闭之争仍在继续。从开源到闭源。' }), []);
  });

  it('Traditional and Simplified spellings are one candidate, with both forms and both counted', () => {
    const list = suggest({ 'a.txt': '这场开放与壁垒之争仍在继续。', 'b.txt': '這場開放與壁壘之爭仍在繼續。' });
    const s = find(list, '壁垒');
    assert.ok(s, JSON.stringify(list));
    assert.deepEqual([...s.forms].sort(), ['壁垒', '壁壘']);
    assert.equal(s.count, 2);
    assert.equal(s.files, 2);
    assert.equal(find(list, '壁壘'), undefined);
  });

  it('a rejected form is never suggested, in either spelling', () => {
    const articles = { 'a.txt': '这场开放与壁垒之争仍在继续。' };
    assert.ok(find(suggest(articles), '壁垒'));
    assert.equal(find(suggest(articles, ['壁壘']), '壁垒'), undefined);
  });

  it('everyday words rank below rare ones on the same evidence', () => {
    const list = suggest({ 'a.txt': '这是开放与发展之争。\n这是开放与壁垒之争。' });
    const everyday = find(list, '发展');
    const rare = find(list, '壁垒');
    assert.ok(everyday && rare, JSON.stringify(list));
    assert.ok(rare.score > everyday.score * 2, `壁垒 ${rare.score} vs 发展 ${everyday.score}`);
    assert.equal(list[0]?.text, '壁垒');
    assert.ok(keyness(1, 1000, reference.perMillion('我们')) < keyness(1, 1000, reference.perMillion('壁垒')));
  });

  it('evidence across articles adds up, and conflicting evidence lowers the score', () => {
    const one = find(suggest({ 'a.txt': '开放与壁垒之争。' }), '壁垒');
    const two = find(suggest({ 'a.txt': '开放与壁垒之争。', 'b.txt': '从壁垒到开放。' }), '壁垒');
    const mixed = suggest({ 'a.txt': '开放与壁垒之争。', 'b.txt': '从开放到壁垒。', 'c.txt': '壁垒、开放' });
    assert.ok(one && two && two.score > one.score);
    // Two votes for closed, one (weaker) for open: still closed, but below the unanimous two.
    const m = find(mixed, '壁垒');
    assert.equal(m?.pole, 'closed');
    assert.ok(m && m.score < two.score);
  });

  it('examples carry the path, the 0-based line and a context around the candidate', () => {
    const list = suggest({ 'dir/a.txt': '第一行没有什么。\n这场开放与壁垒之争仍在继续。' });
    const s = find(list, '壁垒');
    assert.deepEqual(s?.examples.map((e) => ({ path: e.path, line: e.line, character: e.character, length: e.length })), [{ path: 'dir/a.txt', line: 1, character: 5, length: 2 }]);
    assert.ok(s?.examples[0]?.context.includes('开放与壁垒之争'));
  });

  it('a single neighbour in a tension site is not enough', () => {
    assert.deepEqual(suggest({ 'a.txt': '公司说要开放，但实际上很封闭。' }).map((s) => s.text), []);
  });

  it('best first, and top cuts the list', () => {
    const evidence = [collectEvidence('a.txt', '开放与壁垒之争。从封闭到互通。从封闭到互通。', analyze('开放与壁垒之争。从封闭到互通。从封闭到互通。', 'plaintext', builtinLexicon), reference)];
    const all = rankSuggestions(evidence, builtinLexicon, reference);
    assert.deepEqual(all.map((s) => s.text), ['互通', '壁垒']);
    assert.deepEqual(rankSuggestions(evidence, builtinLexicon, reference, { top: 1 }).map((s) => s.text), ['互通']);
  });
});

describe('suggest: the reference list', () => {
  it('is derived from jieba and knows everyday words as frequent and missing words as rare', () => {
    assert.match(reference.source, /jieba/);
    assert.ok(reference.perMillion('我们') > 1000);
    assert.ok(reference.perMillion('壁垒') < 100);
    assert.equal(reference.perMillion('完全没有这个词'), reference.perMillion('另一个没有的词'));
    assert.equal(reference.simplify('開放原始碼與壁壘'), '开放原始码与壁垒');
  });

  it('a file that is not one is refused with the fix', () => {
    assert.throws(() => parseReferenceList('not json\n', 'x.txt'), /x\.txt:1: .*buildReference/);
  });
});

describe('suggest: odd input', () => {
  it('a long run without punctuation, CRLF and characters outside the BMP do not break it', () => {
    const text = `${'𠀀测试'.repeat(1500)}\r\n这场开放与壁垒之争仍在继续。\r\n`;
    const evidence = collectEvidence('a.txt', text, analyze(text, 'plaintext', builtinLexicon), reference);
    const wall = rankSuggestions([evidence], builtinLexicon, reference).find((s) => s.text === '壁垒');
    assert.equal(wall?.examples[0]?.line, 1);
    assert.equal(wall?.examples[0]?.context, '这场开放与壁垒之争仍在继续。');
  });
});
