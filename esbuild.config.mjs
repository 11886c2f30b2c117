// Bundles the extension, the CLI and the extension-host test suites.
// unified/remark are ESM-only; bundling them here is what lets the CJS extension host load them.
//   node esbuild.config.mjs            build everything once (minified, with source maps)
//   node esbuild.config.mjs --watch    rebuild on change
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';

const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8'));
const watch = process.argv.includes('--watch');

// builtin.json writes every Traditional variant out (~170 KB); the bundles carry builtin.packed.txt instead, the
// same lexicon deflated with its variants as character tables (src/core/lexicon/packed.ts), about a third the size.
const packedLexicon = {
  name: 'packed-lexicon',
  setup(build) {
    build.onLoad({ filter: /[\\/]core[\\/]lexicon[\\/]builtin\.json$/ }, async (args) => {
      const dir = path.dirname(args.path);
      const packed = (await fs.promises.readFile(path.join(dir, 'builtin.packed.txt'), 'utf8')).trim();
      return { contents: `import { unpackLexicon } from './packed';\nexport default unpackLexicon(${JSON.stringify(packed)});\n`, loader: 'ts', resolveDir: dir };
    });
  },
};

// The CLI is not in the .vsix, and every one of its threads starts cold: it carries builtin.json as a single
// JSON.parse of a string, which V8 parses natively, rather than the packed form, whose inflating and expanding run
// as not-yet-optimised JavaScript in the main thread and again in each worker. Same lexicon (test/unit/lexicon.test.ts).
const jsonLexicon = {
  name: 'json-lexicon',
  setup(build) {
    build.onLoad({ filter: /[\\/]core[\\/]lexicon[\\/]builtin\.json$/ }, async (args) => {
      const json = JSON.stringify(JSON.parse(await fs.promises.readFile(args.path, 'utf8')));
      return { contents: `export default JSON.parse(${JSON.stringify(json)});\n`, loader: 'js' };
    });
  },
};

const common = {
  plugins: [packedLexicon],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // Prefer ESM builds: jsonc-parser's UMD build hides its modules behind dynamic requires esbuild cannot follow.
  mainFields: ['module', 'main'],
  sourcemap: true,
  minify: true,
  keepNames: false,
  logLevel: 'warning',
  legalComments: 'none',
  // Keep Chinese as UTF-8 (3 bytes a character) instead of \uXXXX escapes (6): the lexicon is mostly Chinese.
  charset: 'utf8',
  // The extension host provides 'vscode'; never bundle it.
  external: ['vscode'],
};

// The extension bundles (desktop and web) decode 2 KB of common HTML entities instead of micromark's 35 KB table of
// all 2,231 (see src/core/parse/namedEntities.ts); the CLI keeps the full table.
const entities = { 'decode-named-character-reference': './src/core/parse/namedEntities.ts' };
// Replacing a file in one step needs Node's fs, which the web build must not reach: each build gets its own module.
const desktopOnly = {
  alias: {
    ...entities, 'tension-lens-replace-file': './src/extension/files/replaceFile.node.ts', 'tension-lens-system-coder': './src/extension/team/systemCoder.node.ts',
    'tension-lens-row-analyser': './src/extension/dashboard/rowAnalyser.node.ts',
  },
};
const webOnly = {
  alias: {
    ...entities, 'tension-lens-replace-file': './src/extension/files/replaceFile.web.ts', 'tension-lens-system-coder': './src/extension/team/systemCoder.web.ts',
    'tension-lens-row-analyser': './src/extension/dashboard/rowAnalyser.web.ts',
  },
};

// A web worker extension host loads a CommonJS module (it provides `require('vscode')`), so: browser, but cjs.
// The `worker` condition comes first: a worker has no DOM, and decode-named-character-reference's `browser` build
// (pulled in by remark) decodes entities with `document.createElement`.
const browserCjs = {
  platform: 'browser', target: 'es2022', format: 'cjs', mainFields: ['browser', 'module', 'main'], conditions: ['worker'],
};

function testEntries() {
  const dir = 'test/vscode';
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => path.join(dir, f));
}

