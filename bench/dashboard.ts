/**
 * Section 6 of the bench: the dashboard's workspace scan of 1,000 articles (issue: "1,000 articles do not block the
 * editor"). The extension scans in the background and yields to the editor between articles, so what decides
 * whether typing can stall is the longest single article, reported beside the total.
 */
import { type ArticleInput, analyseArticle, buildDashboardModel, compileLexicon, type Lexicon } from '../src/core';
import { type RunPlan, type Stat, measure, nowMs, summarize } from './stats';

export interface DashboardResult {
  readonly articles: number;
  readonly total: Stat;
  /** Per-article analysis times over one pass: the median and the worst (the longest the scan holds the host). */
  readonly perArticle: Stat;
}

/** Times `buildDashboardModel` over `count` articles cut from `text`, and each article on its own. */
export function benchDashboard(text: string, count: number, lexicon: Lexicon, plan: RunPlan): DashboardResult {
  const size = Math.max(1, Math.floor(text.length / count));
  const inputs: ArticleInput[] = Array.from({ length: count }, (_, i) => ({
    path: `articles/${String(i).padStart(4, '0')}.md`, text: text.slice(i * size, (i + 1) * size), format: 'markdown' as const,
  }));
  const compiled = compileLexicon(lexicon);
  const total = measure(() => buildDashboardModel(inputs, compiled), plan);
  const each: number[] = [];
  for (const input of inputs) {
    const t0 = nowMs();
    analyseArticle(input, compiled);
    each.push(nowMs() - t0);
  }
  return { articles: count, total, perArticle: summarize(each) };
}
