/**
 * The old site's URLs: every address Jekyll served, written to `src/data/legacy-urls.txt` so every
 * build checks they are still served, and printed as a table of old URL -> the file the build writes.
 * Jekyll's URL rules themselves live in `src/lib/routing/jekyll-urls.ts`, shared with the build.
 */
import { JekyllUrlError, documentUrl, escapePath, outputFileForUrl, type DocumentUrlInput } from '../../src/lib/routing/jekyll-urls.ts';
import { compareText } from './report.ts';

export interface OldUrl {
  /** The address as the site linked it: `/work/`, `/work/acme`, `/programming/2019/03/02/x.html`. */
  url: string;
  /** The Jekyll file that made it, for the table. */
  from: string;
  /** What the build writes for it: `work/acme.html`, or the project's own page (`feed.xml (this project's feed)`). */
  file: string;
  /** Why it is written as a comment, not checked: a URL the import could not carry over on purpose. */
  retired?: string | undefined;
}

/**
 * A static file's URL as a browser requests it: its path from the site root, percent-encoded as
 * Jekyll writes links to it, and also where Jekyll's URL would not reach the file: a `?` would start
 * a query, and a line break (which Jekyll's escaping leaves as written) would split the line of
 * `src/data/legacy-urls.txt` in two. The build decodes each line back to the file's name.
 */
export function staticFileUrl(path: string): string {
  // eslint-disable-next-line no-control-regex -- a control character in a file name is the case handled
  if (/[\u0000-\u001F\u007F]/.test(path)) return `/${path.split('/').map(encodeURIComponent).join('/')}`;
  try {
    return requestable(escapePath(`/${path}`));
  } catch (error) {
    if (!(error instanceof JekyllUrlError)) throw error;
    return `/${path.split('/').map(encodeURIComponent).join('/')}`;
  }
}

/** A URL whose path is a file's name: a `?`, `#` or control character in it percent-encoded. */
export function requestable(url: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are among what a request must encode
  return url.replace(/[?#\u0000-\u001F\u007F]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** The file the build writes for a page or post URL (`/work/` -> `work/index.html`, `/work/acme` -> `work/acme.html`). */
export function builtFileFor(url: string, outputExt = '.html', kind: 'page' | 'post' = 'page'): string {
  return outputFileForUrl(url, outputExt, kind);
}

/** A collection document's URL, by Jekyll's rules (`documentUrl` in src/lib/routing/jekyll-urls.ts). */
export function collectionDocumentUrl(input: DocumentUrlInput): string {
  return documentUrl(input);
}

const HEADER = [
  '# Every address the Jekyll site served, one a line (written by `npm run import`).',
  '# Every build checks that each one is still served, so no old link breaks.',
  '# To retire an address on purpose, delete its line. Lines starting with # are comments.',
];

/** `src/data/legacy-urls.txt`: the header, the URLs sorted, then the retired ones as comments. */
export function legacyUrlsFile(urls: readonly OldUrl[]): string {
  const live = [...new Set(urls.filter((url) => !url.retired).map((url) => url.url))].sort(compareText);
  const retired = urls.filter((url) => url.retired && !live.includes(url.url)).sort((a, b) => compareText(a.url, b.url));
  const lines = [...HEADER, ...live];
  if (retired.length > 0) {
    lines.push('', '# Served by the Jekyll site but not carried over (see the import report):');
    for (const url of retired) lines.push(`# ${url.url}  (${url.retired})`);
  }
  return `${lines.join('\n')}\n`;
}

/** The table printed at the end: each old URL and the file the build writes for it. */
export function urlTable(urls: readonly OldUrl[]): string {
  const rows = new Map<string, OldUrl>();
  for (const url of [...urls].sort((a, b) => compareText(a.url, b.url))) if (!url.retired && !rows.has(url.url)) rows.set(url.url, url);
  const width = Math.max(8, ...[...rows.keys()].map((url) => url.length));
  return [...rows.values()].map((url) => `  ${url.url.padEnd(width)}  -> ${url.file}`).join('\n');
}
