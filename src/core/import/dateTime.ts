/**
 * The date and time a page states in running text (a byline: `发布时间：2024年05月01日 10:30 来源：…`), for the
 * importer's front matter. Unlike `toIsoDate` (a variable's value, all of it a date, the day kept and the time
 * dropped), this finds the first date anywhere in the text and keeps the time that follows it.
 * Dates as sources write them, normalised to ISO 8601: `2024-05-01`, `2024/5/1`, `2024.5.1`, `2024年5月1日`, each
 * optionally followed by a time (`10:30`, `10:30:05`, `10时30分`, `T10:30:00+08:00`). Pure: no Date parsing, so no
 * local time zone leaks in — a time without a zone stays without one.
 */

// The first date in the text; separators must agree (2024-5/1 is not a date), and a digit right before the year
// or after the day means a longer number, not a date.
const DATE = /(?<!\d)(\d{4})(?:([-/.])(\d{1,2})\2(\d{1,2})(?!\d)|\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?)/u;
// A time right after the date: `T` or spaces, then hours and minutes (`:` or 时/点 and 分), optional seconds,
// optional fraction (dropped) and zone.
const TIME = /^(?:T|\s*)(\d{1,2})(?::|\s*[时点]\s*)(\d{2})(?:(?::|\s*分\s*)(\d{2})(?:\.\d+)?)?(?:\s*秒)?\s*(Z|[+-]\d{2}:?\d{2})?/u;

const pad = (n: number): string => String(n).padStart(2, '0');

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * The first date in `text` as `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM:SS` (plus the zone, `Z` or `±HH:MM`, when the
 * text gives one) when a time follows it; undefined when the text holds no valid date (2024-02-30 is none).
 */
export function findDateTime(text: string): string | undefined {
  const m = DATE.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[3] ?? m[5]);
  const day = Number(m[4] ?? m[6]);
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return undefined;
  const date = `${m[1]}-${pad(month)}-${pad(day)}`;
  const t = TIME.exec(text.slice(m.index + m[0].length));
  if (!t) return date;
  const [hour, minute, second] = [Number(t[1]), Number(t[2]), Number(t[3] ?? 0)];
  if (hour > 23 || minute > 59 || second > 59) return date;
  let zone = t[4] ?? '';
  if (zone.length === 5) zone = `${zone.slice(0, 3)}:${zone.slice(3)}`;
  return `${date}T${pad(hour)}:${pad(minute)}:${pad(second)}${zone}`;
}
