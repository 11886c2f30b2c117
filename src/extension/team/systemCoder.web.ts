/** A web worker has neither git nor an OS user: the coder comes from the setting, else is `anonymous`. */
export function systemCoder(_cwd: string | undefined): Promise<string | undefined> {
  return Promise.resolve(undefined);
}
