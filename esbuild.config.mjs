// Bundles the extension, the CLI and the extension-host test suites.
// unified/remark are ESM-only; bundling them here is what lets the CJS extension host load them.
//   node esbuild.config.mjs            build everything once (minified, with source maps)
//   node esbuild.config.mjs --watch    rebuild on change
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';

const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8'));
const watch = process.argv.includes('--watch');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // Prefer ESM builds: jsonc-parser's UMD build hides its modules behind dynamic requires esbuild cannot follow.
  mainFields: ['module', 'main'],
  sourcemap: true,
  minify: true,
  keepNames: true,
  logLevel: 'warning',
  legalComments: 'none',
  // The extension host provides 'vscode'; never bundle it.
  external: ['vscode'],
  // The bundled sample article is read as text.
  loader: { '.md': 'text' },
};

function testEntries() {
  const dir = 'test/vscode';
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => path.join(dir, f));
}

const builds = [
  { ...common, entryPoints: { extension: 'src/extension/extension.ts' }, outdir: 'dist' },
  { ...common, entryPoints: { cli: 'src/cli/main.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' },
    define: { __VERSION__: JSON.stringify(pkg.version) } },
  // Extension-host suites: each file its own bundle so mocha can load them one by one; mocha itself stays external
  // and is resolved from node_modules at run time.
  { ...common, minify: false, entryPoints: testEntries(), outdir: 'out/test/vscode', external: ['vscode', 'mocha'] },
];

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
  console.log('esbuild: watching for changes...');
} else {
  await Promise.all(builds.filter((b) => Object.keys(b.entryPoints).length > 0).map((b) => esbuild.build(b)));
  fs.chmodSync('dist/cli.js', 0o755);
}
