import * as vscode from 'vscode';
import type { ConcordanceStrings } from '../../core';

/** The concordance view's strings in VS Code's display language. */
export function concordanceStrings(): ConcordanceStrings {
  return {
    title: vscode.l10n.t('Tension Lens Concordance'),
    query: vscode.l10n.t('Query'),
    search: vscode.l10n.t('Search'),
    cancel: vscode.l10n.t('Cancel'),
    sort: vscode.l10n.t('Sort by'),
    sortLeft: vscode.l10n.t('left context'),
    sortRight: vscode.l10n.t('right context'),
    sortFile: vscode.l10n.t('file'),
    sortPosition: vscode.l10n.t('position'),
    filterFile: vscode.l10n.t('Filter files'),
    filterPole: vscode.l10n.t('Pole'),
    anyPole: vscode.l10n.t('any pole'),
    negated: vscode.l10n.t('Negated'),
    negatedAny: vscode.l10n.t('negated or not'),
    negatedYes: vscode.l10n.t('negated only'),
    negatedNo: vscode.l10n.t('not negated'),
    file: vscode.l10n.t('File'),
    left: vscode.l10n.t('Left context'),
    match: vscode.l10n.t('Match'),
    right: vscode.l10n.t('Right context'),
    markAll: vscode.l10n.t('Mark all shown'),
    annotate: vscode.l10n.t('Annotate marked…'),
    exportCsv: vscode.l10n.t('Export CSV…'),
    exportHtml: vscode.l10n.t('HTML report…'),
    scanning: vscode.l10n.t('Searching: {0} lines in {1} of {2} files…'),
    found: vscode.l10n.t('{0} lines in {1} files'),
    cancelled: vscode.l10n.t('{0} lines (search cancelled)'),
    marked: vscode.l10n.t('{0} marked'),
    keys: vscode.l10n.t('↑↓ move · Enter open · A accept · S skip · Space mark'),
  };
}
