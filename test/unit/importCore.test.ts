import assert from 'node:assert/strict';
import { articleFileName, articleMarkdown, joinLines, parseByline, pdfMarkdown, type PdfTextRun, titleWithoutSite, yamlString } from '../../src/core/import';

describe('import core: front matter, bylines, PDF layout', () => {
  it('front matter values are double-quoted YAML that survives quotes, backslashes, line breaks and colons', () => {
    assert.equal(yamlString('标题: "引号" \\ 反斜杠\n第二行'), '"标题: \\"引号\\" \\\\ 反斜杠\\n第二行"');
    assert.equal(yamlString('a\u2028b\u0085c\ufeff'), '"a\\u2028b\\u0085c\\ufeff"');
    const md = articleMarkdown({ title: 'yes: no # 1', author: '- 林晓' }, 'Body.', new Date('2024-01-02T03:04:05.678Z'), 'a b.html');
    assert.equal(md, '---\ntitle: "yes: no # 1"\nauthor: "- 林晓"\nimported: "2024-01-02T03:04:05Z"\noriginal: "a b.html"\n---\n\n# yes: no # 1\n\nBody.\n');
  });

  it('an article without a title gets no heading; one whose body opens with a heading gets no second one', () => {
    assert.equal(articleMarkdown({}, '正文', new Date(0), 'x.pdf'), '---\nimported: "1970-01-01T00:00:00Z"\noriginal: "x.pdf"\n---\n\n正文\n');
    assert.equal(articleMarkdown({ title: 'T' }, '# T\n\n正文', new Date(0), 'x.pdf'), '---\ntitle: "T"\nimported: "1970-01-01T00:00:00Z"\noriginal: "x.pdf"\n---\n\n# T\n\n正文\n');
  });

  it('the article file is the original name with .md', () => {
    assert.equal(articleFileName('新闻.htm'), '新闻.md');
    assert.equal(articleFileName('paper.v2.pdf'), 'paper.v2.md');
    assert.equal(articleFileName('.hidden'), '.hidden.md');
  });

  it('Chinese bylines: simplified, traditional, labels in any order, values cut at the next label or a wide space', () => {
    assert.deepEqual(parseByline('发布时间：2024年05月01日 08:30\u3000来源：晨光网\u3000作者：林晓'), { date: '2024-05-01T08:30:00', source: '晨光网', author: '林晓' });
    assert.deepEqual(parseByline('來源：港灣日報 作者：陳嘉 發布時間：2023/11/8 14:05'), { source: '港灣日報', author: '陳嘉', date: '2023-11-08T14:05:00' });
    assert.deepEqual(parseByline('2024-05-01 10:00  来源: 新华社  责任编辑：周明'), { source: '新华社', date: '2024-05-01T10:00:00' });
    assert.deepEqual(parseByline('记者 | 没有冒号的一行'), {});
  });

  it('a page <title> loses its channel and site', () => {
    assert.equal(titleWithoutSite('开源还是闭源_科技频道_晨光网'), '开源还是闭源');
    assert.equal(titleWithoutSite('開放與封閉之間 - 港灣日報'), '開放與封閉之間');
    assert.equal(titleWithoutSite('只有标题'), '只有标题');
  });

  it('lines join without a space between CJK, with one between Latin words, and hyphenation is mended', () => {
    assert.equal(joinLines('开源与闭源之', '争由来已久'), '开源与闭源之争由来已久');
    assert.equal(joinLines('the community', 'is not'), 'the community is not');
    assert.equal(joinLines('on tran-', 'sparent'), 'on transparent');
    assert.equal(joinLines('称为 open', '源代码'), '称为 open源代码');
    assert.equal(joinLines('Sino-', 'US'), 'Sino- US');
    assert.equal(joinLines('“开放”', 'is'), '“开放”is');
  });

  const run = (str: string, x: number, y: number, size = 12): PdfTextRun => ({ str, x, y, width: str.length * size, size });

  it('running headers, footers and page numbers repeat across pages and are dropped; a paragraph flows across the page break', () => {
    const pages = [1, 2, 3].map((n) => ({
      runs: [
        run(`第 ${n} 页`, 280, 40, 9),
        run('某某大学学报 2024 年第 3 期', 72, 800, 9),
        run(n === 1 ? '第一段的开头，行文到了' : n === 2 ? '页尾也不断开。' : '第三页的段落。', n === 1 ? 96 : 72, 770),
        ...(n === 1 ? [run('这一行写满了整整一行文字文字文字文', 72, 752), run('字，一直写到页脚之前', 72, 734), run('最后一行写满了这一行文字文字文字文', 72, 716)] : []),
      ],
    }));
    assert.equal(pdfMarkdown(pages).markdown, [
      '第一段的开头，行文到了',
      '这一行写满了整整一行文字文字文字文字，一直写到页脚之前',
      '最后一行写满了这一行文字文字文字文页尾也不断开。',
      '第三页的段落。',
    ].join('\n\n'));
  });

  it('a heading in a larger font is a Markdown heading; runs on one baseline are one line', () => {
    const { markdown, firstHeading } = pdfMarkdown([{ runs: [run('标题', 72, 780, 20), run('正文', 72, 740), run('继续', 96 + 12, 740), run('open', 72, 722), run('source', 72 + 48 + 6, 722)] }]);
    assert.equal(firstHeading, '标题');
    // A gap between CJK runs is layout, not a space; between Latin words it is one. The first body line ends well
    // short of the longest, so the next line starts a paragraph.
    assert.equal(markdown, '# 标题\n\n正文继续\n\nopen source');
  });
});
