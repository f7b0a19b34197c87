/**
 * Jekyll's own Liquid filters (https://jekyllrb.com/docs/liquid/filters/), as one table. liquidjs
 * already implements most of them the way Jekyll 4.3 does (`where`, `where_exp`, `group_by`,
 * `group_by_exp`, `find`, `find_exp`, `cgi_escape`, `uri_escape`, `number_of_words`,
 * `array_to_sentence_string`, `sample`, `push`, `pop`, `shift`, `unshift`); the rows here are the
 * ones it lacks or does differently, and dates.ts has `date` and `date_to_*`, in the site's zone. tests/build/liquid-differential.test.ts compares all of them with Debian's Jekyll.
 */
import { markdownToHtml } from 'satteri';
import { lookupTable } from '../lookup.ts';
import { RubyDay, RubyTimeValue } from './dates.ts';
import { slugify, type SlugMode } from '../routing/ruby-strings.ts';

/** What the filters need to know about the site being built. */
export interface FilterSite {
  /** The site's origin, `https://jane.github.io`, without a trailing slash; empty when unknown. */
  url: string;
  /** The base path the site is served under, `/portfolio`, or empty. */
  baseurl: string;
}

type Filter = (this: unknown, input: unknown, ...args: unknown[]) => unknown;

const ABSOLUTE = /^[a-z][a-z0-9+.-]*:/i;

/** An object with a `url` (a page or post) stands for its address, as in Jekyll. */
const addressOf = (input: unknown): string => {
  if (input !== null && typeof input === 'object' && 'url' in input) return String((input as { url: unknown }).url ?? '');
  return String(input);
};

