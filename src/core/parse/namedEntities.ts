/**
 * A small stand-in for `decode-named-character-reference`, aliased in by esbuild.config.mjs for the extension
 * bundles. The real package carries all 2,231 HTML named references (35 KB); Chinese articles use a handful, and a
 * name not listed here is simply left as the literal text `&name;` (still visible, still scanned). The unit tests run
 * the real package; `test/unit/parse.test.ts` checks this table agrees with it.
 */
const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ensp: '\u2002', emsp: '\u2003', thinsp: '\u2009',
  copy: '©', reg: '®', trade: '™', hellip: '…', mdash: '—', ndash: '–', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”',
  sbquo: '‚', bdquo: '„', laquo: '«', raquo: '»', lsaquo: '‹', rsaquo: '›', middot: '·', bull: '•', times: '×', divide: '÷',
  deg: '°', plusmn: '±', micro: 'µ', para: '¶', sect: '§', yen: '¥', euro: '€', pound: '£', cent: '¢', permil: '‰',
  prime: '′', Prime: '″', larr: '←', rarr: '→', uarr: '↑', darr: '↓', harr: '↔', le: '≤', ge: '≥', ne: '≠', asymp: '≈',
  infin: '∞', minus: '−', frac12: '½', frac14: '¼', frac34: '¾', sup2: '²', sup3: '³', iexcl: '¡', iquest: '¿', shy: '\u00ad',
  zwj: '\u200d', zwnj: '\u200c', lrm: '\u200e', rlm: '\u200f', dagger: '†', Dagger: '‡', hearts: '♥', star: '☆', check: '✓',
};

/** The character(s) a named reference stands for, or `false` when the name is not one we decode. */
export function decodeNamedCharacterReference(name: string): string | false {
  return Object.prototype.hasOwnProperty.call(ENTITIES, name) ? (ENTITIES[name] ?? false) : false;
}
