import * as vscode from 'vscode';
import {
  type ArticleFormat, type CompiledLexicon, type ConcordanceArticle, type TaggedSpan, analyze, decodeArticle, formatOf, parseSidecar, reanchorAll,
} from '../../core';
import type { AnnotationService } from '../annotations/annotationService';
import { readText } from '../annotations/sidecarFiles';
import { sidecarUris } from '../dashboard/articleFiles';

/** Tagged spans from an annotation set's anchors: orphaned ones left out, tag ids turned into labels. */
function spansOf(anchors: readonly { annotation: { tags: readonly string[]; target: { position: { start: number; end: number } } }; state: string }[],
  tags: readonly { id: string; label: string }[]): TaggedSpan[] {
  const labels = new Map(tags.map((t) => [t.id, t.label]));
  return anchors.filter((a) => a.state !== 'orphaned').map(({ annotation }) => ({
    start: annotation.target.position.start, end: annotation.target.position.end, labels: annotation.tags.map((id) => labels.get(id) ?? id),
  })).sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * An article's annotations as tagged spans: from the annotation layer when it has the article loaded (live edits
 * included), else read from its sidecar (re-anchored against `text`). A missing or unusable sidecar gives none.
 */
export async function taggedSpans(uri: vscode.Uri, text: string, annotations: AnnotationService, location: 'beside' | 'folder'): Promise<TaggedSpan[]> {
  const set = annotations.get(uri)?.set;
  if (set) return spansOf(set.anchors, set.tags);
  for (const sidecar of sidecarUris(uri, location)) {
    const json = await readText(sidecar);
    if (json === undefined) continue;
    const parsed = parseSidecar(json, sidecar.path);
    if ('problems' in parsed) return [];
    return spansOf(reanchorAll(parsed.sidecar.annotations, text).anchors, parsed.sidecar.tags);
  }
  return [];
}

/**
 * An article's text as the concordance reads it: the open document's text when it is open (unsaved edits count),
 * else the file decoded as the dashboard does; undefined for a file too large, binary or unreadable.
 */
export async function readArticleText(uri: vscode.Uri, maxBytes: number): Promise<{ readonly text: string; readonly format: ArticleFormat; readonly document?: vscode.TextDocument } | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return { text: open.getText(), format: formatOf(open.languageId), document: open };
  try {
    if ((await vscode.workspace.fs.stat(uri)).size > maxBytes) return undefined;
    const decoded = decodeArticle(await vscode.workspace.fs.readFile(uri), maxBytes);
    if ('error' in decoded) return undefined;
    return { text: decoded.text, format: formatOf(uri.path) };
  } catch {
    return undefined;
  }
}

/**
 * One article to search (`readArticleText`), analysed, with its tagged spans when `tags` gives them; undefined when
 * it cannot be read (the search goes on without it).
 */
export async function readConcordanceArticle(uri: vscode.Uri, lexicon: CompiledLexicon, maxBytes: number, tags: (text: string) => Promise<readonly TaggedSpan[]> | undefined,
  ): Promise<(ConcordanceArticle & { readonly document?: vscode.TextDocument }) | undefined> {
  const read = await readArticleText(uri, maxBytes);
  if (!read) return undefined;
  const spans = tags(read.text);
  return { text: read.text, analysis: analyze(read.text, read.format, lexicon), ...(spans ? { tags: await spans } : {}) };
}
