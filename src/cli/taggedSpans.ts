import fs from 'node:fs';
import { type TaggedSpan, parseSidecar, reanchorAll } from '../core';
import { sidecarFileOf } from './sidecarFiles';

/**
 * The annotations of an article on disk as tagged spans (re-anchored against `text`; orphaned ones left out), from
 * its sidecar beside it or under `<sidecarFolder>/.tension/`. No sidecar: none. An unusable sidecar: none, and a
 * `problem` to report — the sidecar itself is only read, never touched.
 */
export function taggedSpansOf(article: string, text: string, sidecarFolder: string | undefined): { spans: TaggedSpan[]; problem?: string } {
  if (article === '-') return { spans: [] };
  const file = sidecarFileOf(article, sidecarFolder);
  let json: string;
  try {
    json = fs.readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? { spans: [] } : { spans: [], problem: `${file}: cannot read annotations (${code ?? String(e)}); tags of ${article} left out` };
  }
  const parsed = parseSidecar(json, file);
  if ('problems' in parsed) {
    const first = parsed.problems[0];
    return { spans: [], problem: `${file}: unusable sidecar (${first ? `${first.path}: ${first.message}` : 'unknown problem'}); tags of ${article} left out` };
  }
  const labels = new Map(parsed.sidecar.tags.map((t) => [t.id, t.label]));
  const { anchors } = reanchorAll(parsed.sidecar.annotations, text);
  const spans: TaggedSpan[] = [];
  for (const { annotation, state } of anchors) {
    if (state === 'orphaned') continue;
    const { start, end } = annotation.target.position;
    spans.push({ start, end, labels: annotation.tags.map((id) => labels.get(id) ?? id) });
  }
  return { spans: spans.sort((a, b) => a.start - b.start || a.end - b.end) };
}
