import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { browserTestsAvailable, launchChromium } from '../helpers/browser.ts';
import { startPagesServer, type PagesServer } from '../helpers/pages-server.ts';
import { OUTPUT_ROOT, PROJECT_ROOT } from '../helpers/site.ts';
import { buildVisitorSite, VISITOR_ENV } from '../helpers/visitor-site.ts';

const AXE_PATH = join(PROJECT_ROOT, 'node_modules', 'axe-core', 'axe.min.js');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const SCREENSHOTS = join(OUTPUT_ROOT, 'screenshots');

/** Every page of the fixture site (paths under the base), as the sitemap lists them, plus the 404 page. */
const SITEMAP_PAGES = ['', 'work', 'work/2019/summer-research', 'work/aws-intern', 'work/gt', 'work/orbital'];
const NOT_FOUND = 'no-such-page';
const PAGES = [...SITEMAP_PAGES, NOT_FOUND];

const SCHEMES = ['light', 'dark'] as const;
/** A small phone and a laptop. */
const WIDTHS = [375, 1280] as const;
const VIEWS = SCHEMES.flatMap((colorScheme) => WIDTHS.map((width) => ({ colorScheme, width })));

type Scheme = (typeof SCHEMES)[number];

/** A readable name for a page in test titles and screenshot files. */
const label = (path: string) => (path === '' ? 'home' : path === NOT_FOUND ? '404' : path.replaceAll('/', '-'));

