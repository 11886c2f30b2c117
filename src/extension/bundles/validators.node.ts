import type * as Validators from '../../core/json/validators.generated';
import type { CompiledValidator } from '../../core/json/validators.generated';
import { besideThisBundle } from './onDemand';

// In the desktop build, src/core/json/validators.generated.js (the JSON-Schema checks of a user lexicon, a sidecar and
// a codebook) is this stub, and dist/validators.js the module itself (esbuild.config.mjs): a session that reads
// no sidecar, user lexicon or codebook never loads them.
type Name = 'validateLexicon' | 'validateSidecar' | 'validateCodebook';
const validators = besideThisBundle<Record<Name, CompiledValidator>>('validators', 'validateLexicon', 'validateSidecar', 'validateCodebook');

/** A validator that calls the bundle's and shows its `errors` (ajv sets them on the function it called). */
function passOn(name: Name): CompiledValidator {
  const validate = (data: unknown): boolean => validators()[name](data);
  return Object.defineProperty(validate, 'errors', { get: () => validators()[name].errors, enumerable: true });
}

export const validateLexicon: typeof Validators.validateLexicon = passOn('validateLexicon');
export const validateSidecar: typeof Validators.validateSidecar = passOn('validateSidecar');
export const validateCodebook: typeof Validators.validateCodebook = passOn('validateCodebook');
