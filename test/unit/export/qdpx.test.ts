import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { type Document, DOMParser, type Element } from '@xmldom/xmldom';
import { strFromU8, unzipSync } from 'fflate';
import { validateXML } from 'xmllint-wasm';
import { QDE_NAMESPACE, exportArticles } from '../../../src/core/export';
import { TRICKY_NOTE, annotate, articleOf, request, root, seedArticle } from './articles';

/** The official REFI-QDA Project schema (see test/fixtures/refi-qda/README.md). */
const XSD = fs.readFileSync(path.join(root, 'test/fixtures/refi-qda/Project-mrt2019.xsd'), 'utf8');

interface Project {
  files: Record<string, Uint8Array>;
  xml: string;
  doc: Document;
}

function exportQdpx(...args: Parameters<typeof request>): Project {
  const result = exportArticles(request(...args));
  assert.ok(result.ok);
  const files = unzipSync(result.bytes);
  const qde = files['project.qde'];
  assert.ok(qde, 'project.qde in the zip');
  const xml = strFromU8(qde);
  // Warnings pass (a control character becomes U+FFFD, which xmldom remarks on); errors fail.
  const doc = new DOMParser({ onError: (level, message) => (level === 'warning' ? undefined : assert.fail(`${level}: ${message}`)) }).parseFromString(xml, 'text/xml');
  return { files, xml, doc };
}

async function assertValid(xml: string): Promise<void> {
  const result = await validateXML({ xml: [{ fileName: 'project.qde', contents: xml }], schema: [{ fileName: 'Project-mrt2019.xsd', contents: XSD }] });
  assert.deepEqual(result.errors.map((e) => e.rawMessage), [], 'project.qde is valid against Project-mrt2019.xsd');
  assert.equal(result.valid, true);
}

const all = (node: Document | Element, tag: string): Element[] => Array.from(node.getElementsByTagNameNS(QDE_NAMESPACE, tag));
const childText = (el: Element, tag: string): string | undefined => Array.from(el.childNodes).find((n): n is Element => (n as Element).localName === tag)?.textContent ?? undefined;

/** The text of a selection, cut from its source file by code points, as REFI-QDA counts. */
function selectedText(project: Project, selection: Element): string {
  const source = selection.parentNode as Element;
  const file = source.getAttribute('plainTextPath')?.replace('internal://', 'sources/') ?? '';
  const bytes = project.files[file];
  assert.ok(bytes, `${file} in the zip`);
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  return [...text].slice(Number(selection.getAttribute('startPosition')), Number(selection.getAttribute('endPosition'))).join('');
}

