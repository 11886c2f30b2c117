import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { Automaton, builtinLexicon, compileLexicon } from '../../src/core';
import { SENTENCE_STOPS, splitSentences, splitSentencesAt } from '../../src/core/parse/sentences';
import { NumberBuffer } from '../../src/core/text/numberBuffer';

/** Sentences as the RegExp search finds them (the reference) and as the matcher's marks give them. */
function both(automaton: Automaton, text: string, from = 0, to = text.length): { reference: number[]; marked: number[]; stops: number[] } {
  const reference = new NumberBuffer();
  splitSentences(text, from, to, reference);
  const stops = new NumberBuffer();
  automaton.scanMarking(text, from, to, () => undefined, SENTENCE_STOPS, stops);
  const marked = new NumberBuffer();
  splitSentencesAt(text, from, to, stops, marked);
  const list = (b: NumberBuffer): number[] => Array.from({ length: b.count }, (_, i) => b.at(i));
  return { reference: list(reference), marked: list(marked), stops: list(stops) };
}

/** Offsets of every code unit the STOP search stops at, by a plain loop: what `scanMarking` must mark. */
function stopOffsets(text: string, from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i < to; i++) if (/[\u3002\uff01\uff1f\uff1b!?\u2026\uff61\n]/.test(text[i] ?? '')) out.push(i);
  return out;
}

describe('sentences from the matcher’s marks (splitSentencesAt)', () => {
  const lexicon = compileLexicon(builtinLexicon);

  it('split every seed and fixture article exactly as the RegExp search does', () => {
    const dir = path.join(__dirname, '..', 'fixtures', 'workspace');
    const files = fs.readdirSync(dir).filter((f) => /\.(md|txt)$/.test(f));
    assert.ok(files.length >= 2);
    for (const f of files) {
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      const { reference, marked, stops } = both(lexicon.termAutomaton, text);
      assert.ok(reference.length > 20, f);
      assert.deepEqual(marked, reference, f);
      assert.deepEqual(stops, stopOffsets(text, 0, text.length), f);
    }
  });

  it('marks stop characters inside and right after matched forms, and in a sub-range', () => {
    // Forms that contain or end at a stop: the scan jumps over a match, and must still mark what it jumped over.
    const automaton = new Automaton(['Yahoo!', '好！', '开放', '!?', '。”', '\n\n']);
    const texts = [
      'Yahoo!好！开放。他说“开放。”然后？！\n\n下一段!?结束',
      '开放！开放。\n开放\n\n  开放？”',
      '!?!?', '。', '\n', '', '好！好！', 'a\r\n\r\nb。',
    ];
    for (const text of texts) {
      const { reference, marked, stops } = both(automaton, text);
      assert.deepEqual(marked, reference, JSON.stringify(text));
      assert.deepEqual(stops, stopOffsets(text, 0, text.length), JSON.stringify(text));
      if (text.length > 4) {
        const sub = both(automaton, text, 2, text.length - 1);
        assert.deepEqual(sub.stops, stopOffsets(text, 2, text.length - 1), JSON.stringify(text));
      }
    }
  });

  it('agrees with the RegExp search on random texts of stops, closers, spaces and forms', () => {
    const automaton = new Automaton(['开放', '封闭', '开放性', '！开', '。\n']);
    const alphabet = ['开', '放', '封', '闭', '性', '。', '！', '？', '；', '!', '?', '…', '｡', '”', '）', '」', ' ', '\n', '\t', '\u3000', 'a'];
    let seed = 17;
    const random = (): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
    for (let t = 0; t < 2000; t++) {
      let text = '';
      const n = Math.floor(random() * 40);
      for (let i = 0; i < n; i++) text += alphabet[Math.floor(random() * alphabet.length)];
      const { reference, marked, stops } = both(automaton, text);
      assert.deepEqual(marked, reference, JSON.stringify(text));
      assert.deepEqual(stops, stopOffsets(text, 0, text.length), JSON.stringify(text));
    }
  });
});
