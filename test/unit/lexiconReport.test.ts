import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { builtinLexicon, type Lexicon } from '../../src/core';
import {
  type DevItem,
  type DevSet,
  checkDevSet,
  countPoles,
  duplicateForms,
  itemOutcome,
  itemsOf,
  lexiconMatcher,
  scoreDevSet,
  shadowedForms,
  termsWithoutDefinitions,
} from '../../scripts/lexiconStats';

const bi = (s: string) => ({ zh: s, en: s });
const term = (id: string, forms: string[], exclude?: string[]) => ({ id, label: bi(id), definition: bi(id), forms, ...(exclude ? { exclude } : {}) });
const tiny: Lexicon = {
  version: 1,
  negators: ['不'],
  contrastMarkers: ['而'],
  axes: [
    {
      id: 'mission-profit',
      label: bi('m'),
      definition: bi('m'),
      poles: [
        { id: 'mission', label: bi('mi'), definition: bi('mi'), terms: [term('nonprofit', ['非营利', '公益'], ['公益广告'])] },
        { id: 'profit', label: bi('pr'), definition: bi('pr'), terms: [term('for-profit', ['营利', '利润']), term('profit-max', ['利润最大化', '利润'])] },
      ],
    },
  ],
};
const item = (form: string, pole: string | null, left = '', right = ''): DevItem => ({ source: 's', left, form, right, axis: pole ? 'mission-profit' : null, pole });

describe('lexicon report', () => {
  it('counts terms and forms per pole', () => {
    assert.deepEqual(countPoles(tiny), [
      { axis: 'mission-profit', pole: 'mission', terms: 1, forms: 2 },
      { axis: 'mission-profit', pole: 'profit', terms: 2, forms: 4 },
    ]);
  });

  it('lists forms inside longer forms of other terms, across poles too', () => {
    const pairs = shadowedForms(tiny).map((s) => `${s.form}<${s.by}:${s.byPole}`);
    assert.deepEqual(pairs.sort(), ['利润<利润最大化:profit', '营利<非营利:mission'].sort());
  });

  it('lists a form claimed by two terms, with their poles', () => {
    assert.deepEqual(duplicateForms(tiny), [{ form: '利润', terms: ['for-profit', 'profit-max'], poles: ['profit'] }]);
  });

  it('names terms that lack a label or a definition', () => {
    const broken = JSON.parse(JSON.stringify(tiny).replace('"definition":{"zh":"for-profit","en":"for-profit"}', '"definition":{"zh":"for-profit","en":""}')) as Lexicon;
    assert.deepEqual(termsWithoutDefinitions(broken), ['for-profit']);
    assert.deepEqual(termsWithoutDefinitions(tiny), []);
  });

  it('judges an item by the hits that overlap its span in its own snippet', () => {
    const match = lexiconMatcher(tiny);
    assert.equal(itemOutcome(item('营利', 'profit', '转为', '公司'), match), 'found');
    // Leftmost-longest: 非营利 is mission, so a reader's profit mark on the inner 营利 is a wrong fire.
    assert.equal(itemOutcome(item('营利', 'profit', '非', '组织'), match), 'wrong');
    assert.equal(itemOutcome(item('股东', 'profit'), match), 'missed');
    // The exclusion phrase consumes 公益 inside 公益广告: an unmarked span stays silent.
    assert.equal(itemOutcome(item('公益', null, '', '广告'), match), 'silent');
    assert.equal(itemOutcome(item('利润', null), match), 'wrong');
  });

  it('scores recall over marked spans and precision over fired spans, per axis and in all', () => {
    const items = [item('营利', 'profit'), item('公益', 'mission'), item('股东', 'profit'), item('利润', null), item('公益', null, '', '广告')];
    const [axis, all] = scoreDevSet(items, lexiconMatcher(tiny), ['mission-profit']);
    assert.deepEqual(axis, { axis: 'mission-profit', judged: 3, found: 2, fired: 3, correct: 2, recall: 2 / 3, precision: 2 / 3 });
    assert.equal(all?.axis, 'all');
    assert.equal(all?.recall, 2 / 3);
  });

  it('checks the development set fixture and splits it by source', () => {
    const devset = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../fixtures/lexicon-devset.json'), 'utf8')) as DevSet;
    assert.deepEqual(checkDevSet(devset, builtinLexicon), []);
    const tune = itemsOf(devset, 'tune');
    const heldout = itemsOf(devset, 'heldout');
    const blind = itemsOf(devset, 'blind');
    assert.equal(tune.length + heldout.length + blind.length, devset.items.length);
    assert.ok(tune.length > 100 && heldout.length > 100 && blind.length > 100, 'every part is large enough to report');
    for (const axis of builtinLexicon.axes) assert.ok(devset.items.filter((i) => i.axis === axis.id).length >= 20, axis.id);
    const bad: DevSet = { version: 1, sources: [], items: [{ source: 'x', left: '一二三四五六七八九十一', form: '利润', right: '', axis: 'open-closed', pole: 'profit' }] };
    assert.equal(checkDevSet(bad, builtinLexicon).length, 3);
  });
});
