#!/usr/bin/env node
// `npm start`: builds the extension and serves a browser VS Code with it installed, on the sample articles.
//   npm start                        http://127.0.0.1:3000, the demo workspace, ai-lab-expert-departure.md open
//   npm start -- --port 8080         another port
//   npm start -- --folder ~/articles open your own folder instead (edits happen there, for real)
//   npm start -- --no-build          skip `node esbuild.config.mjs`
// The demo workspace is .vscode-test/sample-articles, a copy of test/fixtures/workspace (your edits stay there;
// delete it to reset). After a rebuild (`npm run build`), reload the browser window to load the new extension.
// Ctrl+C stops the server and everything it started.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ensureVSCode } from './fetchVSCode.mjs';
import { createLogger } from './log.mjs';
import { cacheDir, fixtureWorkspace, root, sampleArticle } from './paths.mjs';
import { startWorkbenchServer } from './workbenchServer.mjs';

const log = createLogger('start');
const USAGE = 'usage: node scripts/vscode/start.mjs [--port N] [--folder DIR] [--no-build]';

function parseOptions() {
  const { values } = parseArgs({
    options: { port: { type: 'string', default: '3000' }, folder: { type: 'string' }, 'no-build': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) { console.log(USAGE); process.exit(0); }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port ${values.port}: not a port number\n${USAGE}`);
  // npm runs scripts from the package root; INIT_CWD is where the person typed `npm start`.
  const folder = values.folder && path.resolve(process.env.INIT_CWD ?? process.cwd(), values.folder);
  if (folder && !fs.statSync(folder, { throwIfNoEntry: false })?.isDirectory()) throw new Error(`--folder ${folder}: not a directory`);
  return { port, folder, build: !values['no-build'] };
}

/** The demo workspace: the fixture articles, copied once; files added to the fixture later are copied too. */
function demoWorkspace() {
  const demo = path.join(cacheDir, 'sample-articles');
  fs.cpSync(fixtureWorkspace, demo, { recursive: true, force: false });
  return demo;
}

async function main() {
  const options = parseOptions();
  if (options.build) {
    log('building (node esbuild.config.mjs)...');
    const build = spawnSync(process.execPath, ['esbuild.config.mjs'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('the build failed; fix it, or start the last build with --no-build');
  }
  ensureVSCode();
  const folder = options.folder ?? demoWorkspace();
  const logDir = path.join(cacheDir, 'logs', 'start');
  const server = await startWorkbenchServer({ name: 'start', folder, copyFolder: false, installed: true, port: options.port, logDir });
  const article = path.join(server.folder, sampleArticle);
  const url = fs.existsSync(article) ? server.url({ openFile: article }) : server.url();
  log(`VS Code ${options.folder ? 'on your folder' : 'on the demo workspace'} ${server.folder}, with Tension Lens installed.`);
  console.log(`\n  Open ${url}\n  (or ${server.origin}/ for the same folder without opening the article)\n\n  Server log: ${path.relative(root, logDir)}/server.log. Ctrl+C stops it.\n`);
  await new Promise(() => {}); // until a signal; cleanup.mjs stops the server
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
