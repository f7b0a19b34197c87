import { readFileSync, utimesSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger, IntegrationResolvedRoute } from 'astro';
import { AstroError } from 'astro/errors';
import { type AddressedFile, checkProject, summarize } from '../lib/checks/build-checks.ts';
import { readSiteInput } from '../lib/checks/read-site.ts';
import { filesBelow } from '../lib/files.ts';
import { PAGES_DIR } from '../lib/routing/pages.ts';
import { frontMatterHint } from '../lib/frontmatter/read-entry.ts';
import { checkSite, type CheckedPage, type LiquidSettings, type SitePage, type SiteCheckResult } from '../lib/checks/site.ts';
import { rememberAstroCommand } from './content/astro-command.ts';
import { isEditorFile, readMidSave } from '../lib/content/editor-files.ts';
import { ENTRIES_LOADER_NAME } from './content/entries-loader.ts';
import { DATA_DIR, dataGroups, groupOfFile } from '../lib/data/data-file.ts';
import { formatProblems, type Problem } from '../lib/errors.ts';
import { checkLinks, pageUrlPath, resolveSitePath } from '../lib/links/check.ts';
import { extractPageFacts } from '../lib/links/extract.ts';
import { scanPages } from '../lib/links/scan-pages.ts';
import { SITE_CONFIG_FILE, splitNavigationProblems } from '../lib/links/navigation.ts';
import { lineOfLink, linkProblemsToProblems } from '../lib/links/report.ts';
import { blameRecords, recordLinkProblem, recordLinks } from '../lib/links/record-links.ts';
import { scanServedFiles } from '../lib/checks/served-files.ts';
import { consentAdvice, unconsentedScripts } from '../lib/checks/script-consent.ts';
import { checkLegacyUrls, LEGACY_URLS_FILE, parseLegacyUrls } from '../lib/routing/legacy-urls.ts';
import { sameAddress } from '../lib/routing/navigation.ts';
import { folderPermalinks, permalinkToFile } from '../lib/routing/permalink.ts';
import { POSTS_DIR, type PostsConfig } from '../lib/routing/posts.ts';
import { sitemapXml } from '../lib/seo/sitemap.ts';
import { absoluteUrl, withBase, withoutBase } from '../lib/url.ts';
import { writeDevProblems } from './dev-problems.ts';
import { rememberSettings } from '../lib/liquid/bodies.ts';

/** The links the records of a project's data files write; none without a project to read. */
function blamedLinks(rootDir: string | undefined): ReturnType<typeof recordLinks> {
  if (rootDir === undefined) return [];
  return recordLinks(
    dataGroups(rootDir).flatMap(({ file }) => {
      const text = readSourceText(join(rootDir, file));
      return text === undefined ? [] : [{ file, text }];
    }),
  );
}

/** A source file's text, or nothing if it cannot be read. */
function readSourceText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Has `astro dev` load its content once more, after a page left out of its collection came back.
 * Astro drops the content modules it serves whenever it writes its data store
 * (`.astro/data-store.json`), but a request still reading the content from before can put that old
 * copy back in use, and the page then stays missing until the next change (a race: more likely with
 * requests in flight on a loaded machine). Astro also drops them when the file changes on disk more than
 * a second after its own last write: touching it once the writes have settled does that.
 */
function invalidateServedContentLater(rootDir: string): void {
  const timer = setTimeout(() => {
    const now = new Date();
    try {
      utimesSync(join(rootDir, '.astro', 'data-store.json'), now, now);
    } catch {
      // No data store yet: nothing is served from one.
    }
  }, 1_500);
  timer.unref();
}

/** The static pages and endpoints the site builds from `src/pages`; the dynamic page routes excluded. */
function sitePages(routes: readonly IntegrationResolvedRoute[]): SitePage[] {
  return routes
    .filter((route) => route.origin === 'project' && route.params.length === 0 && (route.type === 'page' || route.type === 'endpoint'))
    .map((route) => ({ path: route.pattern, file: route.entrypoint }));
}

