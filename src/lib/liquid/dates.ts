/**
 * Liquid's date filters as Jekyll 4.3 runs them, in the site's `timezone` and never the machine's:
 * Jekyll sets the process's zone to the site's, so Ruby reads a time written without an offset as
 * the site's local time, and shows a date in it. liquidjs reads such a text in the machine's zone and
 * names months in the machine's language, so the engine uses these instead (engine.ts).
 * - `date` (Liquid's, https://github.com/Shopify/liquid/blob/v5.4.0/lib/liquid/standardfilters.rb):
 *   `Utils.to_date`, then Ruby's `strftime`; a text with its own offset keeps it;
 * - `date_to_xmlschema`, `date_to_rfc822`, `date_to_string`, `date_to_long_string` (Jekyll's,
 *   https://github.com/jekyll/jekyll/blob/v4.3.1/lib/jekyll/filters/date_filters.rb): the same
 *   reading, then always shown in the site's zone (`to_time.localtime`); a text that is no date fails.
 * The dates the site hands to Liquid (site.ts) are `RubyTimeValue`s and `RubyDay`s, which become text
 * as Ruby's `Time` and `Date` do. Without `timezone` the site's zone is UTC, GitHub Pages' and CI's.
 */
import { toValue } from 'liquidjs';
import { localToMs, offsetAt, parseRubyTime, utcMs } from '../routing/jekyll-time.ts';

/**
 * A day without a time: what Ruby's YAML makes of an unquoted `2024-01-21` in front matter that
 * Jekyll leaves as written (a page's keys, other than the `date` of a post or document). `date`
 * shows it at midnight, +00:00; Jekyll's filters at the site's midnight; printed, it is the day alone.
 */
export class RubyDay extends Date {
  override toString(): string {
    return this.toISOString().slice(0, 10);
  }
  override toJSON(): string {
    return this.toString();
  }
  /** Ruby's `Date#inspect`, with the day's Julian day number. */
  inspect(): string {
    return `#<Date: ${this.toString()} ((${Math.floor(this.getTime() / 86_400_000) + 2_440_588}j,0s,0n),+0s,2299161j)>`;
  }
}

/**
 * A time as Jekyll hands it to Liquid (a post's date, `site.time`, a timestamp in front matter or
 * data): a moment that prints as Ruby's `Time#to_s` in the site's zone wherever Liquid makes it
 * text (`{{ }}`, `append`, `jsonify`, `inspect`), not as JavaScript's `Date#toString` in the machine's.
 */
