// The editor experience in a real extension host: pole decorations, hover, Terms tree, live edits, axes, lexicon errors.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TensionLensApi } from '../../src/extension/extension';
import type { TermNode } from '../../src/extension/views/termTree';
import { api, hoverText } from './support/extensionApi';
import { fixtureFolder, openFixture, waitFor } from './support/workspace';

const ARTICLE = 'ai-lab-expert-departure.md';



/** Offsets of the first occurrence of `word` that the analysis reports as a hit. */
function hitOf(analysis: NonNullable<ReturnType<TensionLensApi['getAnalysis']>>, word: string) {
  const hit = analysis.hits.find((h) => h.text === word);
  assert.ok(hit, `no hit for ${word}`);
  return hit;
}

function cliScan(file: string): { counts: { axes: Record<string, { total: number; poles: Record<string, number> }> } } {
  const cli = path.resolve(__dirname, '../../../dist/cli.js');
  const r = spawnSync(process.execPath, [cli, 'scan', '--json', file], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const parsed = JSON.parse(r.stdout) as { files: { counts: { axes: Record<string, { total: number; poles: Record<string, number> }> } }[] };
  assert.ok(parsed.files[0]);
  return parsed.files[0];
}

describe('editor: highlights, hover, Terms view', () => {
  let tl: TensionLensApi;
  let editor: vscode.TextEditor;

  before(async () => {
    tl = await api();
    editor = await openFixture(ARTICLE);
    await tl.whenAnalyzed(editor.document);
    await waitFor(() => (tl.getDecorations(editor.document.uri).open?.length ?? 0) > 0, 'open-pole decorations');
  });

  it('decorates 开源, 闭源商用, 商业化, 基础研究 with the right pole', () => {
    const analysis = tl.getAnalysis(editor.document.uri);
    assert.ok(analysis);
    const decorated = tl.getDecorations(editor.document.uri);
    const expected: [string, string][] = [['开源', 'open'], ['闭源商用', 'closed'], ['商业化', 'commercial'], ['基础研究', 'research']];
    for (const [word, pole] of expected) {
      const hit = hitOf(analysis, word);
      assert.equal(hit.pole, pole, `${word} is on ${hit.pole}`);
      assert.ok(decorated[pole]?.some((r) => r.start === hit.start && r.end === hit.end), `${word} carries the ${pole} decoration`);
      assert.equal(editor.document.getText(new vscode.Range(editor.document.positionAt(hit.start), editor.document.positionAt(hit.end))), word);
    }
    assert.ok((decorated.site?.length ?? 0) > 0, 'tension sites are marked');
  });

  it('hover at 闭源 explains axis, pole and opposite pole; plain text gets no hover', async () => {
    const analysis = tl.getAnalysis(editor.document.uri);
    assert.ok(analysis);
    const hit = hitOf(analysis, '闭源商用');
    const at = editor.document.positionAt(hit.start + 1);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, at);
    const text = hoverText(hovers);
    assert.match(text, /闭源商用/);
    assert.match(text, /Open vs closed|开放/);
    assert.match(text, /Opposite pole|对立/);
    assert.match(text, /开源 ×\d+/, 'the opposite pole lists its top terms from this document');
    assert.match(text, /command:tensionLens\.showOccurrences/);

    const plain = editor.document.getText().indexOf('近日');
    const none = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, editor.document.positionAt(plain));
    assert.doesNotMatch(hoverText(none), /Tension site|Opposite pole|对立/);
  });

  it("the Terms tree's axis and pole counts match the CLI's for the same file", () => {
    const cli = cliScan(editor.document.uri.fsPath);
    const axes = tl.getTermTree();
    assert.ok(axes.length > 0);
    for (const node of axes) {
      assert.equal(node.kind, 'axis');
      if (node.kind !== 'axis') continue;
      assert.equal(node.count, cli.counts.axes[node.axis.id]?.total, node.axis.id);
      for (const pole of tl.getTermTree(node)) {
        if (pole.kind !== 'pole') continue;
        assert.equal(pole.count, cli.counts.axes[node.axis.id]?.poles[pole.pole.id], `${node.axis.id}/${pole.pole.id}`);
      }
    }
  });

  it('revealing an occurrence from the tree selects its range', async () => {
    const axis = tl.getTermTree().find((n) => n.kind === 'axis' && n.axis.id === 'open-closed') as TermNode;
    const pole = tl.getTermTree(axis).find((n) => n.kind === 'pole' && n.pole.id === 'closed') as TermNode;
    const term = tl.getTermTree(pole)[0] as TermNode;
    const occurrence = tl.getTermTree(term)[0] as TermNode;
    assert.equal(occurrence.kind, 'occurrence');
    const item = tl.getTermTreeItem(occurrence);
    assert.ok(item.command);
    await vscode.commands.executeCommand(item.command.command, ...((item.command.arguments ?? []) as unknown[]));
    const active = vscode.window.activeTextEditor;
    assert.ok(active && occurrence.kind === 'occurrence');
    assert.equal(active.document.offsetAt(active.selection.start), occurrence.hit.start);
    assert.equal(active.document.offsetAt(active.selection.end), occurrence.hit.end);
  });

  it('shows per-axis counts in the status bar', () => {
    assert.match(tl.getStatusText(), /开放\d+:\d+封闭/);
  });
});

