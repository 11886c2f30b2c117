/**
 * The `vscode` module as the bench bundle sees it (scripts/bench.mjs aliases it): only what the dashboard's UI
 * strings need, so the webview section renders with the extension's own English strings.
 */
export const l10n = {
  t(message: string, ...args: (string | number)[]): string {
    return message.replace(/\{(\d+)\}/g, (m, i: string) => String(args[Number(i)] ?? m));
  },
};

export const env = { language: 'en' };