/**
 * A failed build says what to fix and nothing else: no "unhandled error" framing, no stack trace
 * into this file. `PORTFOLIO_DEBUG=1` throws instead, for the trace.
 */
function failBuild(title: string, problems: readonly Problem[]): never {
  const message = formatProblems(title, problems);
  if (process.env['PORTFOLIO_DEBUG']) throw new AstroError(message);
  process.stderr.write(`\n${message}\n\n`);
  process.exit(1);
}

/** How many times `astro dev` reads a file caught mid-save again before reporting it as it is. */
const MID_SAVE_RETRIES = 5;

/**
 * The pages and posts with a problem at a check: in `astro dev` the entries' loader keeps them out
 * of the collections (front matter it cannot read, data that fails the schema, a file caught
 * half-written), so each must be loaded again once it is fixed.
 */
const keptOut = (checked: SiteCheckResult) =>
  new Set(checked.problems.map((problem) => problem.file).filter((file) => file.startsWith(`${PAGES_DIR}/`) || file.startsWith(`${POSTS_DIR}/`)));

/** What `entryChecks` needs from the site config. */
export interface EntryChecksOptions {
  /** The site config's `posts` settings. */
  posts: PostsConfig;
  /** The site's folder addresses (`/work/`), which the Markdown plugins read; kept current in `astro dev`. */
  folders?: Set<string> | undefined;
  /** The site config's `navigation`, whose broken links are told once, on the site config. */
  navigation?: readonly { href: string }[] | undefined;
  /** The site config's values, which Liquid reads as `site.<key>`. */
  siteConfig?: Readonly<Record<string, unknown>> | undefined;
}

/**
 * Fails the build, clearly, on every mistake in the site's content: pages' front matter, data files
 * and records, how they name each other, permalink clashes, Liquid left from Jekyll and script in a
 * body before the build starts (all reported at once); every broken internal link or fragment, any
 * script on a built page and every old URL no longer served after the pages are written. In
 * `astro dev` the same messages go to the terminal and to the error overlay of the pages concerned,
 * and clear when the files are fixed.
 */
