import * as vscode from 'vscode';
import { nonce } from '../webview/page';
import { plural } from '../plural';
import type { AgreementSpan, Coefficient, TagAgreement } from '../../core';

/** A passage a figure comes from: where in which article, which coder(s) marked it. */
export interface Passage {
  readonly article: number;
  readonly start: number;
  readonly end: number;
  readonly kind: AgreementSpan['kind'];
  readonly text: string;
}

/** One segment (annotation × tag) of a coder, and how many of the other coder's segments with the tag overlap it. */
export interface SegmentRow {
  readonly article: number;
  readonly coder: 'a' | 'b';
  readonly tag: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly overlapping: number;
}

/** One table of the page: an article (with its segments), or the pooled figures. */
export interface AgreementSection {
  readonly heading: string;
  readonly units: number;
  readonly rows: readonly (TagAgreement & { readonly passages: readonly Passage[] })[];
  readonly segments?: readonly SegmentRow[];
}

/** A passage that opens the article there when clicked. */
function passageButton(id: string, s: { article: number; start: number; end: number }, text: string): string {
  return `<button class="passage" id="${escape(id)}" data-article="${s.article}" data-start="${s.start}" data-end="${s.end}">${escape(text)}</button>`;
}

/**
 * The segment view (as MAXQDA reports it): per coder, how many of their segments the other coder matched with an
 * overlapping span of the same tag; every segment with that answer; then the disagreements, each opening its passage.
 */
function segmentTables(section: AgreementSection, index: number, coders: readonly [string, string], articles: readonly string[]): string {
  const rows = section.segments ?? [];
  if (rows.length === 0) return '';
  const name = (c: 'a' | 'b'): string => (c === 'a' ? coders[0] : coders[1]);
  const other = (c: 'a' | 'b'): string => (c === 'a' ? coders[1] : coders[0]);
  const summary = (['a', 'b'] as const).map((c) => {
    const mine = rows.filter((r) => r.coder === c);
    const matched = mine.filter((r) => r.overlapping > 0).length;
    return `<li class="segment-summary">${escape(plural(mine.length,
      vscode.l10n.t('{0}: {1} of {2} segment has an overlapping segment of {3} with the same tag', name(c), count(matched), count(mine.length), other(c)),
      vscode.l10n.t('{0}: {1} of {2} segments have an overlapping segment of {3} with the same tag', name(c), count(matched), count(mine.length), other(c))))}</li>`;
  }).join('');
  const table = rows.map((r, n) => `<tr class="segment" data-agree="${r.overlapping > 0 ? 'yes' : 'no'}">
<td>${r.coder === 'a' ? 'A' : 'B'}: ${escape(name(r.coder))}</td><td>${escape(r.tag)}</td>
<td class="text">${passageButton(`g${index}-${n}`, r, `${articles[r.article] ?? ''}: ${r.text}`)}</td>
<td>${r.overlapping > 0 ? escape(plural(r.overlapping, vscode.l10n.t('yes ({0} segment of {1})', count(r.overlapping), other(r.coder)), vscode.l10n.t('yes ({0} segments of {1})', count(r.overlapping), other(r.coder)))) : escape(vscode.l10n.t('no'))}</td></tr>`).join('\n');
  const disagreements = rows.filter((r) => r.overlapping === 0);
  const list = disagreements.map((r, n) => `<li class="disagreement kind-${r.coder}">${passageButton(`d${index}-${n}`, r, `${articles[r.article] ?? ''} [${vscode.l10n.t('only {0}', name(r.coder))}] ${r.tag}: ${r.text}`)}</li>`).join('');
  return `<h3>${escape(vscode.l10n.t('Segments'))}</h3>
<p>${escape(vscode.l10n.t('A segment is one annotation with one tag. For each, whether the other coder coded an overlapping span with the same tag. Click a segment to open it.'))}</p>
<ul>${summary}</ul>
<table class="segments"><thead><tr><th scope="col">${escape(vscode.l10n.t('Coder'))}</th><th scope="col">${escape(vscode.l10n.t('Tag'))}</th><th scope="col">${escape(vscode.l10n.t('Segment'))}</th>
<th scope="col">${escape(vscode.l10n.t('Overlapping segment of the other coder, same tag'))}</th></tr></thead><tbody>${table}</tbody></table>
<h3>${escape(vscode.l10n.t('Disagreements ({0})', count(disagreements.length)))}</h3>
<ul class="disagreements">${list || `<li>${escape(vscode.l10n.t('None: every segment has an overlapping segment of the other coder with the same tag.'))}</li>`}</ul>`;
}

