import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger, IntegrationResolvedRoute } from 'astro';
import { AstroError } from 'astro/errors';
import { checkEntries, type CheckedEntry, type SitePage } from '../lib/checks/entries.ts';
import { ENTRIES_LOADER_NAME } from '../lib/content/entries-loader.ts';
import { formatProblems, type Problem } from '../lib/errors.ts';
import { checkLinks } from '../lib/links/check.ts';
import { extractPageFacts, type PageFacts } from '../lib/links/extract.ts';
import { linkProblemsToProblems } from '../lib/links/report.ts';
import { permalinkToFile } from '../lib/routing/permalink.ts';
import { DEV_PROBLEMS_KEY } from './dev-problems.ts';

export interface EntryChecksOptions {
  /** The collection folder, relative to the project root. */
  collectionDir?: string;
}

const toPosix = (path: string) => path.split(sep).join('/');

/** Every file below a folder, relative to it; none when the folder does not exist. */
async function filesBelow(folder: string): Promise<string[]> {
  const found = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
  return found.filter((entry) => entry.isFile()).map((entry) => toPosix(relative(folder, join(entry.parentPath, entry.name)))).sort();
}

/** The static pages the site builds from `src/pages`; dynamic routes (the entries' catch-all) excluded. */
function sitePages(routes: readonly IntegrationResolvedRoute[]): SitePage[] {
  return routes
    .filter((route) => route.origin === 'project' && route.params.length === 0 && (route.type === 'page' || route.type === 'endpoint'))
    .map((route) => ({ path: route.pattern, file: route.entrypoint }));
}

/**
 * Fails the build, clearly, on every mistake in an entry: the front matter and the schema, permalink
 * clashes, Liquid left from Jekyll and script in a body before the build starts (all reported at once),
 * and every broken internal link or fragment after the pages are written. In `astro dev` the same
 * messages go to the terminal and to the error overlay, and clear when the files are fixed.
 */
export function entryChecks({ collectionDir = 'src/content/work' }: EntryChecksOptions = {}): AstroIntegration {
  let rootDir = '';
  let publicDir = '';
  let base = '/';
  let command: string = 'build';
  let pages: SitePage[] = [];
  let checked: CheckedEntry[] = [];
  let checkedOnce = false;
  /** Entry files whose front matter could not be read at the last check (dev keeps them out of the collection). */
  let unreadable = new Set<string>();

  async function runEntryChecks(): Promise<Problem[]> {
    const collection = join(rootDir, collectionDir);
    const files = await Promise.all(
      (await filesBelow(collection)).map(async (file) => {
        const path = `${collectionDir}/${file}`;
        const text = /\.mdx?$/.test(file) ? await readFile(join(collection, file), 'utf8') : '';
        return { path, text };
      }),
    );
    const result = checkEntries({ collectionDir, files, pages, publicFiles: await filesBelow(publicDir) });
    checked = result.entries;
    unreadable = new Set(result.problems.filter((problem) => problem.field === 'front matter').map((problem) => problem.file));
    return result.problems;
  }

  /** In dev the problems go to the terminal and, through the middleware, to the error overlay. */
  const reportInDev = (problems: readonly Problem[], logger: AstroIntegrationLogger) => {
    const message = problems.length > 0 ? formatProblems('Some entries need fixing', problems) : undefined;
    const previous = (globalThis as Record<symbol, unknown>)[DEV_PROBLEMS_KEY];
    (globalThis as Record<symbol, unknown>)[DEV_PROBLEMS_KEY] = message;
    // A save can trigger the checks twice (file watcher and route update): say it once.
    if (message && message !== previous) logger.error(message);
  };

  return {
    name: 'portfolio:entry-checks',
    hooks: {
      'astro:config:setup': ({ config, command: current, addMiddleware }) => {
        rootDir = fileURLToPath(config.root);
        publicDir = fileURLToPath(config.publicDir);
        base = config.base;
        command = current;
        if (current === 'dev') {
          addMiddleware({ entrypoint: new URL('./dev-problems-middleware.ts', import.meta.url), order: 'pre' });
        }
      },

      'astro:routes:resolved': async ({ routes, logger }) => {
        // A build resolves its routes more than once; the entries cannot change in between.
        if (command !== 'dev' && checkedOnce) return;
        checkedOnce = true;
        pages = sitePages(routes);
        const problems = await runEntryChecks();
        if (command === 'dev') {
          reportInDev(problems, logger);
          return;
        }
        if (problems.length > 0) {
          throw new AstroError(formatProblems('Some entries need fixing before the site can build', problems), 'Fix the files above and build again.');
        }
      },

      'astro:server:setup': ({ server, logger, refreshContent }) => {
        const watched = [join(rootDir, collectionDir), publicDir];
        server.watcher.on('all', (_event, path) => {
          if (!watched.some((folder) => path.startsWith(folder))) return;
          const unreadableBefore = unreadable;
          void runEntryChecks().then(async (problems) => {
            reportInDev(problems, logger);
            // An entry left out of the collection for unreadable front matter comes back once fixed.
            if ([...unreadableBefore].some((file) => !unreadable.has(file))) {
              await refreshContent?.({ loaders: [ENTRIES_LOADER_NAME] });
            }
            if (problems.length === 0) logger.info('All entries are valid.');
          });
        });
      },

      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const files = await filesBelow(outDir);
        const htmlFiles = files.filter((file) => file.endsWith('.html'));
        // Pages are read a few at a time and only their links and ids kept, so memory stays flat.
        const facts = new Map<string, PageFacts>();
        for (let start = 0; start < htmlFiles.length; start += 16) {
          const batch = htmlFiles.slice(start, start + 16);
          const texts = await Promise.all(batch.map((file) => readFile(join(outDir, file), 'utf8')));
          batch.forEach((file, index) => facts.set(file, extractPageFacts(texts[index] ?? '')));
        }
        const linkProblems = checkLinks({ files: new Set(files), pages: facts, base });
        const entrySources = new Map(checked.filter((entry) => entry.published).map((entry) => [permalinkToFile(entry.data.permalink), entry.file]));
        const unpublished = new Map(checked.filter((entry) => !entry.published).map((entry) => [entry.data.permalink, entry.file]));
        // The body checks catch script written in an entry; this catches it from anywhere else (a
        // component, an MDX import), so the zero-JavaScript promise holds for every page.
        const scriptProblems: Problem[] = [...facts].flatMap(([page, { javascript }]) =>
          [...new Set(javascript)].map((what) => ({
            file: entrySources.get(page) ?? `dist/${page}`,
            field: 'page',
            message: `the built page has a ${what}, which would run JavaScript, and the site ships none. Remove it from the entry or the component that writes it.`,
          })),
        );
        const problems = [...scriptProblems, ...linkProblemsToProblems({
          problems: linkProblems,
          sourceOf: (page) => entrySources.get(page),
          unpublishedAt: (permalink) => unpublished.get(permalink),
          pages: htmlFiles,
          base,
        })];
        if (problems.length > 0) {
          throw new AstroError(
            formatProblems(scriptProblems.length > 0 ? 'Some pages would run JavaScript' : 'Some links do not lead anywhere', problems),
            "Fix the links above and build again.",
          );
        }
        logger.info(`Checked ${[...facts.values()].reduce((sum, page) => sum + page.links.length, 0)} links on ${htmlFiles.length} pages: all resolve.`);
      },
    },
  };
}
