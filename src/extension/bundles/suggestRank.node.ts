import type * as Suggest from '../suggest/suggestBundle';
import { passOn } from './onDemand';
import { suggest } from './suggest.node';

// The stub of src/core/suggest/rank.ts in the desktop build (suggest.node.ts).
export const keyness: typeof Suggest.keyness = passOn(suggest, 'keyness');
export const rankSuggestions: typeof Suggest.rankSuggestions = passOn(suggest, 'rankSuggestions');
