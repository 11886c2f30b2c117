import { analyze } from '../analyze/analyzer';
import { countHits } from '../analyze/counts';
import type { Analysis, TensionCounts } from '../analyze/types';
import { type CompiledLexicon, compileLexicon } from '../lexicon/compile';
import type { Lexicon } from '../lexicon/types';
import { formatOf } from '../parse/format';
import { hasChinese } from '../text/chinese';
import { readFrontMatter } from '../variables/frontMatter';
import { mergeVariables } from '../variables/values';
import { axisCounts, balanceOf } from './counts';

// Re-exported: the export report (src/core/export) imports them from here.
export { axisCounts, balanceOf } from './counts';
import type { ArticleInput, ArticleRow, DashboardAxis, DashboardModel } from './types';

/** An analysed input: its overview row, and the analysis for the article view (absent on an error row). */
export interface AnalysedArticle {
  readonly row: ArticleRow;
  readonly analysis?: Analysis;
}

function compiledOf(lexicon: Lexicon | CompiledLexicon): CompiledLexicon {
  return 'termAutomaton' in lexicon ? lexicon : compileLexicon(lexicon);
}

/** The axes and poles of a lexicon as the dashboard labels them. */
export function dashboardAxes(lexicon: Lexicon): DashboardAxis[] {
  return lexicon.axes.map((axis) => ({
    id: axis.id,
    label: axis.label,
    poles: [{ id: axis.poles[0].id, label: axis.poles[0].label }, { id: axis.poles[1].id, label: axis.poles[1].label }],
  }));
}

/**
 * Analyses one input into its overview row; undefined for a text with no Chinese (not an article, so no row).
 * A bad input never throws: it becomes a row carrying its error.
 */
export function analyseArticle(input: ArticleInput, lexicon: Lexicon | CompiledLexicon): AnalysedArticle | undefined {
  const compiled = compiledOf(lexicon);
  if ('error' in input) {
    const counts = countHits([], compiled.lexicon);
    return { row: { path: input.path, error: input.error, length: 0, counts, axes: axisCounts(counts, compiled.lexicon.axes), terms: 0, balance: 0, sites: 0, annotations: 0 } };
  }
  if (!hasChinese(input.text)) return undefined;
  const format = input.format ?? formatOf(input.path);
  const analysis = analyze(input.text, format, compiled);
  const axes = axisCounts(analysis.counts, compiled.lexicon.axes);
  const frontMatter = format === 'markdown' ? readFrontMatter(input.text, input.path).variables : {};
  const variables = mergeVariables(frontMatter, input.tableVariables);
  return {
    analysis,
    row: {
      path: input.path, format, length: analysis.length, counts: analysis.counts, axes, terms: analysis.counts.total,
      balance: balanceOf(axes), sites: analysis.siteCount, annotations: input.sidecar?.count ?? 0,
      ...(Object.keys(variables).length > 0 ? { variables } : {}),
    },
  };
}

/** Adds up per-axis/pole/term counts, exactly as the CLI's `stats` does. */
export function sumCounts(all: readonly TensionCounts[]): TensionCounts {
  const axes: Record<string, { total: number; poles: Record<string, number> }> = {};
  const terms: Record<string, number> = {};
  let total = 0;
  for (const counts of all) {
    total += counts.total;
    for (const [id, a] of Object.entries(counts.axes)) {
      const sum = (axes[id] ??= { total: 0, poles: {} });
      sum.total += a.total;
      for (const [pole, n] of Object.entries(a.poles)) sum.poles[pole] = (sum.poles[pole] ?? 0) + n;
    }
    for (const [term, n] of Object.entries(counts.terms)) terms[term] = (terms[term] ?? 0) + n;
  }
  return { total, axes, terms };
}

/** Puts rows (in any order) together into the overview; `skipped` counts the files that had no Chinese. */
export function assembleModel(rows: readonly ArticleRow[], lexicon: Lexicon | CompiledLexicon, skipped = 0): DashboardModel {
  const plain = compiledOf(lexicon).lexicon;
  const articles = [...rows].sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0));
  // Error rows carry all-zero counts, but the CLI never sees those files: leave them out so `totals` matches it key for key.
  const totals = sumCounts(articles.filter((r) => !r.error).map((r) => r.counts));
  return { version: 1, axes: dashboardAxes(plain), articles, totals, skipped };
}

/**
 * The workspace overview of a list of inputs: analyses each text with `analyze` and sums the counts. Pure and
 * synchronous — the function the benchmark times for a 1,000-article workspace; the extension calls
 * `analyseArticle` per file instead, so it can yield between files and update one row when one file changes.
 */
export function buildDashboardModel(inputs: readonly ArticleInput[], lexicon: Lexicon | CompiledLexicon): DashboardModel {
  const compiled = compiledOf(lexicon);
  const rows: ArticleRow[] = [];
  let skipped = 0;
  for (const input of inputs) {
    const analysed = analyseArticle(input, compiled);
    if (analysed) rows.push(analysed.row);
    else skipped++;
  }
  return assembleModel(rows, compiled, skipped);
}
