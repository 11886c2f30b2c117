import type * as Fuzzy from '../../core/annotations/fuzzy';
import { besideThisBundle, passOn } from './onDemand';

// In the desktop build, src/core/annotations/fuzzy.ts (diff-match-patch) is this stub, and dist/fuzzy.js the module
// itself (esbuild.config.mjs): an annotation is found by its exact quote first, so the fuzzy search is loaded only
// when an article changed under one.
const fuzzy = besideThisBundle<typeof Fuzzy>('fuzzy', 'fuzzyFind');

export const fuzzyFind: typeof Fuzzy.fuzzyFind = passOn(fuzzy, 'fuzzyFind');
