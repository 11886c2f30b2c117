import { execFile } from 'node:child_process';
import os from 'node:os';

/** The coder name this machine suggests: git's `user.name` (in `cwd`'s repository or globally), else the OS user. */
export async function systemCoder(cwd: string | undefined): Promise<string | undefined> {
  const fromGit = await new Promise<string | undefined>((resolve) => {
    // A short timeout: a missing or hanging git must not hold up annotating.
    execFile('git', ['config', 'user.name'], { cwd, timeout: 3000, windowsHide: true }, (error, stdout) => resolve(error ? undefined : stdout.trim() || undefined));
  });
  if (fromGit) return fromGit;
  try {
    return os.userInfo().username || undefined;
  } catch {
    return undefined;
  }
}
