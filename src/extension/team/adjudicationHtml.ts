import * as vscode from 'vscode';
import { nonce } from '../webview/page';
import type { Disagreement, Resolution, Stretch } from '../../core';

const escape = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const CONTEXT = 12;


const inside = (stretches: readonly Stretch[], at: number): boolean => stretches.some((s) => s.start <= at && at < s.end);

/**
 * The disagreement's text with a little context as one coder's column shows it: what only this coder marked
 * (`mark-a` in A's column, `mark-b` in B's) and what both marked (`mark-both`), each in its own colour.
 */
function passage(text: string, d: Disagreement, side: 'a' | 'b'): string {
  const from = Math.max(0, d.start - CONTEXT);
  const to = Math.min(text.length, d.end + CONTEXT);
  let html = '';
  let open: string | undefined;
  for (let i = from; i < to; i++) {
    const a = inside(d.a, i);
    const b = inside(d.b, i);
    const cls = a && b ? 'mark-both' : side === 'a' && a ? 'mark-a' : side === 'b' && b ? 'mark-b' : undefined;
    if (cls !== open) {
      if (open) html += '</mark>';
      if (cls) html += `<mark class="${cls}">`;
      open = cls;
    }
    html += escape(text[i] === '\n' ? '↵' : text[i] ?? '');
  }
  return open ? `${html}</mark>` : html;
}

const quoted = (text: string, stretches: readonly Stretch[]): string => stretches.map((s) => `「${escape(text.slice(s.start, s.end).replace(/\n/g, '↵'))}」`).join(' ') || '—';

/** The side-by-side disagreement page of one article: A's marks | B's marks, the choices, the note, and undo. */
export function adjudicationHtml(
  article: string, coders: readonly [string, string], text: string, found: readonly Disagreement[], settled: ReadonlyMap<string, Resolution>, canUndo: boolean,
): string {
  const n = nonce();
  const csp = ["default-src 'none'", `style-src 'nonce-${n}'`, `script-src 'nonce-${n}'`].join('; ');
  const label: Record<Resolution, string> = {
    a: vscode.l10n.t('Accepted {0}', coders[0]), b: vscode.l10n.t('Accepted {0}', coders[1]), union: vscode.l10n.t('Took the union'), skip: vscode.l10n.t('Skipped'),
  };
  const cards = found.map((d) => {
    const state = settled.get(d.key);
    return `<article class="card" data-key="${escape(d.key)}" data-state="${state ?? 'open'}">
<header><span class="tag">${escape(d.tag)}</span> <span class="state">${state ? escape(label[state]) : escape(vscode.l10n.t('Open'))}</span></header>
<div class="sides">
<div class="side side-a"><h3>A: ${escape(coders[0])}</h3><p class="passage">${passage(text, d, 'a')}</p><p class="quotes">${quoted(text, d.a)}</p></div>
<div class="side side-b"><h3>B: ${escape(coders[1])}</h3><p class="passage">${passage(text, d, 'b')}</p><p class="quotes">${quoted(text, d.b)}</p></div>
</div>
<div class="choices">
<input class="note" type="text" placeholder="${escape(vscode.l10n.t('Note for the consensus (optional)'))}" aria-label="${escape(vscode.l10n.t('Note'))}">
<button data-choice="a">${escape(vscode.l10n.t('Accept {0}', coders[0]))}</button>
<button data-choice="b">${escape(vscode.l10n.t('Accept {0}', coders[1]))}</button>
<button data-choice="union">${escape(vscode.l10n.t('Union'))}</button>
<button data-choice="skip">${escape(vscode.l10n.t('Skip'))}</button>
</div></article>`;
  }).join('\n');
  return `<!DOCTYPE html>
<html lang="${escape(vscode.env.language)}"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<title>${escape(vscode.l10n.t('Adjudication'))}</title>
<style nonce="${n}">
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); }
.card { border: 1px solid var(--vscode-panel-border); border-radius: 4px; margin: 8px 0; padding: 6px 10px; }
.card[data-state="open"] { border-left: 4px solid var(--vscode-focusBorder); }
.card:not([data-state="open"]) { opacity: .7; }
.sides { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; }
.side h3 { margin: 4px 0; font-size: 0.95em; }
.passage { font-size: 1.1em; line-height: 1.7; }
mark { color: inherit; padding: 1px 0; }
.mark-a { background: rgba(66, 133, 244, .35); border-bottom: 2px solid rgb(66, 133, 244); }
.mark-b { background: rgba(244, 160, 0, .35); border-bottom: 2px dashed rgb(244, 160, 0); }
.mark-both { background: rgba(52, 168, 83, .35); border-bottom: 2px double rgb(52, 168, 83); }
.tag { font-weight: bold; } .state { opacity: .8; margin-left: 8px; }
.legend mark { margin-right: 12px; }
.choices { display: flex; gap: 6px; align-items: center; }
.note { flex: 1; }
button { background: var(--vscode-button-background); color: var(--vscode-button-foreground); border: none; padding: 4px 10px; cursor: pointer; }
button:disabled { opacity: .5; cursor: default; }
</style></head>
<body>
<h1>${escape(vscode.l10n.t('Disagreements in {0}', article))}</h1>
<p class="legend"><mark class="mark-a">${escape(vscode.l10n.t('only {0}', coders[0]))}</mark><mark class="mark-b">${escape(vscode.l10n.t('only {0}', coders[1]))}</mark><mark class="mark-both">${escape(vscode.l10n.t('both'))}</mark>
<span>${escape(vscode.l10n.t('{0} of {1} settled; the result goes to the consensus sidecar {2}.', settled.size, found.length, `${article.split('/').pop() ?? article}.tension.json`))}</span>
<button id="undo" ${canUndo ? '' : 'disabled'}>${escape(vscode.l10n.t('Undo'))}</button></p>
${cards || `<p>${escape(vscode.l10n.t('The coders agree everywhere: nothing to adjudicate.'))}</p>`}
<script nonce="${n}">
(() => {
  const vscode = acquireVsCodeApi();
  document.querySelectorAll('.card').forEach((card) => card.querySelectorAll('button[data-choice]').forEach((b) => b.addEventListener('click', () =>
    vscode.postMessage({ type: 'resolve', key: card.dataset.key, choice: b.dataset.choice, note: card.querySelector('.note').value }))));
  document.getElementById('undo').addEventListener('click', () => vscode.postMessage({ type: 'undo' }));
})();
</script>
</body></html>`;
}
