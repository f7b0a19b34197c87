/**
 * Ruby's string rules where they differ from JavaScript's, and Jekyll's `slugify`, as Jekyll 4.3's URL
 * rules (jekyll-urls.ts) and Liquid's filters use them. Pure.
 */
import { isUtcMidnight } from './jekyll-time.ts';

/**
 * Ruby's `String#downcase`: full Unicode lowercasing like `toLowerCase`, but without the
 * context-sensitive final sigma (`"ΟΔΟΣ".downcase` is `"οδοσ"`, JavaScript gives `"οδος"`).
 */
export function rubyDowncase(text: string): string {
  return text.replaceAll('Σ', 'σ').toLowerCase();
}

/** Ruby's `String#split` with no argument: on runs of ASCII whitespace, ignoring leading and trailing ones. */
export function rubySplit(text: string): string[] {
  return text.split(/[ \t\n\v\f\r]+/).filter((part) => part !== '');
}

/**
 * Ruby's `File.extname` (Ruby ≥ 2.7, not Windows): leading dots do not start an extension
 * (`.htaccess` has none), a trailing dot is an extension of its own (`foo.` gives `.`).
 */
export function rubyExtname(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1).replace(/^\.+/, '');
  const dot = base.lastIndexOf('.');
  return dot === -1 ? '' : base.slice(dot);
}

/** The last path segment without its `rubyExtname` (Ruby's `File.basename(path, ".*")`). */
export function basenameWithoutExt(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return name.slice(0, name.length - rubyExtname(name).length);
}

/** Ruby's `to_s` for the values YAML front matter can hold (used for categories). */
export function rubyToS(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (value instanceof Date) return isUtcMidnight(value) ? value.toISOString().slice(0, 10) : String(value);
  if (Array.isArray(value))
    return `[${value.map((item) => (typeof item === 'string' ? JSON.stringify(item) : item === null ? 'nil' : rubyToS(item))).join(', ')}]`;
  return String(value);
}

// ---------------------------------------------------------------------------------------------
// slugify: https://github.com/jekyll/jekyll/blob/v4.3.1/lib/jekyll/utils.rb (slugify, replace_character_sequence_with_hyphen)

/** `Jekyll::Utils.slugify`'s modes. Any other mode (Jekyll's `none` included) leaves the text as it is. */
export type SlugMode = 'raw' | 'default' | 'pretty' | 'ascii' | 'latin' | 'none';

