import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createSite, fixture, fixtureEntries, FIXTURES, runAstro, type CommandResult, type Site } from './site.ts';

/** Where the visitor-facing tests publish the fixture site: a GitHub Pages project site. */
export const VISITOR_ENV = { SITE_URL: 'https://x.github.io', BASE_PATH: '/portfolio' } as const;

/**
 * Builds the fixture site (`tests/fixtures/site`) plus an entry with an image
 * (`tests/fixtures/images`), under the `/portfolio` base, so every kind of page is exercised.
 */
export async function buildVisitorSite(name: string): Promise<Site & CommandResult> {
  const site = await createSite(name, {
    entries: { ...(await fixtureEntries('site')), 'orbital.md': await readFile(join(FIXTURES, 'images', 'orbital.md'), 'utf8') },
    files: { 'src/components/Highlight.astro': await fixture('components/Highlight.astro') },
  });
  // Binary, so copied rather than passed through the text-only `files`. Images live in src/assets/:
  // the entry folder holds entries only.
  await mkdir(join(site.root, 'src', 'assets'), { recursive: true });
  await copyFile(join(FIXTURES, 'images', 'orbital-logo.png'), join(site.root, 'src', 'assets', 'orbital-logo.png'));
  return { ...site, ...(await runAstro(site, ['build'], VISITOR_ENV)) };
}
