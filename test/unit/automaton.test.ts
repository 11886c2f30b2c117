import assert from 'node:assert/strict';
import { Automaton, type CompiledLexicon, builtAutomata, builtinLexicon, compileLexicon } from '../../src/core';

function matches(patterns: string[], text: string): [string, number, number][] {
  const out: [string, number, number][] = [];
  new Automaton(patterns).scan(text, 0, text.length, (start, end, id) => out.push([patterns[id] ?? '?', start, end]));
  return out;
}

describe('Automaton (leftmost-longest)', () => {
  it('prefers the longest pattern at a position', () => {
    assert.deepEqual(matches(['开放', '开放原则'], '坚持开放原则'), [['开放原则', 2, 6]]);
  });

  it('prefers the leftmost match over a longer one that starts later', () => {
    // 非营利 starts first, so its inner 营利 never fires.
    assert.deepEqual(matches(['营利', '非营利', '营利性质'], '非营利性质'), [['非营利', 0, 3]]);
  });

  it('finds adjacent matches without gaps or overlaps', () => {
    assert.deepEqual(matches(['开源', '闭源'], '开源闭源开源'), [['开源', 0, 2], ['闭源', 2, 4], ['开源', 4, 6]]);
  });

  it('falls back to a shorter pattern when the longer one breaks off', () => {
    assert.deepEqual(matches(['开放', '开放原则'], '开放原理'), [['开放', 0, 2]]);
  });

  it('handles empty and one-character texts and patterns longer than the text', () => {
    assert.deepEqual(matches(['开源'], ''), []);
    assert.deepEqual(matches(['开源'], '开'), []);
    assert.deepEqual(matches(['开'], '开'), [['开', 0, 1]]);
  });

  it('matches characters outside the BMP by their UTF-16 code units', () => {
    const text = '😀𠀀开源𠀀';
    assert.deepEqual(matches(['开源', '𠀀'], text), [['𠀀', 2, 4], ['开源', 4, 6], ['𠀀', 6, 8]]);
  });

  it('keeps the first id of a duplicated pattern and ignores empty patterns', () => {
    const a = new Automaton(['', '开源', '开源']);
    const ids: number[] = [];
    a.scan('开源', 0, 2, (_s, _e, id) => ids.push(id));
    assert.deepEqual(ids, [1]);
  });

  it('scans only inside [from, to)', () => {
    const out: number[] = [];
    new Automaton(['开源']).scan('开源开源开源', 1, 5, (s) => out.push(s));
    assert.deepEqual(out, [2]);
  });

  it('agrees with a brute-force leftmost-longest scan on random texts', () => {
    const alphabet = '开放源闭商用非营利';
    const patterns = ['开放', '开源', '闭源', '闭源商用', '非营利', '营利', '放', '商用', '源闭'];
    let seed = 42;
    const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    for (let round = 0; round < 300; round++) {
      let text = '';
      for (let i = 0; i < 30; i++) text += alphabet[Math.floor(rand() * alphabet.length)];
      const expected: [string, number, number][] = [];
      for (let i = 0; i < text.length; ) {
        const best = patterns.filter((p) => text.startsWith(p, i)).sort((a, b) => b.length - a.length)[0];
        if (best) {
          expected.push([best, i, i + best.length]);
          i += best.length;
        } else i++;
      }
      assert.deepEqual(matches(patterns, text), expected, text);
    }
  });
});

describe('Automaton tables handed to another thread (the CLI pool)', () => {
  const all = (a: Automaton, text: string): number[][] => {
    const out: number[][] = [];
    a.scan(text, 0, text.length, (start, end, id) => out.push([start, end, id]));
    return out;
  };

  it('an automaton made from the structured clone of tables() matches exactly as the one built from the patterns', () => {
    const patterns = ['开放', '开放原则', '开', '𠀀', '非营利', '营利', '开源', '开源'];
    const built = new Automaton(patterns);
    const copied = new Automaton(structuredClone(built.tables()));
    const text = '坚持开放原则，开源𠀀非营利性质，开放原理开';
    assert.ok(all(built, text).length > 5);
    assert.deepEqual(all(copied, text), all(built, text));
    assert.equal(copied.patternCount, built.patternCount);
  });

  it('compileLexicon takes over automata built for the same lexicon, and builds its own for another', () => {
    const lexicon = builtinLexicon;
    const source = compileLexicon(lexicon);
    const text = '坚持开放原则与商业化，但并非封闭';
    const hits = (c: CompiledLexicon): number[][] => all(c.termAutomaton, text);
    // A copy of the lexicon is another object: compileLexicon memoizes per object, so this really compiles again.
    const same = compileLexicon(structuredClone(lexicon), structuredClone(builtAutomata(source)));
    assert.deepEqual(hits(same), hits(source));
    // Automata of a lexicon with one form fewer are not this lexicon's: ignored, and the result is still right.
    const fewer = structuredClone(lexicon);
    const term = fewer.axes[0]?.poles[0].terms[0];
    assert.ok(term && term.forms.length > 1);
    Object.assign(term, { forms: term.forms.slice(1) });
    const mismatched = compileLexicon(fewer, structuredClone(builtAutomata(source)));
    assert.deepEqual(hits(mismatched), hits(compileLexicon(structuredClone(fewer))));
    assert.equal(mismatched.termAutomaton.patternCount, mismatched.patterns.length);
  });
});