// Ruby's `\s` is ASCII whitespace only; `\p{…}` classes are Unicode in both languages.
const SLUG_PATTERNS: Readonly<Record<string, RegExp>> = {
  raw: /[ \t\n\v\f\r]+/g,
  default: /[^\p{M}\p{L}\p{Nd}]+/gu,
  latin: /[^\p{M}\p{L}\p{Nd}]+/gu,
  pretty: /[^\p{M}\p{L}\p{Nd}._~!$&'()+,;=@]+/gu,
  ascii: /[^A-Za-z0-9]+/gu,
};

/**
 * I18n's default transliteration (what `latin` mode runs first): these Latin letters become ASCII,
 * every other non-ASCII code point becomes `?`.
 * https://github.com/ruby-i18n/i18n/blob/v1.10.0/lib/i18n/backend/transliterator.rb
 */
// A table, laid out to read.
// prettier-ignore
const LATIN_APPROXIMATIONS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    À: 'A', Á: 'A', Â: 'A', Ã: 'A', Ä: 'A', Å: 'A', Æ: 'AE', Ç: 'C', È: 'E', É: 'E', Ê: 'E', Ë: 'E', Ì: 'I', Í: 'I',
    Î: 'I', Ï: 'I', Ð: 'D', Ñ: 'N', Ò: 'O', Ó: 'O', Ô: 'O', Õ: 'O', Ö: 'O', '×': 'x', Ø: 'O', Ù: 'U', Ú: 'U', Û: 'U',
    Ü: 'U', Ý: 'Y', Þ: 'Th', ß: 'ss', à: 'a', á: 'a', â: 'a', ã: 'a', ä: 'a', å: 'a', æ: 'ae', ç: 'c', è: 'e', é: 'e',
    ê: 'e', ë: 'e', ì: 'i', í: 'i', î: 'i', ï: 'i', ð: 'd', ñ: 'n', ò: 'o', ó: 'o', ô: 'o', õ: 'o', ö: 'o', ø: 'o',
    ù: 'u', ú: 'u', û: 'u', ü: 'u', ý: 'y', þ: 'th', ÿ: 'y', Ā: 'A', ā: 'a', Ă: 'A', ă: 'a', Ą: 'A', ą: 'a', Ć: 'C',
    ć: 'c', Ĉ: 'C', ĉ: 'c', Ċ: 'C', ċ: 'c', Č: 'C', č: 'c', Ď: 'D', ď: 'd', Đ: 'D', đ: 'd', Ē: 'E', ē: 'e', Ĕ: 'E',
    ĕ: 'e', Ė: 'E', ė: 'e', Ę: 'E', ę: 'e', Ě: 'E', ě: 'e', Ĝ: 'G', ĝ: 'g', Ğ: 'G', ğ: 'g', Ġ: 'G', ġ: 'g', Ģ: 'G',
    ģ: 'g', Ĥ: 'H', ĥ: 'h', Ħ: 'H', ħ: 'h', Ĩ: 'I', ĩ: 'i', Ī: 'I', ī: 'i', Ĭ: 'I', ĭ: 'i', Į: 'I', į: 'i', İ: 'I',
    ı: 'i', Ĳ: 'IJ', ĳ: 'ij', Ĵ: 'J', ĵ: 'j', Ķ: 'K', ķ: 'k', ĸ: 'k', Ĺ: 'L', ĺ: 'l', Ļ: 'L', ļ: 'l', Ľ: 'L', ľ: 'l',
    Ŀ: 'L', ŀ: 'l', Ł: 'L', ł: 'l', Ń: 'N', ń: 'n', Ņ: 'N', ņ: 'n', Ň: 'N', ň: 'n', ŉ: "'n", Ŋ: 'NG', ŋ: 'ng',
    Ō: 'O', ō: 'o', Ŏ: 'O', ŏ: 'o', Ő: 'O', ő: 'o', Œ: 'OE', œ: 'oe', Ŕ: 'R', ŕ: 'r', Ŗ: 'R', ŗ: 'r', Ř: 'R', ř: 'r',
    Ś: 'S', ś: 's', Ŝ: 'S', ŝ: 's', Ş: 'S', ş: 's', Š: 'S', š: 's', Ţ: 'T', ţ: 't', Ť: 'T', ť: 't', Ŧ: 'T', ŧ: 't',
    Ũ: 'U', ũ: 'u', Ū: 'U', ū: 'u', Ŭ: 'U', ŭ: 'u', Ů: 'U', ů: 'u', Ű: 'U', ű: 'u', Ų: 'U', ų: 'u', Ŵ: 'W', ŵ: 'w',
    Ŷ: 'Y', ŷ: 'y', Ÿ: 'Y', Ź: 'Z', ź: 'z', Ż: 'Z', ż: 'z', Ž: 'Z', ž: 'z',
  }),
);

/** I18n.transliterate: per code point, so a decomposed `é` (e + U+0301) keeps its `e` and turns the accent into `?`. */
function transliterate(text: string): string {
  let out = '';
  for (const char of text) out += char.codePointAt(0)! < 0x80 ? char : (LATIN_APPROXIMATIONS.get(char) ?? '?');
  return out;
}

/**
 * `Jekyll::Utils.slugify`: every run of characters the mode does not keep becomes one `-`, one
 * leading and one trailing `-` are dropped, and the result is lowercased unless `cased`.
 *
 * - `default`: keeps Unicode letters, marks and decimal digits (`The _config.yml file` → `the-config-yml-file`);
 * - `pretty`: also keeps `._~!$&'()+,;=@` (→ `the-_config.yml-file`);
 * - `ascii`: keeps only `A-Za-z0-9` (`fürtive` → `f-rtive`);
 * - `latin`: transliterates accented Latin letters first, then as `default` (`fürtive` → `furtive`);
 * - `raw`: replaces only whitespace runs (→ `the-_config.yml-file?`);
 * - `none` (or any other mode): the text unchanged, lowercased unless `cased`.
 *
 * Unicode classes follow the running JavaScript engine's Unicode version, Ruby 3.1's may be older:
 * they differ only for characters assigned since.
 */
export function slugify(text: string, mode: SlugMode = 'default', cased = false): string {
  const pattern = SLUG_PATTERNS[mode];
  if (!pattern) return cased ? text : rubyDowncase(text);
  const source = mode === 'latin' ? transliterate(text) : text;
  // Ruby's %r!^-|-$! on a string without newlines: one leading and one trailing hyphen.
  const slug = source.replace(pattern, '-').replace(/^-|-$/g, '');
  return cased ? slug : rubyDowncase(slug);
}
