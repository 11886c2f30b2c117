/** Annotation figures: re-anchoring 1,000 annotations after an edit, and loading + saving a sidecar of 10,000. */
import { createHash } from 'node:crypto';
import { type Annotation, type Sidecar, createAnnotation, parseSidecar, reanchorAll, serializeSidecar } from '../src/core';
import { editInMiddle } from './incremental';
import { prng } from './inputs';
import { type RunPlan, type Stat, measure } from './stats';

/** Annotation figures, or why they are missing. */
export interface AnnotationResult {
  readonly reanchor1000: Stat | null;
  readonly sidecar10000: Stat | null;
  /** Parse and serialize apart, for the diagnosis. */
  readonly parse10000: Stat | null;
  readonly serialize10000: Stat | null;
  /** How the 1,000 annotations ended (exact/moved/fuzzy/orphaned counts), or why nothing was measured. */
  readonly note: string;
}

/** `count` annotations of 2–12 characters spread evenly over `text`, made with the core's own `createAnnotation`. */
function makeAnnotations(text: string, count: number): Annotation[] {
  const random = prng(0xa11);
  const step = Math.floor(text.length / (count + 1));
  const out: Annotation[] = [];
  for (let i = 0; i < count; i++) {
    const start = (i + 1) * step;
    const end = Math.min(text.length, start + 2 + Math.floor(random() * 11));
    out.push(createAnnotation({ text, start, end, now: '2026-02-05T12:00:00Z', id: `bench-${i}`, note: i % 3 === 0 ? '注释' : '' }));
  }
  return out;
}

function sidecarOf(text: string, annotations: readonly Annotation[]): Sidecar {
  const sha256 = createHash('sha256').update(text, 'utf8').digest('hex');
  return { version: 1, document: { path: 'bench/article.md', sha256, length: text.length }, tags: [], annotations };
}

/** Measures the annotation figures on `text` (the 1 MB article). */
export function benchAnnotations(text: string, plan: RunPlan): AnnotationResult {
  const core = { reanchorAll, serializeSidecar, parseSidecar };
  try {
    const few = makeAnnotations(text, 1000);
    const edited = editInMiddle(text);
    const states: Record<string, number> = {};
    for (const a of core.reanchorAll(few, edited).anchors) states[a.state] = (states[a.state] ?? 0) + 1;
    const reanchor1000 = measure(() => core.reanchorAll(few, edited), plan);

    const many = makeAnnotations(text, 10_000);
    const json = core.serializeSidecar(sidecarOf(text, many));
    const parsed = core.parseSidecar(json, 'bench.tension.json');
    if (!('sidecar' in parsed)) throw new Error(`the generated sidecar does not parse: ${JSON.stringify(parsed.problems[0])}`);
    const roundTrip = core.serializeSidecar(parsed.sidecar);
    if (roundTrip !== json) throw new Error('sidecar load + save changed the text');
    const sidecar10000 = measure(() => {
      const loaded = core.parseSidecar(json, 'bench.tension.json');
      return 'sidecar' in loaded ? core.serializeSidecar(loaded.sidecar) : '';
    }, plan);
    const parse10000 = measure(() => core.parseSidecar(json, 'bench.tension.json'), plan);
    const serialize10000 = measure(() => core.serializeSidecar(parsed.sidecar), plan);
    const note = `1,000 after a 1-char edit: ${Object.entries(states).map(([k, v]) => `${v} ${k}`).join(', ')}; sidecar ${(json.length / 1024).toFixed(0)} K chars`;
    return { reanchor1000, sidecar10000, parse10000, serialize10000, note };
  } catch (e) {
    return { reanchor1000: null, sidecar10000: null, parse10000: null, serialize10000: null, note: `n/a (failed: ${String(e).split('\n')[0] ?? ''})` };
  }
}
