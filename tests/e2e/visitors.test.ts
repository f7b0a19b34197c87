import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import siteConfig from '../../src/site.config.ts';
import { browserTestsAvailable, launchChromium, watchPage } from '../helpers/browser.ts';
import { builtPages, canonicalUrl, sitemapLocations, startPagesServer, type PagesServer } from '../helpers/pages-server.ts';
import { OUTPUT_ROOT, PROJECT_ROOT } from '../helpers/site.ts';
import { buildVisitorSite, VISITOR_ENV, VISITOR_IMAGE, VISITOR_PAGES, VISITOR_TILES, type NavState } from '../helpers/visitor-site.ts';

const AXE_PATH = join(PROJECT_ROOT, 'node_modules', 'axe-core', 'axe.min.js');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const SCREENSHOTS = join(OUTPUT_ROOT, 'screenshots');

/** The header's links: the fixture site builds with the project's own site config. */
const NAVIGATION = siteConfig.navigation ?? [];

const NOT_FOUND = 'no-such-page';
const PAGES = [...VISITOR_PAGES.map(({ path }) => path), NOT_FOUND];

const SCHEMES = ['light', 'dark'] as const;
/** A small phone and a laptop. */
const WIDTHS = [375, 1280] as const;
const VIEWS = SCHEMES.flatMap((colorScheme) => WIDTHS.map((width) => ({ colorScheme, width })));

type Scheme = (typeof SCHEMES)[number];

/** A readable name for a page in test titles and screenshot files. */
function label(path: string): string {
  if (path === '') return 'home';
  if (path === NOT_FOUND) return '404';
  return path
    .replace(/\/$/, '')
    .replace(/\.html$/, '')
    .replaceAll('/', '-');
}

