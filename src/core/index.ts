/**
 * The core's facade: the only import path for the extension and the CLI. Pure TypeScript — no `vscode`,
 * no Node built-ins — so the same code runs in the desktop, web and CLI hosts.
 */
export { analyze, Analyzer } from './analyze/analyzer';
export { CountsSum, type PartialCounts } from './analyze/partialCounts';
export { TermTally } from './analyze/termTally';
export { type PortableAnalysis, portableAnalysis, restoreAnalysis } from './analyze/articleAnalysis';
export type {
  AbstractBlock, Analysis, ArticleFormat, FormCount, HitCursor, LineSpan, Section, Sentence, SiteCursor, TensionCounts, TensionSite, TermHit, TextRange,
} from './analyze/types';
export { builtinLexicon } from './lexicon/builtin';
export { type BuiltAutomata, builtAutomata, compileLexicon, type CompiledLexicon, type CompiledTerm } from './lexicon/compile';
export { mergeLexicons, type UserLexicon } from './lexicon/merge';
export { poleColorId, poleColors, type PoleColor } from './lexicon/palette';
export type { Bilingual, Lexicon, LexiconAxis, LexiconPole, LexiconTerm } from './lexicon/types';
export { checkLexicon, formatProblem, parseUserLexicon, type LexiconProblem } from './lexicon/validate';
export { Automaton } from './match/automaton';
export { splitChunks } from './parse/chunks';
export { formatOf } from './parse/format';
export { hasChinese, stripBom } from './text/chinese';
export {
  type DecodedText, type EncodingChoice, ENCODING_CHOICES, ENCODING_LABEL, LEGACY_ENCODINGS, type TextEncodingName, VSCODE_ENCODING, chineseScore,
  decodeStrict, decodeText, guessLegacyEncoding, isEncodingChoice, replacementCount,
} from './text/encoding';
export { LineIndex, lineStarts, type LinePosition } from './text/lines';
export { type PluralForms, pluralForm } from './text/plural';
export * from './annotations';
export * from './charts';
export * from './dashboard';
export * from './export';
export * from './concordance';
export * from './agreement';
export * from './suggest';
export { type LexiconEdit, type TermToAdd, addRejected, addUserTerm, userTermId } from './lexicon/userEdit';
export * from './variables';
export { toIsoDate } from './text/isoDate';
export * from './codebook';