export class RubyTimeValue extends Date {
  // Private, so Liquid cannot read it as a property.
  readonly #timeZone: string;
  constructor(ms: number, timeZone: string) {
    super(ms);
    this.#timeZone = timeZone;
  }
  override toString(): string {
    return rubyTimeText(local(this.getTime(), this.#timeZone));
  }
  override toJSON(): string {
    return this.toString();
  }
  inspect(): string {
    return this.toString();
  }
}

/** A moment and the offset it is shown at: a Ruby `Time` (or `Date`). */
interface RubyTime {
  ms: number;
  offsetSeconds: number;
  /** `%Z`: the zone's abbreviation, `UTC`, or empty for an offset written in the text. */
  zone: string;
  /** A UTC time (Ruby's `utc?`), from a text ending in `Z` or `UTC`: a local time in UTC is not one. */
  utc?: boolean;
  /** A Ruby `Date` rather than a `Time` (a day from YAML). */
  day?: boolean;
}

/** The offsets Ruby's `Time.parse` takes for UTC itself (time.rb `zone_utc?`): `%Z` is `UTC`. */
const UTC_NAMED = /(?:^|[^A-Za-z])(?:UTC|UT|Z)\s*$|-00(?::?00)?\s*$/i;

/**
 * Abbreviations tzdata (and so Ruby's `%Z`) gives that no English locale of ICU does, by zone and
 * offset in seconds; where tzdata has none, `%Z` is the offset (`+04`), which ICU's English may name.
 */
// A table, laid out to read.
// prettier-ignore
const ZONE_ABBREVIATIONS: Readonly<Record<string, Readonly<Record<number, string>>>> = {
  'Africa/Cairo': { 7200: 'EET', 10800: 'EEST' },
  'Asia/Calcutta': { 19800: 'IST' }, 'Asia/Kolkata': { 19800: 'IST' },
  'Asia/Dubai': {}, 'Asia/Muscat': {},
  'Asia/Hong_Kong': { 28800: 'HKT' }, 'Asia/Jakarta': { 25200: 'WIB' },
  'Asia/Jerusalem': { 7200: 'IST', 10800: 'IDT' }, 'Asia/Tel_Aviv': { 7200: 'IST', 10800: 'IDT' },
  'Asia/Karachi': { 18000: 'PKT' }, 'Asia/Manila': { 28800: 'PST' }, 'Asia/Seoul': { 32400: 'KST' },
  'Asia/Shanghai': { 28800: 'CST' }, 'Asia/Chongqing': { 28800: 'CST' }, 'Asia/Taipei': { 28800: 'CST' },
  'Asia/Tokyo': { 32400: 'JST' }, 'Europe/Moscow': { 10800: 'MSK' }, GMT: { 0: 'GMT' },
};

/** Locales whose short zone names are tzdata's, by the zone's region: the table above covers Asia. */
const ABBREVIATION_LOCALES: Readonly<Record<string, readonly string[]>> = {
  America: ['en-US', 'en-CA'],
  Europe: ['en-GB', 'en-IE'],
  Australia: ['en-AU'],
  Pacific: ['en-NZ', 'en-AU', 'en-US'],
  Africa: ['en-ZA', 'en-GB'],
};

const abbreviationFormats = new Map<string, Intl.DateTimeFormat>();

/** `%Z` of a time in a zone: its abbreviation (EST, IST, NZDT, CEST), else its offset as tzdata writes it (`+04`, `+0545`). */
export function zoneAbbreviation(ms: number, timeZone: string, offsetSeconds: number): string {
  if (/^(?:Etc\/)?(?:UTC|UCT|Universal|Zulu)$/i.test(timeZone)) return 'UTC';
  const known = ZONE_ABBREVIATIONS[timeZone];
  const named = known?.[offsetSeconds];
  if (named !== undefined) return named;
  for (const locale of known ? [] : (ABBREVIATION_LOCALES[timeZone.split('/')[0] ?? ''] ?? ['en-US'])) {
    const key = `${locale}|${timeZone}`;
    let format = abbreviationFormats.get(key);
    if (!format) {
      format = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' });
      abbreviationFormats.set(key, format);
    }
    const name = format.formatToParts(ms).find((part) => part.type === 'timeZoneName')?.value ?? '';
    if (/^[A-Z]{2,5}$/.test(name)) return name;
  }
  const minutes = Math.abs(offsetSeconds) / 60;
  const hours = String(Math.floor(minutes / 60)).padStart(2, '0');
  return `${offsetSeconds < 0 ? '-' : '+'}${hours}${minutes % 60 === 0 ? '' : String(minutes % 60).padStart(2, '0')}`;
}

/** A moment shown in the site's zone, as Ruby's `Time#localtime` under the site's `TZ`. */
function local(ms: number, timeZone: string): RubyTime {
  const offsetSeconds = offsetAt(ms, timeZone) / 1000;
  return { ms, offsetSeconds, zone: zoneAbbreviation(ms, timeZone, offsetSeconds) };
}

const MONTH = '(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';
const MONTH_NUMBERS: Readonly<Record<string, number>> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };

/** The day of a text in the shapes Ruby's `Date._parse` reads most, as year, month and day. */
const DAY_SHAPES: readonly [RegExp, (match: RegExpExecArray) => [string, number, string]][] = [
  [/(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})/, (m) => [m[1]!, Number(m[2]), m[3]!]],
  [/(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})/, (m) => [m[3]!, Number(m[2]), m[1]!]],
  [new RegExp(`(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH}\\s+(\\d{2,4})`, 'i'), (m) => [m[3]!, MONTH_NUMBERS[m[2]!.toLowerCase()]!, m[1]!]],
  [new RegExp(`${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})`, 'i'), (m) => [m[3]!, MONTH_NUMBERS[m[1]!.toLowerCase()]!, m[2]!]],
  [new RegExp(`${MONTH}\\s+(\\d{4})`, 'i'), (m) => [m[2]!, MONTH_NUMBERS[m[1]!.toLowerCase()]!, '1']],
];

