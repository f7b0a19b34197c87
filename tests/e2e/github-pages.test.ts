import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { normalizeBase } from '../../src/lib/url.ts';
import { browserTestsAvailable, launchChromium, releaseChromium, trackVisits, type VisitTracker } from '../helpers/browser.ts';
import { builtPages, canonicalUrl, servedPath, sitemapLocations, startPagesServer, type PagesServer } from '../helpers/pages-server.ts';
import { buildSite, SAMPLE_SITE } from '../helpers/site.ts';

/** GitHub Pages' two shapes: a project site under /<repo>/ and a user site at the root. */
const SETUPS = [
  { name: 'a project site', slug: 'project', base: '/portfolio/' },
  { name: 'a user site', slug: 'user', base: '/' },
];

// One entry beside the project's own, with an image and links written from the site root, as an owner writes them.
const EXTRA_FILES = {
  'src/content/pages/work/pages-proof.md': [
    '---',
    'layout: work_page',
    'title: Pages proof',
    'data: work',
    'permalink: /work/pages-proof',
    '---',
    'A badge: ![Badge](/images/badge.svg)',
    '',
    'Back to [Amazon](/work/amazon), [all work](/work) and [home](/).',
    '',
  ].join('\n'),
  // Its record, after the project's own.
  'src/data/work.yml': `${readFileSync(join(SAMPLE_SITE, 'src', 'data', 'work.yml'), 'utf8')}\nPages proof:\n  summary: A page to prove the addresses\n  page: pages-proof\n`,
  'public/images/badge.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="#2a6"/></svg>\n',
};

/**
 * Records every failed request and every error response a page causes, as `STATUS url` lines. The
 * tab visits page after page: call `next()` as it sets off for the next one (see `trackVisits`).
 */
