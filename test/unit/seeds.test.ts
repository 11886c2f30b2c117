import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import * as OpenCC from 'opencc-js';
import { type Analysis, analyze, builtinLexicon, formatOf } from '../../src/core';

const root = path.resolve(__dirname, '../..');
const workspace = path.join(root, 'test/fixtures/workspace');
const SEEDS = ['ai-lab-expert-departure.md', 'openai-departures-news.txt'];

interface Expectations {
  expected: { file: string; text: string; axis: string; pole: string }[];
  mustNotMatch: { file: string; text: string; why: string }[];
}
const expectations = JSON.parse(fs.readFileSync(path.join(root, 'test/fixtures/lexicon-expectations.json'), 'utf8')) as Expectations;
const texts = new Map(SEEDS.map((f) => [f, fs.readFileSync(path.join(workspace, f), 'utf8')]));
const analyses = new Map<string, Analysis>(SEEDS.map((f) => [f, analyze(texts.get(f) ?? '', formatOf(f), builtinLexicon)]));

describe('seed articles: what a careful reader expects', () => {
  for (const e of expectations.expected) {
    it(`${e.file}: ${e.text} is ${e.axis}/${e.pole}`, () => {
      const hits = analyses.get(e.file)?.hits.filter((h) => h.text === e.text) ?? [];
      assert.ok(hits.length > 0, `${e.text} not found`);
      for (const h of hits) assert.deepEqual([h.axis, h.pole], [e.axis, e.pole]);
    });
  }

  it('never fires inside the phrases a reader would not count', () => {
    for (const m of expectations.mustNotMatch) {
      const text = texts.get(m.file) ?? '';
      const hits = analyses.get(m.file)?.hits ?? [];
      for (let at = text.indexOf(m.text); at >= 0; at = text.indexOf(m.text, at + 1)) {
        const inside = hits.filter((h) => h.start < at + m.text.length && h.end > at);
        assert.deepEqual(inside.map((h) => h.text), [], `${m.text} (${m.why})`);
      }
    }
  });

  it('finds the oppositions the issue names, with the right pole', () => {
    const poleOf = (word: string) => [...analyses.values()].flatMap((a) => a.hits).find((h) => h.text === word)?.pole;
    const named: Record<string, string> = {
      开放原则: 'open', 开源: 'open', 闭源商用: 'closed', 商业化: 'commercial', 基础研究: 'research', 透明性: 'open',
      社区共建: 'open', 短期技术落地指标: 'commercial', 预印本: 'open', 默认开放: 'open', 一事一批: 'closed', 非营利: 'mission',
      科研理想: 'research', 商业现实: 'commercial', 资本: 'profit',
    };
    for (const [word, pole] of Object.entries(named)) assert.equal(poleOf(word) ?? poleOf(`${word}同步发布`), pole, word);
  });

  it("has a tension site on the abstract's sentence that sets 开源 against 闭源商用", () => {
    const md = analyses.get('ai-lab-expert-departure.md');
    assert.ok(md?.abstract.abstract, 'the abstract is found');
    const abstract = md.abstract.abstract;
    const site = md.sites.find((s) => s.axis === 'open-closed' && s.start >= abstract.start && s.end <= abstract.end && s.text.includes('闭源商用'));
    assert.ok(site, 'no open-closed site in the abstract');
    assert.ok(site.text.includes('开源'));
    assert.deepEqual(site.markers.map((m) => m.text), ['而']);
    assert.deepEqual(md.abstract.keywords?.map((k) => k.text), ['AI专家离职', '理念分歧', '资源分配', '实验室方向', '开放原则']);
  });

  it('reads the plain-text article into sections by its numbered headings', () => {
    const titles = analyses.get('openai-departures-news.txt')?.sections.map((s) => s.title) ?? [];
    assert.ok(titles[0]?.startsWith('OpenAI元老离职潮背后'));
    for (const h of ['一、离职潮真相', '二、Mark Chen回应遭质疑', '三、内忧外患', '四、行业反思']) assert.ok(titles.some((t) => t.startsWith(h)), h);
  });

  for (const to of ['tw', 'hk', 't'] as const) {
    it(`gives the same terms and poles on a Traditional (${to}) conversion of both seeds`, () => {
      const convert = OpenCC.Converter({ from: 'cn', to });
      for (const file of SEEDS) {
        const converted = analyze(convert(texts.get(file) ?? ''), formatOf(file), builtinLexicon);
        const simplified = analyses.get(file);
        assert.deepEqual(converted.hits.map((h) => [h.start, h.term, h.pole]), simplified?.hits.map((h) => [h.start, h.term, h.pole]), file);
        assert.equal(converted.sites.length, simplified?.sites.length, file);
      }
    });
  }
});