/**
 * Another shape of date Ruby's `Time.parse` reads (`March 14, 2016 5pm`, `15/01/2024`, `Sat, 06 Jul
 * 2024 17:30:00 -0400`) written as `YYYY-MM-DD HH:MM:SS zone`; undefined when it has no whole day.
 * Ruby reads `x/y/z` day first; a day or time it would complete from the clock (`Jan 15`, `10:00`) is none here.
 */
function canonicalText(text: string): string | undefined {
  let rest = text.replace(/\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?/gi, ' ');
  let time = '00:00:00';
  let zone = '';
  const clock = /(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(?:\s*([ap])\.?m\.?(?![a-z]))?|\b(\d{1,2})\s*([ap])\.?m\.?(?![a-z])/i.exec(rest);
  if (clock) {
    const meridian = clock[4] ?? clock[6];
    time = `${clock[1] ?? clock[5]}:${clock[2] ?? '00'}:${clock[3] ?? '00'}${meridian ? ` ${meridian}m` : ''}`;
    const after = rest.slice(clock.index + clock[0].length);
    zone = /^\s*(Z|[+-]\d{2}(?::?\d{2})?|[A-Za-z]{1,5})(?![\w:])/.exec(after)?.[1] ?? '';
    rest = `${rest.slice(0, clock.index)} ${after}`;
  }
  for (const [shape, parts] of DAY_SHAPES) {
    const match = shape.exec(rest);
    if (!match) continue;
    const [year, month, day] = parts(match);
    return `${year}-${month}-${day} ${time}${zone ? ` ${zone}` : ''}`;
  }
  return undefined;
}

/**
 * A text as Ruby's `Time.parse` reads it, with the site's zone as the process's: without an offset
 * (or with a zone name Ruby does not know) the site's local time; with one, that offset, unless it is
 * the site's own then. `YYYY-MM-DD[ HH:MM[:SS]][ zone]` is read as for posts (src/lib/routing/jekyll-time.ts),
 * the other shapes through `canonicalText`; a text with no date in it is none.
 */
function parseText(text: string, timeZone: string): RubyTime | undefined {
  let written = text;
  let parsed = parseRubyTime(written);
  if ('error' in parsed) {
    written = canonicalText(text) ?? '';
    parsed = parseRubyTime(written);
  }
  // Ruby ignores a zone it does not know by name (CET): the time is local.
  if ('error' in parsed && /[A-Za-z]$/.test(written)) {
    written = written.replace(/\s*[A-Za-z]+$/, '');
    parsed = parseRubyTime(written);
  }
  if ('error' in parsed) return undefined;
  if (parsed.offsetSeconds === undefined) return local(localToMs(parsed.wall, timeZone), timeZone);
  const ms = utcMs(parsed.wall) - parsed.offsetSeconds * 1000;
  const utc = UTC_NAMED.test(written);
  if (!utc && parsed.offsetSeconds * 1000 === offsetAt(ms, timeZone)) return local(ms, timeZone);
  return { ms, offsetSeconds: parsed.offsetSeconds, zone: utc ? 'UTC' : '', utc };
}

/** Liquid's `Utils.to_date`: what a filter's input is as a time, or undefined when it is none. */
export function toRubyTime(input: unknown, timeZone: string, now: () => number = Date.now): RubyTime | undefined {
  if (input instanceof RubyDay) return Number.isNaN(input.getTime()) ? undefined : { ms: input.getTime(), offsetSeconds: 0, zone: '+00:00', day: true };
  if (input instanceof Date) return Number.isNaN(input.getTime()) ? undefined : local(input.getTime(), timeZone);
  if (typeof input === 'number') return Number.isInteger(input) ? local(input * 1000, timeZone) : undefined;
  if (typeof input !== 'string' || input === '') return undefined;
  const text = input.toLowerCase();
  if (text === 'now' || text === 'today') return local(now(), timeZone);
  if (/^\d+$/.test(text)) return local(Number(text) * 1000, timeZone);
  return parseText(input, timeZone);
}

/** Jekyll's `time`: the input in the site's zone, a day at the site's midnight; an error when it is no date. */
function jekyllTime(input: unknown, timeZone: string, filter: string, now?: () => number): RubyTime {
  const time = toRubyTime(input, timeZone, now);
  if (!time) {
    throw new Error(
      `Invalid Date: ${JSON.stringify(input) ?? String(input)} is not a date ${filter} can read. Write it as YYYY-MM-DD, optionally with a time HH:MM[:SS] and an offset like +05:30.`,
    );
  }
  if (!time.day) return local(time.ms, timeZone);
  const date = new Date(time.ms);
  const wall = { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), hour: 0, minute: 0, second: 0 };
  return local(localToMs(wall, timeZone), timeZone);
}

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Ruby's `strftime` composites. */
const COMPOSITES: Readonly<Record<string, string>> = {
  c: '%a %b %e %H:%M:%S %Y',
  D: '%m/%d/%y',
  x: '%m/%d/%y',
  F: '%Y-%m-%d',
  T: '%H:%M:%S',
  X: '%H:%M:%S',
  R: '%H:%M',
  r: '%I:%M:%S %p',
  v: '%e-%^b-%4Y',
};

