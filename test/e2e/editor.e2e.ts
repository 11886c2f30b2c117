// The seed article in the real web workbench, as a reader sees it: its terms painted in their pole's colour, the
// hover explaining a term with its axis and opposite pole, and the Tension Lens sidebar counting each axis exactly
// as the CLI does — with no error notification on the way.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { builtinLexicon } from '../../src/core/lexicon/builtin';
import { poleColorId } from '../../src/core/lexicon/palette';
import {
  type Decoration, dismissHover, eventually, expectNoErrorNotification, hoverWord, openFile, openViewContainer, openWorkbench,
  screenshot, setViewExpanded, themeColor, treeRows, waitForEditorText, wordDecorations,
} from './workbench';

const ARTICLE = 'ai-lab-expert-departure.md';
const ROOT = path.resolve(__dirname, '..', '..');

/**
 * Words on the article's first screen and the pole each must be painted in. Line 1 is the title "AI专家离职风波:
 * 人工智能实验室开放原则与商业化的博弈"; line 3 is the abstract, where word wrap may split 开源 over two visual lines.
 */
const PAINTED = [
  { word: '开放原则', line: 1, pole: 'open' },
  { word: '商业化', line: 1, pole: 'commercial' },
  { word: '开源', line: 3, pole: 'open' },
  { word: '闭源商用', line: 3, pole: 'closed' },
] as const;

/** Plain words of line 1 that are no term: they must carry no pole colour. */
const UNPAINTED = [{ word: '博弈', line: 1 }] as const;

/** Every pole of the built-in lexicon with its axis and the opposite pole. */
const POLES = new Map(builtinLexicon.axes.flatMap((axis) => axis.poles.map((pole, side) => [pole.id, { axis, pole, opposite: axis.poles[1 - side] }] as const)));

/** Pole id → the background colour the current theme gives it (`tensionLens.pole.<id>.background`). */
async function poleBackgrounds(): Promise<Map<string, string>> {
  const colours = new Map<string, string>();
  for (const id of POLES.keys()) {
    const colour = await themeColor(poleColorId(id, 'background'));
    assert.ok(colour, `the theme defines no ${poleColorId(id, 'background')} (is the extension installed?)`);
    colours.set(id, colour);
  }
  return colours;
}

/** "ced-…-5-0 rgba(…) = commercial", for failure messages. */
function describeDecorations(decorations: readonly Decoration[], backgrounds: Map<string, string>): string {
  if (decorations.length === 0) return 'no decoration at all';
  return decorations.map((d) => {
    const poles = [...backgrounds].filter(([, c]) => c === d.background).map(([id]) => id);
    return `${d.kind} .${d.className.split(/\s+/).join('.')} ${d.background}${poles.length > 0 ? ` = pole ${poles.join(' or ')}` : ''}`;
  }).join('; ');
}

/** assert.ok without the "+ expected - actual / true false" diff mocha prints under it: the message says it all. */
function check(condition: boolean, message: string): asserts condition {
  if (!condition) assert.fail(message);
}

/** Counts of `node dist/cli.js scan --json FILE`: axis id → pole id → count. */
interface CliCounts {
  readonly axes: Readonly<Record<string, { readonly total: number; readonly poles: Readonly<Record<string, number>> }>>;
}

function cliCounts(file: string): CliCounts {
  const out = execFileSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'scan', '--json', file], { encoding: 'utf8' });
  const json = JSON.parse(out) as { files: { path: string; counts: CliCounts }[] };
  const counts = json.files[0]?.counts;
  assert.ok(counts, `the CLI reported no file for ${file}:\n${out.slice(0, 500)}`);
  return counts;
}

