/**
 * Jekyll 4.3's URL rules, ported line by line from its Ruby source so that the build (blog posts)
 * and the Jekyll importer compute every old URL exactly as Jekyll did. Pure: no file system, no
 * clock, no astro:* imports. Each rule links the Jekyll file it comes from; where Jekyll's result
 * depends on something this module cannot see, the function says so (an `{ error }` or a thrown
 * `JekyllUrlError`) instead of guessing.
 *
 * Sources (Jekyll v4.3.1, the version Debian ships; 4.3.2–4.3.4 have the same rules):
 * - https://github.com/jekyll/jekyll/blob/v4.3.1/lib/jekyll/url.rb
 * - https://github.com/jekyll/jekyll/blob/v4.3.1/lib/jekyll/utils.rb
 * - https://github.com/jekyll/jekyll/blob/v4.3.1/lib/jekyll/document.rb
 * - https://github.com/jekyll/jekyll/blob/v4.3.1/lib/jekyll/drops/url_drop.rb
 * - https://github.com/jekyll/jekyll/blob/v4.3.1/lib/jekyll/page.rb
 * - https://github.com/jekyll/jekyll/blob/v4.3.1/lib/jekyll/renderer.rb
 * - https://github.com/jekyll/jekyll/blob/v4.3.1/lib/jekyll/configuration.rb
 */

import { postDate, type PostDate } from './jekyll-time.ts';
import { basenameWithoutExt, rubyDowncase, rubyExtname, rubySplit, rubyToS, slugify } from './ruby-strings.ts';

// Ruby's string rules and post dates have modules of their own; callers of the URL rules get them here too.
export { postDate, type PostDate } from './jekyll-time.ts';
export { rubyDowncase, rubyExtname, slugify, type SlugMode } from './ruby-strings.ts';

/** Thrown where Jekyll 4.3 itself fails, or does something this module does not model. */
export class JekyllUrlError extends Error {
  override name = 'JekyllUrlError';
}

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

// ---------------------------------------------------------------------------------------------
// URL escaping and sanitizing: https://github.com/jekyll/jekyll/blob/v4.3.1/lib/jekyll/url.rb

