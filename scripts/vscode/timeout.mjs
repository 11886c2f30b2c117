// The run's time limit (VSCODE_TEST_TIMEOUT seconds, default 900) and a helper that applies it to a promise.

/** VSCODE_TEST_TIMEOUT in milliseconds; 900 s when unset or not a positive number. */
export const timeoutMs = (() => {
  const seconds = Number(process.env.VSCODE_TEST_TIMEOUT);
  return (Number.isFinite(seconds) && seconds > 0 ? seconds : 900) * 1000;
})();

/** Resolves like `promise`, or rejects with "<what> timed out after N s" when `ms` pass first. */
export function withTimeout(promise, what, ms = timeoutMs) {
  let timer;
  const limit = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms / 1000} s (VSCODE_TEST_TIMEOUT)`)), ms);
  });
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}
