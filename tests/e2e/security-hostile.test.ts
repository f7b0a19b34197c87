import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servedKind } from '../../src/lib/checks/served-files.ts';
import { browserTestsAvailable, launchChromium, releaseChromium, tabPool, type TabKind } from '../helpers/browser.ts';
import { servedPath, startPagesServer, type PagesServer } from '../helpers/pages-server.ts';
import { hostileAllowedSite, listFiles, servedCopy, type Site } from '../helpers/site.ts';

/**
 * Every file the hostile-but-allowed fixture site (tests/fixtures/hostile/allowed) serves, opened in
 * Chromium: no dialog, and no CSP violation or other console error. The one script the owner
 * consented to runs under the page's own policy.
 */
const VIEW: TabKind = { colorScheme: 'light', width: 1280, height: 800 };

describe.runIf(browserTestsAvailable())('the hostile fixture site, in Chromium', () => {
  let site: Site;
  let server: PagesServer;
  let browser: Browser;

  beforeAll(async () => {
    const built = await servedCopy(await hostileAllowedSite(), 'e2e-security-hostile');
    if (built.exitCode !== 0) throw new Error(built.output);
    site = built;
    server = await startPagesServer(site.dist);
    browser = await launchChromium();
  }, 300_000);
  afterAll(async () => {
    await releaseChromium(browser);
    await server?.close();
  });

  it('opens every served file with no dialog and no CSP violation', async () => {
    const served = (await listFiles(site.dist)).filter((file) => servedKind(file) !== undefined);
    expect(served).toEqual(expect.arrayContaining(['chart.html', 'everywhere.html', 'go.html', 'clean.svg', 'feed.xml', 'sitemap.xml']));
    // One tab goes from file to file: a tab per file started a renderer each time, which under a
    // loaded machine made the walk outlast its time-out.
    const found: string[] = [];
    let current = '';
    const tabs = tabPool(browser, {
      onTab: (page) =>
        page.on('dialog', (dialog) => {
          found.push(`${current}: a ${dialog.type()} dialog`);
          void dialog.dismiss();
        }),
    });
    for (const file of served) {
      current = file;
      const path = file.endsWith('.html') ? servedPath(file) : file;
      try {
        const { page, problems, close } = await tabs.visit(new URL(path, server.url).href, VIEW, { status: file === '404.html' ? 404 : 200 });
        // go.html's meta refresh moves on to the picture: the visit ends on the picture, loaded.
        if (file === 'go.html') {
          await page.waitForURL(new URL('clean.svg', server.url).href);
          await page.waitForLoadState('load');
        }
        if (file === 'chart.html') expect(await page.evaluate(() => document.body.dataset['chart'])).toBe('drawn');
        if (file === 'everywhere.html') expect(await page.evaluate(() => document.body.dataset['sitewide'])).toBe('ran');
        found.push(...problems.map((problem) => `${file}: ${problem}`));
        await close();
      } catch (error) {
        found.push(`${file}: the visit did not settle: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
      }
    }
    await tabs.close();
    expect(found).toEqual([]);
  }, 300_000);
});
