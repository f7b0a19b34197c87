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
    const pages = views.flatMap((view) => (view.layout === layout && view.permalink === view.page.data.permalink ? [view.page] : [])).sort((a, b) => a.data.permalink.localeCompare(b.data.permalink));
    for (const page of pages) links.push({ label: page.data.title, href: page.data.permalink });
  }
  return links;
}

/** The one form of an address that two spellings of the same page share: `/work`, `/work/` and `/work/index.html` alike. */
export function sameAddress(path: string): string {
  return path.replace(/(\/index)?\.html$/, '').replace(/(.)\/$/, '$1');
}

/**
 * How a navigation link relates to the page shown: `page` when it is that page, `true` when the page
 * lies in the link's folder (an entry below `/work/`), otherwise nothing.
 */
export function currentState(href: string, pagePath: string): 'page' | 'true' | undefined {
  if (!href.startsWith('/')) return undefined;
  if (sameAddress(href) === sameAddress(pagePath)) return 'page';
  const folder = `${sameAddress(href)}/`;
  return folder !== '//' && pagePath.startsWith(folder) ? 'true' : undefined;
}
