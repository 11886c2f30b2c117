import type * as Suggest from '../suggest/suggestBundle';
import { besideThisBundle } from './onDemand';

// In the desktop build, Suggest Terms' evidence.ts and rank.ts (src/core/suggest) are the stubs beside this one,
// and dist/suggest.js the modules themselves (esbuild.config.mjs): loaded by the first suggestion.
export const suggest = besideThisBundle<typeof Suggest>('suggest', 'collectEvidence', 'keyness', 'rankSuggestions');