describe('editor: live updates', () => {
  let tl: TensionLensApi;

  before(async () => {
    tl = await api();
  });

  it('a typed term is decorated after the debounce, and toggling its axis removes the decorations', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '这是一段中文。\n' });
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((b) => b.insert(new vscode.Position(1, 0), '我们坚持开源。'));
    await waitFor(() => (tl.getDecorations(document.uri).open?.length ?? 0) === 1, 'the typed 开源 to be decorated');
    assert.equal(tl.getAnalysis(document.uri)?.hits[0]?.text, '开源');

    await vscode.commands.executeCommand('tensionLens.toggleAxis', 'open-closed');
    try {
      await waitFor(() => (tl.getDecorations(document.uri).open?.length ?? 0) === 0, 'open-closed decorations to go');
    } finally {
      await vscode.commands.executeCommand('tensionLens.toggleAxis', 'open-closed');
    }
    await waitFor(() => (tl.getDecorations(document.uri).open?.length ?? 0) === 1, 'open-closed decorations to come back');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('Toggle Highlights clears every decoration and restores them', async () => {
    const editor = await openFixture(ARTICLE);
    await tl.whenAnalyzed(editor.document);
    await vscode.commands.executeCommand('tensionLens.toggleHighlights');
    try {
      await waitFor(() => Object.keys(tl.getDecorations(editor.document.uri)).length === 0, 'no decorations');
    } finally {
      await vscode.commands.executeCommand('tensionLens.toggleHighlights');
    }
    await waitFor(() => (tl.getDecorations(editor.document.uri).open?.length ?? 0) > 0, 'decorations back');
  });

  it('stays silent on text with no Chinese', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: 'open source and closed source' });
    await vscode.window.showTextDocument(document);
    assert.equal(await tl.whenAnalyzed(document), undefined);
    assert.deepEqual(tl.getDecorations(document.uri), {});
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});

describe('editor: long articles', () => {
  it('paints the terms around the screen and follows scrolling, so a keystroke does not send every range', async () => {
    const tl = await api();
    // 5,000 lines of two terms each: 10,000 hits, over PAINT_ALL_HITS.
    const content = Array.from({ length: 5000 }, (_, i) => `第${i}行:开源与闭源之争。`).join('\n');
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content });
    const editor = await vscode.window.showTextDocument(document);
    try {
      const analysis = await tl.whenAnalyzed(document);
      assert.equal(analysis?.hitCount, 10_000);
      const lastLine = document.lineCount - 1;
      const onLine = (line: number) => (r: { start: number }) => document.positionAt(r.start).line === line;
      await waitFor(() => (tl.getDecorations(document.uri).open?.length ?? 0) > 0, 'decorations at the top');
      const top = tl.getDecorations(document.uri);
      assert.ok(top.open?.some(onLine(0)) && top.closed?.some(onLine(0)), 'the first line is painted, both poles');
      assert.ok((top.open?.length ?? 0) < 5000, `only the lines around the screen are painted (${top.open?.length ?? 0} of 5,000)`);
      assert.ok(!top.open?.some(onLine(lastLine)), 'the last line is not painted yet');

      editor.revealRange(new vscode.Range(lastLine, 0, lastLine, 0), vscode.TextEditorRevealType.InCenter);
      await waitFor(() => tl.getDecorations(document.uri).open?.some(onLine(lastLine)) ?? false, 'the last line to be painted after scrolling');
      assert.ok(!tl.getDecorations(document.uri).open?.some(onLine(0)), 'the first line is no longer painted');
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });
});

