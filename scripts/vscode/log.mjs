// A tagged logger with the seconds elapsed since the script started, so slow steps stand out.
const t0 = Date.now();

/** Returns `log(...args)`, which prints `[tag +12.3s] ...` to stdout. */
export function createLogger(tag) {
  return (...args) => console.log(`[${tag} +${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...args);
}
