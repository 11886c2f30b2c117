export { type CandidateEvidence, type FileEvidence, type SuggestExample, collectEvidence } from './evidence';
export { SUGGEST_FRAMES, type SuggestFrame } from './frames';
export { type RankOptions, type Suggestion, keyness, rankSuggestions } from './rank';
export { type ReferenceList, parseReferenceList } from './reference';
