/**
 * The few SVG-writing helpers the charts share. Every piece of text and every attribute value goes through
 * `escapeXml`, so a label holding `<`, `&` or `"` can neither break the markup nor inject any.
 */

/** Escapes the five XML specials; safe in text content and in double- or single-quoted attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;'));
}

/** A number for an attribute: at most two decimals, no trailing zeros, never `-0` or `NaN`. */
export function num(n: number): string {
  if (!Number.isFinite(n)) return '0';
  const r = Math.round(n * 100) / 100;
  return Object.is(r, -0) ? '0' : String(r);
}

export type Attrs = Readonly<Record<string, string | number | undefined>>;

/** `<tag a="1" b="x">children</tag>` (or self-closing without children); undefined attributes are left out. */
export function el(tag: string, attrs: Attrs, children?: string): string {
  let out = `<${tag}`;
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined) continue;
    out += ` ${name}="${typeof value === 'number' ? num(value) : escapeXml(value)}"`;
  }
  return children === undefined ? `${out}/>` : `${out}>${children}</${tag}>`;
}

/** A `<title>` child: the tooltip (and accessible name) of the shape it is placed in. */
export function title(text: string): string {
  return `<title>${escapeXml(text)}</title>`;
}

/** Rough width of `text` in px at `fontSize`: CJK and full-width characters take 1 em, others about 0.6 em. */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 1 : 0.6;
  return em * fontSize;
}

/** Shortens `text` with an ellipsis until its estimated width fits `maxWidth`. */
export function clip(text: string, maxWidth: number, fontSize: number): string {
  if (textWidth(text, fontSize) <= maxWidth) return text;
  const chars = [...text];
  while (chars.length > 0 && textWidth(`${chars.join('')}…`, fontSize) > maxWidth) chars.pop();
  return `${chars.join('')}…`;
}

/** Colours and font that are not a pole's: theme colours (CSS `var(--vscode-…)` in the webview, hex in a report). */
export interface ChartTheme {
  /** Labels and numbers. */
  readonly text: string;
  /** Secondary labels, balanced cells. */
  readonly muted: string;
  /** The centre line, cell borders. */
  readonly grid: string;
  /** Behind the chart: the halo that keeps numbers readable on a strong fill. */
  readonly background: string;
  readonly fontFamily: string;
  readonly fontSize: number;
}

/** A theme for a light page with no CSS variables, e.g. an exported report. */
export const LIGHT_THEME: ChartTheme = {
  text: '#1f2328', muted: '#6e7781', grid: '#d0d7de', background: '#ffffff',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", "PingFang SC", sans-serif', fontSize: 12,
};

/** The root `<svg>`: sized, with `role="img"` and an accessible name, text in the theme's font. */
export function svgRoot(width: number, height: number, label: string, theme: ChartTheme, body: string): string {
  return el('svg', {
    xmlns: 'http://www.w3.org/2000/svg', width, height, viewBox: `0 0 ${num(width)} ${num(height)}`, role: 'img', 'aria-label': label,
    'font-family': theme.fontFamily, 'font-size': theme.fontSize, fill: theme.text,
  }, title(label) + body);
}
