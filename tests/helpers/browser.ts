import { chromium, type Browser, type BrowserContext, type Page, type Request } from 'playwright-core';

import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../scripts/lib/chromium.mjs';
import { toolAvailable } from './tools.ts';

export { CHROMIUM_PATH };

/**
 * Browser tests skip only when no Chromium is found (the run says so once, see
 * tests/helpers/global-setup.ts); with REQUIRE_BROWSER=1 a missing Chromium is a failure.
 */
export function browserTestsAvailable(): boolean {
  return toolAvailable('Chromium');
}

/** This worker's Chromium, launched by the first file that asks. */
let running: Promise<Browser> | undefined;

/**
 * The features Playwright turns off (its chromiumSwitches in playwright-core). Chromium reads only the
 * last `--disable-features`, so the browser tests' own list repeats these; each launch checks that
 * it still does (`checkDisabledFeatures`).
 */
const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];

/**
 * With RenderDocument, Chromium hosts each new document of a tab in a new frame and compositor
 * surface, even on the same site; without it, the tab's next page reuses them, as before that
 * feature, and a page cannot tell. 100 loads of a page: a fifth less processor time in Chromium.
 */
const DISABLED_FEATURES = [...PLAYWRIGHT_DISABLED_FEATURES, 'RenderDocument'];

/** Fails the launch if the tests' `--disable-features` left out one Playwright passes (see above). */
async function checkDisabledFeatures(browser: Browser): Promise<void> {
  const page = await browser.newPage();
  await page.goto('chrome://version');
  const commandLine = await page.evaluate(() => document.getElementById('command_line')?.textContent ?? '');
  await page.close();
  const lists = [...commandLine.matchAll(/--disable-features=(\S+)/g)].map((match) => (match[1] ?? '').split(','));
  const dropped = lists.flat().filter((feature) => !(lists.at(-1) ?? []).includes(feature));
  if (lists.length === 0 || dropped.length > 0) {
    throw new Error(
      `Chromium was launched without Playwright's own disabled features (${dropped.join(', ')}): add them to PLAYWRIGHT_DISABLED_FEATURES in tests/helpers/browser.ts.`,
    );
  }
}

/**
 * Headless Chromium with the flags this machine needs (no sandbox as root, no GPU, no network chatter),
 * one for all the browser files a test worker runs, one file after another (vitest.config.ts): a
 * launch costs about 2 s of processor time, and each file works in browser contexts of its own, which
 * share nothing with another file's. A file gives it back with `releaseChromium`; it closes when the
 * worker exits.
 */
export async function launchChromium(): Promise<Browser> {
  const launched = await running?.catch(() => undefined);
  if (launched?.isConnected()) return launched;
  running = chromium
    .launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [...CHROMIUM_FLAGS, `--disable-features=${DISABLED_FEATURES.join(',')}`],
    })
    .then(async (browser) => {
      await checkDisabledFeatures(browser).catch(async (error: unknown) => {
        await browser.close();
        throw error;
      });
      return browser;
    });
  return running;
}

/** Closes every context and tab a file opened in the worker's Chromium, so the next file starts from none. */
export async function releaseChromium(browser: Browser | undefined): Promise<void> {
  await Promise.all(browser?.contexts().map((context) => context.close()) ?? []);
}

/** The prefix of the console error the page's own listener writes for each `securitypolicyviolation` event. */
export const CSP_VIOLATION = 'CSP violation:';

/**
 * Runs in every document before its own markup: reports each Content-Security-Policy violation on the
 * console, with what was refused and the directive that refused it. Chromium logs its own refusals
 * as console errors too; the event also catches what it words differently or reports only once.
 * DevTools injects this script, so the page's `script-src 'none'` does not block it.
 */
const REPORT_CSP_VIOLATIONS = `document.addEventListener('securitypolicyviolation', (event) => {
  console.error(${JSON.stringify(CSP_VIOLATION)} + ' ' + event.effectiveDirective + ' refused ' + (event.blockedURI || 'inline') + (event.sample ? ' "' + event.sample + '"' : '') + ' at line ' + event.lineNumber);
});`;

export interface WatchOptions {
  /** The status the page itself is served with: 404 for the site's 404 page. Everything it loads must be 200. */
  status?: number;
  /** Count console warnings as problems too (the visitor pages have none). */
  warnings?: boolean;
}

/**
 * Collects everything that goes wrong on a page from now on, one line each: console errors (CSP
 * refusals among them), uncaught exceptions, failed requests and error responses. Call it before
 * `page.goto`; read the array after the page has loaded.
 */
export async function watchPage(page: Page, options: WatchOptions = {}): Promise<string[]> {
  const problems: string[] = [];
  await watch(page, () => ({ problems, status: options.status ?? 200, warnings: options.warnings ?? false }));
  return problems;
}

/** What a watch reports to, read at each event: the list problems go to and what the page is expected to be. */
type WatchState = () => { problems: string[]; status: number; warnings: boolean };

/** Marks the visits of a tab that goes from page to page. */
export interface VisitTracker {
  /** Call as the tab sets off for the next page. */
  next(): void;
  /** Whether a failed request is one the tab cancelled by moving on: the last page's favicon, say. */
  leftBehind(request: Request): boolean;
}

/**
 * A request the last visit left in flight is cancelled (`net::ERR_ABORTED`) when the tab moves on:
 * that is the tab's doing, not the page's, and is told apart from the page's own failures here. The
 * usual one is the tab's icon, which the browser fetches on its own after the page has loaded (its
 * resource type is "other"); any request made during an earlier visit counts too. A missing file is
 * an error status and a refused one a CSP error, which the watch reports whatever the visit.
 */