/** Addressable's `normalize`: characters a URL cannot hold are percent-encoded, existing escapes kept. */
const normalizePath = (path: string): string => path.replace(/[^A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/gu, (character) => encodeURIComponent(character));

/**
 * Jekyll's `relative_url`, for a page whose links the build makes base-aware: the path from the site
 * root. The Markdown step adds the base path to every root-relative link (src/lib/markdown/base-links.ts),
 * so adding it here too would write it twice.
 */
function relativeUrl(input: unknown): string | undefined {
  if (input === null || input === undefined) return undefined;
  const path = addressOf(input);
  if (ABSOLUTE.test(path) || path === '') return path;
  return normalizePath(path.startsWith('/') ? path : `/${path}`);
}

/** Jekyll's smart punctuation (kramdown's SmartyPants): quotes, dashes and ellipses as characters. */
export function smartify(input: unknown): string {
  return String(input ?? '')
    .replace(/---/g, '\u2014')
    .replace(/--/g, '\u2013')
    .replace(/\.\.\./g, '\u2026')
    .replace(/(^|[\s([{\u2014\u2013-])"/g, '$1\u201c')
    .replace(/"/g, '\u201d')
    .replace(/(^|[\s([{\u2014\u2013-])'/g, '$1\u2018')
    .replace(/'/g, '\u2019');
}

/** Ruby's `encode(xml: :attr)`, which Jekyll's `xml_escape` uses. */
const XML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const xmlEscape = (text: string) => text.replace(/[&<>"']/g, (character) => XML_ESCAPES[character] ?? character);

/** Ruby's `inspect` (3.x), for the values front matter and data hold. */
function rubyInspect(value: unknown): string {
  if (value === null || value === undefined) return 'nil';
  if (typeof value === 'string') return JSON.stringify(value).replace(/#(?=[{$@])/g, '\\#');
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  // The site's dates (dates.ts) inspect as Ruby's Time and Date do.
  if (value instanceof RubyDay || value instanceof RubyTimeValue) return value.inspect();
  if (value instanceof Date)
    return value
      .toISOString()
      .replace('T', ' ')
      .replace(/\.\d+Z$/, ' UTC');
  if (Array.isArray(value)) return `[${value.map(rubyInspect).join(', ')}]`;
  if (typeof value === 'object')
    return `{${Object.entries(value)
      .map(([key, item]) => `${rubyInspect(key)}=>${rubyInspect(item)}`)
      .join(', ')}}`;
  return String(value);
}

/** Jekyll's `sort`: a property, and where items without it go (`first`, the default, or `last`). */
function jekyllSort(input: unknown, property?: unknown, nils: unknown = 'first'): unknown[] {
  if (input === null || input === undefined) throw new Error('Cannot sort a null object.');
  const list = Array.isArray(input) ? [...input] : typeof input === 'object' ? Object.entries(input as object) : [input];
  if (nils !== 'first' && nils !== 'last') throw new Error(`${String(nils)} is not a valid nils order. It must be 'first' or 'last'.`);
  const valueOf = (item: unknown): unknown => {
    if (property === undefined || property === null) return item;
    let value: unknown = item;
    for (const key of String(property).split('.')) value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
    return value;
  };
  const compare = (a: unknown, b: unknown): number => {
    if (a instanceof Date && b instanceof Date) return a.getTime() - b.getTime();
    if (typeof a === 'number' && typeof b === 'number') return a - b;
    const [x, y] = [String(a), String(b)];
    return x < y ? -1 : x > y ? 1 : 0;
  };
  // Ruby's sort is not stable; Jekyll breaks ties by nothing, so ties keep their order here.
  return list
    .map((item, index) => ({ item, index, value: valueOf(item) }))
    .sort((a, b) => {
      const aNil = a.value === null || a.value === undefined;
      const bNil = b.value === null || b.value === undefined;
      if (aNil || bNil) {
        if (aNil && bNil) return a.index - b.index;
        return (aNil ? -1 : 1) * (nils === 'first' ? 1 : -1);
      }
      return compare(a.value, b.value) || a.index - b.index;
    })
    .map(({ item }) => item);
}

/**
 * The filters this module adds to liquidjs's own, by name. Each row takes the site and gives the
 * filter; a new Jekyll filter is one new row.
 */
/** A number as Ruby Liquid's `Utils.to_number` reads it, and whether it is a Float. */
interface RubyNumber {
  value: number;
  float: boolean;
}

/**
 * Ruby Liquid's `Utils.to_number`: a number is itself (a Float when it has a fraction, or `floatText`:
 * written `2.0`); text is a Float only when it reads `-1.5` whole, else its leading integer as Ruby's
 * `to_i` reads it (`"abc"` is 0); anything else (nil, a list) is 0.
 */
function rubyNumber(input: unknown, floatText = false): RubyNumber {
  if (typeof input === 'number') return { value: input, float: floatText || !Number.isInteger(input) };
  if (typeof input !== 'string') return { value: 0, float: false };
  const text = input.trim();
  if (/^-?\d+\.\d+$/.test(text)) return { value: Number(text), float: true };
  const integer = /^[-+]?\d+(?:_\d+)*/.exec(text)?.[0];
  return { value: integer === undefined ? 0 : Number(integer.replaceAll('_', '')), float: false };
}

/** Whether a filter's argument is written as a float literal (`2.0`), which liquidjs hands over as the number 2. */
function writtenAsFloat(arg: unknown): boolean {
  const token = Array.isArray(arg) ? arg[1] : arg;
  if (token === null || typeof token !== 'object' || !('getText' in token) || typeof token.getText !== 'function') return false;
  return /^-?\d+\.\d+$/.test(String(token.getText()));
}

/**
 * Ruby's Liquid divides an integer by an integer as integers, rounding down (`745 | divided_by: 200` is
 * 3: minimal-mistakes' "3 minute read"), and anything else as floats; liquidjs always as floats. The
 * argument's own text tells a `2.0` from a `2`; a float an earlier filter made with no fraction
 * (`7 | times: 1.0`) is a whole JS number and divides as an integer. A division by zero is left to liquidjs.
 */
function dividedBy(this: unknown, input: unknown, divisor: unknown): number {
  const token = this !== null && typeof this === 'object' && 'token' in this ? (this.token as { args?: unknown[] } | undefined) : undefined;
  const a = rubyNumber(input);
  const b = rubyNumber(divisor, writtenAsFloat(token?.args?.[0]));
  if (b.value === 0 || a.float || b.float) return a.value / b.value;
  return Math.floor(a.value / b.value);
}

export const JEKYLL_FILTERS: Readonly<Record<string, (site: FilterSite) => Filter>> = lookupTable({
  relative_url: () => relativeUrl,
  absolute_url: (site) => (input: unknown) => {
    if (input === null || input === undefined) return undefined;
    const path = addressOf(input);
    if (ABSOLUTE.test(path)) return path;
    const relative = relativeUrl(path) ?? '';
    return site.url ? normalizePath(`${site.url}${site.baseurl}${relative}`) : relative;
  },
  markdownify: () => (input: unknown) => markdownToHtml(String(input ?? ''), { features: { gfm: true, smartPunctuation: true } }).html,
  smartify: () => smartify,
  sort: () => jekyllSort,
  // The URL rules' own slugify (src/lib/routing/ruby-strings.ts), already compared with Jekyll's.
  slugify: () => (input: unknown, mode?: unknown, cased?: unknown) =>
    input === null || input === undefined ? undefined : slugify(String(input), (typeof mode === 'string' ? mode : 'default') as SlugMode, cased === true),
  xml_escape: () => (input: unknown) => (input === null || input === undefined ? undefined : xmlEscape(String(input))),
  jsonify: () => (input: unknown) => JSON.stringify(input ?? null),
  normalize_whitespace: () => (input: unknown) =>
    String(input ?? '')
      .replace(/\s+/g, ' ')
      .trim(),
  inspect: () => (input: unknown) => xmlEscape(rubyInspect(input)),
  divided_by: () => dividedBy,
});
