// Regenerates package.json's contributes.colors/grammars and syntaxes/tension-terms.tmLanguage.json from the
// built-in lexicon. `--check` fails (exit 1) when they are out of date instead of writing.
import fs from 'node:fs';
import { builtinLexicon } from '../src/core';
import { colorContributions, injectionGrammar } from './contributions';

const check = process.argv.includes('--check');
const grammarPath = 'syntaxes/tension-terms.tmLanguage.json';
const grammar = `${JSON.stringify(injectionGrammar(builtinLexicon), null, 2)}\n`;
const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { contributes: Record<string, unknown> };
pkg.contributes.colors = colorContributions(builtinLexicon);
pkg.contributes.grammars = [{ scopeName: 'tension-lens.injection', path: `./${grammarPath}`, injectTo: ['text.html.markdown'] }];
const pkgText = `${JSON.stringify(pkg, null, 2)}\n`;

const stale = [
  [grammarPath, grammar],
  ['package.json', pkgText],
].filter(([file, text]) => !fs.existsSync(file as string) || fs.readFileSync(file as string, 'utf8') !== text);
if (check) {
  for (const [file] of stale) console.error(`${file} is out of date with the built-in lexicon: run npm run build:lexicon`);
  process.exit(stale.length > 0 ? 1 : 0);
}
fs.mkdirSync('syntaxes', { recursive: true });
for (const [file, text] of stale) fs.writeFileSync(file as string, text as string);
console.log(stale.length > 0 ? `wrote ${stale.map(([f]) => f).join(', ')}` : 'contributions up to date');