describe.runIf(browserTestsAvailable())('what visitors meet, in Chromium', () => {
  let browser: Browser;
  let server: PagesServer;
  let dist: string;

  beforeAll(async () => {
    const site = await buildVisitorSite('e2e-visitors');
    expect(site.output).toContain('Complete!');
    expect(site.exitCode).toBe(0);
    dist = site.dist;
    server = await startPagesServer(site.dist, VISITOR_ENV.BASE_PATH);
    browser = await launchChromium();
    await mkdir(SCREENSHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const urlOf = (path: string) => new URL(path, server.url).href;

  /**
   * A page in a fresh context, watched for console errors and warnings, CSP violations, uncaught
   * errors and failed requests. `bypassCSP` only for axe, whose script tag the page's own policy
   * (`script-src 'none'`) rightly refuses.
   */
  async function open(path: string, view: { colorScheme: Scheme; width: number }, bypassCSP = false) {
    const context = await browser.newContext({ bypassCSP, viewport: { width: view.width, height: 800 }, colorScheme: view.colorScheme });
    const page = await context.newPage();
    const problems = await watchPage(page, { status: path === NOT_FOUND ? 404 : 200, warnings: true });
    const response = await page.goto(urlOf(path), { waitUntil: 'load' });
    return { page, problems, response, close: () => context.close() };
  }

  it('builds exactly the published pages: no draft, no _-prefixed file', async () => {
    expect(await builtPages(dist)).toEqual(VISITOR_PAGES.map(({ file }) => file).sort());
  });

  it('lists every page in the sitemap at the address the page names as canonical', async () => {
    const canonical = await Promise.all(VISITOR_PAGES.map(({ file }) => canonicalUrl(dist, file)));
    expect(canonical).toEqual(VISITOR_PAGES.map(({ path }) => `${VISITOR_ENV.SITE_URL}${VISITOR_ENV.BASE_PATH}/${path}`));
    expect((await sitemapLocations(dist)).sort()).toEqual([...canonical].sort());
  });

  it.each(PAGES.map((path) => [label(path), path]))(
    '%s renders with no console error, CSP violation or failed request (screenshots for review)',
    async (_name, path) => {
      for (const view of VIEWS) {
        const { page, problems, response, close } = await open(path, view);
        expect(response?.status()).toBe(path === NOT_FOUND ? 404 : 200);
        // Images decode and styles apply: wait for every <img> to finish.
        await page.waitForFunction(() => [...document.images].every((image) => image.complete && image.naturalWidth > 0));
        await page.screenshot({ path: join(SCREENSHOTS, `${label(path)}-${view.width}-${view.colorScheme}.png`), fullPage: true });
        // One stylesheet in the head; a page may add its own <style> in its body.
        expect(await page.locator('head style').count()).toBe(1);
        expect(await page.locator('script:not([type="application/ld+json"])').count()).toBe(0);
        expect(problems, `${label(path)} ${view.colorScheme} ${view.width}px`).toEqual([]);
        await close();
      }
    },
  );

  it.each(PAGES.map((path) => [label(path), path]))('%s has 0 axe violations in light and dark, at 375 and 1280 px', async (_name, path) => {
    const found: string[] = [];
    for (const view of VIEWS) {
      const { page, close } = await open(path, view, true);
      await page.addScriptTag({ path: AXE_PATH });
      const { violations, ownColours } = await page.evaluate(async (tags) => {
        const results = await (window as unknown as { axe: typeof import('axe-core') }).axe.run(document, { runOnly: { type: 'tag', values: tags } });
        // Text the owner coloured with a style attribute is the owner's choice, not the layout's: no
        // colour reads at 4.5:1 on both the light and the dark background, so it fails in one scheme.
        const ownColour = (id: string, target: string) =>
          id === 'color-contrast' && Boolean(document.querySelector(target)?.closest('[data-page-body] [style]'));
        const line = (id: string, impact: unknown, targets: string[]) => `${id} (${String(impact)}): ${targets.join(', ')}`;
        return {
          violations: results.violations.flatMap((v) => {
            const targets = v.nodes.map((node) => node.target.join(' ')).filter((target) => !ownColour(v.id, target));
            return targets.length > 0 ? [line(v.id, v.impact, targets)] : [];
          }),
          ownColours: results.violations.flatMap((v) => v.nodes.map((node) => node.target.join(' ')).filter((target) => ownColour(v.id, target))),
        };
      }, AXE_TAGS);
      found.push(...violations.map((violation) => `${view.colorScheme} ${view.width}px: ${violation}`));
      if (ownColours.length > 0)
        console.warn(`${label(path)} ${view.colorScheme} ${view.width}px: the owner's own colours fail color-contrast: ${ownColours.join(', ')}`);
      await close();
    }
    expect(found).toEqual([]);
  });

  it.each(PAGES.map((path) => [label(path), path]))('%s follows the OS colour scheme with CSS alone', async (_name, path) => {
    const colours: Record<string, string> = {};
    for (const colorScheme of SCHEMES) {
      const { page, close } = await open(path, { colorScheme, width: 1280 });
      colours[colorScheme] = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      await close();
    }
    expect(colours['light']).toBe('rgb(255, 255, 255)');
    expect(colours['dark']).not.toBe(colours['light']);
  });

  it.each([...VISITOR_PAGES, { path: NOT_FOUND, nav: {} }].map(({ path, nav }) => [label(path), path, nav] as const))(
    '%s: the header links to the owner’s pages and marks where the visitor is',
    async (_name, path, nav) => {
      expect(NAVIGATION.length, 'src/site.config.ts lists the header links').toBeGreaterThan(0);
      const { page, close } = await open(path, { colorScheme: 'light', width: 1280 });
      const header = page.getByRole('banner');
      // The owner's name leads home.
      expect(await header.locator('.site-header__name').getAttribute('href')).toBe(`${VISITOR_ENV.BASE_PATH}/`);
      const links = await header
        .getByRole('navigation', { name: 'Site' })
        .getByRole('link')
        .evaluateAll((anchors) =>
          anchors.map((anchor) => ({
            label: anchor.textContent?.trim() ?? '',
            href: anchor.getAttribute('href'),
            current: anchor.getAttribute('aria-current'),
          })),
        );
      expect(links).toEqual(
        NAVIGATION.map((link) => ({
          label: link.label,
          href: link.href.startsWith('/') ? `${VISITOR_ENV.BASE_PATH}${link.href}` : link.href,
          current: (nav as NavState)[link.href] ?? null,
        })),
      );
      await close();
    },
  );

  it('shows one tile per record on the work index, in data-file order, each leading to its entry', async () => {
    const { page, close } = await open('work/', { colorScheme: 'light', width: 1280 });
    const tiles = await page.locator('main .tiles > li').evaluateAll((items) =>
      items.map((item) => {
        const tile = item.querySelector<HTMLElement>('.tile');
        return {
          name: tile?.querySelector('h2')?.textContent?.trim() ?? '',
          summary: tile?.querySelector('p')?.textContent?.trim() ?? '',
          href: tile instanceof HTMLAnchorElement ? tile.getAttribute('href') : null,
          image: Boolean(tile?.querySelector('picture img')),
        };
      }),
    );
    expect(tiles).toEqual(VISITOR_TILES.map((tile) => ({ ...tile, href: tile.href === undefined ? null : `${VISITOR_ENV.BASE_PATH}/${tile.href}` })));
    await close();

    // Each tile is one link named by its record, and lands on the entry of that name.
    for (const tile of VISITOR_TILES.filter((each) => each.href !== undefined)) {
      const { page: index, close: closeIndex } = await open('work/', { colorScheme: 'light', width: 375 });
      await index.locator('a.tile', { has: index.getByRole('heading', { name: tile.name, exact: true }) }).click();
      await index.waitForURL(urlOf(tile.href ?? ''));
      expect(await index.locator('h1').textContent()).toBe(tile.name);
      // The entry leads back to its group's index.
      expect(await index.locator('.entry__group a').getAttribute('href')).toBe(`${VISITOR_ENV.BASE_PATH}/work/`);
      await closeIndex();
    }
  });

  it('shows an entry’s record above its body: summary and dates, the image, the links', async () => {
    const { page, close } = await open('work/orbital', { colorScheme: 'light', width: 1280 });
    expect(await page.locator('.entry__summary').textContent()).toBe('Platform Engineer (3/2021 - Present)');
    const image = page.locator('.entry__facts picture img');
    expect(await image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    expect(await page.locator('.entry__facts picture source').evaluateAll((sources) => sources.map((source) => source.getAttribute('type')))).toEqual([
      'image/avif',
      'image/webp',
    ]);
    const links = page.locator('.entry__facts section', { has: page.getByRole('heading', { name: 'Links' }) }).getByRole('link');
    expect(await links.getAttribute('href')).toBe('https://example.com/orbital');
    // The original file keeps its address beside the optimised copies.
    const original = await page.request.get(urlOf(VISITOR_IMAGE.slice(1)));
    expect(original.status()).toBe(200);
    await close();
  });

  it.each(PAGES.map((path) => [label(path), path]))('%s is usable from the keyboard alone', async (_name, path) => {
    for (const width of WIDTHS) {
      const { page, close } = await open(path, { colorScheme: 'light', width });
      // The stops Tab should make, in document order: links and controls, and (as Chromium does) a
      // box that scrolls sideways with nothing focusable inside, such as a long line of code.
      const links = await page.evaluate(() => {
        const FOCUSABLE = 'a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])';
        const scrolls = (element: Element) => {
          const style = getComputedStyle(element);
          const scrollable = (overflow: string, size: number, client: number) => /auto|scroll/.test(overflow) && size > client;
          return (
            (scrollable(style.overflowX, element.scrollWidth, element.clientWidth) ||
              scrollable(style.overflowY, element.scrollHeight, element.clientHeight)) &&
            !element.querySelector(FOCUSABLE)
          );
        };
        return [...document.body.querySelectorAll<HTMLElement>('*')]
          .filter((element) => element.matches(FOCUSABLE) || scrolls(element))
          .map((element, index) => {
            element.dataset['focusIndex'] = String(index);
            return element.getAttribute('href') ?? element.tagName.toLowerCase();
          });
      });
      // Tab through the page: every link once, in document order, each with a visible focus ring.
      const visited: { index: number; name: string; outline: string; inView: boolean; top: number; bottom: number; left: number }[] = [];
      for (let step = 0; step < links.length; step += 1) {
        await page.keyboard.press('Tab');
        visited.push(
          await page.evaluate(() => {
            const element = document.activeElement as HTMLElement | null;
            const box = element?.getBoundingClientRect();
            const style = element ? getComputedStyle(element) : undefined;
            return {
              index: Number(element?.dataset['focusIndex'] ?? -1),
              name: element ? `${element.tagName.toLowerCase()}${element.className ? `.${element.className}` : ''}` : 'nothing',
              top: (box?.top ?? 0) + window.scrollY,
              bottom: (box?.bottom ?? 0) + window.scrollY,
              left: box?.left ?? 0,
              outline: style ? `${style.outlineStyle} ${style.outlineWidth}` : '',
              // Chromium scrolls a focused element just into view; allow its sub-pixel rounding.
              inView: Boolean(box && box.width > 0 && box.height > 0 && box.top >= -1 && box.bottom <= window.innerHeight + 1),
            };
          }),
        );
      }
      expect(
        visited.map((v) => (v.index === -1 ? v.name : v.index)),
        `${width}px tab order`,
      ).toEqual(links.map((_, index) => index));
      expect(
        visited.filter((v) => v.outline.startsWith('none') || v.outline.endsWith(' 0px')),
        `${width}px focus rings`,
      ).toEqual([]);
      expect(
        visited.filter((v) => !v.inView),
        `${width}px focused element on screen`,
      ).toEqual([]);
      // Focus moves as the eye reads: each stop is to the right on the same line, or further down.
      const backwards = visited.slice(1).filter((stop, i) => {
        const previous = visited[i]!;
        const sameLine = stop.top < previous.bottom && previous.top < stop.bottom;
        return sameLine ? stop.left <= previous.left : stop.top < previous.bottom - 1;
      });
      expect(
        backwards.map((stop) => links[stop.index]),
        `${width}px visual order`,
      ).toEqual([]);

      // The skip link is the first stop, visible when focused, and moves focus to the main content.
      await page.reload();
      await page.keyboard.press('Tab');
      const skip = page.locator('.skip-link');
      expect(await skip.evaluate((element) => element === document.activeElement)).toBe(true);
      const box = await skip.boundingBox();
      expect(box && box.y >= 0 && box.height > 0).toBe(true);
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
      // The next Tab continues after the start of main (inside it, or in the footer when main has
      // no link), never back in the header.
      await page.keyboard.press('Tab');
      expect(
        await page.evaluate(() => {
          const main = document.getElementById('main')!;
          const focused = document.activeElement;
          return Boolean(
            focused &&
            !focused.closest('.site-header') &&
            main.compareDocumentPosition(focused) & (Node.DOCUMENT_POSITION_CONTAINED_BY | Node.DOCUMENT_POSITION_FOLLOWING),
          );
        }),
      ).toBe(true);
      await close();
    }
  });

  it.each(PAGES.map((path) => [label(path), path]))('%s fits screens from 320 to 1920 px without sideways scrolling', async (_name, path) => {
    for (const width of [320, 1920]) {
      const { page, close } = await open(path, { colorScheme: 'light', width });
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `${width}px`).toBeLessThanOrEqual(width);
      await close();
    }
  });

  it.each(SCHEMES)('shows the skip link and focus rings (%s), screenshot for review', async (colorScheme) => {
    const { page, close } = await open('work/aws-intern', { colorScheme, width: 375 });
    await page.keyboard.press('Tab');
    await page.screenshot({ path: join(SCREENSHOTS, `focus-skip-link-375-${colorScheme}.png`) });
    for (let step = 0; step < 4; step += 1) await page.keyboard.press('Tab');
    await page.screenshot({ path: join(SCREENSHOTS, `focus-in-content-375-${colorScheme}.png`) });
    await close();
  });

  it('prints an entry as a clean document: no navigation, black on white', async () => {
    const { page, close } = await open('work/aws-intern', { colorScheme: 'dark', width: 1280 });
    await page.emulateMedia({ media: 'print' });
    const hidden = await page.evaluate(() =>
      ['.site-header nav', '.skip-link', '.site-footer .profile-links'].map((selector) => getComputedStyle(document.querySelector(selector)!).display),
    );
    expect(hidden).toEqual(['none', 'none', 'none']);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
    await page.pdf({ path: join(SCREENSHOTS, 'work-aws-intern-print.pdf') });
    await close();
  });
});
