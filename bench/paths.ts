/**
 * The repository root, found from wherever this code runs: `npm run bench` runs an esbuild bundle in
 * `out/bench/`, the smoke test and a debugger may run the sources under tsx, and `__dirname` differs between them.
 */
import fs from 'node:fs';
import path from 'node:path';

function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string }).name === 'tension-lens') return dir;
    if (path.dirname(dir) === dir) throw new Error(`bench: no tension-lens package.json above ${from}`);
  }
}

export const ROOT = findRoot(__dirname);

/** Where the extension-host part of the benchmark leaves its figures (see extension.ts). */
export const RESULTS_DIR = path.join(ROOT, 'bench', '.results');