describe.runIf(browserTestsAvailable())('what visitors meet, in Chromium', () => {
  let browser: Browser;
  let server: PagesServer;
  let sitemap: string;

  beforeAll(async () => {
    const site = await buildVisitorSite('e2e-visitors');
    expect(site.output).toContain('Complete!');
    expect(site.exitCode).toBe(0);
    sitemap = await readFile(join(site.dist, 'sitemap-0.xml'), 'utf8');
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
   * A page in a fresh context. `bypassCSP` only for axe, whose script tag the page's own policy
   * (`script-src 'none'`) rightly refuses.
   */
  async function open(path: string, view: { colorScheme: Scheme; width: number }, bypassCSP = false) {
    const context = await browser.newContext({ bypassCSP, viewport: { width: view.width, height: 800 }, colorScheme: view.colorScheme });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() !== 'error' && message.type() !== 'warning') return;
      // Chromium logs the 404 page's own status; that one is intended.
      if (path === NOT_FOUND && message.location().url === urlOf(path) && message.text().includes('status of 404')) return;
      problems.push(`console ${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('requestfailed', (request) => problems.push(`failed: ${request.url()} ${request.failure()?.errorText ?? ''}`));
    page.on('response', (response) => {
      // The 404 page is served with status 404 on purpose; anything else at 400+ is a broken reference.
      const expected = path === NOT_FOUND && response.url() === urlOf(path) ? 404 : 200;
      if (response.status() >= 400 && response.status() !== expected) problems.push(`HTTP ${response.status()}: ${response.url()}`);
    });
    const response = await page.goto(urlOf(path), { waitUntil: 'load' });
    return { page, problems, response, close: () => context.close() };
  }

  it('covers every page in the sitemap', () => {
    const listed = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1] ?? '');
    const base = `${VISITOR_ENV.SITE_URL}${VISITOR_ENV.BASE_PATH}/`;
    expect(listed.map((url) => url.slice(base.length)).sort()).toEqual([...SITEMAP_PAGES].sort());
  });

  it.each(PAGES.map((path) => [label(path), path]))('%s renders with no console error, CSP violation or failed request', async (_name, path) => {
    for (const view of VIEWS) {
      const { page, problems, response, close } = await open(path, view);
      expect(response?.status()).toBe(path === NOT_FOUND ? 404 : 200);
      // Images decode and styles apply: wait for every <img> to finish.
      await page.waitForFunction(() => [...document.images].every((image) => image.complete && image.naturalWidth > 0));
      expect(await page.locator('style').count()).toBe(1);
      expect(await page.locator('script:not([type="application/ld+json"])').count()).toBe(0);
      expect(problems, `${label(path)} ${view.colorScheme} ${view.width}px`).toEqual([]);
      await close();
    }
  });

  it.each(PAGES.map((path) => [label(path), path]))('%s has 0 axe violations in light and dark, at 375 and 1280 px', async (_name, path) => {
    const found: string[] = [];
    for (const view of VIEWS) {
      const { page, close } = await open(path, view, true);
      await page.addScriptTag({ path: AXE_PATH });
      const violations = await page.evaluate(async (tags) => {
        const results = await (window as unknown as { axe: typeof import('axe-core') }).axe.run(document, { runOnly: { type: 'tag', values: tags } });
        return results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((node) => node.target.join(' ')).join(', ')}`);
      }, AXE_TAGS);
      found.push(...violations.map((violation) => `${view.colorScheme} ${view.width}px: ${violation}`));
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

  it.each(PAGES.map((path) => [label(path), path]))('%s is usable from the keyboard alone', async (_name, path) => {
    for (const width of WIDTHS) {
      const { page, close } = await open(path, { colorScheme: 'light', width });
      const links = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])')].map((element, index) => {
          element.dataset['focusIndex'] = String(index);
          return element.getAttribute('href') ?? element.tagName;
        }),
      );
      // Tab through the page: every link once, in document order, each with a visible focus ring.
      const visited: { index: number; outline: string; inView: boolean; top: number; bottom: number; left: number }[] = [];
      for (let step = 0; step < links.length; step += 1) {
        await page.keyboard.press('Tab');
        visited.push(
          await page.evaluate(() => {
            const element = document.activeElement as HTMLElement | null;
            const box = element?.getBoundingClientRect();
            const style = element ? getComputedStyle(element) : undefined;
            return {
              index: Number(element?.dataset['focusIndex'] ?? -1),
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
      expect(visited.map((v) => v.index), `${width}px tab order`).toEqual(links.map((_, index) => index));
      expect(visited.filter((v) => v.outline.startsWith('none') || v.outline.endsWith(' 0px')), `${width}px focus rings`).toEqual([]);
      expect(visited.filter((v) => !v.inView), `${width}px focused element on screen`).toEqual([]);
      if (width === 375) {
        // One column on a phone: each stop is to the right on the same line, or further down.
        // (At 1280 px the group navigation sits beside the article and rightly comes after it.)
        const backwards = visited.slice(2).filter((stop, i) => {
          const previous = visited[i + 1]!;
          const sameLine = stop.top < previous.bottom && previous.top < stop.bottom;
          return sameLine ? stop.left <= previous.left : stop.top < previous.bottom - 1;
        });
        expect(backwards.map((stop) => links[stop.index]), '375px visual order').toEqual([]);
      }

      // The skip link is the first stop, visible when focused, and moves focus to the main content.
      await page.reload();
      await page.keyboard.press('Tab');
      const skip = page.locator('.skip-link');
      expect(await skip.evaluate((element) => element === document.activeElement)).toBe(true);
      const box = await skip.boundingBox();
      expect(box && box.y >= 0 && box.height > 0).toBe(true);
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
      // The next Tab continues inside main, not back in the header.
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => Boolean(document.activeElement?.closest('main')))).toBe(true);
      await close();
    }
  });

  it.each(PAGES.map((path) => [label(path), path]))('%s: screenshots at 375 and 1280 px, light and dark', async (_name, path) => {
    for (const view of VIEWS) {
      const { page, close } = await open(path, view);
      const file = join(SCREENSHOTS, `${label(path)}-${view.width}-${view.colorScheme}.png`);
      await page.screenshot({ path: file, fullPage: true });
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
      ['.site-header nav', '.group-nav', '.skip-link'].map((selector) => getComputedStyle(document.querySelector(selector)!).display),
    );
    expect(hidden).toEqual(['none', 'none', 'none']);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
    await page.pdf({ path: join(SCREENSHOTS, 'work-aws-intern-print.pdf') });
    await close();
  });
});
