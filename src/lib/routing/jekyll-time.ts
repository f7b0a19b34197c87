/**
 * Post dates as Jekyll 4.3 reads them: Ruby's `Time.parse` for front matter, and the time-zone
 * arithmetic that puts a post on the day its URL names in the site's `timezone`. Pure: no clock.
 * https://github.com/jekyll/jekyll/blob/v4.3.1/lib/jekyll/document.rb
 */

/** A post's date as Jekyll uses it for URLs, in the site's time zone. */
export interface PostDate {
  year: number;
  /** 1..12 */
  month: number;
  /** 1..31 */
  day: number;
  /** 0..23 */
  hour: number;
  minute: number;
  second: number;
  /** ISO weekday: 1 (Monday) .. 7 (Sunday), Ruby's `%u`. */
  weekday: number;
  /** Day of the year, 1..366, Ruby's `%j`. */
  yearDay: number;
  /** ISO 8601 week number, 1..53, Ruby's `%V`. */
  isoWeek: number;
  /** The year the ISO week belongs to, Ruby's `%G` (differs from `year` in the first and last days of a year). */
  isoWeekYear: number;
  /** The site time zone's offset from UTC at that moment, in seconds. */
  utcOffsetSeconds: number;
  /** The moment itself, for ordering posts. */
  epochMilliseconds: number;
}

/** Time zone offsets Ruby's `Time.parse` knows by name (time.rb `ZoneOffset`), in hours. */
// A table, laid out to read.
// prettier-ignore
const RUBY_ZONE_OFFSETS: Readonly<Record<string, number>> = {
  UTC: 0, Z: 0, UT: 0, GMT: 0, EST: -5, EDT: -4, CST: -6, CDT: -5, MST: -7, MDT: -6, PST: -8, PDT: -7,
};

/** A date and time as a clock on the wall shows it, in no time zone in particular. */
export type WallTime = Pick<PostDate, 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second'>;

/** Milliseconds since the epoch of a UTC wall time; out-of-range days and hours roll over like Ruby's `Time.local`. */
export function utcMs(wall: WallTime): number {
  const date = new Date(0);
  date.setUTCFullYear(wall.year, wall.month - 1, wall.day);
  date.setUTCHours(wall.hour, wall.minute, wall.second, 0);
  return date.getTime();
}

const ACCEPTED_DATES = 'YYYY-MM-DD, optionally with a time HH:MM[:SS] and an offset like -0500, +05:30, Z or UTC';

/**
 * The subset of Ruby's `Time.parse` that front matter uses: `YYYY-MM-DD`, a time `HH:MM[:SS[.fff]]`
 * (with `T` or spaces, optionally am/pm), and a zone: an offset `±HH`, `±HHMM`, `±HH:MM`, or a name
 * Ruby knows (UTC, GMT, Z, EST … PDT). Without a zone the time is local to the site. Ruby accepts
 * much more (month names, slashes); those give an error here rather than a guess.
 */