describe('editor: pole decorations, hover and sidebar of the seed article', () => {
  before(async () => {
    await openWorkbench();
  });

  beforeEach(async () => {
    // Earlier suites may have left a hover, the dashboard or another article in front.
    await dismissHover();
    await openFile(ARTICLE);
    await waitForEditorText('开放原则');
  });

  it('paints each term in its pole\'s theme colour (开放原则, 开源 open; 商业化 commercial; 闭源商用 closed)', async () => {
    const backgrounds = await poleBackgrounds();
    for (const { word, line, pole } of PAINTED) {
      const { opposite } = POLES.get(pole) ?? assert.fail(`no pole ${pole} in the built-in lexicon`);
      const expected = backgrounds.get(pole) ?? '';
      const oppositeColour = backgrounds.get(opposite?.id ?? '') ?? '';
      assert.notEqual(expected, oppositeColour, `the ${pole} and ${opposite?.id ?? '?'} poles have the same colour ${expected}: the check cannot tell them apart`);
      // The decorations come from the extension host a moment after the text.
      await eventually<void>(async () => {
        const found = await wordDecorations(word);
        assert.ok(found, `${word} is not rendered in the editor`);
        assert.equal(found.lineNumber, line, `${word} was expected first on line ${line}`);
        for (const [i, part] of found.parts.entries()) {
          const where: string = `${word} (line ${line}${found.parts.length > 1 ? `, part ${i + 1} of ${found.parts.length} of a wrapped word` : ''})`;
          const poleColours = part.decorations.filter((d) => [...backgrounds.values()].includes(d.background));
          check(poleColours.some((d) => d.background === expected),
            `${where} should lie on a decoration of the ${pole} pole's background ${expected}; it lies on: ${describeDecorations(part.decorations, backgrounds)}`);
          const others = poleColours.filter((d) => d.background !== expected);
          check(others.length === 0, `${where} also lies on another pole's colour: ${describeDecorations(others, backgrounds)}`);
        }
      });
    }
    for (const { word, line } of UNPAINTED) {
      const found = await wordDecorations(word);
      assert.ok(found, `${word} is not rendered in the editor`);
      assert.equal(found.lineNumber, line);
      const poleColours = found.parts.flatMap((p) => p.decorations).filter((d) => [...backgrounds.values()].includes(d.background));
      check(poleColours.length === 0, `${word} is no term but lies on: ${describeDecorations(poleColours, backgrounds)}`);
    }
    await expectNoErrorNotification();
    await screenshot('editor-decorations');
  });

  it('the hover on 闭源商用 names its axis, its pole and the opposite pole', async () => {
    const hover = await hoverWord('闭源商用', { hasText: 'Opposite pole' });
    const text = (await hover.innerText()).replace(/\s+/g, ' ');
    const { axis, pole, opposite } = POLES.get('closed') ?? assert.fail('no closed pole');
    assert.ok(opposite, 'the closed pole has an opposite');
    check(text.startsWith('闭源商用'), `the hover should start with the term; it reads: "${text}"`);
    check(text.includes(`Axis: ${axis.label.zh} · ${axis.label.en}`), `the hover should name the axis "${axis.label.zh} · ${axis.label.en}"; it reads: "${text}"`);
    check(text.includes(`Pole: ${pole.label.zh} · ${pole.label.en}`), `the hover should name the pole ${pole.label.zh}; it reads: "${text}"`);
    check(text.includes(`Opposite pole: ${opposite.label.zh} · ${opposite.label.en}`), `the hover should name the opposite pole ${opposite.label.zh} · ${opposite.label.en}; it reads: "${text}"`);
    await screenshot('editor-hover');
    await dismissHover();
    await expectNoErrorNotification();
  });

  it('the Terms view lists every axis and pole with the CLI\'s counts', async () => {
    const file = path.join(process.env['VSCODE_E2E_FOLDER'] ?? path.join(ROOT, 'test', 'fixtures', 'workspace'), ARTICLE);
    const counts = cliCounts(file);
    assert.ok((counts.axes['open-closed']?.total ?? 0) > 0, 'the CLI finds open/closed terms in the article');
    await openViewContainer('Tension Lens');
    await setViewExpanded('Terms', true);
    // The tree refreshes after the analysis: compare until it matches, then report the last difference.
    await eventually<void>(async () => {
      const rows = await treeRows('Terms');
      const axes: string[] = [];
      const poles: string[] = [];
      const expectedAxes: string[] = [];
      const expectedPoles: string[] = [];
      let axisLabel = '';
      for (const row of rows) {
        if (row.level === 1) {
          axisLabel = row.label;
          axes.push(`${row.label} | ${row.description}`);
        } else if (row.level === 2) {
          poles.push(`${axisLabel} / ${row.label} | ${row.description}`);
        }
      }
      for (const axis of builtinLexicon.axes) {
        const c = counts.axes[axis.id];
        if (!c || c.total === 0) continue; // the view lists only axes with terms
        const [a, b] = axis.poles;
        expectedAxes.push(`${axis.label.zh} | ${axis.label.en} · ${c.poles[a.id] ?? 0} : ${c.poles[b.id] ?? 0}`);
        // Pole rows show only under an expanded axis row (axes start expanded).
        if (rows.find((r) => r.level === 1 && r.label === axis.label.zh)?.expanded === false) continue;
        for (const p of axis.poles) expectedPoles.push(`${axis.label.zh} / ${p.label.zh} · ${p.label.en} | ${c.poles[p.id] ?? 0}`);
      }
      assert.deepEqual(axes, expectedAxes, 'axis rows of the Terms view (label | description) vs `tension-lens scan --json`');
      assert.deepEqual(poles, expectedPoles, 'pole rows of the Terms view (axis / label | description) vs `tension-lens scan --json`');
    });
    await screenshot('editor-sidebar');
    await expectNoErrorNotification();
  });
});
