import { copyFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import type { AstroIntegration } from 'astro';
import { robotsTxt } from '../lib/seo/robots.ts';
import { absoluteUrl } from '../lib/url.ts';

/**
 * The files crawlers read, written after the sitemap integration: the sitemap at `/sitemap.xml` too,
 * where jekyll-sitemap wrote it and search consoles still look, as well as at `@astrojs/sitemap`'s
 * `/sitemap-index.xml`; and `robots.txt` naming the sitemap, unless `public/robots.txt` (the owner's
 * own rules, kept from the Jekyll site) is there already.
 */
export function crawlerFiles(): AstroIntegration {
  let site = 'http://localhost:4321';
  let base = '/';
  return {
    name: 'portfolio:crawler-files',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site ?? site;
        base = config.base;
      },
      'astro:build:done': async ({ dir }) => {
        await copyFile(new URL('sitemap-index.xml', dir), new URL('sitemap.xml', dir));
        const robots = new URL('robots.txt', dir);
        if (!existsSync(robots)) await writeFile(robots, robotsTxt(absoluteUrl(site, base, '/sitemap-index.xml')));
      },
    },
  };
}
