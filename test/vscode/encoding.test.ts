// Chinese files in legacy encodings, in a real extension host: a GBK file opened as VS Code opens it (UTF-8, so
// mojibake) gets the "Reopen with Encoding GB18030" offer, annotating it is refused with that offer, and the reopen
// shows the right text with its highlights.
import * as assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import * as vscode from 'vscode';
import type { TensionLensApi } from '../../src/extension/extension';
import { annotationDrawn, api } from './support/extensionApi';
import { exists, fixtureFolder, scratchFolder, waitFor } from './support/workspace';

const decoder = new TextDecoder();

/** A fixture article re-encoded in `encoding` under tmp-encoding/, and its text. */
async function legacyCopy(fixture: string, name: string, encoding: 'gbk' | 'big5'): Promise<{ uri: vscode.Uri; text: string }> {
  const folder = fixtureFolder().uri;
  const text = decoder.decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, fixture)));
  const uri = vscode.Uri.joinPath(folder, 'tmp-encoding', name);
  const bytes = iconv.encode(text, encoding);
  assert.equal(iconv.decode(bytes, encoding), text, 'the fixture fits the encoding');
  await vscode.workspace.fs.writeFile(uri, bytes);
  return { uri, text };
}

describe('Chinese files in legacy encodings', () => {
  let tl: TensionLensApi;

  before(async () => {
    tl = await api();
  });

  scratchFolder('tmp-encoding');

  it('a GBK file shown as mojibake: the offer, the refusal to annotate, and the reopen with the right text', async () => {
    const { uri, text } = await legacyCopy('ai-lab-expert-departure.md', 'gbk-article.txt', 'gbk');
    const shown = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    // What VS Code drew: its default encoding, so the Chinese is replacement characters.
    assert.equal(shown.document.encoding, 'utf8');
    assert.ok(shown.document.getText().includes('\uFFFD'), 'VS Code shows the GBK bytes as mojibake');

    const offersFor = (reason: string) => tl.getEncodingOffers().filter((o) => o.uri === uri.toString() && o.reason === reason);
    await waitFor(() => offersFor('opened').length > 0, 'the reopen offer');
    const [offer] = offersFor('opened');
    assert.deepEqual(offer?.actions, ['Reopen with Encoding GB18030']);
    assert.match(offer?.message ?? '', /gbk-article\.txt is not UTF-8: it reads as GB18030 Chinese/);

    const sidecar = uri.with({ path: `${uri.path}.tension.json` });
    const refused = await tl.annotate({ uri: uri.toString(), start: 0, end: 6, tags: ['乱码'], note: '' });
    assert.equal(refused, undefined, 'no annotation on mojibake');
    assert.equal(await exists(sidecar), false, 'no sidecar written');
    const [refusal] = offersFor('annotate');
    assert.deepEqual(refusal?.actions, ['Reopen with Encoding GB18030']);
    assert.match(refusal?.message ?? '', /This file is GB18030, shown as UTF-8/);
    assert.equal(offersFor('opened').length, 1, 'the file is offered once when shown, not on every switch');

    // The offer's button runs this command with the file and the encoding.
    const reopened = await vscode.commands.executeCommand<vscode.TextDocument>('tensionLens.reopenWithEncoding', uri.toString(), 'gb18030');
    assert.equal(reopened.encoding, 'gb18030');
    assert.equal(reopened.getText(), text, 'the text of the article, character for character');
    assert.equal(vscode.window.activeTextEditor?.document.getText(), text, 'and that is what the editor shows');
    await tl.whenAnalyzed(reopened);
    await waitFor(() => Object.values(tl.getDecorations(uri)).some((ranges) => ranges.length > 0), 'highlights on the reopened file');
    const start = text.indexOf('闭源商用路径');
    const id = await tl.annotate({ uri: uri.toString(), start, end: start + 6, tags: ['争议焦点'], note: '' });
    assert.ok(id, 'annotating the correctly read file works');
    await waitFor(() => annotationDrawn(tl, uri, start, start + 6), 'the annotation to be drawn');
  });

  it('a Big5 file is offered Big5, and the command reopens it with the detected encoding', async () => {
    const { uri, text } = await legacyCopy('ai-lab-expert-departure.zh-Hant.md', 'big5-article.md', 'big5');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await waitFor(() => tl.getEncodingOffers().some((o) => o.uri === uri.toString()), 'the reopen offer');
    assert.deepEqual(tl.getEncodingOffers().find((o) => o.uri === uri.toString())?.actions, ['Reopen with Encoding Big5']);
    const reopened = await vscode.commands.executeCommand<vscode.TextDocument>('tensionLens.reopenWithEncoding');
    assert.equal(reopened.getText(), text);
  });
});
