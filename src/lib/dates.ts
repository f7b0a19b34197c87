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
  const parts = String(text)
    .split(',')
    .map((part) => part.trim());
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

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * Ruby's `strftime`, as Jekyll themes print dates (`%B %d, %Y`, `%b %-d, %Y`), in `timeZone`: the
 * date and time directives with the `-` (no padding) flag, English names as Ruby has them. A
 * directive it does not know stays as written.
 */
export function strftime(date: Date, format: string, timeZone = 'UTC'): string {
  const parts: Record<string, string> = {};
  const options = {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    weekday: 'long',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    hourCycle: 'h23',
  } as const;
  for (const part of new Intl.DateTimeFormat('en-US', options).formatToParts(date)) parts[part.type] = part.value;
  const [year, month, day, hour, minute, second] = ['year', 'month', 'day', 'hour', 'minute', 'second'].map((key) => Number(parts[key] ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const monthName = MONTH_NAMES[month - 1] ?? '';
  const weekday = parts['weekday'] ?? '';
  const hour12 = hour % 12 === 0 ? 12 : hour % 12;
  // Each directive: its value and the width it is padded to with zeros (0: not padded).
  const values: Readonly<Record<string, readonly [string | number, number]>> = {
    Y: [year, 0],
    y: [year % 100, 2],
    C: [Math.floor(year / 100), 2],
    m: [month, 2],
    d: [day, 2],
    e: [day, 0],
    B: [monthName, 0],
    b: [monthName.slice(0, 3), 0],
    h: [monthName.slice(0, 3), 0],
    A: [weekday, 0],
    a: [weekday.slice(0, 3), 0],
    H: [hour, 2],
    I: [hour12, 2],
    l: [hour12, 0],
    M: [minute, 2],
    S: [second, 2],
    p: [hour < 12 ? 'AM' : 'PM', 0],
    P: [hour < 12 ? 'am' : 'pm', 0],
  };
  return format.replace(/%(-?)([A-Za-z%])/g, (whole, flag: string, directive: string) => {
    if (directive === '%') return '%';
    const value = values[directive];
    if (value === undefined) return whole;
    const [text, width] = value;
    if (directive === 'e' && flag !== '-') return String(text).padStart(2, ' ');
    return flag === '-' || width === 0 ? String(text) : String(text).padStart(width, '0');
  });
}
