import type PapaParse from 'papaparse';
import { besideThisBundle } from './onDemand';

// In the desktop build, the package papaparse is this stub, and dist/papaparse.js the package itself
// (esbuild.config.mjs): CSV is parsed or written only with a variables table, a codebook CSV or a concordance export.
type Papa = Pick<typeof PapaParse, 'parse' | 'unparse'>;
const papa = besideThisBundle<Papa>('papaparse', 'parse', 'unparse');

// Both are overloaded; each overload is passed through as called.
type Passed = (...args: readonly unknown[]) => unknown;
const Papa: Papa = {
  parse: ((...args) => (papa().parse as Passed)(...args)) as Passed as Papa['parse'],
  unparse: ((...args) => (papa().unparse as Passed)(...args)) as Passed as Papa['unparse'],
};
export default Papa;
