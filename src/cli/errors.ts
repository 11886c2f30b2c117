/** The one line saying why `--out` could not be written, and the fix. */
export function writeError(target: string, e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  const reason = code === 'ENOENT' ? 'its folder does not exist' : code === 'EACCES' || code === 'EPERM' ? 'permission denied'
    : code === 'EISDIR' ? 'it is a directory' : code === 'ENOSPC' ? 'the disk is full' : code ?? String(e);
  return `tension-lens: cannot write ${target}: ${reason}; nothing was written — choose another --out`;
}

/**
 * The errors `run` (src/cli/main.ts) turns into a message and an exit code that can come from a command loaded on
 * demand (src/cli/parts.ts): such a bundle has its own copy of each class, so `instanceof` against the main
 * bundle's class fails. Each class names itself, and `run` goes by the name.
 */
export type CliErrorName = 'Interrupted' | 'LexiconError' | 'AgreementUsageError';

/** Whether `e` is one of the CLI's errors named `name`, from whichever bundle. */
export function isCliError(e: unknown, name: CliErrorName): e is Error {
  return e instanceof Error && e.name === name;
}
