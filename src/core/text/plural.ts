/** A message's two English plural forms, each already translated (a language without plurals gives both the same words). */
export interface PluralForms {
  readonly one: string;
  readonly other: string;
}

const rules = new Map<string, Intl.PluralRules>();

/**
 * The form of a message for `count` in `locale` (a BCP 47 tag, as `vscode.env.language`): `one` where the language's
 * plural rules say so (English 1), `other` for every other count and for languages without plurals (Chinese).
 */
export function pluralForm(forms: PluralForms, count: number, locale: string): string {
  let rule = rules.get(locale);
  if (!rule) {
    try {
      rule = new Intl.PluralRules(locale);
    } catch {
      rule = new Intl.PluralRules('en');
    }
    rules.set(locale, rule);
  }
  return rule.select(count) === 'one' ? forms.one : forms.other;
}
