// The dashboard in a real extension host: the model it posts to its webview matches the CLI's `stats` for the same
// files, the webview renders it, a malformed article becomes an error row, and edits update it live.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { DashboardUpdate } from '../../src/core/dashboard';
import type { TensionLensApi } from '../../src/extension/extension';
import { api } from './support/extensionApi';
import { fixtureFolder, openFixture, waitFor } from './support/workspace';

const ARTICLES = ['ai-lab-expert-departure.md', 'ai-lab-expert-departure.zh-Hant.md', 'openai-departures-news.txt'];


interface Counts { total: number; axes: Record<string, { total: number; poles: Record<string, number> }>; terms: Record<string, number> }

function cliStats(files: readonly string[]): { files: string[]; counts: Counts } {
  const cli = path.resolve(__dirname, '../../../dist/cli.js');
  const r = spawnSync(process.execPath, [cli, 'stats', '--json', ...files], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as { files: string[]; counts: Counts };
}

describe('dashboard', () => {
  let tl: TensionLensApi;
  const posted = (): DashboardUpdate => {
    const update = tl.getDashboardModel().posted;
    assert.ok(update, 'nothing posted to the dashboard webview');
    return update;
  };
  /** Waits until the scan is over and the webview has rendered `rows` overview rows. */
  const settled = (rows: number) => waitFor(() => {
    const d = tl.getDashboardModel();
    const update = d.posted;
    return d.open && !d.scanning && !!update && update.scanning === undefined && update.model.articles.length === rows
      && d.rendered?.view === 'overview' && d.rendered.rows === rows;
  }, `the dashboard to show ${rows} rows`, 20_000).catch((e: unknown) => {
    const d = tl.getDashboardModel();
    throw new Error(`${String(e)}; now: open ${d.open}, scanning ${d.scanning}, rendered ${JSON.stringify(d.rendered)}, rows ${JSON.stringify(d.posted?.model.articles.map((r) => r.path))}`);
  });

  before(async () => {
    tl = await api();
    await openFixture(ARTICLES[0] ?? '');
    await vscode.commands.executeCommand('tensionLens.openDashboard');
    await settled(ARTICLES.length);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('posts a model whose counts match `tension-lens stats --json` on the same files', () => {
    const { model } = posted();
    assert.deepEqual(model.articles.map((r) => r.path), ARTICLES);
    const files = ARTICLES.map((f) => vscode.Uri.joinPath(fixtureFolder().uri, f).fsPath);
    assert.deepEqual(model.totals, cliStats(files).counts);
    ARTICLES.forEach((name, i) => {
      const row = model.articles.find((r) => r.path === name);
      assert.ok(row && !row.error, name);
      assert.deepEqual(row.counts, cliStats([files[i] ?? '']).counts, name);
    });
    // The Traditional copy is read with the same lexicon: the same profile as the Simplified original.
    assert.deepEqual(model.articles[1]?.axes, model.articles[0]?.axes);
  });

  it('the webview renders a row per article, and the article view shows the article that was active', () => {
    assert.deepEqual(tl.getDashboardModel().rendered, { view: 'overview', rows: ARTICLES.length });
    const { article } = posted();
    assert.equal(article?.path, ARTICLES[0]);
    assert.ok((article?.sections.length ?? 0) > 1, 'sections');
    assert.ok((article?.sites.length ?? 0) > 0, 'tension sites');
    assert.ok(article?.sites.some((s) => s.markers.length > 0), 'contrast markers');
  });

  it('a binary .txt in the workspace shows as a row with its error; the other rows still render', async () => {
    const broken = vscode.Uri.joinPath(fixtureFolder().uri, 'broken.txt');
    await vscode.workspace.fs.writeFile(broken, new Uint8Array([0xe5, 0xbc, 0x80, 0xe6, 0xba, 0x90, 0x00, 0x00, 0xff, 0x01]));
    try {
      await settled(ARTICLES.length + 1);
      const { model } = posted();
      const row = model.articles.find((r) => r.path === 'broken.txt');
      assert.deepEqual(row?.error, { code: 'binary' });
      assert.equal(row.terms, 0);
      assert.equal(model.articles.filter((r) => !r.error).length, ARTICLES.length);
      const files = ARTICLES.map((f) => vscode.Uri.joinPath(fixtureFolder().uri, f).fsPath);
      assert.deepEqual(model.totals, cliStats(files).counts, 'the error row changes no total');
    } finally {
      await vscode.workspace.fs.delete(broken);
    }
    await settled(ARTICLES.length);
    assert.ok(!posted().model.articles.some((r) => r.path === 'broken.txt'));
  });

  it('adds the articles of a new folder and drops those of a deleted one (both are reported as the folder alone)', async () => {
    const folder = vscode.Uri.joinPath(fixtureFolder().uri, 'tmp-dashboard');
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, 'inner.md'), new TextEncoder().encode('开源与闭源之争。\n'));
    await settled(ARTICLES.length + 1);
    await vscode.workspace.fs.delete(folder, { recursive: true });
    await settled(ARTICLES.length);
    assert.ok(!posted().model.articles.some((r) => r.path.startsWith('tmp-dashboard/')));
  });

  it('a workspace export written beside the articles (and a renamed copy) gets no row and is not counted as skipped', async () => {
    const skipped = posted().model.skipped;
    const target = vscode.Uri.joinPath(fixtureFolder().uri, 'ws.sites.md');
    const renamed = vscode.Uri.joinPath(fixtureFolder().uri, 'notes from monday.md');
    try {
      assert.ok(await vscode.commands.executeCommand('tensionLens.export', { what: 'sites', scope: 'workspace', format: 'md', target: target.toString() }));
      await vscode.workspace.fs.copy(target, renamed);
      // Give the watcher's debounce time to read both files, then the rows must be the articles alone.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await settled(ARTICLES.length);
      assert.deepEqual(posted().model.articles.map((r) => r.path), ARTICLES);
      assert.equal(posted().model.skipped, skipped);
    } finally {
      for (const f of [target, renamed]) await vscode.workspace.fs.delete(f).then(undefined, () => undefined);
    }
  });

  it('counts the annotations of a sidecar beside an article, and 0 again when it goes', async () => {
    const name = ARTICLES[2] ?? '';
    const sidecar = vscode.Uri.joinPath(fixtureFolder().uri, `${name}.tension.json`);
    const previous = await vscode.workspace.fs.readFile(sidecar).then((b) => b, () => undefined);
    const annotations = (n: number) => waitFor(() => tl.getDashboardModel().posted?.model.articles.find((r) => r.path === name)?.annotations === n, `${name} to count ${n} annotations`);
    const json = { version: 1, tags: [{ id: 't', label: 'T' }], annotations: [{ id: 'a', tags: ['t'] }, { id: 'b', tags: [] }] };
    await vscode.workspace.fs.writeFile(sidecar, new TextEncoder().encode(JSON.stringify(json)));
    try {
      await annotations(2);
      // A broken sidecar never fails the row: it counts 0.
      await vscode.workspace.fs.writeFile(sidecar, new TextEncoder().encode('{ not json'));
      await annotations(0);
    } finally {
      if (previous) await vscode.workspace.fs.writeFile(sidecar, previous);
      else await vscode.workspace.fs.delete(sidecar);
    }
  });

  it('updates live: typing a term into an open article changes its row after the debounce', async () => {
    const name = ARTICLES[2] ?? '';
    const before = posted().model.articles.find((r) => r.path === name)?.terms ?? 0;
    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(fixtureFolder().uri, name));
    // Column one: the dashboard (beside it) stays visible while the article becomes the active editor.
    const editor = await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One });
    try {
      await editor.edit((b) => b.insert(new vscode.Position(0, 0), '开源与闭源。\n'));
      await waitFor(() => tl.getDashboardModel().posted?.model.articles.find((r) => r.path === name)?.terms === before + 2, 'the edited row to count two more terms');
      assert.equal(posted().article?.path, name, 'the article view follows the active article');
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await waitFor(() => tl.getDashboardModel().posted?.model.articles.find((r) => r.path === name)?.terms === before, 'the row back after revert').catch((e: unknown) => {
      throw new Error(`${String(e)}; the row counts ${before} before the edit, now ${tl.getDashboardModel().posted?.model.articles.find((r) => r.path === name)?.terms} dirty ${document.isDirty} text0 ${document.getText().slice(0, 10)} active ${vscode.window.activeTextEditor?.document.uri.path} open ${tl.getDashboardModel().open} visible ${JSON.stringify(tl.getDashboardModel().rendered)}`);
    });
  });

  it('stays responsive while it scans hundreds of articles: a command answers mid-scan, then every row is shown', async function () {
    this.timeout(180_000);
    // Enough for the scan to last a while; the bench measures 10,000 (section 6) and the longest stall.
    const many = 300;
    const folder = path.join(fixtureFolder().uri.fsPath, 'tmp-scale');
    const seed = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(fixtureFolder().uri, ARTICLES[2] ?? '')));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await waitFor(() => !tl.getDashboardModel().open, 'the dashboard to close');
    // Written with Node before the dashboard opens, so its first scan reads them all (the watchers see nothing).
    fs.mkdirSync(folder, { recursive: true });
    for (let i = 0; i < many; i++) fs.writeFileSync(path.join(folder, `a${String(i).padStart(5, '0')}.md`), `${seed.slice((i * 97) % 2000)}\n`);
    try {
      await vscode.commands.executeCommand('tensionLens.openDashboard');
      await waitFor(() => tl.getDashboardModel().scanning && (tl.getDashboardModel().posted?.model.articles.length ?? 0) > 0, 'the scan to show its first rows', 60_000);
      // The extension host runs our command while the scan is still going.
      await vscode.commands.executeCommand('tensionLens.toggleHighlights');
      const answeredMidScan = tl.getDashboardModel().scanning;
      await vscode.commands.executeCommand('tensionLens.toggleHighlights');
      assert.ok(answeredMidScan, 'the command answered only after the scan was over');
      await waitFor(() => {
        const d = tl.getDashboardModel();
        return !d.scanning && d.posted?.scanning === undefined && d.posted?.model.articles.length === ARTICLES.length + many && d.rendered?.rows === ARTICLES.length + many;
      }, `the dashboard to show ${ARTICLES.length + many} rows`, 120_000).catch((e: unknown) => {
        const d = tl.getDashboardModel();
        throw new Error(`${String(e)}; now: scanning ${d.scanning} (posted ${JSON.stringify(d.posted?.scanning)}), rows ${d.posted?.model.articles.length}, rendered ${JSON.stringify(d.rendered)}`);
      });
      const rows = posted().model.articles.filter((r) => r.path.startsWith('tmp-scale/'));
      assert.equal(rows.length, many);
      assert.ok(rows.every((r) => !r.error && r.terms > 0), 'every article analysed');
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
    await settled(ARTICLES.length);
  });
});
