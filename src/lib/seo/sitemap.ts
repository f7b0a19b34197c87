/** XML's five special characters, escaped for text content. */
const escapeXml = (text: string) => text.replace(/[<>&'"]/g, (char) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', "'": 'apos', '"': 'quot' }[char]};`);

/**
 * A sitemap (sitemaps.org's `urlset`) of absolute page URLs, sorted. The build's sitemap is written by
 * @astrojs/sitemap; this one is what `astro dev` serves at the same addresses, from the pages it knows.
 */
export function sitemapXml(urls: readonly string[]): string {
  const entries = [...new Set(urls)].sort().map((url) => `  <url><loc>${escapeXml(url)}</loc></url>`);
  return ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', ...entries, '</urlset>', ''].join('\n');
}
