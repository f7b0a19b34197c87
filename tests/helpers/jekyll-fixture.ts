import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveSitePath } from '../../src/lib/links/check.ts';
import { FIXTURES, listFiles } from './site.ts';

/**
 * tests/fixtures/import/portfolio: a tiny Jekyll site in the shape this project is made for (groups of
 * entries with data files, a blog with categories, an include, Liquid in bodies), with what Jekyll
 * 4.3.1 made of it: its output pages (`portfolio-built/`) and every URL it served (`portfolio.urls`).
 */
export const PORTFOLIO = join(FIXTURES, 'import', 'portfolio');
export const PORTFOLIO_BUILT = join(FIXTURES, 'import', 'portfolio-built');

/** The URLs Jekyll served, as the list the importer writes them: pages without `.html`. */
export const PORTFOLIO_URLS: readonly string[] = readFileSync(join(FIXTURES, 'import', 'portfolio.urls'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '' && !line.startsWith('#'));

/** The URLs of `urls` a built site does not serve as GitHub Pages would (a file, or a folder's redirect). */
export async function unservedUrls(dist: string, urls: readonly string[]): Promise<string[]> {
  const files = new Set(await listFiles(dist));
  return urls.filter((url) => resolveSitePath(url, files) === undefined);
}
