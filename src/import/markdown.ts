import TurndownService from 'turndown';

/**
 * HTML → Markdown for imported articles (turndown): ATX headings, `-` bullets with one space, `>` quotes,
 * footnote references as `[^n]`. Images and relative links (site navigation, tag pages) keep only their text:
 * an imported article is for reading and coding, and a broken relative link helps nobody.
 */
export function createTurndown(): TurndownService {
  const td = new TurndownService({ headingStyle: 'atx', bulletListMarker: '-', codeBlockStyle: 'fenced', emDelimiter: '*', strongDelimiter: '**' });
  td.remove(['script', 'style', 'noscript', 'iframe', 'form', 'button', 'img', 'figure']);
  td.remove((node) => node.nodeName.toLowerCase() === 'svg');
  // turndown tries the rule added last first: the footnote rules must come after this one.
  td.addRule('relativeLink', {
    filter: (node) => node.nodeName === 'A' && !/^https?:\/\//iu.test(node.getAttribute('href') ?? ''),
    replacement: (content) => content,
  });
  td.addRule('footnoteReference', {
    filter: (node) => node.nodeName === 'A' && /^#(?:footnote|endnote)-\d+$/u.test(node.getAttribute('href') ?? ''),
    replacement: (_content, node) => `[^${/\d+$/u.exec((node as Element).getAttribute('href') ?? '')?.[0] ?? ''}]`,
  });
  td.addRule('footnoteSup', {
    // <sup><a href="#footnote-1">[1]</a></sup>: the sup only wraps the reference, which the rule above writes.
    filter: (node) => node.nodeName === 'SUP' && node.querySelector('a[href^="#footnote-"], a[href^="#endnote-"]') !== null,
    replacement: (content) => content,
  });
  td.addRule('listItem', {
    filter: 'li',
    replacement: (content, node, options) => {
      const text = content.replace(/^\n+/u, '').replace(/\n+$/u, '\n');
      const parent = node.parentNode as Element | null;
      let prefix = `${options.bulletListMarker} `;
      if (parent?.nodeName === 'OL') {
        const start = Number(parent.getAttribute('start') ?? 1);
        prefix = `${start + Array.prototype.indexOf.call(parent.children, node)}. `;
      }
      const body = text.replace(/\n(?=.)/gu, `\n${' '.repeat(prefix.length)}`);
      return prefix + body + (node.nextSibling && !/\n$/u.test(body) ? '\n' : '');
    },
  });
  return td;
}

/** Markdown as written by turndown, tidied: no trailing spaces, at most one blank line in a row. */
export function tidyMarkdown(markdown: string): string {
  return markdown.replace(/[ \t\u3000]+$/gmu, '').replace(/\n{3,}/gu, '\n\n').trim();
}
