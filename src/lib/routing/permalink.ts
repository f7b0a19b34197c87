/**
 * Permalinks: the exact public address an entry is served at, as on the owner's Jekyll site.
 * `/work/amazon` is written to `work/amazon.html` and linked as `/work/amazon`.
 */

/** `/`-separated segments of lowercase ASCII letters, digits and `-`; no trailing slash. */
export const PERMALINK_PATTERN = /^(\/[a-z0-9-]+)+$/;

/** An example shown in messages. */
export const PERMALINK_EXAMPLE = '/work/amazon';

/**
 * Every rule a permalink breaks, each as its own sentence saying what is wrong and what to write.
 * An empty list means the permalink is valid.
 */
export function permalinkProblems(permalink: string): string[] {
  if (PERMALINK_PATTERN.test(permalink)) {
    // `/work/index` would be written as work/index.html, the file a host serves for `/work/`.
    if (/\/index$/.test(permalink)) {
      const parent = permalink.slice(0, -'/index'.length);
      // Another name in the same folder: the folder itself may be a page already (`/work`).
      return [`must not end in "/index": that file is the folder's own page. Write "${parent}/overview".`];
    }
    return [];
  }
  const problems: string[] = [];
  const suggestion = suggestPermalink(permalink);
  const fix = suggestion ? ` Write "${suggestion}".` : ` Write an address like "${PERMALINK_EXAMPLE}".`;

  if (permalink.trim() === '') return [`is empty.${fix}`];
  if (permalink === '/') return [`"/" is the home page's address; an entry needs its own, like "${PERMALINK_EXAMPLE}".`];
  if (!permalink.startsWith('/')) problems.push(`must start with "/" (it is an address from the site root).`);
  if (permalink.length > 1 && permalink.endsWith('/')) {
    problems.push(`must not end with "/": the page is written to a file, as on the Jekyll site.`);
  }
  if (/[A-Z]/.test(permalink)) problems.push('must be lowercase: addresses are case-sensitive on GitHub Pages.');
  if (/\s/.test(permalink)) problems.push('must not contain spaces: use "-" between words.');
  if (/(^|\/)\.\.?(\/|$)/.test(permalink)) problems.push('must not contain "." or ".." segments.');
  if (/\/\//.test(permalink)) problems.push('must not contain "//" (an empty segment).');
  if (/[?#]/.test(permalink)) problems.push('must not contain "?" or "#": a permalink names a page, not a query or a place in it.');
  if (/[^\u0000-\u007f]/.test(permalink)) problems.push('must use ASCII characters only: write "e" for "é" and so on.');
  if (/\.html?$/i.test(permalink)) problems.push('must not end with ".html": the site serves "/work/amazon" from "work/amazon.html" itself.');
  if (problems.length === 0) {
    problems.push('may only use lowercase letters, digits and "-" between "/" separators.');
  }
  return problems.map((problem) => problem + fix);
}

/** The closest valid permalink to what the author wrote, or undefined when nothing usable is left. */
export function suggestPermalink(permalink: string): string | undefined {
  const segments = permalink
    .replace(/[?#].*$/, '')
    .replace(/\.html?$/i, '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split('/')
    .filter((segment) => segment !== '.' && segment !== '..')
    .map((segment) => segment.replace(/[^a-z0-9-]+/g, '-'))
    .filter((segment) => /[a-z0-9]/.test(segment));
  if (segments.length === 0) return undefined;
  const suggestion = `/${segments.join('/')}`;
  return PERMALINK_PATTERN.test(suggestion) ? suggestion : undefined;
}

/** The catch-all route parameter for a permalink: `/work/amazon` becomes `work/amazon`. */
export function permalinkToParam(permalink: string): string {
  return permalink.replace(/^\/+/, '');
}

/** The file the build writes for a permalink: `/work/amazon` becomes `work/amazon.html`. */
export function permalinkToFile(permalink: string): string {
  return `${permalinkToParam(permalink)}.html`;
}
