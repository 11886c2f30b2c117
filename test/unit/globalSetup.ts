// Mocha's global fixture (.mocharc.json `require`): runs once, in the main process, before any test file, also when
// the files run in parallel workers. The CLI, importer and packaging tests spawn what dist/ holds, so dist/ is built
// here, once, rather than by each of them (in parallel, two builds writing the same files would race with a test
// reading them). `npm test` has built it already in its first step and says so with TENSION_LENS_BUILT=1.
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

export function mochaGlobalSetup(): void {
  if (process.env['TENSION_LENS_BUILT'] === '1') return;
  execFileSync(process.execPath, ['esbuild.config.mjs'], { cwd: path.resolve(__dirname, '../..'), stdio: ['ignore', 'ignore', 'inherit'] });
}
