#!/usr/bin/env node
// Writes the import fixtures of test/unit/import*.test.ts into test/fixtures/import/. The articles are our own
// short news-like texts (no third-party text); the generated files are committed, so tests need neither this
// script nor the CJK font it embeds.
//   node scripts/makeImportFixtures.mjs
// Needs /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc (Debian: fonts-noto-cjk) for the PDFs.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { AlignmentType, Document, FootnoteReferenceRun, HeadingLevel, LevelFormat, Packer, Paragraph, TextRun } from 'docx';
import { unzipSync, zipSync } from 'fflate';
import { PDFDocument, PDFName, PDFString, rgb } from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import subsetFont from 'subset-font';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'test', 'fixtures', 'import');
fs.mkdirSync(out, { recursive: true });
/** A full-width space, as Chinese pages put between byline fields and after 本报讯. */
const W = '\u3000';
const write = (name, bytes) => { fs.writeFileSync(path.join(out, name), bytes); console.log(`${name}  ${bytes.length} bytes`); };

// ---- A GBK news page: Open Graph and JSON-LD metadata, a Chinese byline, navigation, an ad, comments, a footer.
const newsHtml = `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gbk">
<title>开源还是闭源：一家实验室的抉择_科技频道_晨光网</title>
<meta name="keywords" content="开源,闭源,实验室">
<meta property="og:type" content="article">
<meta property="og:title" content="开源还是闭源：一家实验室的抉择">
<meta property="og:site_name" content="晨光网">
<meta property="og:url" content="https://news.example.cn/tech/2024/0501/lab.html">
<meta property="article:published_time" content="2024-05-01T08:30:00+08:00">
<meta name="author" content="林晓">
<script type="application/ld+json">
{"@context":"https://schema.org","@type":"NewsArticle","headline":"开源还是闭源：一家实验室的抉择","datePublished":"2024-05-01T08:30:00+08:00","author":[{"@type":"Person","name":"林晓"}],"publisher":{"@type":"Organization","name":"晨光网"}}
</script>
<script>var pv = 1;</script>
<style>.nav a { color: #333; }</style>
</head>
<body>
<div class="header"><div class="nav"><a href="/">首页</a> | <a href="/tech">科技</a> | <a href="/finance">财经</a> | <a href="/sports">体育</a> | <a href="/login">登录</a></div></div>
<div class="crumbs"><a href="/">晨光网</a> &gt; <a href="/tech">科技频道</a> &gt; 正文</div>
<div class="main">
<div class="article" id="article">
<h1>开源还是闭源：一家实验室的抉择</h1>
<div class="info">发布时间：2024年05月01日 08:30${W}来源：晨光网${W}作者：林晓</div>
<div class="content">
<p>本报讯${W}一家成立五年的人工智能实验室近日宣布，将把旗下的核心模型由开源改为闭源，并启动商业化计划。消息一出，社区里的开发者议论纷纷，不少人担心这意味着实验室放弃了当初的承诺。</p>
<p>实验室负责人在接受采访时表示，训练一个新模型的算力开销已经远远超出了捐赠和基金所能支撑的范围，转向商业化是为了让研究能够继续下去，而不是为了追逐利润。</p>
<h2>从非营利到商业化</h2>
<p>这家实验室最初以非营利机构的身份注册，章程里写明研究成果应当公开发布。如今它设立了一家营利性子公司，由子公司负责产品和客户合作，而母机构保留对研究方向的决定权。</p>
<blockquote><p>“我们没有关上大门，只是需要先让这扇门不倒下。”实验室负责人说。</p></blockquote>
<p>支持者和批评者的意见大致可以归为以下几类：</p>
<ul>
<li>支持者认为，稳定的收入能让团队留住人才；</li>
<li>批评者担心，闭源会让外部研究者无法复现和检验结果；</li>
<li>也有人建议，只开放较早的版本，最新版本先行商业化。</li>
</ul>
<h2>社区的回应</h2>
<p>多位长期参与项目的开发者表示，他们会继续维护已经公开的代码分支。一位研究者说，开放与封闭并不是非此即彼的选择，关键在于规则是否透明、承诺是否可信。</p>
<p>实验室方面表示，将在三个月内公布新的发布政策，并邀请社区代表参与讨论。</p>
</div>
<div class="editor">责任编辑：周明</div>
</div>
<div class="ad" id="ad-right"><a href="https://ads.example.cn/">广告：限时优惠，点击领取</a></div>
<div class="related"><h3>相关新闻</h3><ul><li><a href="/a1">另一家公司发布新模型</a></li><li><a href="/a2">算力价格持续上涨</a></li></ul></div>
<div id="comments" class="comments">
<h3>网友评论</h3>
<div class="comment"><span class="user">网友甲</span>：说到底还是钱的问题。</div>
<div class="comment"><span class="user">网友乙</span>：期待新的发布政策。</div>
</div>
</div>
<div class="footer">关于我们 | 联系方式 | 版权所有 © 2024 晨光网</div>
</body>
</html>
`;
write('news-gbk.html', iconv.encode(newsHtml, 'gbk'));

