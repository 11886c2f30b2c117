import type { Lexicon, LexiconTerm } from '../../../src/core';

const bi = (zh: string, en = zh) => ({ zh, en });
const term = (id: string, forms: string[], exclude?: string[]): LexiconTerm => ({
  id, label: bi(forms[0] ?? id), definition: bi(`${id} definition`), forms, ...(exclude ? { exclude } : {}),
});

/** A small lexicon with the shapes the matcher must get right: nested forms, exclusions, a form inside another pole's. */
export const testLexicon: Lexicon = {
  version: 1,
  negators: ['不', '未', '没有', '拒绝', '非'],
  contrastMarkers: ['而', '但', '然而', '博弈', '之间'],
  contrastExclude: ['从而', '因而'],
  axes: [
    {
      id: 'open-closed', label: bi('开放 vs 封闭'), definition: bi('d'),
      poles: [
        { id: 'open', label: bi('开放'), definition: bi('d'), terms: [
          term('open', ['开放'], ['公开放映']),
          term('open-principle', ['开放原则']),
          term('open-source', ['开源', '開源']),
          term('public', ['公开'], ['公开信', '公开表示']),
        ] },
        { id: 'closed', label: bi('封闭'), definition: bi('d'), terms: [
          term('closed-source', ['闭源', '閉源']),
          term('closed-commercial', ['闭源商用']),
        ] },
      ],
    },
    {
      id: 'mission-profit', label: bi('使命 vs 利润'), definition: bi('d'),
      poles: [
        { id: 'mission', label: bi('使命'), definition: bi('d'), terms: [term('nonprofit', ['非营利'])] },
        { id: 'profit', label: bi('利润'), definition: bi('d'), terms: [term('profit', ['营利', '盈利', '资本'])] },
      ],
    },
  ],
};
