// How the CLI stops on a signal: which signals stop a corpus run cleanly, which commands can, and what is said.
import os from 'node:os';
import { parseArgs } from 'node:util';
import { OPTIONS } from './options';

/** The exit code of a run stopped by Ctrl+C (128 + SIGINT), as shells report it. */
export const INTERRUPTED = 130;

/**
 * The signals that stop a run the way Ctrl+C does: a batch scheduler ends a job that runs out of time with SIGTERM
 * (so does `timeout`), a closed terminal sends SIGHUP. Each stops the workers and removes `--out`'s temp file.
 */
export const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
type StopSignal = (typeof STOP_SIGNALS)[number];

/** What the user is told, and the exit code (128 + the signal's number, as shells report it), for a stopped run. */
export function stopped(reason: unknown, out: boolean): { message: string; code: number } {
  const signal: StopSignal = STOP_SIGNALS.find((s) => s === reason) ?? 'SIGINT';
  const rest = out ? '; nothing was written to --out' : '';
  if (signal === 'SIGINT') return { message: `tension-lens: interrupted${rest}`, code: INTERRUPTED };
  return { message: `tension-lens: stopped by ${signal}${rest}`, code: 128 + os.constants.signals[signal] };
}

/** The commands that stop cleanly on a signal: they read files through the pool and check `Output.signal`. */
const STOPPABLE = new Set(['scan', 'stats', 'export', 'kwic', 'cooccur', 'suggest']);

/**
 * Whether the command line runs a command that stops cleanly on Ctrl+C, SIGTERM or SIGHUP. The others keep the
 * default: the process ends at once (they would not hear the signal, and it must not be swallowed).
 */
export function stopsCleanly(argv: readonly string[]): boolean {
  if (argv[0] === 'import' || argv[0] === 'codebook') return false;
  try {
    return STOPPABLE.has(parseArgs({ args: [...argv], allowPositionals: true, strict: false, options: OPTIONS }).positionals[0] ?? '');
  } catch {
    return false;
  }
}
