import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, releaseChromium, settled, tabPool, type Visit } from './browser.ts';
import { startPagesServer, type PagesServer } from './pages-server.ts';
import { OUTPUT_ROOT } from './site.ts';
import { buildVisitorSite, VISITOR_ENV, VISITOR_PAGES } from './visitor-site.ts';

/**
 * What the visitor tests share: the visitor site served the way GitHub Pages serves it, one Chromium,
 * and the pages and views they walk. Each test file gets its own server and browser.
 */

export const SCREENSHOTS = join(OUTPUT_ROOT, 'screenshots');

/**
 * A full-page screenshot for a person to look at, written to tests/.output/screenshots only with
 * REVIEW_SCREENSHOTS=1: it asserts nothing, and encoding dozens of them was a large share of the
 * browser tests' time. `npm run screenshots` makes the README's pictures.
 */
export async function reviewScreenshot(page: Page, file: string): Promise<void> {
  if (process.env['REVIEW_SCREENSHOTS'] !== '1') return;
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, file), fullPage: true });
}

/** A path no page has: the site's 404 page answers it. */
export const NOT_FOUND = 'no-such-page';
/** Every published page, and the 404 page. */
export const PAGES = [...VISITOR_PAGES.map(({ path }) => path), NOT_FOUND];

export const SCHEMES = ['light', 'dark'] as const;
/** A small phone and a laptop. */
export const WIDTHS = [375, 1280] as const;
export type Scheme = (typeof SCHEMES)[number];
export interface View {
  colorScheme: Scheme;
  width: number;
}
export const VIEWS: readonly View[] = SCHEMES.flatMap((colorScheme) => WIDTHS.map((width) => ({ colorScheme, width })));

/** A readable name for a page in test titles and screenshot files. */
export function label(path: string): string {
  if (path === '') return 'home';
  if (path === NOT_FOUND) return '404';
  return path
    .replace(/\/$/, '')
    .replace(/\.html$/, '')
    .replaceAll('/', '-');
}

/** The page's table for `it.each`: its label and its path. */
export const EACH_PAGE = PAGES.map((path) => [label(path), path] as const);

export interface VisitorBrowser {
  dist: () => string;
  urlOf(path: string): string;
  /**
   * A page in a tab of its view, watched for console errors and warnings, CSP violations, uncaught
   * errors and failed requests (see `tabPool`). `bypassCSP` only for axe, whose script tag the page's
   * own policy (`script-src 'none'`) rightly refuses.
   */
  open(path: string, view: View, bypassCSP?: boolean): Promise<Visit>;
}

/** Builds (once per run) and serves the visitor site, and launches Chromium, for one test file. */
export function useVisitorBrowser(name: string): VisitorBrowser {
  let browser: Browser;
  let tabs: ReturnType<typeof tabPool>;
  let server: PagesServer;
  let dist = '';

  beforeAll(async () => {
    const site = await buildVisitorSite(name);
    expect(site.output).toContain('Complete!');
    expect(site.exitCode).toBe(0);
    dist = site.dist;
    server = await startPagesServer(site.dist, VISITOR_ENV.BASE_PATH);
    browser = await launchChromium();
    tabs = tabPool(browser, { warnings: true });
  });

  afterAll(async () => {
    await tabs?.close();
    await releaseChromium(browser);
    await server?.close();
  });

  const urlOf = (path: string) => new URL(path, server.url).href;
  return {
    dist: () => dist,
    urlOf,
    open(path, view, bypassCSP = false) {
      return tabs.visit(urlOf(path), { ...view, height: 800, bypassCSP }, { status: path === NOT_FOUND ? 404 : 200 });
    },
  };
}

/**
 * Shows the open page as a visitor with another colour scheme or screen width would see it, once it
 * has settled: styles applied and laid out, and any image the new view asks for loaded.
 */
export async function switchView(page: Page, view: View): Promise<void> {
  await page.emulateMedia({ colorScheme: view.colorScheme });
  await page.setViewportSize({ width: view.width, height: 800 });
  await settled(page);
}
