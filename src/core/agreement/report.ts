import type { ArticleAgreement, TagAgreement } from './types';

/** One tag's figures as the CLI JSON prints them: counts, and each coefficient a number or null. */
export interface TagFiguresJson {
  readonly tag: string;
  readonly a: number;
  readonly b: number;
  readonly both: number;
  readonly percent: number | null;
  readonly kappa: number | null;
  readonly alpha: number | null;
}

/** `tension-lens agreement --json` (format version 1; see README "Intercoder agreement"). */
export interface AgreementJson {
  readonly version: 1;
  readonly unit: 'character';
  readonly coders: readonly [string, string];
  readonly articles: readonly { readonly path: string; readonly units: number; readonly tags: readonly TagFiguresJson[] }[];
  readonly pooled: readonly TagFiguresJson[];
}

/** A tag's figures without its passages, coefficients flattened to number or null. */
export function tagFiguresJson(t: TagAgreement): TagFiguresJson {
  return { tag: t.tag, a: t.a, b: t.b, both: t.both, percent: t.percent.value, kappa: t.kappa.value, alpha: t.alpha.value };
}

/** The JSON document for two coders' agreement over articles (each with its path) and pooled. */
export function agreementJson(
  coders: readonly [string, string], articles: readonly { readonly path: string; readonly agreement: ArticleAgreement }[], pooled: readonly TagAgreement[],
): AgreementJson {
  return {
    version: 1, unit: 'character', coders,
    articles: articles.map(({ path, agreement }) => ({ path, units: agreement.units, tags: agreement.tags.map(tagFiguresJson) })),
    pooled: pooled.map(tagFiguresJson),
  };
}
