// Regenerates src/core/lexicon/builtin.json from builtin.source.json (see lexiconBuild.ts for why).
import fs from 'node:fs';
import type { Lexicon } from '../src/core/lexicon/types';
import { buildLexicon, serializeLexicon } from './lexiconBuild';

const sourcePath = 'src/core/lexicon/builtin.source.json';
const outPath = 'src/core/lexicon/builtin.json';
const source = JSON.parse(fs.readFileSync(sourcePath, 'utf8')) as Lexicon;
const built = serializeLexicon(buildLexicon(source));
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
