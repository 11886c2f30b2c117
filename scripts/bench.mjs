// `npm run bench`: bundles bench/index.ts with esbuild, as the extension and the CLI are bundled, and runs the
// bundle with --expose-gc. The figures are of the code as shipped: run per file under tsx, every import of a
// constant or function across modules goes through a getter, which made the analysis ~1.4× slower.
// Arguments are passed on: npm run bench -- --quick --json --only=analysis (--only=webview: the dashboard's Article tab)
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const outfile = path.join(root, 'out', 'bench', 'index.js');

await esbuild.build({
  absWorkingDir: root, entryPoints: ['bench/index.ts'], outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs',
  // jsonc-parser's UMD build requires files at run time; its ES module build bundles (as in esbuild.config.mjs).
  mainFields: ['module', 'main'], sourcemap: 'linked', logLevel: 'warning',
  // The webview section renders the dashboard's UI strings; `vscode` there is only `l10n.t` (bench/vscodeStub.ts).
  alias: { vscode: './bench/vscodeStub.ts' }, external: ['playwright-core'],
});
// The dashboard webview's own bundle, for the webview section (bench/webview.ts), built as esbuild.config.mjs does.
await esbuild.build({
  absWorkingDir: root, entryPoints: ['src/webview/dashboard/main.ts'], outfile: path.join(root, 'out', 'bench', 'dashboard.js'),
  bundle: true, platform: 'browser', target: 'es2022', format: 'iife', minify: true, logLevel: 'warning',
});
const run = spawnSync(process.execPath, ['--expose-gc', '--enable-source-maps', outfile, ...process.argv.slice(2)], { stdio: 'inherit', cwd: root });
process.exit(run.status ?? 1);