const builds = [
  // row-worker: the dashboard's worker thread (src/extension/dashboard/rowAnalyser.node.ts), desktop and remote hosts.
  { ...common, ...desktopOnly, entryPoints: { extension: 'src/extension/extension.ts', 'row-worker': 'src/extension/dashboard/rowWorker.ts' }, outdir: 'dist' },
  // The same extension for VS Code for the Web (package.json `browser`), run in a web worker: a Node built-in that
  // reaches src/extension fails this build ("Could not resolve"), so files go through vscode.workspace.fs only.
  { ...common, ...browserCjs, ...webOnly, entryPoints: { extension: 'src/extension/extension.ts' }, outdir: 'dist/web' },
  // The CLI and the worker its pool runs (src/cli/pool.ts loads dist/cli-worker.js beside dist/cli.js).
  { ...common, plugins: [jsonLexicon], entryPoints: { cli: 'src/cli/main.ts', 'cli-worker': 'src/cli/worker.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' },
    define: { __VERSION__: JSON.stringify(pkg.version) } },
  // The CLI's commands loaded on demand (src/cli/parts.ts): what stats, scan and kwic never use stays out of
  // dist/cli.js, which every run parses first.
  { ...common, plugins: [jsonLexicon], entryPoints: { 'cli-export': 'src/cli/export.ts', 'cli-agreement': 'src/cli/agreement.ts', 'cli-codebook': 'src/cli/codebook.ts', 'cli-annotations': 'src/cli/annotations.ts' },
    outdir: 'dist', define: { __VERSION__: JSON.stringify(pkg.version) } },
  // pinyin-pro's dictionaries for exports, loaded on demand by src/extension/export/pinyinLoader.ts (desktop and remote
  // hosts), so that dist/extension.js does not carry ~300 KB most sessions never use.
  { ...common, sourcemap: false, entryPoints: { pinyin: 'src/extension/export/pinyinBundle.ts' }, outdir: 'dist' },
  // The importers (#22: Readability + linkedom, mammoth, turndown, pdf.js with its worker in-process), loaded on demand
  // by the extension (src/extension/import/importerLoader.ts) and the CLI (src/cli/import.ts): together they are
  // several times the size of the extension. pdf.js is an ES module; bundled as CommonJS, its `import.meta.url`
  // (only for the optional canvas package) is empty, which pdf.js tolerates.
  { ...common, sourcemap: false, entryPoints: { import: 'src/import/index.ts' }, outdir: 'dist', logOverride: { 'empty-import-meta': 'silent' },
    alias: { '@mixmark-io/domino': './src/import/stubs/domino.ts', 'cssomnom/parse': './src/import/stubs/cssParse.ts' } },
  // The dashboard webview's script: runs in the webview (a browser page), so no Node, one self-contained IIFE.
  { ...common, platform: 'browser', target: 'es2022', format: 'iife', external: [], entryPoints: { dashboard: 'src/webview/dashboard/main.ts', concordance: 'src/webview/concordance/main.ts' }, outdir: 'dist/webview' },
  // Extension-host suites: each file its own bundle so mocha can load them one by one; mocha itself stays external
  // and is resolved from node_modules at run time.
  { ...common, minify: false, entryPoints: testEntries(), outdir: 'out/test/vscode', external: ['vscode', 'mocha'] },
  // Web extension-host suites (test/web/): one browser bundle with mocha's browser build inside — a web worker has no
  // node_modules to load mocha from. Run by scripts/vscode/runWebTests.mjs.
  { ...common, ...browserCjs, minify: false, entryPoints: fs.existsSync('test/web/index.ts') ? { index: 'test/web/index.ts' } : {}, outdir: 'out/test/web' },
];

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
  console.log('esbuild: watching for changes...');
} else {
  await Promise.all(builds.filter((b) => Object.keys(b.entryPoints).length > 0).map((b) => esbuild.build(b)));
  fs.chmodSync('dist/cli.js', 0o755);
  // Suggest Terms' reference word list: read at run time by the CLI and the extension, never bundled.
  fs.copyFileSync('src/core/suggest/zh-reference.txt', 'dist/zh-reference.txt');
}
