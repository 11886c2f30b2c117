import * as vscode from 'vscode';
import { type ArticleVariables, mergeVariables, readFrontMatter } from '../../core';
import type { VariableTableFiles } from '../variables/variableTables';
import type { Analysis, CompiledLexicon, TermHit } from '../../core';
import type { AnalysisService } from '../analysis/analysisService';
import { termOf } from '../analysis/lookup';
import type { ConfigService } from '../config';

/** Commands the hover links to; they must be enabled explicitly for a trusted MarkdownString. */
export const HOVER_COMMANDS = ['tensionLens.showOccurrences', 'tensionLens.annotateTerm', 'tensionLens.concordance', 'tensionLens.linkTensionPair'];

function commandLink(title: string, command: string, args: unknown[]): string {
  return `[${title}](command:${command}?${encodeURIComponent(JSON.stringify(args))})`;
}

/** Markdown for a hit: term (pinyin), axis, pole and definition, opposite pole with its top terms here, counts, links. */
export function termHoverMarkdown(uri: vscode.Uri, analysis: Analysis, lexicon: CompiledLexicon, hit: TermHit, variables: ArticleVariables = {}): vscode.MarkdownString | undefined {
  const compiled = termOf(lexicon, hit);
  if (!compiled) return undefined;
  const { term, axis, pole, side } = compiled;
  const opposite = axis.poles[side === 0 ? 1 : 0];
  const counts = analysis.counts.axes[axis.id]?.poles ?? {};
  const md = new vscode.MarkdownString(undefined, true);
  md.isTrusted = { enabledCommands: HOVER_COMMANDS };
  md.supportHtml = false;
  // The pinyin is that of the term's first form: beside another form (外部竞争 for 竞争) it names the form it reads.
  const [first] = term.forms;
  const pinyin = !term.pinyin ? '' : hit.text === first || !first ? ` \`${term.pinyin}\`` : ` (${first} \`${term.pinyin}\`)`;
  md.appendMarkdown(`**${hit.text}**${pinyin} — ${term.label.zh} · *${term.label.en}*`);
  if (hit.negated) md.appendMarkdown(`  \n$(circle-slash) ${vscode.l10n.t('Negated: preceded by a negator, so the text argues against this pole.')}`);
  md.appendMarkdown(`\n\n---\n\n`);
  md.appendMarkdown(`${vscode.l10n.t('Axis')}: **${axis.label.zh}** · ${axis.label.en}  \n`);
  md.appendMarkdown(`${vscode.l10n.t('Pole')}: **${pole.label.zh}** · ${pole.label.en} — ${pole.definition.zh}  \n`);
  if (term.definition.zh || term.definition.en) md.appendMarkdown(`${vscode.l10n.t('Term')}: ${term.definition.zh} *${term.definition.en}*  \n`);
  const top = analysis.formCountsOfPole(opposite.id).slice(0, 5);
  md.appendMarkdown(
    `${vscode.l10n.t('Opposite pole')}: **${opposite.label.zh}** · ${opposite.label.en}` +
      (top.length > 0 ? ` — ${vscode.l10n.t('here')}: ${top.map((t) => `${t.text} ×${t.count}`).join(', ')}` : ` — ${vscode.l10n.t('not in this file')}`) +
      '\n\n',
  );
  // The article's line: its counts, then its document variables (front matter, tension-variables.csv), as plain text.
  const shownVariables = Object.entries(variables).map(([name, value]) => `${escapeMarkdown(name)}: ${escapeMarkdown(value)}`).join(' · ');
  md.appendMarkdown(`${vscode.l10n.t('In this file')}: ${pole.label.zh} **${counts[pole.id] ?? 0}** · ${opposite.label.zh} **${counts[opposite.id] ?? 0}**${shownVariables ? `  \n$(tag) ${shownVariables}` : ''}\n\n`);
  for (const site of analysis.sitesAt(hit.start).filter((s) => s.axis === axis.id)) {
    const a = [...new Set(site.poleA.map((i) => analysis.hitAt(i)?.text))].join('、');
    const b = [...new Set(site.poleB.map((i) => analysis.hitAt(i)?.text))].join('、');
    const markers = site.markers.length > 0 ? ` · ${vscode.l10n.t('contrast')}: ${[...new Set(site.markers.map((m) => m.text))].join('、')}` : '';
    md.appendMarkdown(`$(git-compare) ${vscode.l10n.t('Tension site')}: ${a} ↔ ${b}${markers}`);
    // One step from the site: link the first term of each pole as a tension pair on the site's axis.
    const hitA = site.poleA.map((i) => analysis.hitAt(i)).find((h) => h !== undefined);
    const hitB = site.poleB.map((i) => analysis.hitAt(i)).find((h) => h !== undefined);
    if (hitA && hitB) {
      md.appendMarkdown(` · ${commandLink(vscode.l10n.t('Link as tension pair'), 'tensionLens.linkTensionPair', [{ uri: uri.toString(), a: { start: hitA.start, end: hitA.end }, b: { start: hitB.start, end: hitB.end }, axis: site.axis, note: '' }])}`);
    }
    md.appendMarkdown('\n\n');
  }
  md.appendMarkdown(
    `${commandLink(vscode.l10n.t('Show all occurrences'), 'tensionLens.showOccurrences', [uri.toString(), hit.term])} · ` +
      commandLink(vscode.l10n.t('Annotate this term'), 'tensionLens.annotateTerm', [uri.toString(), hit.start, hit.end]) + ' · ' +
      commandLink(vscode.l10n.t('Concordance'), 'tensionLens.concordance', [{ query: `term:${hit.term}` }]),
  );
  return md;
}

/** Explains the tension term under the mouse; nothing on plain text or on a disabled axis. */
export class TermHoverProvider implements vscode.HoverProvider {
  readonly #analyses: AnalysisService;
  readonly #config: ConfigService;

  readonly #tables: VariableTableFiles;

  constructor(analyses: AnalysisService, config: ConfigService, tables: VariableTableFiles) {
    this.#analyses = analyses;
    this.#config = config;
    this.#tables = tables;
  }

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const result = await this.#analyses.whenAnalyzed(document);
    if (!result) return undefined;
    const offset = document.offsetAt(position);
    const hit = result.analysis.hitAtOffset(offset);
    if (!hit || !this.#config.isAxisEnabled(hit.axis)) return undefined;
    const frontMatter = result.analysis.format === 'markdown' ? readFrontMatter(document.getText(), document.uri.path).variables : {};
    const variables = mergeVariables(frontMatter, document.uri.scheme === 'untitled' ? undefined : await this.#tables.variablesOf(document.uri));
    const md = termHoverMarkdown(document.uri, result.analysis, result.analysis.lexicon, hit, variables);
    if (!md) return undefined;
    return new vscode.Hover(md, new vscode.Range(document.positionAt(hit.start), document.positionAt(hit.end)));
  }
}

/** Text shown as is in a Markdown hover: Markdown's punctuation escaped, line breaks folded. */
function escapeMarkdown(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[\\`*_{}[\]()#+\-.!|<>$]/g, '\\$&');
}