const escape = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const count = (n: number): string => n.toLocaleString(vscode.env.language);


function coefficient(c: Coefficient, t: TagAgreement, digits: number, suffix = ''): string {
  if (c.value !== null) return `${c.value.toFixed(digits)}${suffix}`;
  const why = c.reason === 'no-units' ? vscode.l10n.t('no units')
    : t.a === 0 ? vscode.l10n.t('no variation: neither coder marked any unit') : vscode.l10n.t('no variation: both coders marked every unit');
  return `— <small>(${escape(why)})</small>`;
}

/** A figure that shows its passages when clicked: `which` says which passages (a coder's, both, or the disagreements). */
function figure(id: string, which: string, html: string, title: string): string {
  return `<button class="figure" id="${escape(id)}" data-which="${which}" title="${escape(title)}">${html}</button>`;
}

function table(section: AgreementSection, index: number, coders: readonly [string, string], articles: readonly string[]): string {
  const rows = section.rows.map((t, r) => {
    const id = (what: string): string => `s${index}r${r}-${what}`;
    const agree = t.units - t.a - t.b + 2 * t.both;
    const of = plural(t.units, vscode.l10n.t('of {0} unit', count(t.units)), vscode.l10n.t('of {0} units', count(t.units)));
    return `<tr data-section="${index}" data-row="${r}">
<th scope="row">${escape(t.tag)}</th>
<td>${figure(id('a'), 'a', `${count(t.a)} <small>${escape(of)}</small>`, vscode.l10n.t('Passages {0} marked', coders[0]))}</td>
<td>${figure(id('b'), 'b', `${count(t.b)} <small>${escape(of)}</small>`, vscode.l10n.t('Passages {0} marked', coders[1]))}</td>
<td>${figure(id('both'), 'both', `${count(t.both)} <small>${escape(of)}</small>`, vscode.l10n.t('Passages both marked'))}</td>
<td>${figure(id('percent'), 'disagree', `${coefficient(t.percent, t, 2, '%')} <small>(${escape(vscode.l10n.t('{0}/{1} units coded alike', count(agree), count(t.units)))})</small>`, vscode.l10n.t('Passages the coders disagree on'))}</td>
<td>${figure(id('kappa'), 'disagree', `${coefficient(t.kappa, t, 3)} <small>(A ${count(t.a)}, B ${count(t.b)}, ${escape(vscode.l10n.t('both'))} ${count(t.both)})</small>`, vscode.l10n.t('Passages the coders disagree on'))}</td>
<td>${figure(id('alpha'), 'disagree', `${coefficient(t.alpha, t, 3)} <small>(${escape(vscode.l10n.t('{0} values', count(2 * t.units)))})</small>`, vscode.l10n.t('Passages the coders disagree on'))}</td>
</tr>`;
  }).join('\n');
  return `<section><h2>${escape(section.heading)} <small>(${escape(plural(section.units, vscode.l10n.t('{0} unit', count(section.units)), vscode.l10n.t('{0} units', count(section.units))))})</small></h2>
<table><thead><tr><th scope="col">${escape(vscode.l10n.t('Tag'))}</th><th scope="col">A: ${escape(coders[0])}</th><th scope="col">B: ${escape(coders[1])}</th>
<th scope="col">${escape(vscode.l10n.t('Both'))}</th><th scope="col">${escape(vscode.l10n.t('Percent agreement'))}</th><th scope="col">Cohen's κ</th><th scope="col">Krippendorff's α</th></tr></thead>
<tbody>${rows}</tbody></table>${segmentTables(section, index, coders, articles)}</section>`;
}

