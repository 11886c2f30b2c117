/** The byte-order mark VS Code drops from a document's text; the CLI drops it the same way. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** True when the text holds at least one CJK ideograph (BMP blocks or Extension B and beyond). */
export function hasChinese(text: string, limit = 200_000): boolean {
  // Only the head is checked on huge texts: an article with no Chinese in its first 200k characters is not ours.
  return /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[\ud840-\ud87f][\udc00-\udfff]/.test(
    text.length > limit ? text.slice(0, limit) : text,
  );
}
