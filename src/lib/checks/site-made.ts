import type { Problem } from '../errors.ts';
import { paginationPath } from '../routing/pages.ts';
import { permalinkToFile } from '../routing/permalink.ts';

/**
 * The files the site makes itself, besides the pages written in src/content: its own routes
 * (`src/pages`: the 404 page, the feed), the files its integrations write (the sitemaps, GitHub
 * Pages' `.nojekyll`), the blog's numbered pages and the default home page. A file in `public/`, or
 * a page, at one of these addresses would replace what the site makes (Astro only warns), so each
 * such clash fails the build and names both sides. `robots.txt` is left out on purpose: the owner's
 * own `public/robots.txt` is kept in place of the one the site writes.
 */
export interface SiteMadeFile {
  /** Its path in the output folder: `feed.xml`, `blog/page2/index.html`. */
  file: string;
  /** What makes it, for the message: `src/pages/feed.xml.ts`. */
  by: string;
}

/** The files the site's integrations write (astro.config.mjs). */
const INTEGRATION_FILES: readonly SiteMadeFile[] = [
  { file: 'sitemap-index.xml', by: 'the sitemap (@astrojs/sitemap, astro.config.mjs)' },
  { file: 'sitemap-0.xml', by: 'the sitemap (@astrojs/sitemap, astro.config.mjs)' },
  { file: 'sitemap.xml', by: "the sitemap at jekyll-sitemap's address (src/integrations/crawler-files.ts)" },
  { file: '.nojekyll', by: 'GitHub Pages (src/integrations/github-pages.ts)' },
];

export interface SiteMadeInput {
  /** The pages `src/pages` builds: `{ path: '/404', file: 'src/pages/404.astro' }`. */
  routes: readonly { path: string; file: string }[];
  /** The published pages, with their layout. */
  pages: readonly { file: string; data: { permalink: string; layout: string } }[];
  /** How many posts are published. */
  postCount: number;
  /** Posts per page of the blog's list. */
  perPage: number;
  /** The feed's other addresses (`posts.feeds`: `/atom.xml`), which `src/pages/[...feed].ts` writes. */
  feeds?: readonly string[] | undefined;
}

/** The output file of a route's path: `/404` is `404.html`, `/feed.xml` is `feed.xml`. */
function routeFile(path: string): string {
  if (path === '/' || path === '') return 'index.html';
  if (path.endsWith('/')) return `${path.slice(1)}index.html`;
  return /\.[a-z0-9]+$/i.test(path) ? path.slice(1) : `${path.slice(1)}.html`;
}

/** Every file the site makes besides its pages' own. */
export function siteMadeFiles({ routes, pages, postCount, perPage, feeds = [] }: SiteMadeInput): SiteMadeFile[] {
  const made: SiteMadeFile[] = routes.map((route) => ({ file: routeFile(route.path), by: route.file }));
  for (const feed of feeds) made.push({ file: routeFile(feed), by: 'the Atom feed at another address (posts.feeds in src/site.config.ts)' });
  made.push(...INTEGRATION_FILES);
  const total = Math.max(1, Math.ceil(postCount / perPage));
  for (const page of pages) {
    if (page.data.layout !== 'blog') continue;
    for (let number = 2; number <= total; number++) {
      made.push({ file: permalinkToFile(paginationPath(page.data.permalink, number)), by: `page ${number} of the blog's list (${page.file})` });
    }
  }
  if (!pages.some((page) => page.data.permalink === '/'))
    made.push({ file: 'index.html', by: 'the default home page, made while no page has the permalink "/"' });
  return made;
}

/**
 * A `public/` file or a page (or post) at the address of a file the site makes. Files are compared
 * without regard to case, as the disks of macOS and Windows do.
 */
export function siteMadeClashes(
  made: readonly SiteMadeFile[],
  publicFiles: readonly string[],
  addressed: readonly { file: string; data: { permalink: string }; lineOf: (key: string) => number | undefined }[],
): Problem[] {
  const problems: Problem[] = [];
  const byFile = new Map<string, SiteMadeFile>();
  for (const file of made) if (!byFile.has(file.file.toLowerCase())) byFile.set(file.file.toLowerCase(), file);
  for (const file of publicFiles) {
    const clash = byFile.get(file.toLowerCase());
    if (!clash) continue;
    problems.push({
      file: `public/${file}`,
      field: 'file',
      message: `would replace a page the site makes at the same address: ${clash.by}. Remove or rename public/${file}.`,
    });
  }
  for (const page of addressed) {
    const clash = byFile.get(permalinkToFile(page.data.permalink).toLowerCase());
    // Pages built by a route are reported as such (permalinkClashes).
    if (!clash || clash.by.startsWith('src/pages/')) continue;
    problems.push({
      file: page.file,
      field: 'permalink',
      line: page.lineOf('permalink'),
      message: `"${page.data.permalink}" is the address of a page the site makes: ${clash.by}. Choose another permalink.`,
    });
  }
  return problems;
}
