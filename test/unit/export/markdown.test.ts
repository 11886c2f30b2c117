import assert from 'node:assert/strict';
import type { Heading, Link, Root, RootContent } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { exportArticles } from '../../../src/core/export';
import { TRICKY_NOTE, articleOf, decode, request, seedArticle } from './articles';

type Node = Root | RootContent;

function nodes(node: Node, out: Node[] = []): Node[] {
  out.push(node);
  if ('children' in node) for (const child of node.children) nodes(child, out);
  return out;
}

/** Plain text of a node, as a Markdown renderer shows it (escapes resolved, markup gone). */
function text(node: Node): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if (node.type === 'break') return '\n';
  return 'children' in node ? node.children.map(text).join('') : '';
}

function exportMd(...args: Parameters<typeof request>): { raw: string; tree: Root } {
  const result = exportArticles(request(...args));
  assert.ok(result.ok);
  const raw = decode(result.bytes);
  return { raw, tree: unified().use(remarkParse).parse(raw) };
}

describe('Markdown export', () => {
  it('is a report with counts by axis, top terms, tension sites and annotations by tag', () => {
    const { tree, raw } = exportMd('report', 'md', [seedArticle()]);
    const headings = nodes(tree).filter((n): n is Heading => n.type === 'heading').map((h) => `${h.depth} ${text(h)}`);
    assert.deepEqual(headings.slice(0, 5), ['1 张力报告 · ai-lab-expert-departure.md', '2 各轴计数', '2 各极高频词', '2 张力句 (26)', '2 按标签分组的批注 (3)']);
    assert.ok(headings.includes('3 争议焦点 (2)') && headings.includes('3 未加标签 (1)'));
    assert.match(raw, /\| 开放 vs 封闭 \| 开放 \| \d+ \| 封闭 \| \d+ \| \d+ \|/);
    assert.match(raw, /开源 ×\d+/);
  });

  it('links sites and annotations to their lines, and keeps notes literal (no Markdown or HTML comes alive)', () => {
    const { tree } = exportMd('report', 'md', [{ ...seedArticle(), href: '../articles/ai lab.md' }]);
    const links = nodes(tree).filter((n): n is Link => n.type === 'link');
    assert.ok(links.length > 20);
    assert.ok(links.every((l) => /^\.\.\/articles\/ai lab\.md#L\d+$/.test(l.url)), links[0]?.url);
    assert.ok(nodes(tree).every((n) => n.type !== 'html'), 'no raw HTML');
    const all = text(tree);
    for (const line of TRICKY_NOTE.split('\n')) assert.ok(all.includes(line), line);
  });

  it('each what gives its part; several files get a section each', () => {
    const other = articleOf('b.txt', '开源与闭源之争，商业化还是基础研究。');
    const { raw } = exportMd('terms', 'md', [seedArticle(), other]);
    assert.match(raw, /^## ai-lab-expert-departure\.md$/m);
    assert.match(raw, /^## b\.txt$/m);
    assert.match(raw, /^### 张力词出现位置 \(\d+\)$/m);
    assert.doesNotMatch(raw, /按标签分组的批注/);
    const en = exportMd('sites', 'md', [seedArticle()], { language: 'en' }).raw;
    assert.match(en, /^## Tension sites \(26\)$/m);
    assert.match(en, /Open vs closed/);
  });

  it('the totals line counts only what the export holds', () => {
    const sites = exportMd('sites', 'md', [seedArticle()], { language: 'en' }).raw;
    const total = /\*\*Tension sites\*\* (\d+)/.exec(sites)?.[1];
    assert.ok(total !== undefined && Number(total) > 0, 'the totals line counts the sites');
    assert.equal(total, /^## Tension sites \((\d+)\)$/m.exec(sites)?.[1], 'the totals line equals the sites listed');
    assert.doesNotMatch(sites, /\*\*Annotations\*\*/, 'a sites export holds no annotations, so it counts none');
    const report = exportMd('report', 'md', [seedArticle()], { language: 'en' }).raw;
    assert.match(report, /\*\*Annotations\*\* 3/);
    const annotations = exportMd('annotations', 'md', [seedArticle()], { language: 'en' }).raw;
    assert.match(annotations, /\*\*Annotations\*\* 3/);
    assert.doesNotMatch(annotations, /\*\*Tension sites\*\*/);
  });
});
