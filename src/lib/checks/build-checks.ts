import type { Problem } from '../errors.ts';
import type { PostsConfig } from '../routing/posts.ts';
import { readSiteInput } from './read-site.ts';
import { checkSite, type LiquidSettings, type SitePage, type SiteCheckResult } from './site.ts';

/** A page or post of the site and its address, as the checks found it. */
export interface AddressedFile {
  /** Relative to the project root: `src/content/pages/work/amazon.md`. */
  file: string;
  /** Its permalink, as written (a post's as its style makes it). */
  permalink: string;
  published: boolean;
  /** The page's consent for scripts (`scripts:`), when it gives any. */
  scripts?: readonly string[] | undefined;
}

/** What a build keeps of the pre-build checks: every problem, and each page's and post's address. */
export interface BuildCheckSummary {
  problems: Problem[];
  addressed: AddressedFile[];
}

/** What the checks read: the project, its `public/` folder, the pages `src/pages` builds, the posts settings. */
export interface ProjectToCheck {
  rootDir: string;
  publicDir: string;
  routes: SitePage[];
  posts: PostsConfig;
  /** What `site` holds for Liquid beyond the files. */
  liquid?: LiquidSettings | undefined;
  /** The site config's `scripts:`, consent for those scripts on every page. */
  siteScripts?: readonly string[] | undefined;
}

/** The problems of a check of the site, and the address of every page and post that passed its own checks. */
export function summarize({ problems, pages, posts }: SiteCheckResult): BuildCheckSummary {
  return {
    problems,
    addressed: [
      ...pages.map(({ file, data, published }) => ({ file, permalink: data.permalink, published, scripts: data.scripts })),
      ...posts.map(({ file, data, facts, published }) => ({ file, permalink: facts.permalink, published, scripts: data.scripts })),
    ],
  };
}

/**
 * Every pre-build check of the project, as a build runs them: only the problems and the addresses
 * are kept (a page's text is read again only if a broken link on it needs its line).
 */
export async function checkProject({ rootDir, publicDir, routes, posts, liquid, siteScripts }: ProjectToCheck): Promise<BuildCheckSummary> {
  return summarize(checkSite({ ...(await readSiteInput(rootDir, publicDir, routes, posts, liquid)), siteScripts }));
}
