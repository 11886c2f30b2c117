// Team coding in a real extension host: the coder's own sidecar, the coder in the status bar, and the Intercoder
// Agreement page as its script drew it (figures with their counts, passages behind each figure).
import * as assert from 'node:assert/strict';
import Papa from 'papaparse';
import * as vscode from 'vscode';
import alice from '../fixtures/agreement/sample.md.tension.alice.json';
import bob from '../fixtures/agreement/sample.md.tension.bob.json';
import reference from '../reference/agreement.expected.json';
import type { TensionLensApi } from '../../src/extension/extension';
import { annotationDrawn, api } from './support/extensionApi';
import { fixtureFolder, waitFor } from './support/workspace';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

async function exists(uri: vscode.Uri): Promise<boolean> {
  return vscode.workspace.fs.stat(uri).then(() => true, () => false);
}

async function setTeam(coder: string | undefined, own: boolean | undefined): Promise<void> {
  const c = vscode.workspace.getConfiguration('tensionLens');
  await c.update('coder', coder, vscode.ConfigurationTarget.Workspace);
  await c.update('coderSidecars', own, vscode.ConfigurationTarget.Workspace);
}

describe('team coding', () => {
  let tl: TensionLensApi;
  const folder = (): vscode.Uri => vscode.Uri.joinPath(fixtureFolder().uri, 'team');

  before(async () => {
    tl = await api();
  });

  after(async () => {
    await setTeam(undefined, undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(folder(), { recursive: true }).then(undefined, () => undefined);
  });

  it('saves a coder’s annotations in their own sidecar, names the coder in the status bar, and switches back to the consensus', async () => {
    await setTeam('Carol Q. Coder', true);
    await waitFor(() => tl.getCoderStatusText().includes('Carol-Q-Coder'), 'the coder in the status bar');
    const uri = vscode.Uri.joinPath(folder(), 'own.md');
    await vscode.workspace.fs.writeFile(uri, await vscode.workspace.fs.readFile(vscode.Uri.joinPath(fixtureFolder().uri, 'ai-lab-expert-departure.md')));
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const text = editor.document.getText();
    const start = text.indexOf('闭源商用路径');
    const id = await tl.annotate({ uri: uri.toString(), start, end: start + 6, tags: ['商业化'], note: '' });
    assert.ok(id);
    await waitFor(() => annotationDrawn(tl, uri, start, start + 6), 'the annotation drawn');
    const own = uri.with({ path: `${uri.path}.tension.Carol-Q-Coder.json` });
    const deadline = Date.now() + 20_000;
    while (!(await exists(own)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const saved = JSON.parse(decoder.decode(await vscode.workspace.fs.readFile(own))) as { annotations: { id: string }[] };
    assert.deepEqual(saved.annotations.map((a) => a.id), [id]);
    assert.equal(await exists(uri.with({ path: `${uri.path}.tension.json` })), false, 'the consensus sidecar is not written');

    // Back to the consensus: the editor shows a.md.tension.json's annotations (none), not Carol's.
    await setTeam('Carol Q. Coder', false);
    await waitFor(() => tl.getCoderStatusText().includes('Carol-Q-Coder') && !annotationDrawn(tl, uri, start, start + 6), 'Carol’s annotation to leave the editor');
    await setTeam('Carol Q. Coder', true);
    await waitFor(() => annotationDrawn(tl, uri, start, start + 6), 'Carol’s annotation back on screen');
    await setTeam(undefined, undefined);
  });

  it('shows per-tag figures with their counts, and the passages behind a figure', async () => {
    const article = vscode.Uri.joinPath(folder(), 'sample.md');
    await vscode.workspace.fs.writeFile(article, await vscode.workspace.fs.readFile(vscode.Uri.joinPath(fixtureFolder().uri, 'ai-lab-expert-departure.md')));
    await vscode.workspace.fs.writeFile(article.with({ path: `${article.path}.tension.alice.json` }), encoder.encode(JSON.stringify(alice)));
    await vscode.workspace.fs.writeFile(article.with({ path: `${article.path}.tension.bob.json` }), encoder.encode(JSON.stringify(bob)));
    await tl.showAgreement('alice', 'bob');
    const rowOf = (tag: string): readonly string[] | undefined => tl.getAgreementView().rows.find((r) => r[0] === tag);
    await waitFor(() => rowOf('开放') !== undefined, 'the agreement table drawn');
    const expected = reference.articles['sample.md'].tags['开放'];
    const open = rowOf('开放') ?? [];
    assert.match(open[1] ?? '', new RegExp(`^${expected.a} of 3,559 units$`));
    assert.match(open[2] ?? '', new RegExp(`^${expected.b} of 3,559 units$`));
    assert.match(open[3] ?? '', new RegExp(`^${expected.both} of 3,559 units$`));
    assert.match(open[4] ?? '', /^98\.15% \(3,493\/3,559 units coded alike\)$/);
    assert.match(open[5] ?? '', new RegExp(`^${expected.kappa.toFixed(3)} \\(A 68, B 36, both 19\\)$`));
    assert.match(open[6] ?? '', new RegExp(`^${expected.alpha.toFixed(3)} `));
    const ethics = tl.getAgreementView().rows.find((r) => r[0] === '伦理') ?? [];
    assert.match(ethics[5] ?? '', /^0\.000/);
    // Bob's 商业化 passages include the one Alice did not mark.
    const row = tl.getAgreementView().rows.findIndex((r) => r[0] === '商业化');
    tl.clickAgreementFigure(`s0r${row}-b`);
    await waitFor(() => tl.getAgreementView().passages.some((p) => p.includes('GPU集群必须优先响应高商业潜力项目')), 'Bob’s passages listed');
    assert.ok(tl.getAgreementView().passages.some((p) => p.includes('[only bob]') && p.includes('GPU集群')));
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('lists every segment with whether the other coder coded an overlapping span with the same tag, and the disagreements, each opening its passage', async () => {
    await tl.showAgreement('alice', 'bob');
    await waitFor(() => tl.getAgreementView().segments.length > 0, 'the segment table drawn');
    const view = tl.getAgreementView();
    const segment = (coder: string, tag: string, quote: string): readonly string[] | undefined => view.segments.find((r) => r[0] === coder && r[1] === tag && r[2]?.includes(quote));
    // Cells: coder, tag, the segment (its article and text), whether the other coder has an overlapping span with the tag.
    assert.match(segment('A: alice', '开放', '开放协作原则可持续性')?.[3] ?? '', /^yes \(1 segment of bob\)$/);
    assert.match(segment('A: alice', '开放', '基础研究透明性与社区共建价值')?.[3] ?? '', /^no$/);
    assert.match(segment('A: alice', '商业化', '数据共享')?.[3] ?? '', /^yes/);
    assert.match(segment('A: alice', '开放', '数据共享')?.[3] ?? '', /^no$/, 'the same span is a separate segment per tag');
    assert.match(segment('B: bob', '商业化', 'GPU集群必须优先响应高商业潜力项目')?.[3] ?? '', /^no$/);
    assert.equal(view.segments.filter((r) => r[2]?.includes('这段话已被作者删去')).length, 0, 'an orphaned annotation is no segment');
    // The summary counts, and the disagreements: every "no" segment, no more.
    assert.equal(view.disagreements.length, view.segments.filter((r) => r[3] === 'no').length);
    assert.ok(view.disagreements.some((d) => d.includes('[only bob]') && d.includes('GPU集群')), view.disagreements.join('\n'));
    assert.ok(view.segmentSummary.some((s) => /^alice: 6 of 9 segments/.test(s)), view.segmentSummary.join(' | '));
    // A disagreement opens the article with its passage selected.
    const index = view.disagreements.findIndex((d) => d.includes('GPU集群'));
    tl.clickAgreementFigure(`d0-${index}`);
    await waitFor(() => vscode.window.activeTextEditor?.document.uri.path.endsWith('/team/sample.md') === true
      && vscode.window.activeTextEditor.document.getText(vscode.window.activeTextEditor.selection) === 'GPU集群必须优先响应高商业潜力项目', 'the passage opened and selected');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('exports the chosen coder’s annotations, or all coders’ each with its coder (the command’s coder option)', async () => {
    await setTeam('alice', true);
    const article = vscode.Uri.joinPath(folder(), 'sample.md');
    const document = await vscode.workspace.openTextDocument(article);
    await vscode.window.showTextDocument(document);
    await waitFor(() => tl.getCoderStatusText().includes('alice'), 'coding as alice');
    // The editor re-reads the article's annotations from alice's sidecar once the coder changes.
    await tl.loadAnnotations(document);
    await waitFor(() => tl.getAnnotationTree().length > 0 && vscode.workspace.getConfiguration('tensionLens').get('coder') === 'alice', 'alice’s sidecar loaded');
    const coderColumn = async (coder: string): Promise<string[]> => {
      const target = vscode.Uri.joinPath(folder(), `export-${coder}.csv`);
      const outcome = await vscode.commands.executeCommand<{ summary: { annotations: number } } | undefined>('tensionLens.export', { what: 'annotations', scope: 'file', format: 'csv', target: target.toString(), coder });
      assert.ok(outcome, `exported (${coder})`);
      const csv = decoder.decode(await vscode.workspace.fs.readFile(target)).replace(/^\uFEFF/, '');
      return Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data.filter((r) => r['kind'] === 'annotation').map((r) => r['coder'] ?? '');
    };
    const all = await coderColumn('all');
    assert.deepEqual([...new Set(all)].sort(), ['alice', 'bob'], all.join(' '));
    assert.equal(all.filter((c) => c === 'alice').length, alice.annotations.length);
    assert.equal(all.filter((c) => c === 'bob').length, bob.annotations.length);
    assert.deepEqual([...new Set(await coderColumn('bob'))], ['bob']);
    assert.deepEqual([...new Set(await coderColumn('mine'))], ['alice']);

    // The Annotations view: "all" adds bob's annotations under his name, read-only; blind mode takes them out.
    const coderGroups = (): string[] => tl.getAnnotationTree().filter((n) => n.kind === 'group' && n.group === 'coder').map((n) => {
      const { label } = tl.getAnnotationTreeItem(n);
      return typeof label === 'string' ? label : label?.label ?? '';
    });
    await vscode.commands.executeCommand('tensionLens.showCodingOf', 'all');
    await waitFor(() => coderGroups().length > 0, 'bob’s group in the Annotations view');
    assert.deepEqual(coderGroups(), ['Coder bob']);
    const group = tl.getAnnotationTree().find((n) => n.kind === 'group' && n.group === 'coder');
    const items = group ? tl.getAnnotationTree(group).map((n) => tl.getAnnotationTreeItem(n)) : [];
    assert.ok(items.length > 0 && items.every((i) => i.contextValue === 'otherCoderAnnotation' && String(i.description).startsWith('bob')), 'bob’s rows: his name, no edit menus');
    assert.ok(tl.getAnnotationTree().some((n) => n.kind === 'group' && n.group === 'tag'), 'my own groups stay');
    await vscode.workspace.getConfiguration('tensionLens').update('team.blind', true, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('tensionLens.resetBlindCoding');
    await waitFor(() => coderGroups().length === 0, 'bob’s annotations hidden in blind mode');
    await vscode.workspace.getConfiguration('tensionLens').update('team.blind', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('tensionLens.showCodingOf', 'mine');
    await setTeam(undefined, undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
