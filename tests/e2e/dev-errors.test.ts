import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTestsAvailable, launchChromium } from '../helpers/browser.ts';
import { createSite, startDevServer, type DevServer, type Site } from '../helpers/site.ts';

const FIXED = '---\nlayout: work_page\ntitle: Typo Inc\ndata: work\npermalink: /work/typo\n---\n\nBody.\n';

/** Mistakes present when `astro dev` starts: each must leave the server running, explained, and recover. */
const MISTAKES = [
  {
    name: 'an unknown key',
    text: FIXED.replace('permalink:', 'permalnk:'),
    terminal:
      'Some entries need fixing (2 problems in 1 file):\n\nsrc/content/work/typo.md\n' +
      '  permalink: is required. Write an address like "/work/amazon".\n' +
      '  permalnk (line 5): is not a field an entry can have. Did you mean "permalink"?',
    overlay: 'is not a field an entry can have. Did you mean "permalink"?',
  },
  {
    name: 'a key written twice (a YAML error)',
    text: FIXED.replace('title: Typo Inc\n', 'title: Typo Inc\ntitle: Typo Incorporated\n'),
    terminal:
      'Some entries need fixing (1 problem in 1 file):\n\nsrc/content/work/typo.md\n' +
      '  front matter (line 4): "title" is written twice (lines 3 and 4). Keep one.',
    overlay: '"title" is written twice (lines 3 and 4). Keep one.',
  },
];

describe.runIf(browserTestsAvailable()).each(MISTAKES)('astro dev with $name in an entry', ({ name, text, terminal, overlay }) => {
  let site: Site;
  let dev: DevServer;
  let browser: Browser;

  beforeAll(async () => {
    site = await createSite(`dev-errors-${name.replace(/\W+/g, '-')}`, { files: { 'src/content/work/typo.md': text } });
    dev = await startDevServer(site);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await dev?.stop();
  });

  it('keeps running and prints the problem, file and field in the terminal, once', () => {
    expect(dev.output()).toContain(terminal);
    expect(dev.output().split(terminal)).toHaveLength(2);
  });

  it('shows the message in the error overlay, then the page once the file is fixed', async () => {
    const page = await browser.newPage();
    await page.goto(new URL('work/amazon', dev.url).href);
    const element = page.locator('vite-error-overlay');
    await element.waitFor({ state: 'attached', timeout: 30_000 });
    const overlayText = await element.evaluate((node) => node.shadowRoot?.textContent ?? '');
    expect(overlayText).toContain('src/content/work/typo.md');
    expect(overlayText).toContain(overlay);
    await page.close();

    await writeFile(join(site.root, 'src/content/work/typo.md'), FIXED);
    await dev.waitFor('All entries are valid.');
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
