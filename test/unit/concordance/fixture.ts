import { type ConcordanceArticle, type Lexicon, analyze, compileLexicon } from '../../../src/core';

const term = (id: string, forms: string[]) => ({ id, label: { zh: id, en: id }, definition: { zh: '', en: '' }, forms });
const pole = (id: string, terms: ReturnType<typeof term>[]) => ({ id, label: { zh: id, en: id }, definition: { zh: '', en: '' }, terms });

/** Two axes, small enough to count every window by hand. */
export const SMALL_LEXICON: Lexicon = {
  version: 1,
  axes: [
    { id: 'open-closed', label: { zh: '开放', en: 'open' }, definition: { zh: '', en: '' },
      poles: [pole('open', [term('open-source', ['开源']), term('openness', ['开放'])]), pole('closed', [term('closedness', ['封闭'])])] },
    { id: 'mission-profit', label: { zh: '使命', en: 'mission' }, definition: { zh: '', en: '' },
      poles: [pole('mission', [term('mission', ['使命'])]), pole('profit', [term('profit', ['盈利']), term('commercial', ['商业化'])])] },
  ],
  negators: ['不'],
  contrastMarkers: ['但'],
};

export const COMPILED = compileLexicon(SMALL_LEXICON);

/*
 * Offsets: line 2 starts at 6 (开源 6–8, 使命 9–11, 盈利 14–16, 开放 18–20 negated, 封闭 21–23), line 3 at 25 (封闭
 * 25–27, 😀 27–29, 盈利 29–31), line 7 at 41 (商业化 41–44, 使命 45–47, 开源 48–50), line 9 at 53 (封闭 53–55).
 * Sentences with hits: S2 开源是使命，也要盈利。 S3 不开放则封闭。 S4 封闭😀盈利。 S6 商业化与使命； S7 开源！ S8 封闭。
 */
export const TEXT = '# 引言\n\n开源是使命，也要盈利。不开放则封闭。\n封闭😀盈利。\n\n## 后记\n\n商业化与使命；开源！\n\n封闭。\n';

export function smallArticle(tags: ConcordanceArticle['tags'] = [
  { start: 6, end: 11, labels: ['争议焦点'] },
  { start: 25, end: 31, labels: ['风险'] },
]): ConcordanceArticle {
  return { text: TEXT, analysis: analyze(TEXT, 'markdown', COMPILED), tags };
}
