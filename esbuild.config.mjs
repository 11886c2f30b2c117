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

// These CommonJS packages do nothing when loaded but define their exports; esbuild cannot know that, so a bundle
// would carry one (jStat is larger than the crosstab that uses it) whenever a module importing it is reached at all,
// even through a barrel export nothing calls. Declared free of side effects, they go only where they are used.
const pureCommonJs = {
  name: 'pure-commonjs',
  setup(build) {
    build.onResolve({ filter: /^(jstat|papaparse|diff-match-patch)$/ }, async (args) => {
      if (args.pluginData === pureCommonJs) return undefined;
      const resolved = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: pureCommonJs });
      return resolved.errors.length > 0 ? undefined : { ...resolved, sideEffects: false };
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
  plugins: [packedLexicon, pureCommonJs],
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

// Bundles the desktop build loads on first use from dist/<name>.js instead of carrying them in dist/extension.js, and
// the modules each replaces: in the desktop build, every import of such a module (a file in src/ or a package) gets
// its stub, which requires the bundle beside it when first called (src/extension/bundles/onDemand.ts). The web build
// cannot require files and the CLI need not: both bundle the modules themselves.
const onDemandBundles = {
  // the export writers (the HTML report with its charts and crosstab statistics, the REFI-QDA zip) and the export
  // command's pickers, when an export starts
  export: 'src/extension/export/exportBundle.ts',
  // js-yaml, for the first article with front matter
  yaml: 'src/core/variables/yaml.ts',
  // the JSON-Schema checks, for the first sidecar, user lexicon or codebook read
  validators: 'src/core/json/validators.generated.js',
  // for the first CSV read or written: a variables table, a codebook CSV, a concordance export
  papaparse: 'src/extension/bundles/papaparseBundle.ts',
  // for the first malformed or invalid JSON file (a valid one is read with JSON.parse alone)
  'jsonc-parser': 'src/extension/bundles/jsoncParserBundle.ts',
  // agreement statistics, adjudication and their panels' pages, for the first comparison of coders
  agreement: 'src/extension/team/agreementBundle.ts',
  // diff-match-patch, for the first annotation whose exact quote is no longer in its article
  fuzzy: 'src/core/annotations/fuzzy.ts',
  // Suggest Terms' evidence and ranking, for the first suggestion
  suggest: 'src/extension/suggest/suggestBundle.ts',
  // the dashboard page's labels, when the dashboard first opens
  'dashboard-strings': 'src/extension/dashboard/strings.ts',
  // the codebook's REFI-QDA .qdc and CSV readers and writers, for the first codebook import or export
  'codebook-exchange': 'src/extension/memos/codebookExchange.ts',
};
// Each stub: the module it stands in for (a file in src/, or a package) → [the bundle it loads, the stub].
const onDemandStubs = {
  'src/core/export/exporter.ts': ['export', 'src/extension/bundles/exportExporter.node.ts'],
  'src/extension/export/exportOptions.ts': ['export', 'src/extension/bundles/exportOptions.node.ts'],
  'src/core/variables/yaml.ts': ['yaml', 'src/extension/bundles/yaml.node.ts'],
  'src/core/json/validators.generated.js': ['validators', 'src/extension/bundles/validators.node.ts'],
  papaparse: ['papaparse', 'src/extension/bundles/papaparse.node.ts'],
  'jsonc-parser': ['jsonc-parser', 'src/extension/bundles/jsoncParser.node.ts'],
  'src/core/agreement/index.ts': ['agreement', 'src/extension/bundles/agreementCore.node.ts'],
  'src/extension/team/agreementHtml.ts': ['agreement', 'src/extension/bundles/agreementHtml.node.ts'],
  'src/extension/team/adjudicationHtml.ts': ['agreement', 'src/extension/bundles/adjudicationHtml.node.ts'],
  'src/core/annotations/fuzzy.ts': ['fuzzy', 'src/extension/bundles/fuzzy.node.ts'],
  'src/core/suggest/evidence.ts': ['suggest', 'src/extension/bundles/suggestEvidence.node.ts'],
  'src/core/suggest/rank.ts': ['suggest', 'src/extension/bundles/suggestRank.node.ts'],
  'src/extension/dashboard/strings.ts': ['dashboard-strings', 'src/extension/bundles/dashboardStrings.node.ts'],
  'src/extension/memos/codebookExchange.ts': ['codebook-exchange', 'src/extension/bundles/codebookExchange.node.ts'],
};
/** The stubs in place, for dist/extension.js and dist/row-worker.js, or for the bundle `own` (not its own modules). */
function onDemand(own) {
  const plugin = {
    name: 'on-demand',
    setup(build) {
      const stubs = Object.entries(onDemandStubs).filter(([, [bundle]]) => bundle !== own);
      const packages = new Map(stubs.filter(([m]) => !m.startsWith('src/')).map(([m, [, stub]]) => [m, path.resolve(stub)]));
      build.onResolve({ filter: /^[^./]/ }, (args) => (packages.has(args.path) ? { path: packages.get(args.path) } : undefined));
      const files = new Map(stubs.filter(([m]) => m.startsWith('src/')).map(([m, [, stub]]) => [path.resolve(m), path.resolve(stub)]));
      build.onResolve({ filter: /^\./ }, async (args) => {
        if (args.pluginData === plugin) return undefined;
        const resolved = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: plugin });
        const stub = files.get(resolved.path);
        return stub && resolved.errors.length === 0 ? { path: stub } : undefined;
      });
    },
  };
  return plugin;
}

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
  { ...common, ...desktopOnly, plugins: [packedLexicon, onDemand(), pureCommonJs],
    entryPoints: { extension: 'src/extension/extension.ts', 'row-worker': 'src/extension/dashboard/rowWorker.ts' }, outdir: 'dist' },
  // The bundles the desktop build loads on first use (onDemandBundles above), each loading the others it needs.
  ...Object.entries(onDemandBundles).map(([name, entry]) => ({
    ...common, sourcemap: false, plugins: [packedLexicon, onDemand(name), pureCommonJs], entryPoints: { [name]: entry }, outdir: 'dist', alias: entities,
  })),
  // The same extension for VS Code for the Web (package.json `browser`), run in a web worker: a Node built-in that
  // reaches src/extension fails this build ("Could not resolve"), so files go through vscode.workspace.fs only.
  { ...common, ...browserCjs, ...webOnly, entryPoints: { extension: 'src/extension/extension.ts' }, outdir: 'dist/web' },
  // The CLI and the worker its pool runs (src/cli/pool.ts loads dist/cli-worker.js beside dist/cli.js).
  { ...common, plugins: [jsonLexicon, pureCommonJs], entryPoints: { cli: 'src/cli/main.ts', 'cli-worker': 'src/cli/worker.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' },
    define: { __VERSION__: JSON.stringify(pkg.version) } },
  // The CLI's commands loaded on demand (src/cli/parts.ts): what stats, scan and kwic never use stays out of
  // dist/cli.js, which every run parses first.
  { ...common, plugins: [jsonLexicon, pureCommonJs], entryPoints: { 'cli-export': 'src/cli/export.ts', 'cli-agreement': 'src/cli/agreement.ts', 'cli-codebook': 'src/cli/codebook.ts', 'cli-annotations': 'src/cli/annotations.ts' },
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
