import { closest, type Problem } from '../errors.ts';
import { servedPaths } from './permalink.ts';

/**
 * The old site's URLs, kept in `src/data/legacy-urls.txt` by the Jekyll importer: every build checks
 * that each one is still served, as GitHub Pages serves files, with no redirect. Retiring a URL on
 * purpose is deleting its line.
 */

/** Where the list lives, relative to the project root. */
export const LEGACY_URLS_FILE = 'src/data/legacy-urls.txt';

export interface LegacyUrl {
  url: string;
  /** The 1-based line it is written on. */
  line: number;
}

/** The URLs of the list: one per line; blank lines and `#` comments are skipped. */
export function parseLegacyUrls(text: string): LegacyUrl[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .flatMap((raw, index) => {
      const url = raw.replace(/(^|\s)#.*$/, '').trim();
      return url === '' ? [] : [{ url, line: index + 1 }];
    });
}

/** How a static host answers a path: the file it serves, a redirect, or nothing. */
export type Resolve = (path: string) => { file: string } | { redirect: string } | undefined;

export interface LegacyCheckInput {
  urls: readonly LegacyUrl[];
  resolve: Resolve;
  /** The site's pages that are not published (drafts, `_` files), by permalink: the likely cause of a missing URL. */
  unpublished: ReadonlyMap<string, string>;
  /** Every address the build serves, for "did you mean". */
  served: readonly string[];
}

/** A problem for each old URL the build no longer serves, naming the likely cause and the fix. */
export function checkLegacyUrls({ urls, resolve, unpublished, served }: LegacyCheckInput): Problem[] {
  const problems: Problem[] = [];
  for (const { url, line } of urls) {
    const path = url.split(/[?#]/)[0] ?? url;
    const target = resolve(path);
    if (target && 'file' in target) continue;
    const draft = [...unpublished].find(([permalink]) => servedPaths(permalink).includes(path))?.[1];
    let cause: string;
    if (target) {
      cause = `is only reached through a redirect to "${target.redirect}"; give the page the permalink "${url}" again.`;
    } else if (draft) {
      cause = `is not served: its page, ${draft}, is not published (a draft, or a file whose name starts with "_"). Publish it again.`;
    } else {
      const nearest = closest(path, served);
      cause = nearest
        ? `is not served any more: its page's permalink may have changed (the closest address now is "${nearest}"), or the page was deleted. Give the page its old permalink back.`
        : 'is not served any more: its page or file was deleted or renamed. Bring it back under the old address.';
    }
    problems.push({
      file: LEGACY_URLS_FILE,
      field: `old URL "${url}"`,
      line,
      message: `${cause} To retire this URL on purpose, delete its line.`,
    });
  }
  return problems;
}
