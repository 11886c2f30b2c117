import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { validateXML } from 'xmllint-wasm';
import { type CodebookTag, formatCodebookProblem, readCodebookCsv, readQdc, writeCodebookCsv, writeQdc } from '../../../src/core';

const root = path.resolve(__dirname, '../../..');
/** The REFI-QDA Codebook schema (see test/fixtures/refi-qda/README.md). */
const XSD = fs.readFileSync(path.join(root, 'test/fixtures/refi-qda/Codebook.xsd'), 'utf8');

async function schemaErrors(xml: string): Promise<string[]> {
  const result = await validateXML({ xml: [{ fileName: 'codebook.qdc', contents: xml }], schema: [{ fileName: 'Codebook.xsd', contents: XSD }] });
  return result.errors.map((e) => e.rawMessage);
}

/** Tags with what breaks naive writers: markup, quotes, a comma, line breaks, a formula start, a surrogate pair. */
const TAGS: CodebookTag[] = [
  { label: '争议焦点', color: '#e5534b', description: '双方分歧最集中的地方。\n编码规则：只标注明确表态的句子, "引号" & <b>粗体</b>' },
  { label: '机构立场', color: '#57AB5A' },
  { label: '𠀋 稀有字', description: '=SUM(A1) 不是公式' },
  { label: '-减号开头', color: '#abc', description: '+ 加号开头\r\n第二行' },
];

describe('codebook exchange: REFI-QDA .qdc', () => {
  it('writes a codebook that the official Codebook.xsd accepts, and reads back every label, colour and memo', async () => {
    const xml = writeQdc(TAGS, 'Tension Lens 9.9.9');
    assert.deepEqual(await schemaErrors(xml), []);
    const read = readQdc(xml, 'codebook.qdc');
    assert.ok('tags' in read, JSON.stringify(read));
    // A CR is written as &#13;, so a memo's CRLF line breaks come back as they were.
    assert.deepEqual(read.tags, TAGS);
  });

  it('the schema check is real: a code without isCodable, or a bad colour, is refused', async () => {
    const xml = writeQdc(TAGS, 'x');
    assert.notDeepEqual(await schemaErrors(xml.replace(' isCodable="true"', '')), []);
    assert.notDeepEqual(await schemaErrors(xml.replace('#e5534b', 'red')), []);
  });

  it('reads a codebook written by another tool: nested codes, a grouping code, CDATA, comments, entities', () => {
    const xml = `\uFEFF<?xml version="1.0" encoding="utf-8"?>
<!-- from ATLAS.ti -->
<CodeBook xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" origin="ATLAS.ti" xmlns="urn:QDA-XML:codebook:1.0">
  <Codes>
    <Code guid="1FF58B12-6F6F-4B0C-8BE5-BBDC91F55294" name="Stances" isCodable="false">
      <Description>grouping only</Description>
      <Code guid="1FF58B12-6F6F-4B0C-8BE5-BBDC91F55295" name=" 开放 &amp; 封闭 " color="#46AA00" isCodable="true">
        <Description><![CDATA[a <rule>]]> &#x4E00;</Description>
      </Code>
    </Code>
    <Code guid="1FF58B12-6F6F-4B0C-8BE5-BBDC91F55296" name="plain" isCodable="true"/>
  </Codes>
  <Sets><Set name="s" guid="ECA18D76-2B8B-4F26-BC1D-19ECA19FB3F0"/></Sets>
</CodeBook>`;
    assert.deepEqual(readQdc(xml, 'x.qdc'), { tags: [{ label: '开放 & 封闭', color: '#46AA00', description: 'a <rule> 一' }, { label: 'plain' }] });
  });

  it('gives a clear problem with file, line and column for bad input', () => {
    const cases: [string, string, RegExp][] = [
      ['<CodeBook xmlns="urn:QDA-XML:codebook:1.0">\n  <Codes>\n    <Code name="a" isCodable="true">\n  </Codes>\n</CodeBook>', 'x.qdc:4:5', /<\/Codes> closes <Code>/],
      ['', 'x.qdc:1:1', /no root element/],
      ['<Project xmlns="urn:QDA-XML:project:1.0" name="p"/>', 'x.qdc:1:1', /REFI-QDA project/],
      ['<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>\n<Code name="a" isCodable="true"/>\n<Code name=" a" isCodable="true"/></Codes></CodeBook>', 'x.qdc:3:1', /'a' is given twice/],
      ['<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code name="a" isCodable="true" color="blue"/></Codes></CodeBook>', 'x.qdc:1:51', /colour 'blue'/],
      ['<!DOCTYPE x [<!ENTITY a "b">]><CodeBook/>', 'x.qdc:1:1', /DOCTYPE/],
      ['<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code name="&bogus;" isCodable="true"/></Codes></CodeBook>', 'x.qdc:1:63', /unknown entity/],
    ];
    for (const [xml, where, message] of cases) {
      const read = readQdc(xml, 'x.qdc');
      assert.ok('problems' in read, xml);
      const [first] = read.problems;
      assert.ok(first);
      const text = formatCodebookProblem(first);
      assert.ok(text.startsWith(`${where}:`), `${text} starts with ${where}`);
      assert.match(text, message);
    }
  });
});

describe('codebook exchange: CSV', () => {
  it('round-trips labels, colours and multi-line memos, guarding formula-like cells', () => {
    const csv = writeCodebookCsv(TAGS);
    assert.ok(csv.startsWith('\uFEFFlabel,color,description\r\n'));
    assert.match(csv, /\r\n'-减号开头,#abc,"'\+ 加号开头/);
    assert.match(csv, /,'=SUM\(A1\)/);
    assert.deepEqual(readCodebookCsv(csv, 'c.csv'), { tags: TAGS });
  });

  it('accepts other column names and orders, ignores extra columns and blank rows', () => {
    const csv = 'Memo,Name,Colour,Count\n定义一,甲,#112233,3\n\n,乙,,0\n';
    assert.deepEqual(readCodebookCsv(csv, 'c.csv'), { tags: [{ label: '甲', color: '#112233', description: '定义一' }, { label: '乙' }] });
  });

  it('names the line of a bad row', () => {
    const read = readCodebookCsv('label,color\n甲,#111\n"多\n行",#222\n甲,#333\n乙,red\n', 'c.csv');
    assert.ok('problems' in read);
    assert.deepEqual(read.problems.map(formatCodebookProblem), ["c.csv:5:1: the label '甲' is given twice", "c.csv:6:1: colour 'red' of '乙' is not #rgb or #rrggbb"]);
    const noLabel = readCodebookCsv('colour,description\n#111,x\n', 'c.csv');
    assert.ok('problems' in noLabel);
    assert.match(formatCodebookProblem(noLabel.problems[0]!), /^c\.csv:1:1: no label column/);
  });
});
