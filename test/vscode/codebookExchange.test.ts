// The codebook's exchange commands in a real extension host, where the desktop build loads the REFI-QDA .qdc and CSV
// readers and writers from dist/codebook-exchange.js on first use: import writes the shared codebook file, export
// writes the files another QDA tool reads.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api } from './support/extensionApi';
import { fixtureFolder } from './support/workspace';

const decoder = new TextDecoder();

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  return vscode.workspace.fs.readFile(uri).then((b) => decoder.decode(b), () => undefined);
}

describe('codebook exchange (.qdc and CSV)', () => {
  const root = (): vscode.Uri => fixtureFolder().uri;
  const codebookFile = (): vscode.Uri => vscode.Uri.joinPath(root(), 'tension-codebook.json');
  const folder = (): vscode.Uri => vscode.Uri.joinPath(root(), 'exchange');
  let saved: string | undefined;

  before(async () => {
    await api();
    saved = await readText(codebookFile());
  });

  after(async () => {
    if (saved === undefined) await vscode.workspace.fs.delete(codebookFile()).then(undefined, () => undefined);
    else await vscode.workspace.fs.writeFile(codebookFile(), new TextEncoder().encode(saved));
    await vscode.workspace.fs.delete(folder(), { recursive: true }).then(undefined, () => undefined);
  });

  it('imports a CSV codebook into tension-codebook.json, and exports it as a REFI-QDA codebook and as CSV', async () => {
    const csv = vscode.Uri.joinPath(folder(), 'from-team.csv');
    await vscode.workspace.fs.writeFile(csv, new TextEncoder().encode('label,color,description\r\n制度张力,#2a9d8f,"开放与封闭, 之间"\r\n'));
    await vscode.commands.executeCommand('tensionLens.importCodebook', csv, true);
    const book = JSON.parse((await readText(codebookFile())) ?? '{}') as { tags?: { label: string; color?: string; description?: string }[] };
    assert.deepEqual(book.tags?.find((t) => t.label === '制度张力'), { label: '制度张力', color: '#2a9d8f', description: '开放与封闭, 之间' });

    const qdc = vscode.Uri.joinPath(folder(), 'codebook.qdc');
    await vscode.commands.executeCommand('tensionLens.exportCodebook', qdc);
    const xml = (await readText(qdc)) ?? '';
    assert.match(xml, /<CodeBook xmlns="urn:QDA-XML:codebook:1\.0"/);
    assert.match(xml, /<Code [^>]*name="制度张力"[^>]*color="#2a9d8f"|<Code [^>]*color="#2a9d8f"[^>]*name="制度张力"/);
    assert.match(xml, /<Description>开放与封闭, 之间<\/Description>/);

    const back = vscode.Uri.joinPath(folder(), 'codebook.csv');
    await vscode.commands.executeCommand('tensionLens.exportCodebook', back);
    const rows = ((await readText(back)) ?? '').replace(/^\uFEFF/, '').split('\r\n');
    assert.equal(rows[0], 'label,color,description');
    assert.ok(rows.includes('制度张力,#2a9d8f,"开放与封闭, 之间"'), rows.join('\n'));
  });
});