export function entryChecks({ posts, folders, navigation = [], siteConfig }: EntryChecksOptions): AstroIntegration {
  // The site config's consent for scripts on every page (validated with it: a list of entries).
  const siteScripts = Array.isArray(siteConfig?.['scripts'])
    ? (siteConfig['scripts'] as unknown[]).filter((entry): entry is string => typeof entry === 'string')
    : [];
  let rootDir = '';
  let liquid: LiquidSettings | undefined;
  let publicDir = '';
  let base = '/';
  let site = 'http://localhost:4321';
  let command: string = 'build';
  let routes: SitePage[] = [];
  let checkedOnce = false;
  /**
   * In dev, the pages and posts the collections may be missing, since they had a problem when they
   * were last loaded: once they check clean, the collections load them again. Kept apart from the
   * last check's result, which a route update may have refreshed in between.
   */
  let leftOut: Set<string> | undefined;
  /** The permalink each page file last had, so dev can show a page's problem on that page. */
  const knownPermalinks = new Map<string, string>();
  /** Each page's and post's address, from the last check. */
  let addressed: AddressedFile[] = [];
  /** In `astro dev`, checks the site again shortly (set once the file watcher is set up). */
  let recheck: (() => void) | undefined;

  /** Checks the site in `astro dev`, keeping what the dev server needs to show each problem on its page. */
  async function runChecks(): Promise<SiteCheckResult> {
    const read = await readSiteInput(rootDir, publicDir, routes, posts, liquid);
    // An editor's file of the moment (`sedKzga9D`, `.x.md.swp`) is not the owner's page.
    const owned = (file: { path: string }) => !isEditorFile(basename(file.path));
    const input = {
      ...read,
      pageFiles: read.pageFiles.filter(owned),
      postFiles: read.postFiles.filter(owned),
      dataFiles: read.dataFiles.filter(owned),
      siteScripts,
    };
    const result = checkSite(input);
    addressed = summarize(result).addressed;
    for (const post of result.posts) knownPermalinks.set(post.file, post.facts.permalink);
    if (folders) {
      folders.clear();
      for (const folder of folderPermalinks(addressed.map(({ permalink }) => permalink))) folders.add(folder);
    }
    const checkedPermalinks = new Map(result.pages.map((page) => [page.file, page.data.permalink]));
    for (const page of input.pageFiles) {
      // A page whose front matter cannot be read keeps the address it shows its problem at.
      const hint = checkedPermalinks.has(page.path) ? undefined : frontMatterHint(page.text)?.['permalink'];
      const permalink = checkedPermalinks.get(page.path) ?? (typeof hint === 'string' ? hint : undefined);
      if (permalink) knownPermalinks.set(page.path, permalink);
    }
    return result;
  }

  /** In dev the problems go to the terminal, and to the overlay of each page they concern. */
  let lastMessage: string | undefined;
  const reportInDev = ({ problems, pages }: SiteCheckResult, logger: AstroIntegrationLogger) => {
    const pageProblems = new Map<string, Problem[]>();
    for (const problem of problems) {
      // A page's problem shows on that page; a record's on its entry and its group's index page; any
      // other problem of a data file on every page of its group.
      const group = problem.file.startsWith(`${DATA_DIR}/`) ? groupOfFile(problem.file.slice(DATA_DIR.length + 1)) : undefined;
      const permalinks =
        group === undefined
          ? [knownPermalinks.get(problem.file)].filter((permalink): permalink is string => permalink !== undefined)
          : pages
              .filter(
                (page: CheckedPage) =>
                  page.data.data === group && (problem.record === undefined || page.data.layout === 'work' || page.data.title === problem.record),
              )
              .map((page) => page.data.permalink);
      for (const permalink of permalinks) pageProblems.set(sameAddress(permalink), [...(pageProblems.get(sameAddress(permalink)) ?? []), problem]);
    }
    writeDevProblems({ byPage: new Map([...pageProblems].map(([page, list]) => [page, formatProblems('This page needs fixing', list)])) });
    const message = problems.length > 0 ? formatProblems('Some files need fixing', problems) : undefined;
    // A save can trigger the checks more than once (file watcher and route update): say it once.
    if (message && message !== lastMessage) logger.error(message);
    if (!message && lastMessage) logger.info('All pages are valid.');
    lastMessage = message;
  };

  return {
    name: 'portfolio:entry-checks',
    hooks: {
      'astro:config:setup': ({ config, command: current, addMiddleware }) => {
        rootDir = fileURLToPath(config.root);
        publicDir = fileURLToPath(config.publicDir);
        base = config.base;
        site = config.site ?? site;
        liquid = { config: siteConfig ?? {}, url: config.site ? new URL(config.site).origin : '', baseurl: base.replace(/\/+$/, '') };
        // The content loader runs a page's Liquid itself when the checks have not seen its text yet.
        rememberSettings({ root: rootDir, posts, ...liquid, read: () => readSiteInput(rootDir, publicDir, [], posts) });
        command = current;
        rememberAstroCommand(current);
        if (current === 'dev') {
          addMiddleware({ entrypoint: new URL('./dev-problems-middleware.ts', import.meta.url), order: 'pre' });
        }
      },

      'astro:routes:resolved': async ({ routes: resolved, logger }) => {
        // A build resolves its routes more than once; the files cannot change in between.
        if (command !== 'dev' && checkedOnce) return;
        checkedOnce = true;
        routes = sitePages(resolved);
        if (command !== 'dev') {
          const checked = await checkProject({ rootDir, publicDir, routes, posts, liquid, siteScripts });
          if (checked.problems.length > 0) failBuild('Some files need fixing before the site can build', checked.problems);
          addressed = checked.addressed;
          return;
        }
        const checked = await runChecks();
        leftOut ??= keptOut(checked);
        // A file read mid-save is read again by the watcher's checks before anything is said.
        if (readMidSave(checked.problems) && recheck) recheck();
        else reportInDev(checked, logger);
      },

      'astro:server:setup': ({ server, logger, refreshContent }) => {
        const watched = [join(rootDir, PAGES_DIR), join(rootDir, POSTS_DIR), join(rootDir, DATA_DIR), publicDir];
        // Checks run one at a time, the last one after the last change; a file caught half-written
        // (empty, or front matter not closed yet) is read again shortly after, once its write is done.
        let running: Promise<void> | undefined;
        let again = false;
        let retries = 0;
        const schedule = (delay = 50) => {
          if (running) {
            again = true;
            return;
          }
          running = new Promise<void>((resolve) => setTimeout(resolve, delay))
            .then(async () => {
              const checked = await runChecks();
              const unreadable = readMidSave(checked.problems);
              // Said only once the file is read whole, or after the last retry (a real mistake).
              if (!unreadable || retries >= MID_SAVE_RETRIES) reportInDev(checked, logger);
              const now = keptOut(checked);
              // A page left out of its collection comes back once it checks clean.
              if ([...(leftOut ?? [])].some((file) => !now.has(file))) {
                await refreshContent?.({ loaders: [ENTRIES_LOADER_NAME] });
                invalidateServedContentLater(rootDir);
                leftOut = now;
              } else {
                leftOut = new Set([...(leftOut ?? []), ...now]);
              }
              if (unreadable && retries < MID_SAVE_RETRIES) {
                retries++;
                again = true;
              } else if (!unreadable) {
                retries = 0;
              }
            })
            .finally(() => {
              running = undefined;
              if (again) {
                again = false;
                schedule(250);
              }
            });
        };
        recheck = () => schedule(250);
        // The sitemap is written by the build; in dev the same addresses answer with the pages the
        // checks know, so a link to /sitemap.xml works (and logs no 404) while writing.
        const sitemaps = new Set(['/sitemap.xml', '/sitemap-index.xml', '/sitemap-0.xml'].map((path) => withBase(base, path)));
        server.middlewares.use((request, response, next) => {
          const path = new URL(request.url ?? '/', 'http://dev.invalid').pathname;
          if (!sitemaps.has(path)) return next();
          const urls = addressed.filter((page) => page.published).map((page) => absoluteUrl(site, base, page.permalink));
          response.setHeader('Content-Type', 'application/xml; charset=utf-8');
          response.end(sitemapXml(urls));
        });
        server.watcher.on('all', (_event, path) => {
          if (!watched.some((folder) => path.startsWith(folder)) || isEditorFile(basename(path))) return;
          retries = 0;
          schedule();
        });
      },

      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const files = await filesBelow(outDir);
        const fileSet = new Set(files);
        const htmlFiles = files.filter((file) => file.endsWith('.html'));
        const facts = scanPages(outDir, htmlFiles);
        const entrySources = new Map(addressed.filter((page) => page.published).map((page) => [permalinkToFile(page.permalink), page.file]));
        let linkProblems = checkLinks({ files: fileSet, pages: facts, base });
        // A broken link on a page with no Markdown source is placed on its line of the built page.
        const unplaced = new Set(linkProblems.filter((problem) => !entrySources.has(problem.page)).map((problem) => problem.page));
        for (const file of unplaced) facts.set(file, extractPageFacts(await readFile(join(outDir, file), 'utf8')));
        if (unplaced.size > 0) linkProblems = checkLinks({ files: fileSet, pages: facts, base });
        const unpublished = new Map(addressed.filter((page) => !page.published).map((page) => [page.permalink, page.file]));
        // Files copied from public/ (and other HTML and XML the build writes) are read by the served-file scan.
        const fromPublic = new Set(await filesBelow(publicDir));
        const servedProblems = scanServedFiles(outDir, files, fromPublic);
        // The body checks catch script written in a page; this catches it from anywhere else (a
        // component, an MDX import), so the zero-JavaScript promise holds for every page.
        const consentOf = new Map(
          addressed.filter((page) => page.published).map((page) => [permalinkToFile(page.permalink), [...siteScripts, ...(page.scripts ?? [])]]),
        );
        const scriptProblems: Problem[] = [];
        for (const [page, { javascript }] of facts) {
          if (javascript.length === 0 || fromPublic.has(page)) continue;
          const consent = consentOf.get(page) ?? siteScripts;
          const seen = new Set<string>();
          for (const found of unconsentedScripts(await readFile(join(outDir, page), 'utf8'), consent)) {
            const advice = consentAdvice(found, consent);
            if (seen.has(found.what + advice)) continue;
            seen.add(found.what + advice);
            scriptProblems.push({
              file: entrySources.get(page) ?? `dist/${page}`,
              field: 'page',
              message: `the built page has a ${found.what}, which would run JavaScript, and the site ships none. Remove it from the page or the component that writes it.${advice}`,
            });
          }
        }
        const split = splitNavigationProblems(linkProblems, navigation, base);
        const report = {
          unpublishedAt: (permalink: string) => unpublished.get(permalink),
          pages: htmlFiles,
          files,
          base,
          sourceTextOf: (file: string) => readSourceText(join(rootDir, file)),
        };
        // A link a record writes (`links.0.ref`) is the data file's problem, not each page's that shows it.
        const sourceText = (file: string) => readSourceText(join(rootDir, file));
        const blamed = blameRecords({
          problems: split.others,
          written: (problem) => (problem.url.startsWith('/') ? withoutBase(base, problem.url) : problem.url),
          page: (problem) => problem.page,
          writtenInSource: (page, address) => {
            const source = entrySources.get(page);
            const text = source === undefined ? undefined : sourceText(source);
            return text !== undefined && lineOfLink(text, address) !== undefined;
          },
          links: blamedLinks(split.others.length > 0 ? rootDir : undefined),
        });
        const brokenLinks = [
          ...linkProblemsToProblems({ ...report, problems: split.navigation, sourceOf: () => SITE_CONFIG_FILE }).map((problem) => ({
            ...problem,
            field: `navigation ${problem.field}`,
            message: `${problem.message} It is in the header of every page.`,
          })),
          // Each problem is placed on the line of the page's Markdown that writes the link.
          ...linkProblemsToProblems({ ...report, problems: blamed.pages, sourceOf: (page) => entrySources.get(page) }),
          ...blamed.records.flatMap(({ problem, link }) =>
            linkProblemsToProblems({ ...report, problems: [problem], sourceOf: () => link.file }).map((found) =>
              recordLinkProblem(found, link, sourceText, pageUrlPath(problem.page)),
            ),
          ),
        ];
        const legacyText = await readFile(join(rootDir, LEGACY_URLS_FILE), 'utf8').catch(() => undefined);
        const legacyProblems =
          legacyText === undefined
            ? []
            : checkLegacyUrls({
                urls: parseLegacyUrls(legacyText),
                resolve: (path) => resolveSitePath(path, fileSet),
                unpublished,
                served: htmlFiles.map(pageUrlPath),
              });
        const problems = [...servedProblems, ...scriptProblems, ...brokenLinks, ...legacyProblems];
        if (problems.length > 0) {
          const title =
            servedProblems.length + scriptProblems.length > 0
              ? 'Some pages would run JavaScript'
              : brokenLinks.length > 0
                ? 'Some links do not lead anywhere'
                : 'Some old URLs are no longer served';
          failBuild(title, problems);
        }
        const links = [...facts.values()].reduce((sum, page) => sum + page.links.length, 0);
        logger.info(`Checked ${links} links on ${htmlFiles.length} pages: all resolve.${legacyText === undefined ? '' : ' Every old URL is still served.'}`);
      },
    },
  };
}
