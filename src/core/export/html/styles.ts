import type { PoleColor } from '../../lexicon/palette';

/** The CSS class of a pole's highlights: by index, since a user lexicon's pole id need not be a CSS identifier. */
export const poleClass = (index: number): string => `p${index}`;

/** Pole colour variables for one theme kind: `--p0` solid, `--p0-bg` translucent (as the editor's decorations). */
function poleVariables(colors: readonly PoleColor[], kind: 'light' | 'dark'): string {
  const alpha = kind === 'light' ? '2e' : '3a';
  return colors.map((c, i) => `--${poleClass(i)}:${c[kind]};--${poleClass(i)}-bg:${c[kind]}${alpha};`).join('');
}

/**
 * The report's style sheet: a light page, a dark one under `prefers-color-scheme: dark`, and a print layout (light,
 * no shadows, cards kept whole, the dark variants of the charts hidden). Charts come in two variants (hex colours
 * drawn for each page), because SVG attributes cannot follow a media query.
 */
export function reportCss(colors: readonly PoleColor[]): string {
  const poles = colors.map((_, i) => `.${poleClass(i)}{background:var(--${poleClass(i)}-bg);box-shadow:inset 0 -2px 0 var(--${poleClass(i)})}`
    + `.sw.${poleClass(i)}{background:var(--${poleClass(i)})}.fg.${poleClass(i)}{color:var(--${poleClass(i)});background:none;box-shadow:none}`).join('');
  return `
:root{color-scheme:light dark;--bg:#f6f8fa;--card:#fff;--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--accent:#0969da;--mark:#9a6700;
--font:system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;
--serif:"Noto Serif CJK SC","Songti SC","SimSun",serif;${poleVariables(colors, 'light')}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.6 var(--font)}
a{color:var(--accent);text-decoration:none}a:hover{text-decoration:underline}
.page{max-width:1080px;margin:0 auto;padding:32px 24px 48px}
.doc-head h1{margin:0 0 4px;font-size:26px;line-height:1.3}
.doc-head .path{color:var(--muted);font-weight:400;font-size:18px;margin-left:8px}
.meta,.hint{color:var(--muted);font-size:13px;margin:0}.hint{margin:-4px 0 10px}
.totals{display:flex;flex-wrap:wrap;gap:12px;margin:16px 0 8px;padding:0}
.totals div{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:8px 16px;min-width:110px}
.totals dt{color:var(--muted);font-size:12px}.totals dd{margin:0;font-size:22px;font-weight:600}
.toc{margin:16px 0}.toc ol{margin:4px 0;padding-left:20px}
h2.article-title{margin:36px 0 8px;font-size:20px;border-bottom:1px solid var(--line);padding-bottom:6px}
.card{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:16px 20px;margin:16px 0;box-shadow:0 1px 2px #0000000d}
.card h3{margin:0 0 10px;font-size:16px}.card h3 .count{color:var(--muted);font-weight:400;margin-left:6px}
.chart{overflow-x:auto}.chart svg{max-width:100%;height:auto;display:block}
.chart-dark{display:none}
.empty{color:var(--muted);font-style:italic;margin:0}
table{border-collapse:collapse;width:100%;font-size:14px}
th,td{text-align:left;padding:4px 8px;border-bottom:1px solid var(--line);vertical-align:top}
th{color:var(--muted);font-weight:500}td.n{text-align:right;font-variant-numeric:tabular-nums}
.sw{display:inline-block;width:10px;height:10px;border-radius:3px;margin-right:6px;vertical-align:baseline;background:var(--tag,var(--muted))}
.axis-terms{display:grid;grid-template-columns:160px 1fr 1fr;gap:4px 20px;padding:8px 0;border-bottom:1px solid var(--line)}
.axis-terms:last-child{border-bottom:0}
.axis-name{color:var(--muted);font-size:13px}
.chips{display:flex;flex-wrap:wrap;gap:6px 6px;align-items:baseline;margin-top:2px}
.chip{border-radius:4px;padding:1px 6px;white-space:nowrap}.times{color:var(--muted);font-size:12px}.chip .times{margin-left:4px}
ol.sites{margin:0;padding-left:26px}ol.sites li{margin:0 0 10px}
.where{font-size:12px;margin-right:8px}.axis-tag{font-size:12px;color:var(--muted);border:1px solid var(--line);border-radius:10px;padding:0 7px;margin-right:6px}
.quote{font-family:var(--serif)}.marker{font-weight:700;color:var(--mark)}
.tag-group{margin:0 0 14px}.tag-group h4{margin:0 0 6px;font-size:14px}
ul.notes{list-style:none;margin:0;padding:0}ul.notes li{padding:6px 0 6px 12px;border-left:3px solid var(--tag,var(--line));margin:0 0 6px}
.note{white-space:pre-wrap;margin:2px 0 0;color:var(--fg)}.badge{font-size:11px;color:var(--muted)}
.orphan{color:#cf222e;font-size:12px}
.legend{display:flex;flex-wrap:wrap;gap:4px 14px;font-size:12px;color:var(--muted);margin:0 0 12px}
.text{font-family:var(--serif);font-size:16px;line-height:1.9}
.text .ln{display:block;white-space:pre-wrap;overflow-wrap:anywhere;min-height:1.9em;scroll-margin-top:40px}
.text .ln:target{background:#fff8c5;outline:2px solid #d4a72c}
.text .h{font-family:var(--font);font-weight:650;font-size:1.15em;margin-top:.6em}
.text .md{color:var(--muted);font-weight:400;opacity:.7}
.t{border-radius:2px}
mark.a{background:none;color:inherit;border-bottom:3px solid var(--tag,var(--accent));padding-bottom:2px}
sup.a-ref{font-family:var(--font);font-size:10px;margin:0 1px}
sup.a-ref a{background:var(--tag,var(--accent));color:#fff;border-radius:6px;padding:0 4px}
footer{color:var(--muted);font-size:12px;margin-top:32px}
.table-wrap{overflow-x:auto}.card h4{margin:16px 0 8px;font-size:14px}
.warning{color:var(--mark);font-size:13px;margin:4px 0}.chi-square{margin:8px 0 4px}
td.over{font-weight:700;color:#1a7f37}td.under{font-weight:700;color:#cf222e}
table.kwic td{white-space:nowrap;font-family:var(--serif)}table.kwic td.where{font-family:var(--font);font-size:12px}
table.kwic .kwic-left{text-align:right}table.kwic td.kwic-match{font-weight:700;text-align:center;color:var(--accent)}
${poles}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--card:#161b22;--fg:#e6edf3;--muted:#9198a1;--line:#30363d;--accent:#4493f8;--mark:#d29922;${poleVariables(colors, 'dark')}}
.chart-light{display:none}.chart-dark{display:block}.text .ln:target{background:#3d2e00}}
@media print{:root{--bg:#fff;--card:#fff;--fg:#000;--muted:#555;--line:#ccc;--accent:#0550ae;${poleVariables(colors, 'light')}}
body{font-size:11pt}.page{max-width:none;padding:0}.card{box-shadow:none;break-inside:avoid;border-color:#ccc}
.chart-light{display:block!important}.chart-dark{display:none!important}
.text-card{break-inside:auto}.text .ln{break-inside:avoid}a{color:inherit}.toc{display:none}
@page{margin:16mm 14mm}}
`.trim();
}
