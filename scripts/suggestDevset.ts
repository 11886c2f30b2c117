/**
 * How Suggest Terms does on the development set (test/fixtures/lexicon-devset.json): each source's judged snippets
 * (a form with up to 8 characters either side — never the articles' text) stand in for that article, one snippet a
 * line; suggest runs over them with the built-in lexicon, and its candidates are compared with the judged spans the
 * lexicon misses. A rough figure: the snippets are short, so many frames are cut off, and a candidate that no one
 * judged counts as neither right nor wrong but is listed.
 *   npx tsx scripts/suggestDevset.ts [--top N]
 */
import fs from 'node:fs';
import { analyze, builtinLexicon, collectEvidence, parseReferenceList, rankSuggestions } from '../src/core';
import { type DevSet, itemOutcome, lexiconMatcher } from './lexiconStats';

const top = Number(process.argv[process.argv.indexOf('--top') + 1]) || 20;
const devset = JSON.parse(fs.readFileSync('test/fixtures/lexicon-devset.json', 'utf8')) as DevSet;
const reference = parseReferenceList(fs.readFileSync('src/core/suggest/zh-reference.txt', 'utf8'));
const match = lexiconMatcher(builtinLexicon);

const evidence = devset.sources.map((source) => {
  const text = `${devset.items.filter((i) => i.source === source.id).map((i) => i.left + i.form + i.right).join('\n')}\n`;
  return collectEvidence(source.id, text, analyze(text, 'plaintext', builtinLexicon), reference);
});
const suggestions = rankSuggestions(evidence, builtinLexicon, reference);

// Judged forms, by Simplified spelling: the poles readers gave them (null: not a tension term).
const judged = new Map<string, Set<string>>();
const missed = new Set<string>();
for (const item of devset.items) {
  const key = reference.simplify(item.form);
  const poles = judged.get(key) ?? new Set<string>();
  poles.add(item.pole === null ? 'none' : `${item.axis ?? ''}/${item.pole}`);
  judged.set(key, poles);
  if (itemOutcome(item, match) === 'missed') missed.add(key);
}

const verdict = (text: string, axis: string, pole: string): 'right' | 'other pole' | 'not a term' | 'unjudged' => {
  const poles = judged.get(text);
  if (!poles) return 'unjudged';
  if (poles.has(`${axis}/${pole}`)) return 'right';
  return [...poles].some((p) => p !== 'none') ? 'other pole' : 'not a term';
};

console.log(`${suggestions.length} candidates from ${devset.sources.length} sources; ${missed.size} distinct judged forms the lexicon misses`);
for (const n of [10, top, suggestions.length]) {
  const head = suggestions.slice(0, n);
  const tally = { right: 0, 'other pole': 0, 'not a term': 0, unjudged: 0 };
  for (const s of head) tally[verdict(s.text, s.axis, s.pole)]++;
  const judgedCount = head.length - tally.unjudged;
  console.log(`top ${String(n).padStart(3)}: ${tally.right} right pole, ${tally['other pole']} other pole, ${tally['not a term']} not a term, ${tally.unjudged} unjudged` +
    ` — precision on judged ${judgedCount ? ((100 * tally.right) / judgedCount).toFixed(0) : '–'}%, right / N ${((100 * tally.right) / Math.max(1, head.length)).toFixed(0)}%`);
}
const found = [...missed].filter((m) => suggestions.some((s) => s.text === m));
console.log(`missed forms among all candidates: ${found.length} of ${missed.size} (${found.join(' ')})`);
console.log(`\ntop ${top}:`);
for (const s of suggestions.slice(0, top)) console.log(`  ${s.score.toFixed(3).padStart(6)} ${s.text} ${s.axis}/${s.pole} — ${verdict(s.text, s.axis, s.pole)}  [${s.examples.map((e) => e.context).join(' | ')}]`);
