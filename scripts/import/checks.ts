/**
 * The import ends where the build starts: the same pre-build checks (src/lib/checks) on the project as
 * written, so the owner learns at once whether `npm run build` will pass, and what stops it if not.
 */
import { join } from 'node:path';
import { filesBelowSync } from '../../src/lib/files.ts';
import { checkProject } from '../../src/lib/checks/build-checks.ts';
import type { SitePage } from '../../src/lib/checks/site.ts';
import { formatProblems, type Problem } from '../../src/lib/errors.ts';
import type { PostsConfig } from '../../src/lib/routing/posts.ts';

/** The pages `src/pages` builds at fixed addresses (`404.astro` is `/404`); dynamic routes (`[...x]`) excluded, as the build excludes them. */
export function fixedRoutes(projectRoot: string): SitePage[] {
  const folder = join(projectRoot, 'src', 'pages');
  return filesBelowSync(folder)
    .filter((name) => /\.(astro|ts|js|md|mdx)$/.test(name) && !name.includes('['))
    .map((name) => {
      const path = `/${name.replace(/\.(astro|ts|js|md|mdx)$/, '').replace(/(^|\/)index$/, '')}`;
      return { path: path === '' ? '/' : path, file: `src/pages/${name}` };
    });
}

export interface ImportCheck {
  problems: Problem[];
  /** The result as printed. */
  text: string;
}

/** Runs the build's pre-build checks on the project. */
export async function checkImported(projectRoot: string, posts: PostsConfig): Promise<ImportCheck> {
  const summary = await checkProject({ rootDir: projectRoot, publicDir: join(projectRoot, 'public'), routes: fixedRoutes(projectRoot), posts });
  const { problems } = summary;
  if (problems.length === 0) return { problems, text: 'Site checks (the ones npm run build runs first): passed.\n' };
  return {
    problems,
    text: `${formatProblems('Site checks (the ones npm run build runs first) found problems; the build stops on them until they are fixed', problems)}\n`,
  };
}