// ---- A Big5 page with no charset declared and no metadata tags: only the Chinese byline says who and when.
const bylineHtml = `<html>
<head><title>開放與封閉之間 - 港灣日報</title></head>
<body>
<div id="menu"><a href="/">首頁</a> <a href="/news">新聞</a> <a href="/about">關於我們</a></div>
<div class="story">
<h1>開放與封閉之間</h1>
<p class="meta">來源：港灣日報 作者：陳嘉 發布時間：2023/11/8 14:05</p>
<p>一家軟體基金會昨日公布年度報告，指出越來越多的企業在開源與閉源之間尋找折衷的做法。報告認為，完全開放的專案更容易吸引外部貢獻者，但也更難找到穩定的資金來源。</p>
<p>報告建議，非營利組織可以與企業簽訂長期合作協議，在保持程式碼開放的同時，為維護者提供合理的報酬。基金會表示，這種做法已經在數個專案中試行，成效良好。</p>
<p>有學者提醒，商業化的壓力可能讓專案逐漸走向封閉，社群應當及早討論治理規則，避免日後出現分裂。</p>
</div>
<div class="copyright">版權所有 港灣日報</div>
</body>
</html>
`;
write('byline-big5.html', iconv.encode(bylineHtml, 'big5'));

// ---- A Word document: title, headings, paragraphs, a list, a quote, a footnote; fixed core properties.
const doc = new Document({
  title: '实验室治理报告',
  creator: '王芳',
  description: '开源与商业化的治理问题',
  styles: {
    paragraphStyles: [{ id: 'Quote', name: 'Quote', basedOn: 'Normal', next: 'Normal', run: { italics: true } }],
  },
  numbering: {
    config: [{ reference: 'bullets', levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT }] },
      { reference: 'steps', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT }] }],
  },
  footnotes: { 1: { children: [new Paragraph('数据来自实验室 2023 年度财务报告。')] } },
  sections: [{
    children: [
      new Paragraph({ text: '实验室治理报告', heading: HeadingLevel.TITLE }),
      new Paragraph({ text: '一、背景', heading: HeadingLevel.HEADING_1 }),
      new Paragraph({ children: [new TextRun('这家实验室成立之初是一个非营利组织，所有模型都以开源方式发布。'),
        new TextRun('近两年，算力成本增长了三倍'), new FootnoteReferenceRun(1), new TextRun('，实验室开始讨论商业化。')] }),
      new Paragraph({ text: '二、主要分歧', heading: HeadingLevel.HEADING_1 }),
      new Paragraph({ text: '2.1 开源还是闭源', heading: HeadingLevel.HEADING_2 }),
      new Paragraph('理事会内部的意见分为三种：'),
      new Paragraph({ text: '继续开源全部模型；', numbering: { reference: 'bullets', level: 0 } }),
      new Paragraph({ text: '只开源较早的版本；', numbering: { reference: 'bullets', level: 0 } }),
      new Paragraph({ text: '全部转为闭源。', numbering: { reference: 'bullets', level: 0 } }),
      new Paragraph({ text: '开放是我们的起点，不应成为我们的负担。', style: 'Quote' }),
      new Paragraph({ text: '三、建议', heading: HeadingLevel.HEADING_1 }),
      new Paragraph({ text: '先公布发布政策；', numbering: { reference: 'steps', level: 0 } }),
      new Paragraph({ text: '再邀请社区参与评审。', numbering: { reference: 'steps', level: 0 } }),
    ],
  }],
});
const docxBytes = new Uint8Array(await Packer.toBuffer(doc));
// The docx package stamps created/modified with the time of the run: pin them so the fixture (and the tests'
// expected `date`) do not move when it is regenerated.
const zip = unzipSync(docxBytes);
const core = new TextDecoder().decode(zip['docProps/core.xml'])
  .replace(/(<dcterms:created[^>]*>)[^<]*/, '$12024-03-15T09:00:00Z')
  .replace(/(<dcterms:modified[^>]*>)[^<]*/, '$12024-03-16T10:00:00Z');