/** `%z` and its colon forms: `+0530`, `+05:30`, `+05:30:00`. */
function offsetText(seconds: number, colons: number): string {
  const sign = seconds < 0 ? '-' : '+';
  const abs = Math.abs(seconds);
  const parts = [Math.floor(abs / 3600), Math.floor((abs % 3600) / 60), abs % 60].map((n) => String(n).padStart(2, '0'));
  if (colons === 1) return `${sign}${parts[0]}:${parts[1]}`;
  if (colons === 2) return `${sign}${parts.join(':')}`;
  return `${sign}${parts[0]}${parts[1]}`;
}

/** Ruby's `Time#strftime` (flags `-`, `_`, `0`, `^`, `#`, a width, `%:z`), on the time as shown. */
export function strftime(time: RubyTime, format: string): string {
  // The wall clock where the time is shown, read from a UTC date: the machine's zone plays no part.
  const wall = new Date(time.ms + time.offsetSeconds * 1000);
  const year = wall.getUTCFullYear();
  const weekday = wall.getUTCDay();
  const dayStart = Date.UTC(year, wall.getUTCMonth(), wall.getUTCDate());
  const yearDay = Math.round((dayStart - Date.UTC(year, 0, 1)) / 86_400_000) + 1;
  // The ISO week is the week of that week's Thursday.
  const thursday = new Date(dayStart + (3 - ((weekday + 6) % 7)) * 86_400_000);
  const isoYear = thursday.getUTCFullYear();
  const isoWeek = Math.floor(Math.round((thursday.getTime() - Date.UTC(isoYear, 0, 1)) / 86_400_000) / 7) + 1;
  const hour = wall.getUTCHours();
  const numbers: Readonly<Record<string, [value: number, width: number, pad: ' ' | '0']>> = {
    Y: [year, 4, '0'],
    C: [Math.floor(year / 100), 2, '0'],
    y: [((year % 100) + 100) % 100, 2, '0'],
    m: [wall.getUTCMonth() + 1, 2, '0'],
    d: [wall.getUTCDate(), 2, '0'],
    e: [wall.getUTCDate(), 2, ' '],
    j: [yearDay, 3, '0'],
    H: [hour, 2, '0'],
    k: [hour, 2, ' '],
    I: [hour % 12 || 12, 2, '0'],
    l: [hour % 12 || 12, 2, ' '],
    M: [wall.getUTCMinutes(), 2, '0'],
    S: [wall.getUTCSeconds(), 2, '0'],
    s: [Math.floor(time.ms / 1000), 1, '0'],
    u: [weekday || 7, 1, '0'],
    w: [weekday, 1, '0'],
    U: [Math.floor((yearDay - 1 - weekday + 7) / 7), 2, '0'],
    W: [Math.floor((yearDay - 1 - ((weekday + 6) % 7) + 7) / 7), 2, '0'],
    V: [isoWeek, 2, '0'],
    G: [isoYear, 4, '0'],
    g: [((isoYear % 100) + 100) % 100, 2, '0'],
  };
  const texts: Readonly<Record<string, string>> = {
    A: DAYS[weekday]!,
    a: DAYS[weekday]!.slice(0, 3),
    B: MONTHS[wall.getUTCMonth()]!,
    b: MONTHS[wall.getUTCMonth()]!.slice(0, 3),
    h: MONTHS[wall.getUTCMonth()]!.slice(0, 3),
    p: hour < 12 ? 'AM' : 'PM',
    P: hour < 12 ? 'am' : 'pm',
    Z: time.zone,
    n: '\n',
    t: '\t',
    '%': '%',
  };
  return format.replace(/%([-_0^#]*)(\d*)(:{0,2})([A-Za-z%+])/g, (written, flags: string, widthText: string, colons: string, conversion: string) => {
    if (colons && conversion !== 'z') return written;
    const width = widthText === '' ? undefined : Number(widthText);
    const noPad = flags.includes('-');
    const composite = COMPOSITES[conversion];
    if (composite !== undefined) {
      const text = strftime(time, composite);
      return flags.includes('^') ? text.toUpperCase() : noPad || width === undefined ? text : text.padStart(width, flags.includes('0') ? '0' : ' ');
    }
    if (conversion === 'z') {
      const text = offsetText(time.offsetSeconds, colons.length);
      return noPad || width === undefined ? text : text[0]! + text.slice(1).padStart(width - 1, flags.includes('_') ? ' ' : '0');
    }
    if (conversion === 'L' || conversion === 'N') {
      const digits = width ?? (conversion === 'L' ? 3 : 9);
      return String(((time.ms % 1000) + 1000) % 1000)
        .padStart(3, '0')
        .padEnd(digits, '0')
        .slice(0, digits);
    }
    const number = numbers[conversion];
    if (number) {
      const [value, defaultWidth, defaultPad] = number;
      const pad = flags.includes('_') ? ' ' : flags.includes('0') ? '0' : defaultPad;
      const text = String(Math.abs(value));
      const padded = noPad ? text : text.padStart((width ?? defaultWidth) - (value < 0 ? 1 : 0), pad);
      return value < 0 ? `-${padded}` : padded;
    }
    const text = texts[conversion];
    if (text === undefined) return written;
    // Ruby's `#` swaps the case: %p and %Z to lower case, the names to upper case.
    const cased = flags.includes('^')
      ? text.toUpperCase()
      : flags.includes('#')
        ? conversion === 'p' || conversion === 'Z'
          ? text.toLowerCase()
          : text.toUpperCase()
        : text;
    return noPad || width === undefined ? cased : cased.padStart(width, flags.includes('0') ? '0' : ' ');
  });
}

/** Ruby's `Time#to_s` (`2024-01-15 23:30:00 +0530`, `... UTC` for a UTC time) and `Date#to_s` (`2024-01-21`). */
export function rubyTimeText(time: RubyTime): string {
  if (time.day) return strftime(time, '%Y-%m-%d');
  return strftime(time, time.utc ? '%Y-%m-%d %H:%M:%S UTC' : '%Y-%m-%d %H:%M:%S %z');
}

const ordinal = (day: number) => (day >= 11 && day <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][day % 10] ?? 'th'));