/** Characters Addressable leaves alone in a path, query or fragment (RFC 3986 pchar plus `/` and `?`). */
const KEPT_IN_URL = /[A-Za-z0-9\-._~!$&'()*+,;=:@/?]/;
/** Schemes Addressable calls IP-based: `http:` alone, with no host and no path, is an invalid URI. */
const IP_BASED_SCHEMES = new Set(['http', 'https', 'ftp', 'tftp', 'sftp', 'ssh', 'svn+ssh', 'telnet', 'nntp', 'gopher', 'wais', 'ldap', 'prospero']);

/**
 * `Jekyll::URL.escape_path` as in Jekyll 4.3.1: a placeholder's value, percent-encoded.
 *
 * Values made only of `a-zA-Z0-9./-` are returned as they are. Others go through
 * `Addressable::URI.encode`, which first parses the value as a URI: everything but RFC 3986
 * path characters is percent-encoded (UTF-8, uppercase hex) except `?`, which stays, and `#`,
 * which becomes `%23`. Because the value is parsed as a URI, a value whose text before its first
 * `:` looks like a scheme but is not a valid one (`2019: a year`, `1:1`), a value starting with
 * `:`, or an IP scheme alone (`http:`) makes Jekyll 4.3.1 fail the build; so does this function
 * (a `JekyllUrlError`). A value with a URI authority (`//host`) is not modelled and throws too.
 * (Jekyll after 4.3.4 encodes such values instead of parsing them: jekyll/jekyll#9850.)
 */
export function escapePath(value: string): string {
  // Ruby's ^…$ are line anchors: any one line made of safe characters short-cuts the escaping.
  if (value === '' || value.split('\n').some((line) => /^[a-zA-Z0-9./-]+$/.test(line))) return value;

  const scheme = /^([^:/?#]+):/.exec(value)?.[1];
  const rest = scheme === undefined ? value : value.slice(scheme.length + 1);
  if (scheme !== undefined && !/^[a-z][a-z0-9.+-]*$/i.test(scheme)) {
    throw new JekyllUrlError(
      `Jekyll 4.3 cannot build a URL from "${value}": Addressable reads "${scheme}:" as an invalid URI scheme (Invalid scheme format). Remove the ":" from this value.`,
    );
  }
  if (rest.startsWith('//')) {
    throw new JekyllUrlError(
      `Jekyll 4.3 reads "${value}" as a URI with a host; the URL it builds from it is not modelled here. Remove the "//" from this value.`,
    );
  }
  const path = /^[^?#]*/.exec(rest)![0];
  if (scheme === undefined && value.startsWith(':')) {
    throw new JekyllUrlError(`Jekyll 4.3 cannot build a URL from "${value}": Addressable rejects a path starting with ":" (ambiguous path).`);
  }
  if (scheme !== undefined && path === '' && IP_BASED_SCHEMES.has(scheme.toLowerCase())) {
    throw new JekyllUrlError(`Jekyll 4.3 cannot build a URL from "${value}": Addressable reads it as a "${scheme}:" URI missing its host.`);
  }

  let out = '';
  for (const char of value) {
    if (char === '#') out += '%23';
    else if (KEPT_IN_URL.test(char)) out += char;
    else for (const byte of new TextEncoder().encode(char)) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** `Jekyll::URL.unescape_path`: decodes every `%XX` (Addressable's `unencode`). */
export function unescapePath(path: string): string {
  if (!path.includes('%')) return path;
  const bytes: number[] = [];
  const encoder = new TextEncoder();
  for (let i = 0; i < path.length;) {
    const hex = /^%([0-9a-fA-F]{2})/.exec(path.slice(i, i + 3));
    if (hex) {
      bytes.push(Number.parseInt(hex[1]!, 16));
      i += 3;
    } else {
      const char = String.fromCodePoint(path.codePointAt(i)!);
      bytes.push(...encoder.encode(char));
      i += char.length;
    }
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}

/** `Jekyll::URL#sanitize_url`: a leading `/`, every `..` made `/`, every `./` removed, runs of `/` squeezed. */
export function sanitizeUrl(url: string): string {
  return `/${url}`.split('..').join('/').split('./').join('').replace(/\/+/g, '/');
}

// ---------------------------------------------------------------------------------------------
// Permalink styles: https://github.com/jekyll/jekyll/blob/v4.3.1/lib/jekyll/configuration.rb (STYLE_TO_PERMALINK)

/**
 * The built-in permalink styles: date, pretty, ordinal, weekdate, none, as Jekyll expands them for
 * posts and pages. These are the post templates; `PAGE_PERMALINK_STYLES` has the page form of each.
 */
export const PERMALINK_STYLES: Readonly<Record<string, string>> = Object.freeze({
  date: '/:categories/:year/:month/:day/:title:output_ext',
  pretty: '/:categories/:year/:month/:day/:title/',
  ordinal: '/:categories/:year/:y_day/:title:output_ext',
  weekdate: '/:categories/:year/W:week/:short_day/:title:output_ext',
  none: '/:categories/:title:output_ext',
});

/**
 * The page template each built-in style gives a (non-index, HTML) page: `Utils.add_permalink_suffix`
 * appends `/` for pretty and `:output_ext` for date, ordinal and none — and nothing for weekdate,
 * which Jekyll forgot in that list, so with `permalink: weekdate` `about.md` is `/about`.
 */
export const PAGE_PERMALINK_STYLES: Readonly<Record<string, string>> = Object.freeze({
  date: '/:path/:basename:output_ext',
  pretty: '/:path/:basename/',
  ordinal: '/:path/:basename:output_ext',
  weekdate: '/:path/:basename',
  none: '/:path/:basename:output_ext',
});

/** The default `permalink:` of `_config.yml`. */
export const DEFAULT_PERMALINK_STYLE = 'date';

/** A post's template for the site's `permalink:` (or the posts collection's): a built-in style's pattern, else the text itself. */
export function postTemplate(style: string | undefined): string {
  const name = style ?? DEFAULT_PERMALINK_STYLE;
  return Object.hasOwn(PERMALINK_STYLES, name) ? PERMALINK_STYLES[name]! : name;
}

/**
 * A non-index HTML page's template for the site's `permalink:` (`Utils.add_permalink_suffix`):
 * a built-in style's page form; for a custom pattern `/:path/:basename` plus `/` when the pattern
 * ends with `/`, plus `:output_ext` when it ends with `:output_ext`.
 */
export function pageTemplate(style: string | undefined): string {
  const name = style ?? DEFAULT_PERMALINK_STYLE;
  if (Object.hasOwn(PAGE_PERMALINK_STYLES, name)) return PAGE_PERMALINK_STYLES[name]!;
  return `/:path/:basename${name.endsWith('/') ? '/' : ''}${name.endsWith(':output_ext') ? ':output_ext' : ''}`;
}

// ---------------------------------------------------------------------------------------------
// Output extensions: https://github.com/jekyll/jekyll/blob/v4.3.1/lib/jekyll/renderer.rb (output_ext)

/** `markdown_ext` in Jekyll's default configuration. */
export const DEFAULT_MARKDOWN_EXTENSIONS: readonly string[] = ['markdown', 'mkdown', 'mkdn', 'mkd', 'md'];

/**
 * The extension the converter gives a source extension: `.html` for Markdown (matched
 * case-insensitively against `markdown_ext`), `.css` for Sass, the extension itself otherwise
 * (Jekyll's Identity converter: `.html` stays `.html`, `.xml` stays `.xml`).
 */
export function converterOutputExt(sourceExt: string, markdownExtensions: readonly string[] = DEFAULT_MARKDOWN_EXTENSIONS): string {
  const lower = sourceExt.toLowerCase();
  if (markdownExtensions.some((ext) => `.${ext.toLowerCase()}` === lower)) return '.html';
  if (lower === '.scss' || lower === '.sass') return '.css';
  return sourceExt;
}

/** The extension of a front-matter permalink that does not end with `/` (`/resume.pdf` → `.pdf`), if it has one. */
function permalinkExt(permalink: string | undefined): string | undefined {
  if (permalink === undefined || permalink.endsWith('/')) return undefined;
  return rubyExtname(permalink) || undefined;
}

/**
 * A page's or post's `output_ext` (`Renderer#output_ext`): the extension of its front-matter
 * `permalink` when that has one, else its converter's. So `resume.md` with
 * `permalink: /assets/files/resume.pdf` is written as `resume.pdf`, not `resume.pdf.html`.
 */
export function documentOutputExt(input: { path: string; permalink?: string | undefined; markdownExtensions?: readonly string[] }): string {
  return permalinkExt(input.permalink) ?? converterOutputExt(rubyExtname(input.path), input.markdownExtensions);
}

// ---------------------------------------------------------------------------------------------
// Post file names, dates and categories: https://github.com/jekyll/jekyll/blob/v4.3.1/lib/jekyll/document.rb

/**
 * `2019-06-10-useful-shell-aliases.md` -> { date: '2019-06-10', slug: 'useful-shell-aliases', ext: '.md' };
 * undefined for a name that is not a post name (Jekyll's `DATE_FILENAME_MATCHER`, which the post
 * reader also uses to pick files: a 2–4 digit year, 1–2 digit month and day, an extension).
 * Trailing dots are dropped from the slug (`2019-06-10-foo..md` has the slug `foo`).
 */
export function parsePostFileName(name: string): { date: string; slug: string; ext: string } | undefined {
  const match = /^(\d{2,4}-\d{1,2}-\d{1,2})-([^/]*)(\.[^./]+)$/.exec(name.slice(name.lastIndexOf('/') + 1));
  if (!match) return undefined;
  return { date: match[1]!, slug: match[2]!.replace(/\.+$/, ''), ext: match[3]! };
}

/**
 * The categories a post's path gives it (`Document#categories_from_path`): the folders above
 * `_posts` (`movies/horror/_posts/x.md` → movies, horror); folders below `_posts` are not
 * categories. `relativePath` is from the site source.
 */
export function postFolderCategories(relativePath: string, postsDir = '_posts'): string[] {
  if (relativePath.startsWith(postsDir)) return [];
  // Jekyll cuts at the first "_posts" anywhere in the path, even inside a folder name.
  const index = relativePath.indexOf(postsDir);
  const above = index === -1 ? relativePath : relativePath.slice(0, index);
  const basename = relativePath.slice(relativePath.lastIndexOf('/') + 1);
  return above.split('/').filter((folder) => folder !== '' && folder !== postsDir && folder !== basename);
}

/**
 * Categories as Jekyll computes them: from `categories:` or `category:` (space-separated string or
 * list) and from folders above `_posts`, in Jekyll's order, deduplicated the way Jekyll does.
 *
 * Order: the folders, then `categories` (a string is split on whitespace) without repeats, then
 * `category` — which is never split: `category: classic hollywood` is one category with a space.
 * Values keep their case and are made text the way Ruby does (`2019` → "2019"); repeats differing
 * only in case are both kept here (the URL lowercases and merges them).
 *
 * Throws a `JekyllUrlError` for a `categories:` that is neither text nor a list (a number, true, a
 * map): Jekyll 4.3 then fails to read the post's front matter and builds it without any of it
 * (no title, no date, so dated by the build time). Tell the author instead.
 */
export function postCategories(input: { categories?: unknown; category?: unknown; folders?: readonly string[] }): string[] {
  const { categories, category } = input;
  let list: unknown[] = [...(input.folders ?? [])];
  if (categories !== undefined && categories !== null) {
    if (typeof categories !== 'string' && !Array.isArray(categories)) {
      throw new JekyllUrlError(
        `categories: ${JSON.stringify(categories)} is neither text nor a list. Jekyll 4.3 then ignores the whole front matter of the post ("no implicit conversion into Array"). Write categories: "${rubyToS(categories)}".`,
      );
    }
    const added: unknown[] = typeof categories === 'string' ? rubySplit(categories) : categories;
    // Ruby's Array#| : the union, first occurrences kept, in order.
    list = uniqueBy([...list, ...added], (value) => value);
  }
  // Utils.pluralized_array_from_hash: `category` when set (not split), else the categories again; flattened, nils dropped.
  const singular = category === undefined || category === null || category === false ? undefined : category;
  const extra = (singular !== undefined ? [singular] : list).flat(Infinity);
  const all = [...list, ...extra.filter((value) => value !== null && value !== undefined)].map(rubyToS);
  return [...new Set(all)];
}

/**
 * A post's tags, as Jekyll 4.3 reads `tags` (Utils.pluralized_array_from_hash): text is split on
 * whitespace (`tags: batch ops` is two tags), a list is flattened with its nulls dropped, and anything
 * else (a lone number) gives none.
 */
export function postTags(tags: unknown): string[] {
  if (typeof tags === 'string') return rubySplit(tags);
  if (!Array.isArray(tags)) return [];
  return tags
    .flat(Infinity)
    .filter((tag) => tag !== null && tag !== undefined)
    .map(rubyToS);
}

function uniqueBy<T>(items: readonly T[], key: (item: T) => unknown): T[] {
  const seen = new Set<unknown>();
  return items.filter((item) => {
    const k = typeof item === 'object' && item !== null ? JSON.stringify(item) : key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

// ---------------------------------------------------------------------------------------------
// Post URLs: https://github.com/jekyll/jekyll/blob/v4.3.1/lib/jekyll/drops/url_drop.rb

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** Input of `postUrl`. */
export interface PostUrlInput {
  /** The site's `permalink:` (or the posts collection's): a built-in style name or a pattern. Default `date`. */
  style?: string | undefined;
  /** Front-matter `permalink`; its placeholders are filled too. Wins over `style`. */
  permalink?: string | undefined;
  date: PostDate;
  /** Jekyll's `slug`: front-matter `slug:` if given, else the file name's slug (`parsePostFileName`). */
  slug: string;
  /**
   * Accepted and ignored: Jekyll 4.3 never puts the front-matter title in a URL. `:title` is the
   * slug, slugified in `pretty` mode with its case kept.
   */
  title?: string | undefined;
  categories: readonly string[];
  /** The converter's output extension (`converterOutputExt`); default `.html`. A permalink's own extension wins, as in Jekyll. */
  outputExt?: string;
  /** The post's path from the site source (`_posts/2019-06-10-x.md`): needed only by `:path` and `:name`. */
  relativePath?: string | undefined;
}

/**
 * The value of each placeholder a post's URL template may use, computed only when used (as
 * Jekyll's UrlDrop does), so a value Jekyll would fail on only fails when it is used.
 */
function postPlaceholders(input: PostUrlInput, outputExt: string): Record<string, () => string> {
  const { date } = input;
  const needPath = (name: string): string => {
    if (input.relativePath === undefined) throw new JekyllUrlError(`:${name} needs the post's relativePath.`);
    return input.relativePath;
  };
  return {
    year: () => pad(date.year, 4),
    month: () => pad(date.month, 2),
    day: () => pad(date.day, 2),
    hour: () => pad(date.hour, 2),
    minute: () => pad(date.minute, 2),
    second: () => pad(date.second, 2),
    i_day: () => String(date.day),
    i_month: () => String(date.month),
    short_month: () => MONTHS[date.month - 1]!.slice(0, 3),
    long_month: () => MONTHS[date.month - 1]!,
    short_year: () => pad(((date.year % 100) + 100) % 100, 2),
    w_year: () => pad(date.isoWeekYear, 4),
    week: () => pad(date.isoWeek, 2),
    w_day: () => String(date.weekday),
    short_day: () => DAYS[date.weekday - 1]!.slice(0, 3),
    long_day: () => DAYS[date.weekday - 1]!,
    y_day: () => pad(date.yearDay, 3),
    title: () => slugify(input.slug, 'pretty', true),
    slug: () => slugify(input.slug),
    categories: () => [...new Set(input.categories.map(rubyDowncase))].join('/'),
    slugified_categories: () => [...new Set(input.categories.map((category) => slugify(category)))].join('/'),
    output_ext: () => outputExt,
    collection: () => 'posts',
    name: () => slugify(basenameWithoutExt(needPath('name'))),
    // Document#cleaned_relative_path: without the extension and the first "_posts", trailing dots dropped.
    path: () => {
      const relativePath = needPath('path');
      return relativePath
        .slice(0, relativePath.length - rubyExtname(relativePath).length)
        .replace('_posts', '')
        .replace(/\.+$/, '');
    },
  };
}

/** `URL#generate_url_from_drop`: every `:name` (lowercase letters and `_`) replaced by its escaped value. */
function fillFromDrop(template: string, placeholders: Record<string, () => string>): string {
  return template.replace(/:([a-z_]+)/g, (match, name: string) => {
    // "/:month_:day": a key followed by "_" is tried without it (Jekyll chomps the "_").
    const key = name.replace(/_$/, '');
    const value = Object.hasOwn(placeholders, key) ? placeholders[key] : undefined;
    if (!value) {
      throw new JekyllUrlError(
        `The URL template "${template}" has :${key}, which is not a placeholder Jekyll knows; Jekyll stops with "The URL template doesn't have ${key} keys. Check your permalink template!"`,
      );
    }
    const escaped = escapePath(value());
    return match.replace(`:${key}`, () => escaped);
  });
}

/**
 * A post's URL: front-matter `permalink` wins; else the style (a built-in name or a pattern with
 * :year :month :i_month :day :i_day :short_year :hour :minute :second :title :slug :categories
 * :slugified_categories :y_day :week :w_year :w_day :short_month :long_month :short_day :long_day
 * :output_ext :collection :name :path), placeholders filled as Jekyll's UrlDrop fills them, then
 * sanitized as `URL#sanitize_url` does.
 *
 * How placeholders are filled: `:title` is the slug slugified `pretty` with case kept (not the
 * front-matter title); `:slug` the slug slugified `default`; `:categories` the categories
 * lowercased but NOT slugified, repeats removed, joined with `/` (a space becomes `%20`);
 * `:slugified_categories` each slugified. Each value is percent-encoded (`escapePath`); an empty
 * `:categories` leaves `//`, which sanitizing squeezes.
 *
 * Throws a `JekyllUrlError` where Jekyll 4.3 stops the build: an unknown `:placeholder`, or a value
 * `escapePath` rejects.
 */
export function postUrl(input: PostUrlInput): string {
  const outputExt = (input.permalink !== undefined ? permalinkExt(input.permalink) : undefined) ?? input.outputExt ?? '.html';
  const template = input.permalink ?? postTemplate(input.style);
  return sanitizeUrl(fillFromDrop(template, postPlaceholders(input, outputExt)));
}

// ---------------------------------------------------------------------------------------------
// Page URLs: https://github.com/jekyll/jekyll/blob/v4.3.1/lib/jekyll/page.rb (template, url, url_placeholders)

const HTML_EXTENSIONS = new Set(['.html', '.xhtml', '.htm']);

/**
 * A page's URL (`about.md`, `work/acme.md`, `404.html`, `blog/index.html`), relative path from the
 * Jekyll source root: its `permalink` when given, else the site style's page form (Jekyll uses
 * /:path/:basename:output_ext for the default style and /:path/:basename/ for pretty; index files
 * become the folder URL).
 *
 * Details that matter: a page whose output is not HTML (`feed.xml`, `style.scss`) always keeps
 * `/:path/:basename:output_ext`; `404.html` follows the style like any page (pretty makes it
 * `/404/`); `:path`, `:basename` and `:output_ext` are the only placeholders of a page, filled by
 * plain text replacement (so `:year` stays as written, and `:pathology` is `:path` + `ology`).
 * `outputExt` is the converter's extension; by default it is derived from the file name
 * (`converterOutputExt`).
 */
export function pageUrl(input: { path: string; permalink?: string | undefined; style?: string | undefined; outputExt?: string }): string {
  const slash = input.path.lastIndexOf('/');
  // Jekyll's @dir: "" at the source root, "/work" below it (File.join("", "work")).
  const dir = slash === -1 ? '' : `/${input.path.slice(0, slash)}`;
  const name = input.path.slice(slash + 1);
  const ext = rubyExtname(name);
  const basename = name.slice(0, name.length - ext.length).replace(/\.+$/, '');
  const converterExt = input.outputExt ?? converterOutputExt(ext);
  const outputExt = (input.permalink !== undefined ? permalinkExt(input.permalink) : undefined) ?? converterExt;

  let template: string;
  if (!HTML_EXTENSIONS.has(converterExt)) template = '/:path/:basename:output_ext';
  else if (basename === 'index') template = '/:path/';
  else template = pageTemplate(input.style);

  // URL#generate_url_from_hash: each key in turn, by plain text replacement, stopping once no ":" is left.
  let url = input.permalink ?? template;
  for (const [key, value] of [
    ['path', dir],
    ['basename', basename],
    ['output_ext', outputExt],
  ] as const) {
    if (!url.includes(':')) break;
    url = url.split(`:${key}`).join(escapePath(value));
  }
  return sanitizeUrl(url);
}

// ---------------------------------------------------------------------------------------------
// Output files: Page#destination and Document#destination, Jekyll::PathManager.sanitized_path

/**
 * The file Jekyll writes for a URL (`/work/` -> `work/index.html`, `/work/acme` -> `work/acme.html`,
 * `/a/b.html` -> `a/b.html`), per Jekyll's Page/Document#destination, relative to the destination
 * folder.
 *
 * The URL is percent-decoded (`/a%20b/` is the folder `a b`) and `.`/`..` segments resolved.
 * `outputExt` is the page's or post's `output_ext` (`documentOutputExt`; default `.html`): it is
 * appended unless the path already ends with it, so `/resume.pdf` with `.pdf` is `resume.pdf` but
 * with `.html` it is `resume.pdf.html`. A URL ending in `/` is the folder's index: `index` plus the
 * extension for a page (`/feed/` of an `.xml` page is `feed/index.xml`), always `index.html` for a
 * post (`kind: 'post'`).
 */
export function outputFileForUrl(url: string, outputExt = '.html', kind: 'page' | 'post' = 'page'): string {
  const segments: string[] = [];
  // File.expand_path(path, "/"): empty and "." segments dropped, ".." goes up, never above the root.
  for (const segment of unescapePath(url).split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  let path = segments.join('/');
  if (url.endsWith('/')) {
    if (kind === 'post') return path === '' ? 'index.html' : `${path}/index.html`;
    path = path === '' ? 'index' : `${path}/index`;
  }
  return path.endsWith(outputExt) ? path : path + outputExt;
}

// ---------------------------------------------------------------------------------------------
// Collection documents: https://github.com/jekyll/jekyll/blob/v4.3.1/lib/jekyll/document.rb (url_template, url_placeholders)
// and https://github.com/jekyll/jekyll/blob/v4.3.1/lib/jekyll/collection.rb (url_template)

/** Input of `documentUrl`. */
export interface DocumentUrlInput {
  collection: string;
  /** The path below the collection's folder: `robot.md`, `2019/talk.md`. */
  pathInCollection: string;
  /** The document's own front-matter `permalink`. */
  permalink?: string | undefined;
  /** The collection's `permalink` in `collections:`. */
  collectionPermalink?: string | undefined;
  /** The site's `permalink:` style, which gives the default template its ending. */
  style?: string | undefined;
  outputExt: string;
  /** Front-matter `slug`. */
  slug?: string | undefined;
  /** Front-matter `date`, as a YAML 1.1 reader gives it. */
  date?: unknown;
  /** Front-matter `categories` / `category`. */
  categories?: unknown;
  category?: unknown;
  timezone?: string | undefined;
}

/** Placeholders a document's URL can fill without its date. */
const UNDATED = new Set(['collection', 'path', 'name', 'title', 'slug', 'output_ext', 'categories', 'slugified_categories']);

/**
 * A collection document's URL (`_projects/robot.md` in a collection with `output: true`): its own
 * `permalink`, else the collection's, else `/:collection/:path` with the ending the site's style gives
 * a page. Placeholders are filled as Jekyll's URL drop fills them: `:path` is the path in the
 * collection without its extension, `:title` the slug (a dated file name's slug without the date,
 * else the file name) kept in case. Date placeholders (`:year`, `:month`...) read the front matter's
 * `date:`, else a dated file name's (`2019-06-10-talk.md`), in the site's time zone; a document with
 * neither is dated by the build's clock in Jekyll, which no rule can repeat: a `JekyllUrlError`.
 */
export function documentUrl(input: DocumentUrlInput): string {
  const suffix = pageTemplate(input.style).replace('/:path/:basename', '');
  const template = input.permalink ?? input.collectionPermalink ?? `/:collection/:path${suffix}`;
  const ext = rubyExtname(input.pathInCollection);
  const withoutExt = input.pathInCollection.slice(0, input.pathInCollection.length - ext.length);
  const base = withoutExt.slice(withoutExt.lastIndexOf('/') + 1);
  const dated = /^(\d{2,4}-\d{1,2}-\d{1,2})-(.*)$/.exec(base);
  const slug = input.slug ?? (dated ? dated[2]! : base);
  const categories = postCategories({ categories: input.categories, category: input.category });
  const names = [...template.matchAll(/:([a-z_]+)/g)].map((match) => match[1]!.replace(/_$/, ''));
  let date: PostDate = {
    year: 1970,
    month: 1,
    day: 1,
    hour: 0,
    minute: 0,
    second: 0,
    weekday: 4,
    yearDay: 1,
    isoWeek: 1,
    isoWeekYear: 1970,
    utcOffsetSeconds: 0,
    epochMilliseconds: 0,
  };
  if (names.some((name) => !UNDATED.has(name))) {
    if (input.date === undefined && !dated) {
      throw new JekyllUrlError(
        `the permalink "${template}" uses the document's date, and it has none (no date: and no date in its file name): Jekyll used the time of the build. Write the page's permalink by hand.`,
      );
    }
    const found = postDate({ fileDate: dated?.[1] ?? '1970-01-01', frontMatterDate: input.date, timezone: input.timezone });
    if ('error' in found) throw new JekyllUrlError(found.error);
    date = found;
  }
  const placeholders = postPlaceholders({ date, slug, categories, relativePath: input.pathInCollection }, input.outputExt);
  placeholders['collection'] = () => input.collection;
  // Document#cleaned_relative_path: the path in the collection, without the extension and trailing dots.
  placeholders['path'] = () => withoutExt.replace(/\.+$/, '');
  placeholders['name'] = () => slugify(base);
  const outputExt = (input.permalink !== undefined ? permalinkExt(input.permalink) : undefined) ?? input.outputExt;
  placeholders['output_ext'] = () => outputExt;
  return sanitizeUrl(fillFromDrop(template, placeholders));
}

/**
 * A URL Jekyll wrote with raw spaces or non-ASCII letters (a front-matter permalink is used as
 * written) in the form a link uses: each such character percent-encoded (UTF-8), everything else,
 * escapes included, as it was. The file it names is the same.
 */
export function encodeUrlPath(url: string): string {
  let out = '';
  for (const char of url) {
    if (/^[\u0021-\u007e]$/.test(char)) out += char;
    else for (const byte of new TextEncoder().encode(char)) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}
