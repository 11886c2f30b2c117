// linkedom parses a <style> element's CSS only when its `.sheet` is read, which no importer does: the 190 KB CSS
// parser stays out of dist/import.js.
export function parse(): never {
  throw new Error('a <style> sheet was read during an import (src/import/stubs/cssParse.ts)');
}