describe('editor: user lexicon', () => {
  it('a broken .vscode/tension-lexicon.json shows in Problems without breaking highlights; fixing it clears the entry', async () => {
    const tl = await api();
    const lexiconUri = vscode.Uri.joinPath(fixtureFolder().uri, '.vscode', 'tension-lexicon.json');
    const encode = (s: string) => new TextEncoder().encode(s);
    try {
      await vscode.workspace.fs.writeFile(lexiconUri, encode('{\n  "version": 1,\n  "axes": [ { "id": "open-closed", "poles": "oops" } ]\n}\n'));
      await vscode.commands.executeCommand('tensionLens.refresh');
      await tl.lexiconReady();
      await waitFor(() => vscode.languages.getDiagnostics(lexiconUri).length > 0, 'a Problems entry for the broken lexicon');
      const [problem] = vscode.languages.getDiagnostics(lexiconUri);
      assert.equal(problem?.range.start.line, 2);
      assert.match(problem?.message ?? '', /poles/);

      const editor = await openFixture(ARTICLE);
      assert.ok((await tl.whenAnalyzed(editor.document))?.hits.some((h) => h.text === '开源'), 'the built-in lexicon keeps working');

      await vscode.workspace.fs.writeFile(lexiconUri, encode(JSON.stringify({ version: 1, axes: [{ id: 'open-closed', poles: [{ id: 'open', terms: [{ id: 'test-extra', forms: ['分道扬镳'] }] }, { id: 'closed', terms: [] }] }] })));
      await vscode.commands.executeCommand('tensionLens.refresh');
      await tl.lexiconReady();
      await waitFor(() => vscode.languages.getDiagnostics(lexiconUri).length === 0, 'the Problems entry to clear');
      await waitFor(() => !!tl.getAnalysis(editor.document.uri)?.hits.some((h) => h.text === '分道扬镳'), 'the user term to be found');
    } finally {
      await vscode.workspace.fs.delete(lexiconUri);
      await vscode.commands.executeCommand('tensionLens.refresh');
    }
  });
});

describe('editor: user lexicon saved again and again', () => {
  const lexiconUri = () => vscode.Uri.joinPath(fixtureFolder().uri, '.vscode', 'tension-lexicon.json');
  const lexiconWith = (form: string): Uint8Array => new TextEncoder().encode(JSON.stringify({
    version: 1, axes: [{ id: 'open-closed', poles: [{ id: 'open', terms: [{ id: 'user-term', forms: [form] }] }, { id: 'closed', terms: [] }] }],
  }));

  after(async () => {
    await vscode.workspace.fs.delete(lexiconUri()).then(undefined, () => undefined);
    await vscode.commands.executeCommand('tensionLens.refresh');
  });

  // As a git checkout or two quick saves do: the second write must be in force without a refresh, whatever the gap.
  it('two writes in quick succession: the last one is in force, without Refresh', async () => {
    const tl = await api();
    const editor = await openFixture(ARTICLE);
    const found = (word: string): boolean => !!tl.getAnalysis(editor.document.uri)?.hits.some((h) => h.text === word);
    await tl.whenAnalyzed(editor.document);
    for (const [first, second, gapMs] of [['会议纪要', '学生培养', 0], ['评估框架', '季度战略', 10], ['路线图', '代码仓库', 60]] as const) {
      assert.ok(!found(first) && !found(second), `${first} and ${second} are not built-in terms`);
      await vscode.workspace.fs.writeFile(lexiconUri(), lexiconWith(first));
      await new Promise((resolve) => setTimeout(resolve, gapMs));
      await vscode.workspace.fs.writeFile(lexiconUri(), lexiconWith(second));
      await waitFor(() => found(second) && !found(first), `${second} in force (written ${gapMs} ms after ${first})`, 15_000);
      // Then a write after the reload has settled: the watchers must still be listening.
      await tl.lexiconReady();
      await vscode.workspace.fs.writeFile(lexiconUri(), lexiconWith('分道扬镳'));
      await waitFor(() => found('分道扬镳') && !found(second), 'a later write in force', 15_000);
      await vscode.workspace.fs.delete(lexiconUri());
      await waitFor(() => !found('分道扬镳'), 'the deleted lexicon out of force', 15_000);
    }
  });
});

