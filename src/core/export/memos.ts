import { exchangeTags } from '../codebook/memos';
import type { CodebookTag } from '../codebook/types';
import type { ExportData } from './collect';

/** The memos an annotation export shows: the project memo and the definition of every tag that has one. */
export interface ExportMemos {
  readonly project?: string;
  /** The codebook's tags that have a memo (a sidecar's own tag description is exported with its tag, as before). */
  readonly tags: readonly (CodebookTag & { readonly description: string })[];
}

/** The export's memos; undefined when it holds no annotations, or there is no memo to show. */
export function exportMemos(data: ExportData): ExportMemos | undefined {
  if (!data.parts.annotations) return undefined;
  const { codebook } = data.request;
  const tags = exchangeTags(codebook, [])
    .filter((t): t is CodebookTag & { description: string } => (t.description ?? '').trim() !== '');
  const project = codebook?.memo?.trim() ? codebook.memo : undefined;
  return project === undefined && tags.length === 0 ? undefined : { ...(project !== undefined && { project }), tags };
}

/** An article's memo when the export holds annotations. */
export function articleMemo(data: ExportData, article: { readonly annotations?: { readonly memo?: string } }): string | undefined {
  const memo = article.annotations?.memo;
  return data.parts.annotations && memo?.trim() ? memo : undefined;
}