zip['docProps/core.xml'] = new TextEncoder().encode(core);
const fixedTime = new Date('2024-03-16T10:00:00Z');
write('report.docx', zipSync(Object.fromEntries(Object.entries(zip).map(([k, v]) => [k, [v, { mtime: fixedTime }]]))));

// ---- PDFs. The body is laid out line by line as a word processor would: a running header and a page number on
// every page, paragraphs wrapped mid-sentence, an English phrase hyphenated across a line break.
const HEADER = '晨光研究 · 工作论文 2024 年第 3 期';
const TITLE = '开源模型的商业化路径';
const PARAGRAPHS = [
  '开源与闭源之争由来已久。一些实验室最初以非营利机构的身份成立，承诺公开全部研究成果；随着训练成本上升，它们开始寻找新的收入来源。',
  '本文把这一过程称为 open source commercialization，即在保留开源许可的前提下，通过托管服务、技术支持和企业版本获得收入。这种做法在数据库和操作系统领域已有先例。',
  '然而，商业化也带来新的张力。企业客户希望获得独占的功能，社区则希望所有改进都能回到公开的代码中。如何在两者之间取得平衡，是每一个开源项目都要面对的问题。',
  '我们访谈了十二位项目维护者。多数人认为，清晰的治理规则比许可证本身更重要：规则越透明，社区越愿意接受商业化的安排。一位维护者的原话是：the community is not a marketing channel, and sustainable commercialization depends on transparent governance that contributors can read and trust.',
];
// The system font is a collection (.ttc) that the subsetter does not read: copy its Simplified Chinese face out
// into a standalone OpenType file first (tables are shared, their offsets count from the start of the collection).
function faceOfCollection(ttc, index) {
  const dv = new DataView(ttc.buffer, ttc.byteOffset, ttc.byteLength);
  const at = dv.getUint32(12 + 4 * index);
  const numTables = dv.getUint16(at + 4);
  const records = [];
  for (let i = 0; i < numTables; i++) {
    const r = at + 12 + 16 * i;
    records.push({ r, offset: dv.getUint32(r + 8), length: dv.getUint32(r + 12) });
  }
  const head = 12 + 16 * numTables;
  const total = records.reduce((sum, t) => sum + ((t.length + 3) & ~3), head);
  const outBytes = new Uint8Array(total);
  const odv = new DataView(outBytes.buffer);
  outBytes.set(ttc.subarray(at, at + head), 0);
  let pos = head;
  records.forEach((t, i) => {
    outBytes.set(ttc.subarray(t.offset, t.offset + t.length), pos);
    odv.setUint32(12 + 16 * i + 8, pos);
    pos += (t.length + 3) & ~3;
  });
  return outBytes;
}
const collection = fs.readFileSync('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc');
const SC_FACE = 2; // Noto Sans CJK's faces: JP, KR, SC, TC, HK
const fontBytes = Buffer.from(faceOfCollection(collection, SC_FACE));
const glyphText = [HEADER, TITLE, ...PARAGRAPHS, '0123456789-'].join('');
const subset = await subsetFont(fontBytes, glyphText, { targetFormat: 'truetype' });