describe('editor: highlights survive lexicon and settings changes (what reaches setDecorations)', () => {
  let tl: TensionLensApi;
  let editor: vscode.TextEditor;
  const lexiconUri = () => vscode.Uri.joinPath(fixtureFolder().uri, '.vscode', 'tension-lexicon.json');
  const USER_TERM = '分道扬镳';
  const POLES = ['open', 'closed', 'commercial', 'research'];
  const shown = (pole: string) => tl.getDecorations(editor.document.uri)[pole] ?? [];
  /** Lets a reload the last step started (lexicon files, settings) finish, and its repaint reach the editor. */
  const settle = async () => {
    await tl.lexiconReady();
    await new Promise((resolve) => setTimeout(resolve, 400));
    await tl.lexiconReady();
  };
  /** Every hit of each pole (the article is short enough to be painted whole) is drawn with that pole's live type. */
  const assertDrawn = (when: string, hidden: readonly string[] = []): void => {
    const all = tl.getAnalysis(editor.document.uri)?.hits;
    assert.ok(all, 'the article is analysed');
    for (const pole of POLES) {
      const hits: { start: number; end: number; text: string; pole: string }[] = all.filter((h) => h.pole === pole);
      assert.ok(hits.length > 0, `${pole} has hits`);
      const drawn = shown(pole);
      if (hidden.includes(pole)) {
        assert.equal(drawn.length, 0, `${pole} is hidden ${when}`);
        continue;
      }
      assert.equal(drawn.length, hits.length, `every ${pole} hit is drawn ${when}`);
      for (const h of hits) assert.ok(drawn.some((r) => r.start === h.start && r.end === h.end), `${h.text} at ${h.start} is drawn ${when}`);
    }
  };
  const userTermDrawn = (): boolean => {
    const at = editor.document.getText().indexOf(USER_TERM);
    return shown('open').some((r) => r.start === at && r.end === at + USER_TERM.length);
  };

  before(async () => {
    tl = await api();
    editor = await openFixture(ARTICLE);
    await tl.whenAnalyzed(editor.document);
    await settle();
    assertDrawn('at the start');
  });

  after(async () => {
    await vscode.workspace.fs.delete(lexiconUri()).then(undefined, () => undefined);
    await vscode.commands.executeCommand('tensionLens.refresh');
  });

  it('a user lexicon adding a term keeps every built-in highlight and highlights the new term', async () => {
    assert.ok(!userTermDrawn(), `${USER_TERM} is not a built-in term`);
    await vscode.workspace.fs.writeFile(lexiconUri(), new TextEncoder().encode(JSON.stringify({
      version: 1, axes: [{ id: 'open-closed', poles: [{ id: 'open', terms: [{ id: 'user-parting', forms: [USER_TERM] }] }, { id: 'closed', terms: [] }] }],
    })));
    await vscode.commands.executeCommand('tensionLens.refresh');
    await waitFor(() => !!tl.getAnalysis(editor.document.uri)?.hits.some((h) => h.text === USER_TERM), 'the user term to be found');
    await settle();
    assertDrawn('with the user lexicon');
    assert.ok(userTermDrawn(), `${USER_TERM} is drawn with the open pole's type`);
    assert.ok(shown('site').length > 0, 'tension sites are drawn');
  });

  it('with a user lexicon, a settings change (highlightStyle) repaints with the new types', async () => {
    const settings = vscode.workspace.getConfiguration('tensionLens');
    try {
      await settings.update('highlightStyle', 'underline', vscode.ConfigurationTarget.Workspace);
      await settle();
      assertDrawn('with underlines');
      assert.ok(userTermDrawn(), `${USER_TERM} is drawn with underlines`);
    } finally {
      await settings.update('highlightStyle', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await settle();
    assertDrawn('back to backgrounds');
  });

  it('with a user lexicon, Toggle Axis off and on: the axis goes and comes back, the others stay', async () => {
    await vscode.commands.executeCommand('tensionLens.toggleAxis', 'open-closed');
    try {
      await settle();
      assertDrawn('with open-closed off', ['open', 'closed']);
    } finally {
      await vscode.commands.executeCommand('tensionLens.toggleAxis', 'open-closed');
    }
    await settle();
    assertDrawn('with open-closed back on');
    assert.ok(userTermDrawn(), `${USER_TERM} is drawn again`);
  });

  it('deleting the user lexicon keeps the built-in highlights and drops the user term', async () => {
    await vscode.workspace.fs.delete(lexiconUri());
    await waitFor(() => !tl.getAnalysis(editor.document.uri)?.hits.some((h) => h.text === USER_TERM), 'the user term to go');
    await settle();
    assertDrawn('after the user lexicon is deleted');
    assert.ok(!userTermDrawn(), `${USER_TERM} is no longer drawn`);
  });
});
