import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { isImportFailure } from '../../src/core/import';
import { importArticle } from '../../src/import/convert';

// Fixtures made by scripts/makeImportFixtures.mjs (our own texts): real GBK and Big5 bytes, a .docx written by the
// docx package, PDFs written by pdf-lib with an embedded CJK font subset.
const dir = path.resolve(__dirname, '../fixtures/import');
const bytes = (name: string): Uint8Array => new Uint8Array(fs.readFileSync(path.join(dir, name)));
const now = new Date('2026-11-29T12:00:00.456Z');
const imported = (name: string, data = bytes(name)): Promise<string> => importArticle(data, name, { now });

async function failure(name: string, data = bytes(name)): Promise<{ kind: string; message: string }> {
  try {
    await imported(name, data);
  } catch (e) {
    assert.ok(isImportFailure(e), `expected an ImportFailure, got ${String(e)}`);
    return { kind: e.kind, message: e.message };
  }
  assert.fail(`${name} was imported`);
}

describe('import: web pages, Word documents and PDFs as Markdown articles with front matter', function () {
  this.timeout(60_000);

  it('a GBK news page: main text only, metadata from Open Graph / JSON-LD, byline and boilerplate gone', async () => {
    assert.equal(await imported('news-gbk.html'), `---
title: "开源还是闭源：一家实验室的抉择"
source: "晨光网"
url: "https://news.example.cn/tech/2024/0501/lab.html"
author: "林晓"
date: "2024-05-01T08:30:00+08:00"
imported: "2026-11-29T12:00:00Z"
original: "news-gbk.html"
---

# 开源还是闭源：一家实验室的抉择

本报讯\u3000一家成立五年的人工智能实验室近日宣布，将把旗下的核心模型由开源改为闭源，并启动商业化计划。消息一出，社区里的开发者议论纷纷，不少人担心这意味着实验室放弃了当初的承诺。

实验室负责人在接受采访时表示，训练一个新模型的算力开销已经远远超出了捐赠和基金所能支撑的范围，转向商业化是为了让研究能够继续下去，而不是为了追逐利润。

## 从非营利到商业化

这家实验室最初以非营利机构的身份注册，章程里写明研究成果应当公开发布。如今它设立了一家营利性子公司，由子公司负责产品和客户合作，而母机构保留对研究方向的决定权。

> “我们没有关上大门，只是需要先让这扇门不倒下。”实验室负责人说。

支持者和批评者的意见大致可以归为以下几类：

- 支持者认为，稳定的收入能让团队留住人才；
- 批评者担心，闭源会让外部研究者无法复现和检验结果；
- 也有人建议，只开放较早的版本，最新版本先行商业化。

## 社区的回应

多位长期参与项目的开发者表示，他们会继续维护已经公开的代码分支。一位研究者说，开放与封闭并不是非此即彼的选择，关键在于规则是否透明、承诺是否可信。

实验室方面表示，将在三个月内公布新的发布政策，并邀请社区代表参与讨论。
`);
  });

  it('a Big5 page with no charset and no tags: encoding detected, metadata from the Chinese byline alone', async () => {
    assert.equal(await imported('byline-big5.html'), `---
title: "開放與封閉之間"
source: "港灣日報"
author: "陳嘉"
date: "2023-11-08T14:05:00"
imported: "2026-11-29T12:00:00Z"
original: "byline-big5.html"
---

# 開放與封閉之間

一家軟體基金會昨日公布年度報告，指出越來越多的企業在開源與閉源之間尋找折衷的做法。報告認為，完全開放的專案更容易吸引外部貢獻者，但也更難找到穩定的資金來源。

報告建議，非營利組織可以與企業簽訂長期合作協議，在保持程式碼開放的同時，為維護者提供合理的報酬。基金會表示，這種做法已經在數個專案中試行，成效良好。

有學者提醒，商業化的壓力可能讓專案逐漸走向封閉，社群應當及早討論治理規則，避免日後出現分裂。
`);
  });

  it('a .docx: headings, list, numbered list, quote and footnote as Markdown; core properties as metadata', async () => {
    assert.equal(await imported('report.docx'), `---
title: "实验室治理报告"
author: "王芳"
date: "2024-03-15T09:00:00Z"
imported: "2026-11-29T12:00:00Z"
original: "report.docx"
---

# 实验室治理报告

## 一、背景

这家实验室成立之初是一个非营利组织，所有模型都以开源方式发布。近两年，算力成本增长了三倍[^1]，实验室开始讨论商业化。

## 二、主要分歧

### 2.1 开源还是闭源

理事会内部的意见分为三种：

- 继续开源全部模型；
- 只开源较早的版本；
- 全部转为闭源。

> 开放是我们的起点，不应成为我们的负担。

## 三、建议

1. 先公布发布政策；
2. 再邀请社区参与评审。

[^1]: 数据来自实验室 2023 年度财务报告。
`);
  });

  it('a PDF: running header and page numbers gone, lines joined the Chinese way, hyphenation mended', async () => {
    assert.equal(await imported('paper.pdf'), `---
title: "开源模型的商业化路径"
author: "赵宁"
date: "2024-03-20T06:00:00Z"
imported: "2026-11-29T12:00:00Z"
original: "paper.pdf"
---

# 开源模型的商业化路径

开源与闭源之争由来已久。一些实验室最初以非营利机构的身份成立，承诺公开全部研究成果；随着训练成本上升，它们开始寻找新的收入来源。

本文把这一过程称为 open source commercialization，即在保留开源许可的前提下，通过托管服务、技术支持和企业版本获得收入。这种做法在数据库和操作系统领域已有先例。

然而，商业化也带来新的张力。企业客户希望获得独占的功能，社区则希望所有改进都能回到公开的代码中。如何在两者之间取得平衡，是每一个开源项目都要面对的问题。

我们访谈了十二位项目维护者。多数人认为，清晰的治理规则比许可证本身更重要：规则越透明，社区越愿意接受商业化的安排。一位维护者的原话是：the community is not a marketing channel, and sustainable commercialization depends on transparent governance that contributors can read and trust.
`);
  });

  it('a PDF without a text layer needs OCR: a clear failure, never an empty article', async () => {
    const f = await failure('scan.pdf');
    assert.equal(f.kind, 'needs-ocr');
    assert.equal(f.message, 'scan.pdf: the PDF has no text layer (a scan); run OCR on it first, then import the result.');
  });

  it('a password-protected PDF, a truncated PDF, a damaged .docx, an unknown format: one line naming the file', async () => {
    assert.deepEqual(await failure('locked.pdf'), { kind: 'password', message: 'locked.pdf: the file is password-protected; save a copy without the password and import that.' });
    const damaged = 'test/fixtures/import/paper.pdf: the file is damaged or not what its extension says; open it in its own application and save it again.';
    assert.deepEqual(await failure('truncated.pdf', bytes('paper.pdf').subarray(0, 400)), { kind: 'corrupt', message: damaged.replace('test/fixtures/import/paper.pdf', 'truncated.pdf') });
    assert.equal((await failure('report.docx', bytes('report.docx').subarray(0, 2000))).kind, 'corrupt');
    assert.equal((await failure('notes.docx', new TextEncoder().encode('plain text, not a zip'))).kind, 'corrupt');
    assert.equal((await failure('secret.docx', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).kind, 'password');
    assert.deepEqual(await failure('notes.odt', new Uint8Array(4)), { kind: 'unsupported', message: 'notes.odt: not a format Tension Lens imports (.html, .htm, .docx, .pdf).' });
  });

  it('a page with no article text is reported, not written as an empty article', async () => {
    assert.equal((await failure('empty.html', new TextEncoder().encode('<html><body><div class="nav"><a href="/">首页</a></div></body></html>'))).kind, 'empty');
  });
});
