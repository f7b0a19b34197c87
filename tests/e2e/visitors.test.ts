import { describe, expect, it } from 'vitest';
import { browserTestsAvailable } from '../helpers/browser.ts';
import { builtPages, canonicalUrl, sitemapLocations } from '../helpers/pages-server.ts';
import { EACH_PAGE, label, NOT_FOUND, reviewScreenshot, SCHEMES, switchView, useVisitorBrowser, WIDTHS } from '../helpers/visitor-browser.ts';
import { VISITOR_ENV, VISITOR_IMAGE, VISITOR_NAVIGATION, VISITOR_PAGES, VISITOR_TILES, type NavState } from '../helpers/visitor-site.ts';

const NAVIGATION = VISITOR_NAVIGATION;

/** What every visitor meets on every page; tests/e2e/visitors-a11y.test.ts has accessibility and layout. */
describe.runIf(browserTestsAvailable())('what visitors meet, in Chromium', () => {
  const site = useVisitorBrowser('e2e-visitors');
  const { open, urlOf } = site;

  it('builds exactly the published pages: no draft, no _-prefixed file', async () => {
    expect(await builtPages(site.dist())).toEqual(VISITOR_PAGES.map(({ file }) => file).sort());
  });

  it('lists every page in the sitemap at the address the page names as canonical', async () => {
    const canonical = await Promise.all(VISITOR_PAGES.map(({ file }) => canonicalUrl(site.dist(), file)));
    expect(canonical).toEqual(VISITOR_PAGES.map(({ path }) => `${VISITOR_ENV.SITE_URL}${VISITOR_ENV.BASE_PATH}/${path}`));
    expect((await sitemapLocations(site.dist())).sort()).toEqual([...canonical].sort());
  });

  it.each(EACH_PAGE)('%s renders with no console error, CSP violation or failed request', async (_name, path) => {
    // Loaded afresh at each width, since a width may load other images; then shown in each scheme.
    for (const width of WIDTHS) {
      const { page, problems, status, close } = await open(path, { colorScheme: SCHEMES[0], width });
      expect(status).toBe(path === NOT_FOUND ? 404 : 200);
      // Every style is in the head: the site's stylesheet, then a <style> the page's body wrote (about.md has one).
      // Counted in one evaluate: a locator would first compile Playwright's script in the fresh page.
      const count = await page.evaluate(() => ({
        bodyStyles: document.querySelectorAll('body style').length,
        headStyles: document.querySelectorAll('head style').length,
        scripts: document.querySelectorAll('script:not([type="application/ld+json"])').length,
      }));
      expect(count.bodyStyles).toBe(0);
      expect(count.headStyles).toBe(path === 'about.html' ? 2 : 1);
      expect(count.scripts).toBe(0);
      for (const colorScheme of SCHEMES) {
        // Styles applied and every <img> loaded (see switchView).
        await switchView(page, { colorScheme, width });
        await reviewScreenshot(page, `${label(path)}-${width}-${colorScheme}.png`);
        expect(problems, `${label(path)} ${colorScheme} ${width}px`).toEqual([]);
      }
      await close();
    }
  });

  it.each([...VISITOR_PAGES, { path: NOT_FOUND, nav: {} }].map(({ path, nav }) => [label(path), path, nav] as const))(
    '%s: the header links to the owner’s pages and marks where the visitor is',
    async (_name, path, nav) => {
      expect(NAVIGATION.length, 'the sample site config lists the header links').toBeGreaterThan(0);
      const { page, close } = await open(path, { colorScheme: 'light', width: 1280 });
      const header = page.getByRole('banner');
      // The owner's name leads home.
      expect(await header.locator('.site-header__name').getAttribute('href')).toBe(`${VISITOR_ENV.BASE_PATH}/`);
      const links = await header
        .getByRole('navigation', { name: 'Site' })
        .getByRole('link')
        .evaluateAll((anchors) =>
          anchors.map((anchor) => ({
            label: anchor.textContent?.trim() ?? '',
            href: anchor.getAttribute('href'),
            current: anchor.getAttribute('aria-current'),
          })),
        );
      expect(links).toEqual(
        NAVIGATION.map((link) => ({
          label: link.label,
          href: link.href.startsWith('/') ? `${VISITOR_ENV.BASE_PATH}${link.href}` : link.href,
          current: (nav as NavState)[link.href] ?? null,
        })),
      );
      await close();
    },
  );

  it('shows one tile per record on the work index, in data-file order, each leading to its entry', async () => {
    const { page, close } = await open('work/', { colorScheme: 'light', width: 1280 });
    const tiles = await page.locator('main .tiles > li').evaluateAll((items) =>
      items.map((item) => {
        const tile = item.querySelector<HTMLElement>('.tile');
        return {
          name: tile?.querySelector('h2')?.textContent?.trim() ?? '',
          summary: tile?.querySelector('p')?.textContent?.trim() ?? '',
          href: tile instanceof HTMLAnchorElement ? tile.getAttribute('href') : null,
          image: Boolean(tile?.querySelector('picture img')),
        };
      }),
    );
    expect(tiles).toEqual(VISITOR_TILES.map((tile) => ({ ...tile, href: tile.href === undefined ? null : `${VISITOR_ENV.BASE_PATH}/${tile.href}` })));
    await close();

    // Each tile is one link named by its record, and lands on the entry of that name.
    for (const tile of VISITOR_TILES.filter((each) => each.href !== undefined)) {
      const { page: index, close: closeIndex } = await open('work/', { colorScheme: 'light', width: 375 });
      await index.locator('a.tile', { has: index.getByRole('heading', { name: tile.name, exact: true }) }).click();
      await index.waitForURL(urlOf(tile.href ?? ''));
      expect(await index.locator('h1').textContent()).toBe(tile.name);
      // The entry leads back to its group's index.
      expect(await index.locator('.entry__group a').getAttribute('href')).toBe(`${VISITOR_ENV.BASE_PATH}/work/`);
      await closeIndex();
    }
  });

  it('shows an entry’s record above its body: summary and dates, the image, the links', async () => {
    const { page, close } = await open('work/orbital', { colorScheme: 'light', width: 1280 });
    expect(await page.locator('.entry__summary').textContent()).toBe('Platform Engineer (3/2021 - Present)');
    const image = page.locator('.entry__facts picture img');
    expect(await image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    expect(await page.locator('.entry__facts picture source').evaluateAll((sources) => sources.map((source) => source.getAttribute('type')))).toEqual([
      'image/avif',
      'image/webp',
    ]);
    const links = page.locator('.entry__facts section', { has: page.getByRole('heading', { name: 'Links' }) }).getByRole('link');
    expect(await links.getAttribute('href')).toBe('https://example.com/orbital');
    // The original file keeps its address beside the optimised copies.
    const original = await page.request.get(urlOf(VISITOR_IMAGE.slice(1)));
    expect(original.status()).toBe(200);
    await close();
  });

  it('prints an entry as a clean document: no navigation, black on white', async () => {
    const { page, close } = await open('work/aws-intern', { colorScheme: 'dark', width: 1280 });
    await page.emulateMedia({ media: 'print' });
    const hidden = await page.evaluate(() =>
      ['.site-header nav', '.skip-link', '.site-footer .profile-links'].map((selector) => getComputedStyle(document.querySelector(selector)!).display),
    );
    expect(hidden).toEqual(['none', 'none', 'none']);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
    await close();
  });
});
