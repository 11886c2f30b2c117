/** Tiny DOM helpers for the dashboard webview: elements are built with text nodes, never from HTML strings. */
import { type PluralForms, pluralForm } from '../../core/text/plural';

type Child = Node | string | undefined | false;

/** `h('td', { class: 'num' }, '12')`: an element with attributes (strings; `true` for a bare attribute) and children. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Readonly<Record<string, string | number | boolean | undefined>> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child === undefined || child === false) continue;
    element.append(child);
  }
  return element;
}

/**
 * An element holding one of our SVG charts. The markup comes from `src/core/charts`, which escapes every text and
 * attribute it writes, and holds no script or style attribute (the CSP would refuse them anyway).
 */
export function chart(svg: string, className: string): HTMLDivElement {
  const holder = h('div', { class: `chart ${className}` });
  holder.innerHTML = svg;
  return holder;
}

/** `format('{0} of {1}', 3, 7)` → `3 of 7`. */
export function format(template: string, ...args: (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (m, i: string) => {
    const value = args[Number(i)];
    return value === undefined ? m : String(value);
  });
}

/** `counted({ one: '{0} file', other: '{0} files' }, 1, 'en')` → `1 file`: the plural form `n` needs, filled in. */
export function counted(forms: PluralForms, n: number, language: string, ...more: (string | number)[]): string {
  return format(pluralForm(forms, n, language), n, ...more);
}

/** Calls `action` on a click and on Enter or Space, for elements that act as buttons without being one. */
export function onActivate(element: HTMLElement, action: () => void): void {
  element.addEventListener('click', action);
  element.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    e.preventDefault();
    action();
  });
}

/** File name and folder of a '/'-separated path. */
export function splitPath(path: string): { name: string; folder: string } {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? { name: path, folder: '' } : { name: path.slice(slash + 1), folder: path.slice(0, slash + 1) };
}

/** A small square in a pole's colour (set through the CSSOM: the CSP forbids inline style attributes). */
export function swatch(color: string | undefined): HTMLSpanElement {
  const span = h('span', { class: 'swatch', 'aria-hidden': 'true' });
  if (color) span.style.backgroundColor = color;
  return span;
}
