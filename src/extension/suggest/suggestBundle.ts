// The entry of dist/suggest.js (esbuild.config.mjs, onDemandBundles): Suggest Terms' evidence and ranking, loaded by
// the first suggestion.
export { collectEvidence } from '../../core/suggest/evidence';
export { keyness, rankSuggestions } from '../../core/suggest/rank';