async function articlePdf() {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.registerFontkit(fontkit);
  const font = await pdf.embedFont(subset, { subset: false });
  pdf.setTitle(TITLE);
  pdf.setAuthor('赵宁');
  pdf.setCreationDate(new Date('2024-03-20T06:00:00Z'));
  pdf.setModificationDate(new Date('2024-03-20T06:00:00Z'));
  pdf.setProducer('makeImportFixtures');
  pdf.setCreator('makeImportFixtures');
  const size = 12, lead = 18, left = 72, width = 451, top = 770, bottom = 90;
  let page, y, pageNo = 0;
  const newPage = () => {
    page = pdf.addPage([595, 842]);
    pageNo++;
    page.drawText(HEADER, { x: left, y: 800, size: 9, font, color: rgb(0.4, 0.4, 0.4) });
    page.drawText(String(pageNo), { x: 297, y: 50, size: 9, font });
    y = top;
  };
  // Wrap by measured width; a Latin word that would cross the margin is hyphenated at the last fitting letter.
  const lines = (text) => {
    const out = [];
    let line = '';
    const tokens = text.match(/[A-Za-z]+|\s|./gu);
    for (const tok of tokens) {
      if (font.widthOfTextAtSize(line + tok, size) <= width) { line += tok; continue; }
      if (/^[A-Za-z]+$/u.test(tok)) {
        let cut = 0;
        while (cut < tok.length && font.widthOfTextAtSize(`${line}${tok.slice(0, cut + 1)}-`, size) <= width) cut++;
        if (cut >= 3) { out.push(`${line}${tok.slice(0, cut)}-`); line = tok.slice(cut); continue; }
      }
      out.push(line.trimEnd());
      line = tok === ' ' ? '' : tok;
    }
    if (line) out.push(line);
    return out;
  };
  newPage();
  page.drawText(TITLE, { x: left, y, size: 18, font });
  y -= 40;
  for (const p of PARAGRAPHS) {
    for (const [i, l] of lines(p).entries()) {
      if (y < bottom) newPage();
      // The first line of a paragraph is indented two characters, as Chinese typesetting does.
      page.drawText(l, { x: left + (i === 0 ? 2 * size : 0), y, size, font });
      y -= lead;
    }
    y -= 8;
    // Break to page 2 after the second paragraph, so that a paragraph boundary and the header repeat are both tested.
    if (p === PARAGRAPHS[1]) newPage();
  }
  return pdf.save({ useObjectStreams: false });
}
write('paper.pdf', await articlePdf());

// A scan: pages with drawings but no text layer.
async function scanPdf() {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  for (let i = 0; i < 2; i++) {
    const page = pdf.addPage([595, 842]);
    for (let r = 0; r < 20; r++) page.drawRectangle({ x: 72, y: 760 - r * 30, width: 300 + (r % 3) * 50, height: 10, color: rgb(0.2, 0.2, 0.2) });
  }
  return pdf.save();
}
write('scan.pdf', await scanPdf());

// Password-protected: a standard security handler whose user password is not empty, so a reader must ask for it.
async function lockedPdf() {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.addPage([595, 842]);
  const ctx = pdf.context;
  const bytes32 = (seed) => PDFString.of(Array.from({ length: 32 }, (_, i) => `\\${((seed * 31 + i * 17) % 256).toString(8).padStart(3, '0')}`).join(''));
  const encrypt = ctx.obj({ Filter: PDFName.of('Standard'), V: 1, R: 2, Length: 40, P: -44, O: bytes32(7), U: bytes32(11) });
  ctx.trailerInfo.Encrypt = ctx.register(encrypt);
  ctx.trailerInfo.ID = ctx.obj([PDFString.of('0123456789abcdef'), PDFString.of('0123456789abcdef')]);
  return pdf.save({ useObjectStreams: false });
}
write('locked.pdf', await lockedPdf());
