import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { strFromU8, unzipSync } from 'fflate';
import { validateXML } from 'xmllint-wasm';
import type { Codebook } from '../../../src/core';
import { type ExportArticle, type ExportFormat, QDE_NAMESPACE, exportArticles } from '../../../src/core/export';
import { decode, request, root, seedArticle } from '../export/articles';

const XSD = fs.readFileSync(path.join(root, 'test/fixtures/refi-qda/Project-mrt2019.xsd'), 'utf8');

const CODEBOOK: Codebook = {
  version: 1,
  memo: '研究问题：机构与研究者之间的张力。\n第二行 <b>不是标记</b>',
  tags: [{ label: '机构立场', color: '#57ab5a', description: '定义：机构的正式表态。\n规则：只标注机构发言人的话。' }],
};
const ARTICLE_MEMO = '这篇报道以离职事件为线索 & "引号"';

function withMemo(article: ExportArticle): ExportArticle {
  assert.ok(article.annotations);
  return { ...article, annotations: { ...article.annotations, memo: ARTICLE_MEMO } };
}

function exportText(format: ExportFormat, codebook: Codebook | undefined = CODEBOOK): string {
  const result = exportArticles(request(format === 'html' ? 'report' : 'annotations', format, [withMemo(seedArticle())], codebook ? { codebook } : {}));
  assert.ok(result.ok);
  return decode(result.bytes);
}

describe('memos in the exports', () => {
  it('REFI-QDA: tag memo as the code Description, project and article memos as Notes with NoteRefs, valid against the schema', async () => {
    const result = exportArticles(request('annotations', 'qdpx', [withMemo(seedArticle())], { codebook: CODEBOOK }));
    assert.ok(result.ok);
    const qde = unzipSync(result.bytes)['project.qde'];
    assert.ok(qde);
    const xml = strFromU8(qde);
    const check = await validateXML({ xml: [{ fileName: 'project.qde', contents: xml }], schema: [{ fileName: 'Project-mrt2019.xsd', contents: XSD }] });
    assert.deepEqual(check.errors.map((e) => e.rawMessage), []);
    const doc = new DOMParser().parseFromString(xml, 'text/xml');
    const all = (node: Element | Document, tag: string): Element[] => Array.from((node as Element).getElementsByTagNameNS(QDE_NAMESPACE, tag));
    const code = all(doc as unknown as Element, 'Code').find((c) => c.getAttribute('name') === '机构立场');
    assert.ok(code);
    assert.equal(all(code, 'Description')[0]?.textContent, CODEBOOK.tags[0]?.description);
    // The sidecar's own description stays for a tag the codebook has no memo for.
    assert.equal(all(all(doc as unknown as Element, 'Code').find((c) => c.getAttribute('name') === '争议焦点')!, 'Description')[0]?.textContent, '双方分歧最集中的地方');
    const notes = all(doc as unknown as Element, 'Note');
    assert.deepEqual(notes.map((n) => all(n, 'PlainTextContent')[0]?.textContent), [CODEBOOK.memo, ARTICLE_MEMO]);
    const source = all(doc as unknown as Element, 'TextSource')[0];
    assert.ok(source);
    const refs = (el: Element): string[] => Array.from(el.childNodes).filter((n): n is Element => (n as Element).localName === 'NoteRef').map((n) => n.getAttribute('targetGUID') ?? '');
    assert.deepEqual(refs(source), [notes[1]?.getAttribute('guid')]);
    assert.deepEqual(refs(doc.documentElement as unknown as Element), [notes[0]?.getAttribute('guid')]);
  });

  it('Markdown: a Memos section with the project memo and tag definitions, and the article memo', () => {
    const md = exportText('md');
    assert.match(md, /## Memos|## 备忘/);
    assert.match(md, /### 项目备忘\n\n研究问题：机构与研究者之间的张力。 {2}\n第二行 \\<b\\>不是标记\\<\/b\\>/);
    assert.match(md, /### 标签定义\n\n- \*\*机构立场\*\*: 定义：机构的正式表态。 {2}\n {2}规则：只标注机构发言人的话。/);
    assert.doesNotMatch(md, /- \*\*争议焦点\*\*/, 'a sidecar description is not a codebook memo');
    assert.match(md, /## 文章备忘\n\n这篇报道以离职事件为线索 \\& "引号"/);
  });

  it('HTML report: the memos card and the article memo, escaped', () => {
    const html = exportText('html');
    assert.match(html, /<section class="card memos-card"><h3>备忘<\/h3><h4>项目备忘<\/h4><p class="note">研究问题：机构与研究者之间的张力。\n第二行 &lt;b&gt;不是标记&lt;\/b&gt;<\/p>/);
    assert.match(html, /<dt><span class="sw" style="--tag:#57ab5a"><\/span>机构立场<\/dt><dd class="note">定义：机构的正式表态。\n规则：只标注机构发言人的话。<\/dd>/);
    assert.match(html, /<section class="card memo-card"><h3>文章备忘<\/h3><p class="note">这篇报道以离职事件为线索 &amp; (&quot;|")引号(&quot;|")<\/p>/);
  });

  it('JSON: memos at the top, the article memo in its file record', () => {
    const json = JSON.parse(exportText('json')) as { memos: { project: string; tags: { label: string; description: string }[] }; files: { memo?: string }[] };
    assert.equal(json.memos.project, CODEBOOK.memo);
    assert.deepEqual(json.memos.tags.map((t) => t.label), ['机构立场']);
    assert.equal(json.files[0]?.memo, ARTICLE_MEMO);
  });

  it('without memos the exports are what they were (no empty section, no memos field)', () => {
    const plain = exportArticles(request('annotations', 'json', [seedArticle()], { codebook: { version: 1, tags: [] } }));
    assert.ok(plain.ok);
    const before = exportArticles(request('annotations', 'json', [seedArticle()]));
    assert.ok(before.ok);
    assert.equal(decode(plain.bytes), decode(before.bytes));
    const md = decode((exportArticles(request('terms', 'md', [withMemo(seedArticle())], { codebook: CODEBOOK })) as { bytes: Uint8Array }).bytes);
    assert.doesNotMatch(md, /备忘/);
  });
});
