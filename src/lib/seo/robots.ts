/**
 * `robots.txt`: every page may be crawled, and the sitemap's absolute address (origin + base) is
 * given so crawlers find it on a project site under `/<repo>/` too. Note that crawlers only read
 * `robots.txt` at an origin's root: on a project site the file is a hint for tools, and the sitemap
 * link in every page's `<head>` is what counts.
 */
export function robotsTxt(sitemapUrl: string): string {
  return ['User-agent: *', 'Allow: /', '', `Sitemap: ${sitemapUrl}`, ''].join('\n');
}