export function parseRubyTime(text: string): { wall: WallTime; offsetSeconds: number | undefined } | { error: string } {
  const match =
    /^\s*(\d{1,4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt]|\s+)(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:[.,]\d*)?)?(?:\s*([ap])\.?m\.?)?)?(?:\s*([A-Za-z]+|[+-]\d+(?::\d+)*))?\s*$/i.exec(
      text,
    );
  if (!match) return { error: `"${text}" is not a date Jekyll's reading is known for here. Write it as ${ACCEPTED_DATES}.` };
  const [, y, mo, d, h, mi, s, meridian, zone] = match;
  let year = Number(y);
  // Date._parse completes a one- or two-digit year: 69..99 are 19xx, the rest 20xx.
  if (y!.length <= 2) year += year >= 69 ? 1900 : 2000;
  const wall: WallTime = { year, month: Number(mo), day: Number(d), hour: Number(h ?? 0), minute: Number(mi ?? 0), second: Number(s ?? 0) };
  if (meridian) {
    if (wall.hour < 1 || wall.hour > 12) return { error: `"${text}" has hour ${wall.hour} with ${meridian}m.` };
    wall.hour = (wall.hour % 12) + (meridian.toLowerCase() === 'p' ? 12 : 0);
  }
  // Ruby's Time.local ranges; days up to 31 roll over into the next month (2019-02-30 is March 2).
  if (wall.month < 1 || wall.month > 12) return { error: `"${text}": month out of range. Write it as ${ACCEPTED_DATES}.` };
  if (wall.day < 1 || wall.day > 31) return { error: `"${text}": day out of range. Write it as ${ACCEPTED_DATES}.` };
  if (wall.hour > 24) return { error: `"${text}": hour out of range.` };
  if (wall.minute > 59 || (wall.hour === 24 && wall.minute > 0)) return { error: `"${text}": minute out of range.` };
  if (wall.second > 60 || (wall.hour === 24 && wall.second > 0)) return { error: `"${text}": second out of range.` };

  if (zone === undefined) return { wall, offsetSeconds: undefined };
  const numeric = /^([+-])(\d\d)(?:(:?)(\d\d)(?:\3(\d\d))?)?$/.exec(zone);
  if (numeric) {
    const seconds = (Number(numeric[2]) * 60 + Number(numeric[4] ?? 0)) * 60 + Number(numeric[5] ?? 0);
    return { wall, offsetSeconds: numeric[1] === '-' ? -seconds : seconds };
  }
  // Ruby's Time.zone_offset does not read "+5" (one digit): the time stays local.
  if (/^[+-]\d$/.test(zone)) return { wall, offsetSeconds: undefined };
  const named = RUBY_ZONE_OFFSETS[zone.toUpperCase()];
  if (named !== undefined) return { wall, offsetSeconds: named * 3600 };
  return {
    error: `"${text}" names the time zone "${zone}", which Ruby's Time.parse does not know: Jekyll would read the time as local unless the build machine's zone is called "${zone}". Write an offset instead, like -0500.`,
  };
}

const wallFormatters = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock time of a moment in an IANA time zone. */
export function wallTimeIn(ms: number, timeZone: string): WallTime {
  let format = wallFormatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    wallFormatters.set(timeZone, format);
  }
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(ms)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  return { year: parts['year']!, month: parts['month']!, day: parts['day']!, hour: parts['hour']!, minute: parts['minute']!, second: parts['second']! };
}

export const offsetAt = (ms: number, timeZone: string): number => utcMs(wallTimeIn(ms, timeZone)) - Math.floor(ms / 1000) * 1000;

/**
 * The moment a local wall time names in a time zone, as Ruby's `Time.local` picks it: in a
 * repeated hour (clocks going back) the later moment; in a skipped hour (clocks going forward)
 * the offset from before the change, so 02:30 becomes 03:30.
 */
export function localToMs(wall: WallTime, timeZone: string): number {
  const asUtc = utcMs(wall);
  const day = 86_400_000;
  const before = offsetAt(asUtc - day, timeZone);
  const after = offsetAt(asUtc + day, timeZone);
  const valid = [before, after].map((offset) => asUtc - offset).filter((ms) => offsetAt(ms, timeZone) === asUtc - ms);
  return valid.length > 0 ? Math.max(...valid) : asUtc - before;
}

