/**
 * Dates as Chinese and international articles write them, as ISO 8601: `2024-05-01`, `2024/5/1`, `2024.5.1`,
 * `2024年5月1日` (full-width digits too) become `2024-05-01`; a month alone (`2024年5月`, `2024-05`) becomes
 * `2024-05`, a year alone (`2024年`, `2024`) `2024`. A time or time zone after the date (`2024-05-01T08:30:00+08:00`,
 * `2024年5月1日 上午10:00`) is tolerated and dropped: the date is the one written, not moved to another zone, because
 * an article's date is the day its outlet printed. Undefined for anything else, an impossible date included
 * (`2024-02-30`), so a typo is reported instead of grouped in the wrong month.
 */
export function toIsoDate(text: string): string | undefined {
  const s = text.normalize('NFKC').trim();
  const m = DATE.exec(s);
  if (!m) return undefined;
  const year = Number(m[1]);
  const monthText = m[2] ?? m[4];
  const dayText = m[3] ?? m[5];
  const month = monthText === undefined ? undefined : Number(monthText);
  const day = dayText === undefined ? undefined : Number(dayText);
  if (year < 1000) return undefined;
  if (month === undefined) return String(year);
  if (month < 1 || month > 12) return undefined;
  const mm = String(month).padStart(2, '0');
  if (day === undefined) return `${year}-${mm}`;
  if (day < 1 || day > daysIn(year, month)) return undefined;
  return `${year}-${mm}-${String(day).padStart(2, '0')}`;
}

// Year, then month and day with one separator kind (- / . or 年月日); then, after a space or T, anything that
// reads as a time: digits, colons, a zone (Z, +08:00), 上午/下午, 时/分/秒.
const DATE = new RegExp(
  '^(\\d{4})(?:' +
    '年\\s*(?:(\\d{1,2})\\s*月\\s*(?:(\\d{1,2})\\s*[日号]?)?)?' +
    '|[-/.](\\d{1,2})(?:[-/.](\\d{1,2}))?' +
  ')?' +
  '(?:(?:[T\\s]|(?<=[日号]))\\s*(?:[上下]午|凌晨|早上|晚上)?\\s*\\d{1,2}(?:[:时点]\\d{1,2}(?:[:分]\\d{1,2}(?:\\.\\d+)?秒?)?分?)?\\s*(?:Z|[+-]\\d{2}:?\\d{2}|UTC|GMT|CST)?)?$',
  'u',
);

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