describe('REFI-QDA export (.qdpx)', () => {
  it('is a zip of project.qde and the article as a UTF-8 text source, valid against the official schema', async () => {
    const project = exportQdpx('report', 'qdpx', [seedArticle()]);
    await assertValid(project.xml);
    assert.deepEqual(Object.keys(project.files).map((f) => f.replace(/[0-9a-f-]{36}/, 'GUID')), ['project.qde', 'sources/GUID.txt']);
    const sourceFile = Object.entries(project.files).find(([name]) => name.startsWith('sources/'))?.[1];
    assert.ok(sourceFile);
    assert.notEqual(sourceFile[0], 0xef, 'no BOM: it would count as a character in some tools');
    assert.equal(project.doc.documentElement?.namespaceURI, QDE_NAMESPACE);
    assert.equal(all(project.doc, 'TextSource')[0]?.getAttribute('name'), 'ai-lab-expert-departure.md');
  });

  it('codes are the tags (with colours) and the poles; annotations are coded selections with their note', () => {
    const article = seedArticle();
    const project = exportQdpx('report', 'qdpx', [article]);
    const codes = new Map(all(project.doc, 'Code').map((c) => [c.getAttribute('guid'), c]));
    const byName = (name: string): Element | undefined => [...codes.values()].find((c) => c.getAttribute('name') === name);
    assert.equal(byName('争议焦点')?.getAttribute('color'), '#e5534b');
    assert.equal(childText(byName('争议焦点') as Element, 'Description'), '双方分歧最集中的地方');
    assert.ok(byName('未使用的标签'), 'the whole codebook');
    assert.ok(byName('未加标签'), 'a code for untagged annotations');
    assert.equal(byName('开放')?.getAttribute('color'), '#b45309');
    assert.equal(byName('标签（Tension Lens）')?.getAttribute('isCodable'), 'false');

    const selections = all(project.doc, 'PlainTextSelection');
    const users = new Map(all(project.doc, 'User').map((u) => [u.getAttribute('guid'), u.getAttribute('name')]));
    const mine = selections.filter((s) => users.get(s.getAttribute('creatingUser')) === '批注者');
    assert.equal(mine.length, 3);
    const tricky = mine.find((s) => selectedText(project, s) === '闭源商用路径');
    assert.ok(tricky, 'the positions select the annotated text');
    assert.equal(childText(tricky, 'Description'), TRICKY_NOTE);
    assert.deepEqual(all(tricky, 'CodeRef').map((r) => codes.get(r.getAttribute('targetGUID'))?.getAttribute('name')), ['争议焦点', '机构立场']);

    const machine = selections.filter((s) => users.get(s.getAttribute('creatingUser')) === 'Tension Lens（自动编码）');
    assert.equal(machine.length, article.analysis.hits.length);
    for (const s of machine.slice(0, 20)) {
      assert.equal(selectedText(project, s), s.getAttribute('name'));
      assert.match(childText(s, 'Description') ?? '', /^Tension Lens 自动编码/);
      const pole = codes.get(all(s, 'CodeRef')[0]?.getAttribute('targetGUID') ?? null);
      assert.equal((pole?.parentNode as Element | null)?.parentNode && ((pole?.parentNode as Element).parentNode as Element).getAttribute('name'), '张力词（自动编码）');
    }
  });

  it('counts code points over LF text: CRLF, 𠮷 and emoji before a selection do not shift it', async () => {
    const text = '# 标题\r\n\r\n𠮷野家：开源还是闭源？😀\r\n他们最终选择了开放原则。\r\n';
    const article = articleOf('crlf.md', text, [annotate(text, '开放原则', 'a1', ['focus'], '注\r\n释')]);
    const project = exportQdpx('report', 'qdpx', [article]);
    await assertValid(project.xml);
    const selections = all(project.doc, 'PlainTextSelection');
    assert.ok(selections.length >= 4);
    for (const s of selections) assert.ok(['开放原则', '开源', '闭源'].includes(selectedText(project, s)), selectedText(project, s));
    const source = Object.entries(project.files).find(([name]) => name.startsWith('sources/'))?.[1];
    assert.ok(source && !strFromU8(source).includes('\r'), 'line breaks are LF');
    assert.equal(childText(selections.find((s) => selectedText(project, s) === '开放原则') as Element, 'Description'), '注\r\n释');
  });

  it('leaves orphaned annotations out (they have no place in the text), and stays valid with odd tag colours and control characters', async () => {
    const original = '开源还是闭源，这是问题。';
    const text = '开源还是闭源，已经改写\u0007。';
    const tags = [{ id: 'x', label: 'Tag & <co>', color: 'rgb(1,2,3)' }, { id: 'y', label: '半透明', color: '#11223344' }];
    const article = articleOf('o.md', text, [annotate(original, '这是问题', 'lost', ['x']), annotate(original, '开源', 'kept', ['x', 'y'], 'bell\u0007')], tags);
    const result = exportArticles(request('annotations', 'qdpx', [article]));
    assert.ok(result.ok);
    assert.equal(result.summary.orphaned, 1);
    const project = exportQdpx('annotations', 'qdpx', [article]);
    await assertValid(project.xml);
    assert.equal(all(project.doc, 'PlainTextSelection').length, 1);
    assert.equal(result.summary.annotations, 1, 'the summary counts what the file holds, not the orphan left out');
    const codes = all(project.doc, 'Code');
    assert.equal(codes.find((c) => c.getAttribute('name') === 'Tag & <co>')?.hasAttribute('color'), false);
    assert.equal(codes.find((c) => c.getAttribute('name') === '半透明')?.getAttribute('color'), '#112233');
  });

  it('several articles are several text sources of one project', async () => {
    const other = articleOf('b.txt', '开源与闭源之争，商业化还是基础研究。');
    const project = exportQdpx('terms', 'qdpx', [seedArticle(), other]);
    await assertValid(project.xml);
    assert.deepEqual(all(project.doc, 'TextSource').map((s) => s.getAttribute('name')), ['ai-lab-expert-departure.md', 'b.txt']);
    assert.equal(Object.keys(project.files).length, 3);
  });
});
