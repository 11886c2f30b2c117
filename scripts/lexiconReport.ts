// npm run lexicon:report [-- --baseline OLD-builtin.json] [--json] [--misses tune|heldout|blind]
// The built-in lexicon's shape and its figures on the development set (see lexiconStats.ts for what each means).
// --baseline evaluates another built lexicon (e.g. `git show REV:src/core/lexicon/builtin.json`) beside it.
import fs from 'node:fs';
import type { Lexicon } from '../src/core/lexicon/types';
import {
  type DevScore,
  type DevSet,
  checkDevSet,
  countPoles,
  duplicateForms,
  itemOutcome,
  itemsOf,
  lexiconMatcher,
  scoreDevSet,
  shadowedForms,
  termsWithoutDefinitions,
  wordBoundaryMatcher,
} from './lexiconStats';

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const read = <T>(file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as T;
const source = read<Lexicon>('src/core/lexicon/builtin.source.json');
const built = read<Lexicon>('src/core/lexicon/builtin.json');
const devset = read<DevSet>('test/fixtures/lexicon-devset.json');
const baselineFile = option('--baseline');
const baseline = baselineFile ? read<Lexicon>(baselineFile) : undefined;

const problems = checkDevSet(devset, built);
if (problems.length > 0) {
  console.error(`test/fixtures/lexicon-devset.json: ${problems.join('\n')}`);
  process.exit(1);
}

const axes = built.axes.map((a) => a.id);
const splits = { tune: itemsOf(devset, 'tune'), heldout: itemsOf(devset, 'heldout'), blind: itemsOf(devset, 'blind'), all: itemsOf(devset) } as const;
const evaluate = (lexicon: Lexicon, boundaries = false) => {
  const match = boundaries ? wordBoundaryMatcher(lexiconMatcher(lexicon)) : lexiconMatcher(lexicon);
  return Object.fromEntries(Object.entries(splits).map(([split, items]) => [split, scoreDevSet(items, match, axes)])) as Record<keyof typeof splits, DevScore[]>;
};
const report = {
  counts: countPoles(source),
  builtForms: countPoles(built).reduce((n, p) => n + p.forms, 0),
  shadowed: shadowedForms(source),
  duplicates: duplicateForms(built),
  withoutDefinitions: termsWithoutDefinitions(built),
  devset: evaluate(built),
  wordBoundaries: evaluate(built, true),
  ...(baseline ? { baseline: evaluate(baseline) } : {}),
};

if (args.includes('--json')) {
  console.log(JSON.stringify(report, null, 2));
  process.exit(0);
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const terms = report.counts.reduce((n, p) => n + p.terms, 0);
const forms = report.counts.reduce((n, p) => n + p.forms, 0);
console.log(`Built-in lexicon: ${axes.length} axes, ${terms} terms, ${forms} Simplified forms (${report.builtForms} with Traditional variants)\n`);
console.log('| axis | pole | terms | forms |\n| --- | --- | --- | --- |');
for (const p of report.counts) console.log(`| ${p.axis} | ${p.pole} | ${p.terms} | ${p.forms} |`);

const crossPole = report.shadowed.filter((s) => s.pole !== s.byPole);
console.log(`\nForms inside a longer form of another term: ${report.shadowed.length} pairs, ${crossPole.length} across poles:`);
for (const s of crossPole) console.log(`  ${s.form} (${s.pole}) inside ${s.by} (${s.byPole})`);
console.log(`\nForms on two terms: ${report.duplicates.length}`);
for (const d of report.duplicates) console.log(`  ${d.form}: ${d.terms.join(', ')}${d.poles.length > 1 ? '  ← ON TWO POLES' : ''}`);
console.log(`\nTerms without both labels and definitions: ${report.withoutDefinitions.length ? report.withoutDefinitions.join(', ') : 'none'}`);

const table = (title: string, scores: Record<string, DevScore[]>, before?: Record<string, DevScore[]>) => {
  console.log(`\n${title}\n`);
  console.log('| split | axis | judged | recall | precision (fired) |' + (before ? ' baseline recall | baseline precision |' : ''));
  console.log('| --- | --- | --- | --- | --- |' + (before ? ' --- | --- |' : ''));
  for (const [split, rows] of Object.entries(scores)) {
    rows.forEach((r, i) => {
      const b = before?.[split]?.[i];
      const extra = b ? ` ${pct(b.recall)} | ${pct(b.precision)} (${b.fired}) |` : '';
      console.log(`| ${split} | ${r.axis} | ${r.judged} | ${pct(r.recall)} | ${pct(r.precision)} (${r.fired}) |${extra}`);
    });
  }
};
const totals = (scores: Record<string, DevScore[]>) =>
  Object.entries(scores).map(([split, rows]) => { const all = rows[rows.length - 1] as DevScore; return `${split} ${pct(all.recall)} / ${pct(all.precision)}`; }).join(', ');
table(`Development set: ${devset.items.length} judged spans from ${devset.sources.length} articles (tune: ${splits.tune.length}, held out: ${splits.heldout.length}, blind: ${splits.blind.length})`, report.devset, report.baseline);

console.log(`\nWord-boundary experiment (Intl.Segmenter zh; a hit must start and end on a word boundary), recall / precision:\n  with:    ${totals(report.wordBoundaries)}\n  without: ${totals(report.devset)}`);

// --misses [tune|heldout|blind]: the items the matcher missed or got wrong, to read while tuning (tune only, to keep
// the held-out figures honest).
if (args.includes('--misses')) {
  const match = lexiconMatcher(built);
  const split = option('--misses');
  console.log('\nMissed and wrong items:');
  for (const item of split === 'tune' || split === 'heldout' || split === 'blind' ? itemsOf(devset, split) : devset.items) {
    const outcome = itemOutcome(item, match);
    if (outcome === 'missed' || outcome === 'wrong') console.log(`  ${outcome}\t${item.source}\t${item.left}[${item.form}]${item.right}\t${item.pole ?? '-'}`);
  }
}
