import { findDateTime } from './dateTime';
import type { ArticleMetadata } from './frontMatter';

/** One line of text: runs of whitespace (including full-width spaces and line breaks) become one space. */
export function cleanText(text: string | null | undefined): string | undefined {
  const t = (text ?? '').replace(/[\s\u3000]+/gu, ' ').trim();
  return t === '' ? undefined : t;
}

/**
 * The first value of each field that is present, cleaned: sources are listed best first, so a field a better
 * source lacks falls back to the next. `date` is kept only when findDateTime reads it.
 */
export function mergeMetadata(...sources: ArticleMetadata[]): ArticleMetadata {
  const pick = (key: keyof ArticleMetadata): string | undefined => {
    for (const s of sources) {
      const raw = cleanText(s[key]);
      const v = key === 'date' && raw !== undefined ? findDateTime(raw) : raw;
      if (v !== undefined) return v;
    }
    return undefined;
  };
  const out: { -readonly [K in keyof ArticleMetadata]: string } = {};
  for (const key of ['title', 'source', 'url', 'author', 'date'] as const) {
    const v = pick(key);
    if (v !== undefined) out[key] = v;
  }
  return out;
}

// Chinese news pages put "发布时间：… 来源：… 作者：…" in one short line above the text (simplified or traditional).
const LABELS: readonly (readonly [keyof ArticleMetadata | 'editor', RegExp])[] = [
  ['date', /^(?:发布时间|發布時間|发表时间|發表時間|发布日期|發布日期|發佈時間|时间|時間|日期)$/u],
  ['source', /^(?:来源|來源|出处|出處)$/u],
  ['author', /^(?:作者|记者|記者|撰文)$/u],
  ['editor', /^(?:责任编辑|責任編輯|编辑|編輯|责编|責編)$/u],
];
const LABEL = /(发布时间|發布時間|发表时间|發表時間|发布日期|發布日期|發佈時間|时间|時間|日期|来源|來源|出处|出處|作者|记者|記者|撰文|责任编辑|責任編輯|编辑|編輯|责编|責編)\s*[:：]/gu;
/** A byline is short; a longer text that happens to hold "来源：" is a paragraph of the article. */
export const MAX_BYLINE_CHARS = 160;

/** True when a short text is a byline (or an editor credit): it holds at least one labelled field. */
export function isBylineText(text: string): boolean {
  if (text.length > MAX_BYLINE_CHARS) return false;
  LABEL.lastIndex = 0;
  return LABEL.test(text);
}

/**
 * The fields of a Chinese news byline: `发布时间：2024年05月01日 08:30\u3000来源：晨光网\u3000作者：林晓`. A value runs to the
 * next label, a full-width space, two spaces or a bar. A date standing in the line without a label is taken too.
 */
export function parseByline(text: string): ArticleMetadata {
  const out: { -readonly [K in keyof ArticleMetadata]: string } = {};
  const matches = [...text.matchAll(LABEL)];
  matches.forEach((m, i) => {
    const end = i + 1 < matches.length ? matches[i + 1]!.index : text.length;
    let value = text.slice(m.index + m[0].length, end).trim();
    const key = LABELS.find(([, re]) => re.test(m[1]!))?.[0];
    if (!key || key === 'editor') return;
    if (key === 'date') {
      const iso = findDateTime(value);
      if (iso !== undefined && out.date === undefined) out.date = iso;
      return;
    }
    value = value.split(/\u3000|\s{2,}|[|｜]/u)[0]!.trim();
    if (value !== '' && out[key] === undefined) out[key] = value;
  });
  if (out.date === undefined && matches.length > 0) {
    const iso = findDateTime(text);
    if (iso !== undefined) out.date = iso;
  }
  return out;
}

/** A page's `<title>` without the site and channel it usually carries: `标题_科技频道_晨光网` → `标题`. */
export function titleWithoutSite(title: string): string {
  const parts = title.split(/\s*(?:_|\||｜|\s[-–—]\s)\s*/u).filter((p) => p.trim() !== '');
  return parts.length > 1 ? parts[0]!.trim() : title.trim();
}
