// Regenerates src/core/lexicon/builtin.json from builtin.source.json (see lexiconBuild.ts for why).
import fs from 'node:fs';
import type { Lexicon } from '../src/core/lexicon/types';
import { buildLexicon, packLexicon, serializeLexicon } from './lexiconBuild';

const sourcePath = 'src/core/lexicon/builtin.source.json';
const source = JSON.parse(fs.readFileSync(sourcePath, 'utf8')) as Lexicon;
// builtin.json is what tests, the CLI run from source and reviewers read; builtin.packed.txt is what esbuild puts
// in the bundles instead (see the packed-lexicon plugin in esbuild.config.mjs and src/core/lexicon/packed.ts).
const outputs = [
  ['src/core/lexicon/builtin.json', serializeLexicon(buildLexicon(source))],
  ['src/core/lexicon/builtin.packed.txt', `${packLexicon(source)}\n`],
] as const;
for (const [outPath, built] of outputs) {
  if (process.argv.includes('--check')) {
    const current = fs.existsSync(outPath) ? fs.readFileSync(outPath, 'utf8') : '';
    if (current !== built) {
      console.error(`${outPath} is out of date with ${sourcePath}: run npm run build:lexicon`);
      process.exit(1);
    }
  } else {
    fs.writeFileSync(outPath, built);
    console.log(`wrote ${outPath}`);
  }
}
