import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { browserTestsAvailable, launchChromium } from '../helpers/browser.ts';
import { startPagesServer, type PagesServer } from '../helpers/pages-server.ts';
import { buildSite } from '../helpers/site.ts';

describe.runIf(browserTestsAvailable())('the built site in Chromium', () => {
  let browser: Browser;
  let server: PagesServer;

  beforeAll(async () => {
    const site = await buildSite('e2e-smoke');
    expect(site.exitCode).toBe(0);
    server = await startPagesServer(site.dist, '/');
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('serves /work/amazon with no redirect, shows the seed page and follows its link to /work/gt', async () => {
    const page = await browser.newPage();
    const response = await page.goto(new URL('work/amazon', server.url).href);
    expect(response?.status()).toBe(200);
    expect(response?.request().redirectedFrom()).toBeNull();
    expect(await page.locator('h1').textContent()).toBe('Amazon');
    await page.getByRole('link', { name: 'Georgia Tech' }).first().click();
    await page.waitForURL(/\/work\/gt$/);
    expect(await page.locator('h1').textContent()).toBe('Georgia Tech');
    await page.close();
  });
});