export function trackVisits(page: Page): VisitTracker {
  let visit = 0;
  const madeIn = new WeakMap<Request, number>();
  page.on('request', (request) => madeIn.set(request, visit));
  return {
    next: () => void (visit += 1),
    leftBehind: (request) =>
      request.failure()?.errorText === 'net::ERR_ABORTED' && (request.resourceType() === 'other' || (madeIn.get(request) ?? visit) < visit),
  };
}

async function watch(page: Page, state: WatchState, visits: VisitTracker = trackVisits(page)): Promise<void> {
  await page.addInitScript({ content: REPORT_CSP_VIOLATIONS });
  const isPageItself = (url: string) => url === page.url() || url === page.mainFrame().url();
  page.on('console', (message) => {
    const { problems, status, warnings } = state();
    const type = message.type();
    if (type !== 'error' && !(warnings && type === 'warning')) return;
    // Chromium logs a page served with an error status; the 404 page is meant to be one.
    if (status !== 200 && isPageItself(message.location().url) && message.text().includes(`status of ${status}`)) return;
    // Chromium asks for /favicon.ico by itself for a document that names no icon (an SVG, a feed), and
    // logs its 404 on whichever page the tab shows by then; an icon a page names is checked by the build.
    if (new URL(message.location().url || 'about:blank').pathname === '/favicon.ico' && message.text().startsWith('Failed to load resource')) return;
    problems.push(`console ${type}: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => state().problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => {
    if (!visits.leftBehind(request)) state().problems.push(`failed: ${request.url()} ${request.failure()?.errorText ?? ''}`);
  });
  page.on('response', (response) => {
    const { problems, status } = state();
    const expected = response.request().isNavigationRequest() && response.request().frame() === page.mainFrame() ? status : 200;
    if (response.status() >= 400 && response.status() !== expected) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
}

/**
 * Two animation frames (styles and layout applied after a change of scheme or size, images chosen),
 * then every image loaded.
 */
export async function settled(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await imagesLoaded(page);
}

/**
 * Resolves once every image of the page has loaded, checked now and then at each frame, as
 * `page.waitForFunction` checks; a broken image fails the test at its timeout. Written as one
 * `evaluate` because `waitForFunction` first compiles Playwright's own script in the page, again after
 * each load: about 0.1 s of processor time a visit.
 */
export async function imagesLoaded(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const check = () => {
          if ([...document.images].every((image) => image.complete && image.naturalWidth > 0)) resolve();
          else requestAnimationFrame(check);
        };
        check();
      }),
  );
}

/** How a visit is shown: the colour scheme, the viewport, and whether the page's own CSP is bypassed (for axe). */
export interface TabKind {
  colorScheme: 'light' | 'dark';
  width: number;
  height: number;
  bypassCSP?: boolean;
}

/** One page visited in a tab, watched as `watchPage` watches, from an empty list of problems. */
export interface Visit {
  page: Page;
  problems: string[];
  /** The status the page was served with. */
  status: number | undefined;
  /** Gives the tab back for the next visit. */
  close(): Promise<void>;
}

/**
 * Tabs kept open and reused for visit after visit: opening a tab starts a renderer process, about
 * 0.3 s of processor time on a two-core machine against 0.1 s for a visit in an open tab, and the
 * browser tests make hundreds of visits. Any idle tab serves any colour scheme and size, which each
 * visit sets before it loads the page; only a tab that bypasses the page's CSP (for axe) is kept
 * apart. A tab still in use when another visit comes is not shared: that visit opens one of its own.
 * `onTab` sees each new tab before its first visit.
 */
export function tabPool(browser: Browser, { warnings = false, onTab }: { warnings?: boolean; onTab?: (page: Page) => void } = {}) {
  interface Tab {
    kind: TabKind;
    page: Page;
    problems: string[];
    status: number;
    visits: VisitTracker;
  }
  const idle = new Map<string, Tab[]>();
  const all: BrowserContext[] = [];
  const keyOf = (kind: TabKind) => String(kind.bypassCSP ?? false);

  async function openTab(kind: TabKind): Promise<Tab> {
    const context = await browser.newContext({
      bypassCSP: kind.bypassCSP ?? false,
      viewport: { width: kind.width, height: kind.height },
      colorScheme: kind.colorScheme,
    });
    all.push(context);
    const page = await context.newPage();
    const tab: Tab = { kind, page, problems: [], status: 200, visits: trackVisits(page) };
    await watch(page, () => ({ problems: tab.problems, status: tab.status, warnings }), tab.visits);
    onTab?.(page);
    return tab;
  }

  return {
    async visit(url: string, kind: TabKind, { status = 200 }: { status?: number } = {}): Promise<Visit> {
      const tab = idle.get(keyOf(kind))?.pop() ?? (await openTab(kind));
      await tab.page.emulateMedia({ media: null, colorScheme: kind.colorScheme, reducedMotion: null });
      await tab.page.setViewportSize({ width: kind.width, height: kind.height });
      tab.problems = [];
      tab.status = status;
      tab.visits.next();
      const response = await tab.page.goto(url, { waitUntil: 'load' });
      return {
        page: tab.page,
        problems: tab.problems,
        status: response?.status(),
        close: async () => {
          idle.set(keyOf(kind), [...(idle.get(keyOf(kind)) ?? []), tab]);
        },
      };
    },
    async close(): Promise<void> {
      await Promise.all(all.map((context) => context.close()));
    },
  };
}
