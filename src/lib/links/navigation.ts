import type { LinkProblem } from './check.ts';
import { withBase } from '../url.ts';

/** The file that holds the header's links. */
export const SITE_CONFIG_FILE = 'src/site.config.ts';

/**
 * A broken link of the site config's `navigation` is in the header of every page: it is told once,
 * as a problem of the site config, instead of once per page. Returns those problems (one per link)
 * and the others, untouched.
 */
export function splitNavigationProblems(
  problems: readonly LinkProblem[],
  navigation: readonly { href: string }[],
  base: string,
): { navigation: LinkProblem[]; others: LinkProblem[] } {
  const hrefs = new Set(navigation.map((link) => withBase(base, link.href)));
  const told = new Set<string>();
  const result = { navigation: [] as LinkProblem[], others: [] as LinkProblem[] };
  for (const problem of problems) {
    if (!hrefs.has(problem.url)) result.others.push(problem);
    else if (!told.has(problem.url)) {
      told.add(problem.url);
      result.navigation.push(problem);
    }
  }
  return result;
}
