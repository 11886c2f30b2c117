import type * as Suggest from '../suggest/suggestBundle';
import { passOn } from './onDemand';
import { suggest } from './suggest.node';

// The stub of src/core/suggest/evidence.ts in the desktop build (suggest.node.ts).
export const collectEvidence: typeof Suggest.collectEvidence = passOn(suggest, 'collectEvidence');