type DateFilter = (input: unknown, ...args: unknown[]) => unknown;

/** The date filters for a site whose zone is `timeZone` (an IANA name; UTC without one), by name. */
export function dateFilters(timeZone: string, now?: () => number): Readonly<Record<string, DateFilter>> {
  const stringify = (month: string, filter: string) => (input: unknown, type?: unknown, style?: unknown) => {
    if (input === null || input === undefined || input === '') return input;
    const time = jekyllTime(input, timeZone, filter, now);
    const day = Number(strftime(time, '%-d'));
    if (type !== 'ordinal') return strftime(time, `%d ${month} %Y`);
    return strftime(time, style === 'US' ? `${month} ${day}${ordinal(day)}, %Y` : `${day}${ordinal(day)} ${month} %Y`);
  };
  const filters: Record<string, DateFilter> = {
    date: (input: unknown, format?: unknown) => {
      if (format === null || format === undefined || String(format) === '') return input;
      const time = toRubyTime(input, timeZone, now);
      return time ? strftime(time, String(format)) : input;
    },
    date_to_xmlschema: (input: unknown) =>
      input === null || input === undefined || input === '' ? input : strftime(jekyllTime(input, timeZone, 'date_to_xmlschema', now), '%Y-%m-%dT%H:%M:%S%:z'),
    date_to_rfc822: (input: unknown) =>
      input === null || input === undefined || input === '' ? input : strftime(jekyllTime(input, timeZone, 'date_to_rfc822', now), '%a, %d %b %Y %H:%M:%S %z'),
    date_to_string: stringify('%b', 'date_to_string'),
    date_to_long_string: stringify('%B', 'date_to_long_string'),
  };
  // Ruby checks the number of arguments, and Jekyll stops on a wrong one ("wrong number of arguments").
  const arities: Readonly<Record<string, readonly [min: number, max: number, rule: string]>> = {
    date: [1, 1, 'date takes one argument, the format, like date: "%Y-%m-%d"'],
    date_to_xmlschema: [0, 0, 'date_to_xmlschema takes no argument'],
    date_to_rfc822: [0, 0, 'date_to_rfc822 takes no argument'],
    date_to_string: [0, 2, 'date_to_string takes at most two arguments, "ordinal" and "US"'],
    date_to_long_string: [0, 2, 'date_to_long_string takes at most two arguments, "ordinal" and "US"'],
  };
  return Object.fromEntries(
    Object.entries(filters).map(([name, filter]) => {
      const [min, max, rule] = arities[name] ?? [0, Infinity, ''];
      return [
        name,
        (input: unknown, ...args: unknown[]) => {
          if (args.length < min || args.length > max) throw new Error(`${rule}; it has ${args.length} here, and Jekyll stops on that too.`);
          return filter(input, ...args);
        },
      ];
    }),
  );
}

/**
 * A value as `{{ }}` prints it, liquidjs's way (a list joined, nil empty) but a date as Ruby prints a
 * `Time` in the site's zone rather than as JavaScript's `Date#toString` in the machine's.
 */
export function printed(value: unknown, timeZone: string): string {
  const plain = toValue(value);
  if (typeof plain === 'string') return plain;
  if (plain === null || plain === undefined) return '';
  if (Array.isArray(plain)) return plain.map((item) => printed(item, timeZone)).join('');
  const time = plain instanceof Date ? toRubyTime(plain, timeZone) : undefined;
  return time ? rubyTimeText(time) : String(plain);
}