function watch(page: Page, problems: string[]): VisitTracker {
  const visits = trackVisits(page);
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} ${response.url()} (loaded by ${page.url()})`);
  });
  page.on('requestfailed', (request) => {
    if (!visits.leftBehind(request)) problems.push(`failed ${request.url()}: ${request.failure()?.errorText ?? ''} (loaded by ${page.url()})`);
  });
  return visits;
}

/** Computed body styles that a page without any stylesheet would not have. */
function bodyStyle(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const style = getComputedStyle(document.body);
    return { margin: style.margin, fontFamily: style.fontFamily, color: style.color, backgroundColor: style.backgroundColor };
  });
}

describe.runIf(browserTestsAvailable())('the built site served like GitHub Pages, in Chromium', () => {
  let browser: Browser;
  /** A page's body with no stylesheet, as Chromium shows it: what the 404 page's own styles must change. */
  let unstyled: Record<string, string>;

  beforeAll(async () => {
    browser = await launchChromium();
    const blank = await browser.newPage();
    await blank.setContent('<!doctype html><body><h1>x</h1></body>');
    unstyled = await bodyStyle(blank);
    await blank.close();
  });

  afterAll(async () => {
    await releaseChromium(browser);
  });

  describe.each(SETUPS)('$name at $base', ({ slug, base }) => {
    let server: PagesServer;
    let dist: string;
    // The tests' tabs, in one browser profile: a tab beside others costs half the processor time of a
    // tab in a profile of its own (see tests/e2e/dev-errors.test.ts).
    let tabs: BrowserContext;

    beforeAll(async () => {
      const site = await buildSite(`e2e-pages-${slug}`, {
        files: EXTRA_FILES,
        env: { SITE_URL: 'https://jane.github.io', BASE_PATH: base },
      });
      expect(site.output).toContain('Complete!');
      dist = site.dist;
      server = await startPagesServer(dist, base);
      tabs = await browser.newContext();
    });

    afterAll(async () => {
      await tabs?.close();
      await server?.close();
    });

    it('serves every built page and every link, stylesheet and image on it with no error', async () => {
      const files = await builtPages(dist);
      expect(files).toEqual(expect.arrayContaining(['index.html', 'work/index.html', 'work/amazon.html', 'work/gt.html', 'work/pages-proof.html']));
      const problems: string[] = [];
      const targets = new Set<string>();
      const origin = new URL(server.url).origin;
      // One tab visits every page: a new tab per page would start a renderer process each time.
      const page = await tabs.newPage();
      const watching = watch(page, problems);

      for (const file of files) {
        // The canonical URL names an address this file is served at, base included: its folder or
        // extensionless address, or the file itself for a permalink ending in .html.
        const canonical = new URL((await canonicalUrl(dist, file)) ?? '').pathname;
        expect([`${normalizeBase(base)}${servedPath(file)}`, `${normalizeBase(base)}${file}`], file).toContain(canonical);
        // The canonical address and the extensionless one both serve the page, with no redirect.
        for (const url of new Set([new URL(canonical, server.url).href, new URL(servedPath(file), server.url).href])) {
          watching.next();
          const response = await page.goto(url);
          expect(response?.status(), url).toBe(200);
          expect(response?.request().redirectedFrom(), `${url} redirected`).toBeNull();

          const facts = await page.evaluate(() => ({
            stylesheets: document.styleSheets.length,
            brokenImages: [...document.images].filter((image) => !image.complete || image.naturalWidth === 0).map((image) => image.src),
            urls: [...document.querySelectorAll<HTMLAnchorElement | HTMLLinkElement>('a[href], link[href]')]
              .filter((element) => element.getAttribute('rel') !== 'canonical')
              .map((element) => element.href),
            canonical: document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href ?? '',
          }));
          expect(new URL(facts.canonical).pathname, url).toBe(canonical);
          expect(facts.stylesheets, `${url} has no stylesheet`).toBeGreaterThan(0);
          expect(facts.brokenImages, url).toEqual([]);
          for (const target of facts.urls) {
            const parsed = new URL(target);
            parsed.hash = '';
            if (parsed.origin === origin) targets.add(parsed.href);
          }
        }
      }
      watching.next();
      await page.close();

      // Every internal link target resolves, without relying on the server's 404 page.
      for (const target of targets) {
        const response = await tabs.request.get(target, { maxRedirects: 2 });
        if (response.status() !== 200) problems.push(`${response.status()} ${target} (a link target)`);
      }

      expect(
        [...targets].filter((target) => !new URL(target).pathname.startsWith(base)),
        'links outside the base',
      ).toEqual([]);
      expect(problems).toEqual([]);
    });

    it('lists every served page in the sitemap at its canonical address, each answering 200 with no redirect', async () => {
      const files = await builtPages(dist);
      const canonical = (await Promise.all(files.map((file) => canonicalUrl(dist, file)))).map((url) => new URL(url ?? '').pathname).sort();
      const listed = (await sitemapLocations(dist)).map((url) => new URL(url).pathname).sort();
      // The pages-proof fixture is in both; drafts and the 404 page are in neither.
      expect(listed).toEqual(canonical);
      // A search engine fetches each listed address as it is: a redirect there is a wasted crawl.
      const answers = await Promise.all(
        listed.map(async (path) => `${(await tabs.request.get(new URL(path, server.url).href, { maxRedirects: 0 })).status()} ${path}`),
      );
      expect(answers).toEqual(listed.map((path) => `200 ${path}`));
    });

    it.each(['no-such-page', 'work/no/such/deep/page'])('shows the site’s own 404 page, styled, with status 404 at %s', async (missing) => {
      const page = await tabs.newPage();
      const problems: string[] = [];
      page.on('requestfailed', (request) => problems.push(`failed ${request.url()}`));
      page.on('response', (response) => {
        // The page itself is meant to be a 404; what it loads is not.
        if (response.status() >= 400 && !response.request().isNavigationRequest()) problems.push(`${response.status()} ${response.url()}`);
      });
      const response = await page.goto(new URL(missing, server.url).href);
      expect(response?.status()).toBe(404);
      expect(await page.locator('h1').textContent()).toBe('Page not found');
      expect(problems, 'the 404 page’s own stylesheet, icon or images failed').toEqual([]);
      const styled = await bodyStyle(page);
      expect(styled.margin).not.toBe(unstyled.margin);
      expect(styled.fontFamily).not.toBe(unstyled.fontFamily);

      // Its way back works from any depth.
      await page.getByRole('link', { name: 'Go to the home page' }).click();
      await page.waitForURL(server.url);
      expect(new URL(page.url()).pathname).toBe(base);
      await page.close();
    });

    // Only a project site has a bare prefix (`/portfolio`) to redirect; a user site's root is `/`.
    if (base !== '/') {
      it('redirects the bare prefix to the home page', async () => {
        const page = await tabs.newPage();
        const response = await page.goto(server.url.slice(0, -1));
        expect(response?.status()).toBe(200);
        expect(page.url()).toBe(server.url);
        await page.close();
      });
    }
  });
});
