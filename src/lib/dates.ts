/**
 * Dates as a portfolio writes them. A record's `date` is free text (`5/2018 - 8/2018, 8/2019 - Present`,
 * `2016`, `2015 - 2016`): it is always shown as written, and read into structured periods for
 * schema.org where it parses. Post dates are shown with `Intl.DateTimeFormat` in the site's language.
 */

/** One span of time: ISO 8601 `YYYY` or `YYYY-MM`; no `end` means it is still going on. */
export interface Period {
  start: string;
  end?: string | undefined;
}

const ONE_DATE = /^\s*(?:(\d{1,2})\s*\/\s*)?(\d{4})\s*$/;
const PRESENT = /^\s*(present|now|current|today)\s*$/i;

/** `8/2019` as `2019-08`, `2016` as `2016`; undefined for anything else. */
function isoOf(text: string): string | undefined {
  const match = ONE_DATE.exec(text);
  if (!match) return undefined;
  const [, month, year = ''] = match;
  if (month === undefined) return year;
  const number = Number(month);
  return number >= 1 && number <= 12 ? `${year}-${String(number).padStart(2, '0')}` : undefined;
}

/**
 * The periods in a free-text date, or undefined when any part does not parse (then the text is
 * only shown, never guessed at). Periods are separated by commas; a period is one date (`2016`,
 * `5/2018`) or two joined by a dash (`-`, `–`, `—`, `to`), the second possibly `Present`.
 */
export function parsePeriods(text: string | number | undefined): Period[] | undefined {
  if (text === undefined) return undefined;
  const parts = String(text).split(',').map((part) => part.trim());
  if (parts.length === 0 || parts.some((part) => part === '')) return undefined;
  const periods: Period[] = [];
  for (const part of parts) {
    // Dates here use "/", so every dash (or "to") separates the two ends of a period.
    const [from = '', to, ...rest] = part.replace(/[–—]|\bto\b/gi, '-').split('-');
    if (rest.length > 0) return undefined;
    const start = isoOf(from);
    if (!start) return undefined;
    if (to === undefined) {
      periods.push({ start, end: start });
      continue;
    }
    if (PRESENT.test(to)) {
      periods.push({ start });
      continue;
    }
    const end = isoOf(to);
    if (!end || end < start) return undefined;
    periods.push({ start, end });
  }
  return periods;
}

/** A post's date for visitors, in the site's language: `Jun 10, 2019` in `en`, `10 juin 2019` in `fr`. */
export function formatDate(date: Date, lang: string, timeZone = 'UTC'): string {
  return new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'short', day: 'numeric', timeZone }).format(date);
}