/** The agreement page: a table per article and one pooled; clicking a figure lists its passages, clicking one opens it. */
export function agreementHtml(webview: vscode.Webview, coders: readonly [string, string], sections: readonly AgreementSection[], articles: readonly string[]): string {
  const n = nonce();
  const csp = ["default-src 'none'", `style-src 'nonce-${n}'`, `script-src 'nonce-${n}'`].join('; ');
  const passages = sections.map((s) => s.rows.map((r) => r.passages));
  const labels = {
    a: vscode.l10n.t('only {0}', coders[0]), b: vscode.l10n.t('only {0}', coders[1]), both: vscode.l10n.t('both'),
    none: vscode.l10n.t('No passages.'), heading: vscode.l10n.t('Passages'),
  };
  // The data goes in as JSON inside a script element: `<` is escaped so no text can close the element.
  const data = JSON.stringify({ passages, articles, labels }).replace(/</g, '\\u003c');
  return `<!DOCTYPE html>
<html lang="${escape(vscode.env.language)}"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<title>${escape(vscode.l10n.t('Intercoder Agreement'))}</title>
<style nonce="${n}">
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); }
table { border-collapse: collapse; margin-bottom: 1em; }
th, td { border-bottom: 1px solid var(--vscode-panel-border); padding: 4px 8px; text-align: right; }
th[scope=row] { text-align: left; }
small { opacity: .75; }
button.figure { all: unset; cursor: pointer; }
button.figure:hover, button.figure:focus { text-decoration: underline; outline: 1px solid var(--vscode-focusBorder); }
.kind-a { border-left: 4px solid var(--vscode-charts-blue); } .kind-b { border-left: 4px solid var(--vscode-charts-orange); }
.kind-both { border-left: 4px solid var(--vscode-charts-green); }
#passages li { list-style: none; margin: 2px 0; padding-left: 6px; }
#passages button, button.passage { all: unset; cursor: pointer; } #passages button:hover, button.passage:hover, button.passage:focus { text-decoration: underline; }
tr.segment[data-agree=no] td:last-child { color: var(--vscode-errorForeground); }
td.text { text-align: left; }
ul.disagreements li { list-style: none; margin: 2px 0; padding-left: 6px; }
</style></head>
<body>
<h1>${escape(vscode.l10n.t('Intercoder agreement: A = {0}, B = {1}', coders[0], coders[1]))}</h1>
<p>${escape(vscode.l10n.t('Unit: one character (code point), line breaks excluded. A unit is marked for a tag when it lies in one of the coder’s anchored annotations with that tag. Click a figure to list the passages it comes from.'))}</p>
${sections.map((s, i) => table(s, i, coders, articles)).join('\n')}
<section id="passages" aria-live="polite"></section>
<script nonce="${n}" id="data" type="application/json">${data}</script>
<script nonce="${n}">
(() => {
  const vscode = acquireVsCodeApi();
  const { passages, articles, labels } = JSON.parse(document.getElementById('data').textContent);
  const out = document.getElementById('passages');
  const clean = (el) => el.textContent.replace(/\\s+/g, ' ').trim();
  const report = () => vscode.postMessage({ type: 'rendered', rows: [...document.querySelectorAll('table:not(.segments) tbody tr')].map((tr) => [...tr.children].map(clean)),
    passages: [...out.querySelectorAll('li')].map(clean),
    segments: [...document.querySelectorAll('tr.segment')].map((tr) => [...tr.children].map(clean)),
    segmentSummary: [...document.querySelectorAll('li.segment-summary')].map(clean),
    disagreements: [...document.querySelectorAll('li.disagreement')].map(clean) });
  document.querySelectorAll('button.passage').forEach((b) => b.addEventListener('click', () => vscode.postMessage({ type: 'reveal', article: Number(b.dataset.article), start: Number(b.dataset.start), end: Number(b.dataset.end) })));
  const show = (button) => {
    const tr = button.closest('tr');
    const list = passages[Number(tr.dataset.section)][Number(tr.dataset.row)];
    const which = button.dataset.which;
    const chosen = list.filter((p) => which === 'disagree' ? p.kind !== 'both' : which === 'both' ? p.kind === 'both' : p.kind === which || p.kind === 'both');
    out.replaceChildren();
    const h = document.createElement('h2');
    h.textContent = labels.heading + ': ' + tr.firstElementChild.textContent + ' — ' + button.title;
    const ul = document.createElement('ul');
    for (const p of chosen) {
      const li = document.createElement('li');
      li.className = 'kind-' + p.kind;
      const b = document.createElement('button');
      b.textContent = articles[p.article] + ' [' + labels[p.kind] + '] ' + p.text;
      b.addEventListener('click', () => vscode.postMessage({ type: 'reveal', article: p.article, start: p.start, end: p.end }));
      li.append(b);
      ul.append(li);
    }
    if (chosen.length === 0) { const li = document.createElement('li'); li.textContent = labels.none; ul.append(li); }
    out.append(h, ul);
    report();
  };
  document.querySelectorAll('button.figure').forEach((b) => b.addEventListener('click', () => show(b)));
  window.addEventListener('message', (e) => { if (e.data && e.data.type === 'click') { const b = document.getElementById(e.data.id); if (b) { if (b.classList.contains('figure')) show(b); else b.click(); } } });
  report();
})();
</script>
</body></html>`;
}
