import type { PageLike, PageView } from './pages.ts';

/** One link of the site's header navigation. */
export interface NavigationLink {
  label: string;
  /** A page's permalink or a file's address, from the site root; or an `https:` address. */
  href: string;
}

/**
 * The header's links when the site config names none: the home page, each group's index page, then
 * the blog, each under its title.
 */
export function defaultNavigation(views: readonly PageView<PageLike, unknown, unknown>[]): NavigationLink[] {
  const links: NavigationLink[] = [{ label: 'Home', href: '/' }];
  for (const layout of ['work', 'blog'] as const) {
    // A paginated blog is one link, to its first page.
    const pages = views
      .flatMap((view) => (view.layout === layout && view.permalink === view.page.data.permalink ? [view.page] : []))
      .sort((a, b) => a.data.permalink.localeCompare(b.data.permalink));
    // A blog at the site's root (jekyll-paginate's index.html) is the home page, already linked.
    for (const page of pages) if (sameAddress(page.data.permalink) !== '/') links.push({ label: page.data.title, href: page.data.permalink });
  }
  return links;
}

/** The one form of an address that two spellings of the same page share: `/work`, `/work/` and `/work/index.html` alike. */
export function sameAddress(path: string): string {
  return path.replace(/(\/index)?\.html$/, '').replace(/(.)\/$/, '$1');
}

/**
 * The index page a page belongs to, wherever its own address is: the blog's first page for a post
 * (`/shell/2019/06/10/x.html` belongs to `/blog/`), the group's index page for an entry.
 */
export function pageSection(views: readonly PageView<PageLike, unknown, unknown>[], pagePath: string): string | undefined {
  const view = viewsByAddress(views).get(sameAddress(pagePath));
  if (view?.layout === 'work_page') return view.index?.permalink;
  if (view?.layout === 'post')
    return views.find((candidate) => candidate.layout === 'blog' && candidate.permalink === candidate.page.data.permalink)?.permalink;
  return undefined;
}

// Every page's header looks its own address up among all the views: one map per list of views, not a
// search of the list per page (a site of 1,000 entries spent 0.2 s of its build on the searches).
const addressMaps = new WeakMap<readonly PageView<PageLike, unknown, unknown>[], Map<string, PageView<PageLike, unknown, unknown>>>();

/** The views by `sameAddress` of their permalinks, the first view of an address winning as `find` did. */
function viewsByAddress(views: readonly PageView<PageLike, unknown, unknown>[]): Map<string, PageView<PageLike, unknown, unknown>> {
  let map = addressMaps.get(views);
  if (map === undefined) {
    map = new Map();
    for (const view of views) {
      const address = sameAddress(view.permalink);
      if (!map.has(address)) map.set(address, view);
    }
    addressMaps.set(views, map);
  }
  return map;
}

/**
 * How a navigation link relates to the page shown: `page` when it is that page, `true` when the page
 * lies in the link's folder (an entry below `/work/`) or belongs to the link's page (`section`, from
 * `pageSection`: a post and the blog), otherwise nothing.
 */
export function currentState(href: string, pagePath: string, section?: string): 'page' | 'true' | undefined {
  if (!href.startsWith('/')) return undefined;
  if (sameAddress(href) === sameAddress(pagePath)) return 'page';
  if (section !== undefined && sameAddress(href) === sameAddress(section)) return 'true';
  const folder = `${sameAddress(href)}/`;
  return folder !== '//' && pagePath.startsWith(folder) ? 'true' : undefined;
}
