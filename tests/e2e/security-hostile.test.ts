import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servedKind } from '../../src/lib/checks/served-files.ts';
import { browserTestsAvailable, launchChromium, watchPage } from '../helpers/browser.ts';
import { servedPath, startPagesServer, type PagesServer } from '../helpers/pages-server.ts';
import { buildSite, fixtureSite, listFiles, type Site } from '../helpers/site.ts';

/**
 * Every file the hostile-but-allowed fixture site (tests/fixtures/hostile/allowed) serves, opened in
 * Chromium: no dialog, and no CSP violation or other console error. The one script the owner
 * consented to runs under the page's own policy.
 */
describe.runIf(browserTestsAvailable())('the hostile fixture site, in Chromium', () => {
  let site: Site;
  let server: PagesServer;
  let browser: Browser;

  beforeAll(async () => {
    const built = await buildSite('e2e-security-hostile', await fixtureSite('hostile/allowed'));
    if (built.exitCode !== 0) throw new Error(built.output);
    site = built;
    server = await startPagesServer(site.dist);
    browser = await launchChromium();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('opens every served file with no dialog and no CSP violation', async () => {
    const served = (await listFiles(site.dist)).filter((file) => servedKind(file) !== undefined);
    expect(served).toEqual(expect.arrayContaining(['chart.html', 'everywhere.html', 'go.html', 'clean.svg', 'feed.xml', 'sitemap.xml']));
    const context = await browser.newContext();
    const found: string[] = [];
    for (const file of served) {
      const page = await context.newPage();
      page.on('dialog', (dialog) => {
        found.push(`${file}: a ${dialog.type()} dialog`);
        void dialog.dismiss();
      });
      // A visit that never settles fails with the file's name, not as the whole test's time-out.
      page.setDefaultTimeout(60_000);
      const problems = await watchPage(page, { status: file === '404.html' ? 404 : 200 });
      const path = file.endsWith('.html') ? servedPath(file) : file;
      try {
        // The document that is there once the visit settles: go.html's meta refresh moves on to the picture.
        await page.goto(new URL(path, server.url).href, { waitUntil: 'commit' });
        await page.waitForLoadState('load');
        if (file === 'chart.html') expect(await page.evaluate(() => document.body.dataset['chart'])).toBe('drawn');
        if (file === 'everywhere.html') expect(await page.evaluate(() => document.body.dataset['sitewide'])).toBe('ran');
      } catch (error) {
        found.push(`${file}: the visit did not settle: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
      }
      found.push(...problems.map((problem) => `${file}: ${problem}`));
      await page.close();
    }
    await context.close();
    expect(found).toEqual([]);
  }, 300_000);
});
