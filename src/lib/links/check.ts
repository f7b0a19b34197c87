import { normalizeBase } from '../url.ts';
import type { PageFacts } from './extract.ts';

/**
 * The kinds of broken link, each with a stable id (used in messages and tests) and what to do.
 * Modelled on starlight-links-validator's catalogue.
 */
export const LINK_PROBLEMS = {
  'outside-base': 'points outside the site\'s base path; write the link from the site root (like "/work/gt") and the build adds the base.',
  'missing-page': 'points to a page or file that does not exist; check the permalink or file name it should name.',
  redirect: 'reaches its page only through a redirect; link to the address the page is served at.',
  'missing-fragment': 'names a "#fragment" that is not an id on the target page; link to an existing heading or drop the fragment.',
  'malformed-url': 'is not a valid address: a "%" must start an escape like "%20"; write a "%" that stands for itself as "%25".',
} as const;
export type LinkProblemKind = keyof typeof LINK_PROBLEMS;

export interface LinkProblem {
  kind: LinkProblemKind;
  /** The built page the link is on, as a path in the output folder: `work/amazon.html`. */
  page: string;
  /** The link exactly as written. */
  url: string;
  /** Where on the page: `a[href]`. */
  source: string;
  /** The 1-based line of the built page the link is on, when known. */
  line?: number | undefined;
}

export interface LinkCheckInput {
  /** Every file in the output folder, as `/`-separated paths relative to it. */
  files: ReadonlySet<string>;
  /** The facts of every HTML page, by file path. */
  pages: ReadonlyMap<string, PageFacts>;
  /** Astro's `base`. */
  base: string;
}

const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;
/** A `%` that does not start a two-digit hex escape: GitHub Pages answers such a path with an error. */
const BARE_PERCENT = /%(?![0-9a-f]{2})/i;

/** Percent-decodes a URL part, or `undefined` when it is not valid percent-encoded UTF-8. */
function decodePart(part: string): string | undefined {
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined;
  }
}

/** The URL path a built HTML file is served at: `work/amazon.html` is `/work/amazon`, `index.html` is `/`. */
export function pageUrlPath(file: string): string {
  if (file === 'index.html') return '/';
  if (file.endsWith('/index.html')) return `/${file.slice(0, -'index.html'.length)}`;
  return `/${file.replace(/\.html$/, '')}`;
}

/**
 * How a static host like GitHub Pages answers a site path (percent-encoded, as in a URL): the file it
 * serves, or a redirect, or nothing (also for a path that is not valid percent-encoding).
 * The one copy of these rules: the link checker and the test server (tests/helpers/pages-server.ts) use it.
 */
export function resolveSitePath(path: string, files: ReadonlySet<string>): { file: string } | { redirect: string } | undefined {
  const decoded = decodePart(path);
  if (decoded === undefined) return undefined;
  const relative = decoded.replace(/^\/+/, '');
  if (relative === '' || relative.endsWith('/')) {
    const index = `${relative}index.html`;
    return files.has(index) ? { file: index } : undefined;
  }
  if (files.has(relative)) return { file: relative };
  if (files.has(`${relative}.html`)) return { file: `${relative}.html` };
  if (files.has(`${relative}/index.html`)) return { redirect: `/${relative}/` };
  return undefined;
}

/**
 * Checks every internal link on every page: it must resolve to a built file without a redirect
 * (honouring the base path) and its `#fragment`, if any, must be an id on the target page.
 * External links (`https:`, `mailto:`, `//host`) are not fetched.
 */
export function checkLinks({ files, pages, base }: LinkCheckInput): LinkProblem[] {
  const prefix = normalizeBase(base);
  const problems: LinkProblem[] = [];
  // The same links (navigation, header, footer) recur on every page: judge each distinct one once.
  const verdicts = new Map<string, LinkProblemKind | null>();

  const judge = (url: string, pagePath: string): LinkProblemKind | null => {
    // The query is the server's business; the path and the fragment must be valid escapes.
    if (BARE_PERCENT.test(url.replace(/\?[^#]*/, ''))) return 'malformed-url';
    let resolved: URL;
    try {
      resolved = new URL(url, `http://site.invalid${pagePath}`);
    } catch {
      return 'malformed-url';
    }
    // `\\host/x` is read as `//host/x`: another site, like any external link.
    if (resolved.host !== 'site.invalid') return null;
    if (decodePart(resolved.pathname) === undefined || decodePart(resolved.hash.slice(1)) === undefined) return 'malformed-url';
    if (prefix !== '/' && resolved.pathname === prefix.slice(0, -1)) return 'redirect'; // `/portfolio` -> `/portfolio/`
    if (!resolved.pathname.startsWith(prefix)) return 'outside-base';
    const target = resolveSitePath(resolved.pathname.slice(prefix.length - 1), files);
    if (!target) return 'missing-page';
    if ('redirect' in target) return 'redirect';
    const fragment = decodePart(resolved.hash.slice(1)) ?? '';
    // `#top` needs no id: browsers scroll to the top of the page for it.
    if (fragment && fragment.toLowerCase() !== 'top' && target.file.endsWith('.html')) {
      const targetFacts = pages.get(target.file);
      if (targetFacts && !targetFacts.ids.has(fragment)) return 'missing-fragment';
    }
    return null;
  };

  for (const [page, facts] of pages) {
    const pagePath = prefix.slice(0, -1) + pageUrlPath(page);
    for (const { url, source, line } of facts.links) {
      if (url === '' || EXTERNAL.test(url)) continue;
      // A root-relative URL means the same thing on every page; anything else depends on the page.
      const key = url.startsWith('/') ? url : `${pagePath}\u0000${url}`;
      let verdict = verdicts.get(key);
      if (verdict === undefined) {
        verdict = judge(url, pagePath);
        verdicts.set(key, verdict);
      }
      if (verdict) problems.push({ kind: verdict, page, url, source, line });
    }
  }
  return problems;
}
