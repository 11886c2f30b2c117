import fs from 'node:fs';
import path from 'node:path';
import type * as AgreementPart from './agreement';
import type * as AnnotationsPart from './annotations';
import type * as CodebookPart from './codebook';
import type * as ExportPart from './export';

/** The commands whose code is a bundle of its own, and what each bundle exports. */
interface Parts {
  readonly export: typeof ExportPart;
  readonly agreement: typeof AgreementPart;
  readonly codebook: typeof CodebookPart;
  readonly annotations: typeof AnnotationsPart;
}

/**
 * A command's code, loaded when that command runs: dist/cli-<name>.js beside the bundled CLI, the sources when run
 * from src/ (tests under tsx). Every run parses the whole of dist/cli.js before it does anything, and `stats` or
 * `kwic` would otherwise parse the export writers, the pinyin tables, the codebook and agreement statistics too.
 * A part carries its own copy of the code it shares with dist/cli.js: errors that cross back are told apart by
 * name (src/cli/errors.ts), not by class.
 */
export async function loadPart<K extends keyof Parts>(name: K): Promise<Parts[K]> {
  const bundled = path.join(__dirname, `cli-${name}.js`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- our own separately built bundle, by path
  if (path.basename(__filename) === 'cli.js' && fs.existsSync(bundled)) return require(bundled) as Parts[K];
  const sources = ['.', name].join('/'); // computed, so that esbuild does not bundle it into cli.js
  return (await import(sources)) as Parts[K];
}
