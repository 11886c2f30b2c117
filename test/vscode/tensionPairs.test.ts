// Tension pairs in the extension host: what VS Code was told to draw (the ⇄ decoration on both ends, and the
// annotations made for the ends), how the hover of an end links to the other one, and that live edits, undo and
// an end whose text is deleted follow the annotation machinery.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { annotationDrawn, api, hoverText } from './support/extensionApi';
import { fixtureFolder, waitFor } from './support/workspace';

const OPEN = '开源模型';
const CLOSED = '闭源商用路径';

interface SidecarJson {
  annotations: unknown[];
  pairs?: { motivation: string; axis: string; target: { selector: { type: string; exact?: string; start?: number }[] }[] }[];
}

describe('tension pairs: decorations, hover, live edits and undo', () => {
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(fixtureFolder().uri, 'tmp-pairs'), { recursive: true }).then(undefined, () => undefined);
  });

  it('draws both ends, links them in the hover, follows an insertion, orphans a deleted end, and undoes in one step', async () => {
    const tl = await api();
    const folder = fixtureFolder().uri;
    const uri = vscode.Uri.joinPath(folder, 'tmp-pairs', 'pairs.md');
    await vscode.workspace.fs.writeFile(uri, await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, 'ai-lab-expert-departure.md')));
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const document = editor.document;
    await tl.whenAnalyzed(document);
    await tl.loadAnnotations(document);
    const text = document.getText();
    const a = { start: text.indexOf(OPEN), end: text.indexOf(OPEN) + OPEN.length };
    const b = { start: text.indexOf(CLOSED), end: text.indexOf(CLOSED) + CLOSED.length };

    const id = await vscode.commands.executeCommand<string | undefined>('tensionLens.linkTensionPair', { uri: uri.toString(), a, b, axis: 'open-closed', note: '两条路线' });
    assert.ok(id, 'the command returns the new pair id');
    const pairEnds = (): readonly { start: number; end: number }[] => tl.getDecorations(uri)['tensionPair'] ?? [];
    const drawn = (r: { start: number; end: number }): boolean => pairEnds().some((x) => x.start === r.start && x.end === r.end);
    await waitFor(() => drawn(a) && drawn(b), 'both ends drawn with the tension-pair decoration');
    // The ends became annotations, drawn like any other.
    await waitFor(() => annotationDrawn(tl, uri, a.start, a.end) && annotationDrawn(tl, uri, b.start, b.end), 'both ends drawn as annotations');

    const sidecar = uri.with({ path: `${uri.path}.tension.json` });
    const read = async (): Promise<SidecarJson> => JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(sidecar))) as SidecarJson;
    const json = await read();
    assert.equal(json.pairs?.[0]?.motivation, 'linking');
    assert.deepEqual(json.pairs?.[0]?.target.map((t) => t.selector.find((s) => s.type === 'TextQuoteSelector')?.exact), [OPEN, CLOSED]);

    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, document.positionAt(b.start + 1));
    const md = hoverText(hovers);
    assert.match(md, /↔/);
    assert.ok(md.includes(`“${OPEN}”`), md);
    assert.ok(md.includes('两条路线'), md);
    assert.ok(md.includes('command:_tensionLens.revealRange'), 'the hover links to the other end');

    // Typing before both ends shifts both.
    assert.ok(await editor.edit((e) => e.insert(new vscode.Position(0, 0), '新增一句。')));
    const shift = '新增一句。'.length;
    await waitFor(() => drawn({ start: a.start + shift, end: a.end + shift }) && drawn({ start: b.start + shift, end: b.end + shift }), 'both ends follow the insertion');

    // Deleting the second end's text orphans that end: it is no longer drawn, and the pair is kept.
    const bNow = { start: b.start + shift, end: b.end + shift };
    assert.ok(await editor.edit((e) => e.delete(new vscode.Range(document.positionAt(bNow.start), document.positionAt(bNow.end)))));
    await waitFor(() => !drawn(bNow) && pairEnds().length === 1, 'the orphaned end is not drawn, the other end still is');
    const tree = tl.getAnnotationTree();
    const pairsGroup = tree.find((n) => n.kind === 'pairs');
    assert.ok(pairsGroup, 'the Annotations view still lists the pair');
    const [pairNode] = tl.getAnnotationTree(pairsGroup);
    assert.ok(pairNode);
    assert.match(String(tl.getAnnotationTreeItem(pairNode).description), /orphaned/);

    // Put the text back and undo the pair: one undo takes back the pair and the two annotations made for it.
    await vscode.commands.executeCommand('undo');
    await waitFor(() => pairEnds().length === 2, 'restoring the text brings the end back');
    await vscode.commands.executeCommand('tensionLens.undoAnnotationChange', uri.toString());
    await waitFor(() => pairEnds().length === 0, 'the pair is no longer drawn after undo');
    assert.ok(!annotationDrawn(tl, uri, a.start + shift, a.end + shift), 'the annotations made for the pair are gone too');
    let after = await read();
    for (let i = 0; i < 100 && after.pairs !== undefined; i++) {
      await new Promise((r) => setTimeout(r, 100));
      after = await read();
    }
    assert.equal(after.pairs, undefined, 'the sidecar has no pairs left');
  });
});
