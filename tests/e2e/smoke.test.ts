import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { browserTestsAvailable, launchChromium, releaseChromium, watchPage } from '../helpers/browser.ts';
import { startPagesServer, type PagesServer } from '../helpers/pages-server.ts';
import { sampleSite, servedCopy } from '../helpers/site.ts';

/** The project's own sample content, built as it is and walked as a visitor would. */
describe.runIf(browserTestsAvailable())('the built site in Chromium', () => {
  let browser: Browser;
  let server: PagesServer;

  beforeAll(async () => {
    // The build the build tests inspect too: made once per run, and served from a copy.
    const site = await servedCopy(await sampleSite(), 'e2e-smoke');
    expect(site.exitCode).toBe(0);
    server = await startPagesServer(site.dist, '/');
    browser = await launchChromium();
  });

  afterAll(async () => {
    await releaseChromium(browser);
    await server?.close();
  });

  it('serves /work/amazon with no redirect, shows the seed page and follows its link to /work/gt', async () => {
    const page = await browser.newPage();
    const problems = await watchPage(page);
    const response = await page.goto(new URL('work/amazon', server.url).href);
    expect(response?.status()).toBe(200);
    expect(response?.request().redirectedFrom()).toBeNull();
    expect(await page.locator('h1').textContent()).toBe('Amazon');
    // The record from src/data/work.yml sits above the body.
    expect(await page.locator('.entry__summary').textContent()).toContain('Software Development Engineer II');
    expect(await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Work' }).getAttribute('aria-current')).toBe('true');
    await page.locator('main').getByRole('link', { name: 'Georgia Tech' }).first().click();
    await page.waitForURL(/\/work\/gt$/);
    expect(await page.locator('h1').textContent()).toBe('Georgia Tech');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('leads from the header to the work index, whose tiles follow src/data/work.yml and lead to the entries', async () => {
    const page = await browser.newPage();
    const problems = await watchPage(page);
    await page.goto(server.url);
    await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Work' }).click();
    await page.waitForURL(/\/work\/$/);
    expect(await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Work' }).getAttribute('aria-current')).toBe('page');
    expect(await page.locator('.tiles .tile h2').allTextContents()).toEqual(['Amazon', 'Georgia Tech']);
    await page.locator('a.tile', { has: page.getByRole('heading', { name: 'Georgia Tech' }) }).click();
    await page.waitForURL(/\/work\/gt$/);
    expect(await page.locator('h1').textContent()).toBe('Georgia Tech');
    expect(problems).toEqual([]);
    await page.close();
  });
});
