import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTestsAvailable, launchChromium } from '../helpers/browser.ts';
import { createSite, startDevServer, type DevServer, type Site } from '../helpers/site.ts';

const TYPO = '---\nlayout: work_page\ntitle: Typo Inc\ndata: work\npermalnk: /work/typo\n---\n\nBody.\n';
const FIXED = TYPO.replace('permalnk', 'permalink');

describe.runIf(browserTestsAvailable())('astro dev shows the same entry problems as the build', () => {
  let site: Site;
  let dev: DevServer;
  let browser: Browser;

  beforeAll(async () => {
    site = await createSite('dev-errors', { files: { 'src/content/work/typo.md': TYPO } });
    dev = await startDevServer(site);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await dev?.stop();
  });

  it('keeps running and prints the problem, file and field in the terminal', () => {
    expect(dev.output()).toContain(
      'Some entries need fixing (2 problems in 1 file):\n\nsrc/content/work/typo.md\n' +
        '  permalink: is required. Write an address like "/work/amazon".\n' +
        '  permalnk (line 5): is not a field an entry can have. Did you mean "permalink"?',
    );
  });

  it('shows the message in the error overlay, then the page once the file is fixed', async () => {
    const page = await browser.newPage();
    await page.goto(new URL('work/amazon', dev.url).href);
    const overlay = page.locator('vite-error-overlay');
    await overlay.waitFor({ state: 'attached', timeout: 30_000 });
    const overlayText = await overlay.evaluate((element) => element.shadowRoot?.textContent ?? '');
    expect(overlayText).toContain('src/content/work/typo.md');
    expect(overlayText).toContain('is not a field an entry can have. Did you mean "permalink"?');

    await writeFile(join(site.root, 'src/content/work/typo.md'), FIXED);
    await dev.waitFor('All entries are valid.');
    await page.close();
    // The dev server reloads content after the save; a fresh page may race the reload, so retry.
    const fresh = await browser.newPage();
    await expect
      .poll(
        async () => {
          const response = await fresh.goto(new URL('work/typo', dev.url).href).catch(() => null);
          return response?.status() === 200 ? await fresh.locator('h1').textContent() : null;
        },
        { timeout: 30_000, interval: 500 },
      )
      .toBe('Typo Inc');
    await fresh.close();
  });
});