/** A `Date` at exactly 00:00:00 UTC: what YAML gives for an unquoted day (`2019-06-10`). */
export function isUtcMidnight(date: Date): boolean {
  return date.getUTCHours() === 0 && date.getUTCMinutes() === 0 && date.getUTCSeconds() === 0 && date.getUTCMilliseconds() === 0;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

function postDateAt(ms: number, timeZone: string): PostDate {
  const wall = wallTimeIn(ms, timeZone);
  const dayMs = utcMs({ ...wall, hour: 0, minute: 0, second: 0 });
  const weekday = ((new Date(dayMs).getUTCDay() + 6) % 7) + 1;
  const yearDay = Math.round((dayMs - utcMs({ year: wall.year, month: 1, day: 1, hour: 0, minute: 0, second: 0 })) / 86_400_000) + 1;
  // The ISO week is the week of that week's Thursday.
  const thursday = new Date(dayMs + (4 - weekday) * 86_400_000);
  const isoWeekYear = thursday.getUTCFullYear();
  const thursdayYearDay = Math.round((thursday.getTime() - utcMs({ year: isoWeekYear, month: 1, day: 1, hour: 0, minute: 0, second: 0 })) / 86_400_000) + 1;
  return {
    ...wall,
    weekday,
    yearDay,
    isoWeek: Math.floor((thursdayYearDay - 1) / 7) + 1,
    isoWeekYear,
    utcOffsetSeconds: offsetAt(ms, timeZone) / 1000,
    epochMilliseconds: ms,
  };
}

/**
 * A post's date as Jekyll uses it for URLs: the file name's date, overridden by front matter
 * `date:`, converted into the site's time zone (`timezone:` in _config.yml; IANA name; Jekyll sets
 * TZ to it).
 *
 * Without `timezone` Jekyll uses the build machine's zone; here that is UTC (GitHub Pages' and CI's).
 *
 * `frontMatterDate` is what a YAML 1.1 loader gives (js-yaml, or `yaml` with `version: '1.1'`),
 * because that is how Ruby's YAML reads front matter, and the two readings differ:
 * - text (a quoted date, or one without seconds like `2019-06-10 10:00`): read as Ruby's `Time.parse`
 *   does, so without an offset it is the site's local time;
 * - a `Date` from an unquoted timestamp (`2019-06-10 10:00:00`): YAML reads a timestamp without an
 *   offset as UTC, so with `timezone: America/New_York` `2019-06-10 01:00:00` is June 9, 21:00;
 * - a `Date` from an unquoted day (`2019-06-10`): local midnight of that day. A `Date` at exactly
 *   00:00:00 UTC is taken to be such a day (the one case the two cannot be told apart).
 * `null` (a `date:` with nothing after it) is an error, as in Jekyll ("Invalid date ''").
 */
export function postDate(input: { fileDate: string; frontMatterDate?: unknown; timezone?: string | undefined }): PostDate | { error: string } {
  const timeZone = input.timezone ?? 'UTC';
  if (!isValidTimeZone(timeZone)) {
    return { error: `timezone: "${timeZone}" is not an IANA time zone name (like America/New_York). Jekyll would silently use UTC.` };
  }
  const value = input.frontMatterDate;
  const source = value === undefined ? 'file name' : 'front matter';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { error: 'date: is not a valid date.' };
    if (isUtcMidnight(value)) {
      const wall = { year: value.getUTCFullYear(), month: value.getUTCMonth() + 1, day: value.getUTCDate(), hour: 0, minute: 0, second: 0 };
      return postDateAt(localToMs(wall, timeZone), timeZone);
    }
    // Jekyll reads the Time back from its text, which has whole seconds.
    return postDateAt(Math.floor(value.getTime() / 1000) * 1000, timeZone);
  }
  if (value !== undefined && typeof value !== 'string') {
    return { error: `date: ${JSON.stringify(value) ?? String(value)} in the front matter is not a date. Write it as ${ACCEPTED_DATES}.` };
  }
  const parsed = parseRubyTime(value ?? input.fileDate);
  if ('error' in parsed) return { error: `Invalid date in the ${source}: ${parsed.error}` };
  const ms = parsed.offsetSeconds === undefined ? localToMs(parsed.wall, timeZone) : utcMs(parsed.wall) - parsed.offsetSeconds * 1000;
  return postDateAt(ms, timeZone);
}
