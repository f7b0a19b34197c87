/**
 * Permalinks: the exact public address a page is served at, as the owner's Jekyll site wrote it.
 * Three forms, each written to the file GitHub Pages serves for it without a redirect (Jekyll's
 * `Page#destination` rule, https://github.com/jekyll/jekyll/blob/master/lib/jekyll/page.rb):
 *
 * - `/work/`           a folder address: `work/index.html` (and `/` is `index.html`);
 * - `/work/amazon`     a file address: `work/amazon.html`, served at `/work/amazon` and `/work/amazon.html`;
 * - `/blog/post.html`  written as given: `blog/post.html`.
 */

/**
 * One path segment as Jekyll writes it in a URL: ASCII letters, digits, `- _ . ~`, the sub-delimiters
 * Jekyll leaves as they are (`! $ & ' ( ) * + , ; = : @`), and `%XX` escapes for anything else (a
 * space is `%20`, `é` is `%C3%A9`). The file is written with the escapes decoded, as Jekyll wrote it.
 */
const SEGMENT = /^(?:[A-Za-z0-9._~!$&'()*+,;=:@-]|%[0-9A-Fa-f]{2})+$/;

/** A segment with its `%XX` escapes decoded (UTF-8), or undefined when they are not valid UTF-8. */
function decodeSegment(segment: string): string | undefined {
  if (!segment.includes('%')) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** A permalink's path with its escapes decoded: the name of the file it is written to. */
function decodedPath(permalink: string): string {
  // Most permalinks have no escape: the checks ask for every page's file several times.
  if (!permalink.includes('%')) return permalink;
  return permalink
    .split('/')
    .map((segment) => decodeSegment(segment) ?? segment)
    .join('/');
}

/** An example shown in messages. */
export const PERMALINK_EXAMPLE = '/work/amazon';

/** Folders the build itself writes; a page there would be overwritten or hide the site's assets. */
export const RESERVED_FOLDERS = ['_astro'] as const;

/** `/work/` and `/`: addresses of a folder, written as its `index.html`. */
export const isFolderPermalink = (permalink: string): boolean => permalink.endsWith('/');

/**
 * The folder addresses among `permalinks` (`/work/`, `/blog/`, a `pretty` post's `/2019/06/10/x/`),
 * the home page aside: the Markdown plugins write a link to `/work` as `/work/` when `/work/` is a
 * page, so no visitor meets a redirect.
 */
export function folderPermalinks(permalinks: Iterable<string>): Set<string> {
  return new Set([...permalinks].filter((permalink) => isFolderPermalink(permalink) && permalink !== '/'));
}

/**
 * Every rule a permalink breaks, each as its own sentence saying what is wrong and what to write.
 * An empty list means the permalink is valid.
 */
export function permalinkProblems(permalink: string): string[] {
  if (permalink.trim() === '') return [`is empty. Write an address like "${PERMALINK_EXAMPLE}".`];
  const problems: string[] = [];
  const suggestion = suggestPermalink(permalink);
  const fix = suggestion && suggestion !== permalink ? ` Write "${suggestion}".` : ` Write an address like "${PERMALINK_EXAMPLE}".`;

  if (!permalink.startsWith('/')) problems.push('must start with "/" (it is an address from the site root).');
  if (/\s/.test(permalink)) problems.push('must not contain spaces: use "-" between words (or "%20", as Jekyll wrote a space in an address).');
  if (/[?#]/.test(permalink)) problems.push('must not contain "?" or "#": a permalink names a page, not a query or a place in it.');
  // eslint-disable-next-line no-control-regex -- ASCII is U+0000 to U+007F, the control characters included.
  if (/[^\u0000-\u007f]/.test(permalink))
    problems.push('must use ASCII characters only: write "e" for "é" and so on (or percent-encode it, "%C3%A9", as Jekyll wrote it in an address).');
  if (/\/\//.test(permalink)) problems.push('must not contain "//" (an empty segment).');
  if (/(^|\/)\.\.?(\/|$)/.test(permalink)) problems.push('must not contain "." or ".." segments.');
  if (problems.length > 0) return problems.map((problem) => problem + fix);

  const segments = permalink.slice(1).split('/');
  if (isFolderPermalink(permalink)) segments.pop();
  const last = segments.at(-1) ?? '';
  if (segments.some((segment) => !SEGMENT.test(segment))) {
    return [`may only use letters, digits, "-", "_", ".", "~" and percent escapes (%20) between "/" separators.${fix}`];
  }
  // An escape must not make a segment that leaves its folder or names another file.
  if (
    segments.some((segment) => {
      const decoded = decodeSegment(segment);
      // eslint-disable-next-line no-control-regex -- an escape that decodes to a control character names no file.
      return decoded === undefined || decoded === '.' || decoded === '..' || /[/\\\u0000-\u001f]/.test(decoded);
    })
  ) {
    return [`has a percent escape that is not UTF-8 text, or that makes "/", "\\", ".", ".." or a control character.${fix}`];
  }
  const reserved = RESERVED_FOLDERS.find((folder) => segments[0] === folder);
  if (reserved && segments.length > 0) {
    return [`"/${reserved}/" is where the build writes the site's styles and images. Choose another address.`];
  }
  if (!isFolderPermalink(permalink)) {
    // `/work/index` and `/work/index.html` are written to work/index.html, the file the folder address serves.
    if (/^index(\.html)?$/.test(last)) {
      const folder = `/${segments.slice(0, -1).join('/')}${segments.length > 1 ? '/' : ''}`;
      return [`names the folder's own page; write the folder's address "${folder}", which is served from the same file.`];
    }
    const extension = /\.([A-Za-z0-9]+)$/.exec(last)?.[1];
    if (extension && extension.toLowerCase() !== 'html') {
      return [
        `ends in ".${extension}", but a page is written as HTML. To publish a .${extension} file at this address, put it in public${permalink} and link to it.`,
      ];
    }
    if (extension === 'HTML') return [`must end in ".html" in lowercase.${fix}`];
  }
  return [];
}

/** The closest valid permalink to what the author wrote, or undefined when nothing usable is left. */
export function suggestPermalink(permalink: string): string | undefined {
  const folder = permalink.endsWith('/') && permalink.trim() !== '/';
  const segments = permalink
    .replace(/[?#].*$/, '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split('/')
    .filter((segment) => segment !== '.' && segment !== '..')
    .map((segment) =>
      segment
        .trim()
        .replace(/[^A-Za-z0-9._~-]+/g, '-')
        .replace(/^-+|-+$/g, ''),
    )
    .filter((segment) => segment !== '');
  if (segments.length === 0) return undefined;
  return `/${segments.join('/')}${folder ? '/' : ''}`;
}

/** The file the build writes for a permalink, relative to the output folder. */
export function permalinkToFile(permalink: string): string {
  const path = decodedPath(permalink);
  if (isFolderPermalink(path)) return `${path.slice(1)}index.html`;
  return path.endsWith('.html') ? path.slice(1) : `${path.slice(1)}.html`;
}

/**
 * Which route builds a permalink, and its parameter. Astro writes a page as `<param>.html`
 * (`build.format: 'preserve'`), so `/blog/post.html` is the page `blog/post`; folder addresses
 * are built by `src/pages/[...folder]/index.astro`.
 */
export type PermalinkRoute = { route: 'file'; param: string | undefined } | { route: 'folder'; param: string };

export function permalinkRoute(permalink: string): PermalinkRoute {
  if (permalink === '/') return { route: 'file', param: undefined };
  // Astro writes a parameter as the file name it is: decoded, as Jekyll wrote the file.
  const path = decodedPath(permalink);
  if (isFolderPermalink(path)) return { route: 'folder', param: path.slice(1, -1) };
  return { route: 'file', param: path.slice(1).replace(/\.html$/, '') };
}

/**
 * The paths a static host such as GitHub Pages serves a permalink's file at without a redirect:
 * `/work/acme` and `/work/acme.html`; `/work/` and `/work/index.html`. Decoded (`/café/`), as links
 * are compared once read.
 */
export function servedPaths(permalink: string): string[] {
  const file = `/${permalinkToFile(permalink)}`;
  if (isFolderPermalink(permalink)) return [decodedPath(permalink), file];
  return [file, file.replace(/\.html$/, '')];
}

/**
 * A page's address as its permalink writes it, from the address Astro gives the page: Astro names
 * `work/index.html` `/work` and `blog/post.html` `/blog/post`, where the site's links, canonical
 * URLs and the Jekyll site say `/work/` and `/blog/post.html`. `permalinks` are the site's own;
 * `isFolder` says whether a path was written as a folder page (the blog's numbered pages have no
 * permalink of their own).
 */
export function addressAsWritten(path: string, permalinks: ReadonlySet<string>, isFolder: (path: string) => boolean): string {
  if (path === '/' || path.endsWith('/')) return path;
  if (permalinks.has(`${path}/`) || isFolder(path)) return `${path}/`;
  if (permalinks.has(`${path}.html`)) return `${path}.html`;
  return path;
}
