import { copyFile } from 'node:fs/promises';
import type { AstroIntegration } from 'astro';

/**
 * Serves the sitemap at `/sitemap.xml` too, where jekyll-sitemap wrote it and search consoles still
 * look, as well as at `@astrojs/sitemap`'s `/sitemap-index.xml`. Runs after the sitemap integration.
 */
export function sitemapAlias(): AstroIntegration {
  return {
    name: 'portfolio:sitemap-alias',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        await copyFile(new URL('sitemap-index.xml', dir), new URL('sitemap.xml', dir));
      },
    },
  };
}
