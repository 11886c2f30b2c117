// Annotation decoration types over a tag's life: what reaches setDecorations on live types when a tag's colour
// changes in the sidecar (the user edited it, or a colleague's copy arrived).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api } from './support/extensionApi';
import { fixtureFolder, waitFor } from './support/workspace';

const QUOTE = '闭源商用路径';

describe('annotation colours: decoration types follow the tag colour', () => {
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(fixtureFolder().uri, 'tmp-colours'), { recursive: true }).then(undefined, () => undefined);
  });

  it('a recoloured tag draws its annotation with the new colour, and the old colour draws nothing', async () => {
    const tl = await api();
    const folder = fixtureFolder().uri;
    const uri = vscode.Uri.joinPath(folder, 'tmp-colours', 'recolour.md');
    await vscode.workspace.fs.writeFile(uri, await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, 'ai-lab-expert-departure.md')));
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await tl.whenAnalyzed(editor.document);
    const start = editor.document.getText().indexOf(QUOTE);
    const range = { start, end: start + QUOTE.length };
    const id = await tl.annotate({ uri: uri.toString(), ...range, tags: ['争议焦点'], note: '' });
    assert.ok(id);
    const drawnIn = (color: string) => (tl.getDecorations(uri)[`annotation:${color}`] ?? []).some((r) => r.start === range.start && r.end === range.end);

    const sidecar = uri.with({ path: `${uri.path}.tension.json` });
    const json = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(sidecar))) as { tags: { color: string }[] };
    const before = json.tags[0]?.color.toLowerCase() ?? '';
    await waitFor(() => drawnIn(before), `the annotation drawn in ${before}`);

    const after = before === '#123456' ? '#654321' : '#123456';
    (json.tags[0] as { color: string }).color = after;
    await vscode.workspace.fs.writeFile(sidecar, new TextEncoder().encode(`${JSON.stringify(json, null, 2)}\n`));
    await waitFor(() => drawnIn(after), `the annotation drawn in ${after} after the sidecar changed`);
    assert.equal(tl.getDecorations(uri)[`annotation:${before}`], undefined, `nothing is drawn in ${before} any more`);
  });
});
