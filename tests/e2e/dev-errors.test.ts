import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from 'vitest';
import { browserTestsAvailable, launchChromium, releaseChromium } from '../helpers/browser.ts';
import { createSite, SAMPLE_SITE, startDevServer, type DevServer, type Site } from '../helpers/site.ts';

const FILE = 'src/content/pages/work/typo.md';
const FIXED = '---\nlayout: work_page\ntitle: Typo Inc\ndata: work\npermalink: /work/typo\n---\n\nBody.\n';
/** The page's record, after the project's own, so the page is whole once its front matter is fixed. */
const DATA = `${readFileSync(join(SAMPLE_SITE, 'src', 'data', 'work.yml'), 'utf8')}\nTypo Inc:\n  summary: A page with a mistake\n  page: typo\n`;

/** Mistakes present when `astro dev` starts: each must leave the server running, explained, and recover. */
const MISTAKES = [
  {
    name: 'an unknown key',
    text: FIXED.replace('permalink:', 'descripton: A typo.\npermalink:'),
    terminal: `Some files need fixing (1 problem in 1 file):\n\n${FILE}\n  descripton (line 5): is not a field a page can have. Did you mean "description"?`,
    overlay: 'descripton (line 5): is not a field a page can have. Did you mean "description"?',
  },
  {
    name: 'a key written twice (a YAML error)',
    text: FIXED.replace('title: Typo Inc\n', 'title: Typo Inc\ntitle: Typo Incorporated\n'),
    terminal: `Some files need fixing (1 problem in 1 file):\n\n${FILE}\n  front matter (line 4): "title" is written twice (lines 3 and 4). Keep one.`,
    overlay: '"title" is written twice (lines 3 and 4). Keep one.',
  },
];

/** The text of Vite's error overlay on the page, or undefined when the page shows none. */
async function overlayText(page: Page): Promise<string | undefined> {
  const overlay = page.locator('vite-error-overlay');
  if ((await overlay.count()) === 0) return undefined;
  return overlay.evaluate((node) => node.shadowRoot?.textContent ?? '');
}

/** What the dev server sends a page over Vite's websocket: when it connected, and each error it sent. */
function hmrFrames(page: Page): { connected: Promise<void>; errors: string[] } {
  const errors: string[] = [];
  const connected = new Promise<void>((resolve) => {
    page.on('websocket', (socket) => {
      socket.on('framereceived', ({ payload }) => {
        let type: unknown;
        try {
          type = (JSON.parse(String(payload)) as { type?: unknown }).type;
        } catch {
          return;
        }
        if (type === 'connected') resolve();
        if (type === 'error') errors.push(String(payload));
      });
    });
  });
  return { connected, errors };
}

/** How many times the text appears in the output. */
const count = (output: string, text: string) => output.split(text).length - 1;

// One browser for both dev servers: each test opens its own tabs.
let browser: Browser;
beforeAll(async () => {
  if (browserTestsAvailable()) browser = await launchChromium();
});
afterAll(async () => {
  await releaseChromium(browser);
});

describe.runIf(browserTestsAvailable()).each(MISTAKES)('astro dev with $name in a page', ({ name, text, terminal, overlay }) => {
  let site: Site;
  let dev: DevServer;
  // The tests' tabs, in one browser profile as a person's tabs are: a tab of a context of its own
  // started a renderer process each, twice the processor time of a tab beside others.
  let tabs: BrowserContext;

  beforeAll(async () => {
    site = await createSite(`dev-errors-${name.replace(/\W+/g, '-')}`, { files: { [FILE]: text, 'src/data/work.yml': DATA } });
    dev = await startDevServer(site);
    tabs = await browser.newContext();
  });

  // A failure shows what the dev server printed, which is where the reason is.
  beforeEach(() => onTestFailed(() => console.log(`astro dev printed:\n${dev?.output() ?? '(not started)'}`)));

  afterAll(async () => {
    // Tabs a failed test left open would reconnect to the next dev server if it got this one's port.
    await Promise.all(browser?.contexts().map((context) => context.close()) ?? []);
    await dev?.stop();
  });

  it('keeps running and prints the problem, file and field in the terminal, once', async () => {
    // The checks print on stderr, the ready message on stdout: the two may arrive in either order.
    await dev.waitFor(terminal);
    expect(count(dev.output(), terminal)).toBe(1);
  });

  it('shows the problem in the overlay on the broken page only; other pages keep rendering', async () => {
    // A healthy page, open in its own tab all along, connected to the dev server's websocket.
    const healthy = await tabs.newPage();
    const healthyFrames = hmrFrames(healthy);
    const response = await healthy.goto(new URL('work/amazon', dev.url).href);
    expect(response?.status()).toBe(200);
    expect(await healthy.locator('main h1').textContent()).toBe('Amazon');
    await healthyFrames.connected;

    const broken = await tabs.newPage();
    const brokenResponse = await broken.goto(new URL('work/typo', dev.url).href);
    await broken.locator('vite-error-overlay').waitFor({ state: 'attached', timeout: 30_000 });
    const shown = await overlayText(broken);
    expect(shown).toContain(FILE);
    expect(shown).toContain(overlay);
    // The page is the project's own answer, not a failed render's: Astro sends a failed render's
    // error over the websocket to every open page (Vite keeps it for the next page to connect when
    // none is open), and only then. The answer says which it was, so nothing needs waiting for.
    expect({ status: brokenResponse?.status(), title: await broken.title(), body: await broken.locator('body > pre').textContent() }).toEqual({
      status: 500,
      title: 'This page needs fixing',
      body: expect.stringContaining(overlay),
    });

    // A page opened now loads whole; a page opened earlier is still clean. The healthy page has been
    // connected all along, so nothing could have been kept for a new page to connect.
    const fresh = await tabs.newPage();
    const freshFrames = hmrFrames(fresh);
    const again = await fresh.goto(new URL('work/amazon', dev.url).href);
    await freshFrames.connected;
    expect({
      status: again?.status(),
      heading: await fresh.locator('main h1').textContent(),
      overlayOnFreshPage: await overlayText(fresh),
      overlayOnOpenPage: await overlayText(healthy),
      errorsSentToFreshPage: freshFrames.errors,
      errorsSentToOpenPage: healthyFrames.errors,
    }).toEqual({
      status: 200,
      heading: 'Amazon',
      overlayOnFreshPage: undefined,
      overlayOnOpenPage: undefined,
      errorsSentToFreshPage: [],
      errorsSentToOpenPage: [],
    });
    await Promise.all([healthy.close(), broken.close(), fresh.close()]);
    // Visiting the broken page printed nothing more: the checks said it once.
    expect(count(dev.output(), overlay), 'the problem was printed again').toBe(1);
  });

  it('brings the page back when the file is fixed, without a restart, and says so once', async () => {
    await writeFile(join(site.root, FILE), FIXED);
    await dev.waitFor('All pages are valid.');
    // The dev server reloads content after the save; a fresh page may race the reload, so retry.
    const page = await tabs.newPage();
    await expect
      .poll(
        async () => {
          const response = await page.goto(new URL('work/typo', dev.url).href).catch(() => null);
          return response?.status() === 200 && (await overlayText(page)) === undefined ? await page.locator('main h1').textContent() : null;
        },
        { timeout: 30_000, interval: 500 },
      )
      .toBe('Typo Inc');
    await page.close();
    expect(count(dev.output(), terminal), 'the problem was printed again').toBe(1);
    expect(count(dev.output(), 'All pages are valid.')).toBe(1);
  });
});
