import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAxe, axeFindings } from '../helpers/axe.ts';
import { browserTestsAvailable, launchChromium, releaseChromium, settled, tabPool } from '../helpers/browser.ts';
import { startPagesServer, type PagesServer } from '../helpers/pages-server.ts';
import { servedCopy } from '../helpers/site.ts';
import { SHOWCASE_PAGES, SHOWCASE_TILES, showcaseSiteBuild } from '../helpers/showcase-site.ts';

const SCHEMES = ['light', 'dark'] as const;
/** A phone, a tablet, a laptop. */
const WIDTHS = [375, 768, 1280] as const;
const VIEWS = SCHEMES.flatMap((colorScheme) => WIDTHS.map((width) => ({ colorScheme, width })));
/** The pages with tiles: the work index, and the home page's latest records. */
const TILE_PAGES = ['work/', ''] as const;
const url = (file: string) => file.replace(/index\.html$/, '').replace(/\.html$/, '');

interface TileBox {
  left: number;
  right: number;
  top: number;
  height: number;
  imageWidth: number;
}

/** Every tile's box and its image's (or placeholder's) rendered width, with the list's own edges. */
function tileBoxes(page: Page) {
  return page.evaluate(() => {
    const list = document.querySelector('.tiles');
    if (!list) return undefined;
    const edges = list.getBoundingClientRect();
    const tiles = [...list.querySelectorAll<HTMLElement>('.tile')].map((tile) => {
      const box = tile.getBoundingClientRect();
      const image = tile.querySelector('img, .tile__placeholder')?.getBoundingClientRect();
      return { left: box.left, right: box.right, top: box.top, height: box.height, imageWidth: image?.width ?? 0 };
    });
    return { left: edges.left, right: edges.right, tiles };
  });
}

/** The tiles by row: those with the same top. */
function rows(tiles: TileBox[]): TileBox[][] {
  const byTop = new Map<number, TileBox[]>();
  for (const tile of tiles) byTop.set(Math.round(tile.top), [...(byTop.get(Math.round(tile.top)) ?? []), tile]);
  return [...byTop.values()];
}

describe.runIf(browserTestsAvailable())('the showcase in Chromium, at 375, 768 and 1280 px, light and dark', () => {
  let browser: Browser;
  let server: PagesServer;
  let tabs: ReturnType<typeof tabPool>;

  beforeAll(async () => {
    const site = await servedCopy(await showcaseSiteBuild(), 'e2e-showcase');
    expect(site.exitCode, site.output).toBe(0);
    server = await startPagesServer(site.dist, '/');
    browser = await launchChromium();
    tabs = tabPool(browser, { warnings: true });
  });

  afterAll(async () => {
    await tabs?.close();
    await releaseChromium(browser);
    await server?.close();
  });

  /** A page in a view, with motion reduced: the summary shows at once, not after a transition. */
  async function open(path: string, view: (typeof VIEWS)[number], bypassCSP = false) {
    const visit = await tabs.visit(new URL(path, server.url).href, { ...view, height: 900, bypassCSP });
    await visit.page.emulateMedia({ colorScheme: view.colorScheme, reducedMotion: 'reduce' });
    await visit.page.mouse.move(0, 0);
    await settled(visit.page);
    return visit;
  }

  it.each(TILE_PAGES.flatMap((path) => VIEWS.map((view) => [path || 'home', view.colorScheme, view.width, path, view] as const)))(
    '%s, %s, %i px: the tiles fill their rows, a row has one height, and images are wide',
    async (_name, _scheme, width, path, view) => {
      const { page, problems, close } = await open(path, view);
      const found = await tileBoxes(page);
      await close();
      expect(problems).toEqual([]);
      expect(found?.tiles.length).toBe(SHOWCASE_TILES.length);
      const list = found ?? { left: 0, right: 0, tiles: [] };
      for (const row of rows(list.tiles)) {
        const first = row[0] as TileBox;
        const last = row.at(-1) as TileBox;
        expect(Math.abs(first.left - list.left), `row at ${first.top}: left edge`).toBeLessThanOrEqual(1);
        expect(Math.abs(last.right - list.right), `row at ${first.top}: right edge`).toBeLessThanOrEqual(1);
        const heights = row.map((tile) => tile.height);
        expect(Math.max(...heights) - Math.min(...heights), `row at ${first.top}: heights ${heights.join(', ')}`).toBeLessThanOrEqual(1);
      }
      if (width >= 768) for (const tile of list.tiles) expect(tile.imageWidth).toBeGreaterThanOrEqual(240);
      if (width === 375) expect(rows(list.tiles).every((row) => row.length === 1)).toBe(true);
    },
  );

  it.each(VIEWS.map((view) => [view.colorScheme, view.width, view] as const))(
    '%s, %i px: a tile shows its summary on hover and on keyboard focus',
    async (_scheme, _width, view) => {
      const { page, close } = await open('work/', view);
      const summaryShown = (index: number) =>
        page.evaluate((at) => {
          const tile = document.querySelectorAll<HTMLElement>('.tile')[at];
          const summary = tile?.querySelector<HTMLElement>('.tile__summary');
          if (!tile || !summary) return undefined;
          const box = summary.getBoundingClientRect();
          const frame = tile.getBoundingClientRect();
          const style = getComputedStyle(summary);
          return Number(style.opacity) === 1 && box.height > 0 && box.top >= frame.top && box.bottom <= frame.bottom + 0.5 ? summary.textContent : '';
        }, index);
      const hidden = await summaryShown(0);
      await page.locator('.tile').nth(0).hover();
      const onHover = await summaryShown(0);
      await page.mouse.move(0, 0);
      // Tab from the top of the page to the second tile, as a keyboard user would.
      await page.locator('.tile').nth(0).focus();
      await page.keyboard.press('Tab');
      const onFocus = await summaryShown(1);
      await close();
      expect(hidden).toBe('');
      expect(onHover).toBe(SHOWCASE_TILES[0].summary);
      expect(onFocus).toBe(SHOWCASE_TILES[1].summary);
    },
  );

  it.each(SHOWCASE_PAGES.map((file) => [file, url(file)] as const))(
    '%s has 0 axe violations in light and dark, at 375, 768 and 1280 px',
    async (_file, path) => {
      const found: string[] = [];
      const { page, close } = await open(path, VIEWS[0] ?? { colorScheme: 'light', width: 375 }, true);
      await addAxe(page);
      for (const view of VIEWS) {
        await page.emulateMedia({ colorScheme: view.colorScheme, reducedMotion: 'reduce' });
        await page.setViewportSize({ width: view.width, height: 900 });
        await settled(page);
        // The owner's own colours are the build's to warn about (see axeFindings).
        const { violations } = await axeFindings(page);
        found.push(...violations.map((violation) => `${view.colorScheme} ${view.width}px: ${violation}`));
      }
      await close();
      expect(found).toEqual([]);
    },
  );
});
