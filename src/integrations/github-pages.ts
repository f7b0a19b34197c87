import { writeFile } from 'node:fs/promises';
import type { AstroIntegration } from 'astro';
import { pagesFiles } from '../lib/github-pages.ts';

/**
 * Writes the files GitHub Pages reads into the build output: an empty `.nojekyll` always (a site
 * published from a branch keeps its `_astro/` folder) and `CNAME` when the site config has a `domain`.
 */
export function githubPages(options: { domain?: string | undefined } = {}): AstroIntegration {
  return {
    name: 'portfolio:github-pages',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const files = pagesFiles(options.domain);
        for (const [name, text] of Object.entries(files)) {
          await writeFile(new URL(name, dir), text);
        }
        logger.info(`wrote ${Object.keys(files).join(' and ')} for GitHub Pages`);
      },
    },
  };
}
