import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { filesBelowSync } from '../../src/lib/files.ts';
import { attribute, parseHtml, select, textOf, type Element } from '../helpers/html-tree.ts';
import { readBuiltSite, type BuiltSite } from '../helpers/site.ts';
import { SHOWCASE_ENV, SHOWCASE_PAGES, SHOWCASE_TILES, showcaseSiteBuild } from '../helpers/showcase-site.ts';

/** A PNG's width and height, from its IHDR chunk (bytes 16 to 24). */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const metaContent = (html: string, key: string) =>
  select(parseHtml(html), (element) => element.tagName === 'meta' && (attribute(element, 'property') ?? attribute(element, 'name')) === key).map((meta) =>
    attribute(meta, 'content'),
  )[0];

/** The levels of the page's headings in `<main>`, in order. */
const headingLevels = (html: string) => select(parseHtml(html), (element) => /^h[1-6]$/.test(element.tagName)).map((heading) => Number(heading.tagName[1]));

describe('the showcase fixture, built', () => {
  let dist: string;
  let output: string;
  let root: string;
  let site: BuiltSite;

  beforeAll(async () => {
    const result = await showcaseSiteBuild();
    expect(result.exitCode, result.output).toBe(0);
    ({ dist, output, root } = result);
    site = await readBuiltSite(dist);
  });

  it('publishes the pages the tests expect', () => {
    for (const page of SHOWCASE_PAGES) expect(site.pages.has(page), page).toBe(true);
  });

  it('gives every page a social card of its own in dist/: a 1200 × 630 PNG under 100 KB', () => {
    const cards = new Set<string>();
    for (const [page, html] of site.pages) {
      const url = metaContent(html, 'og:image');
      expect(url, page).toBeDefined();
      const { origin, pathname } = new URL(url ?? '');
      expect(origin, page).toBe(SHOWCASE_ENV.SITE_URL);
      const file = join(dist, decodeURIComponent(pathname));
      expect(existsSync(file), `${page}: ${pathname}`).toBe(true);
      const bytes = readFileSync(file);
      expect(pngSize(bytes), page).toEqual({ width: 1200, height: 630 });
      expect(bytes.length, page).toBeLessThan(100_000);
      expect(metaContent(html, 'og:image:alt'), page).toMatch(/\S/);
      expect(metaContent(html, 'twitter:card'), page).toBe('summary_large_image');
      cards.add(pathname);
    }
    // One card per page: none shares another's.
    expect(cards.size).toBe(site.pages.size);
    // And none that no page names.
    const published = filesBelowSync(join(dist, 'og')).map((file) => `/og/${file.replaceAll(sep, '/')}`);
    expect(new Set(published)).toEqual(new Set([...cards].map(decodeURIComponent)));
  });

  it('keeps the cards in the cache folder, by the hash of what they show, for the next build', async () => {
    const cached = (await readdir(join(root, 'node_modules', '.astro', 'og-cards'))).filter((file) => file.endsWith('.png'));
    const published = new Set(
      [...site.pages.values()].map((html) =>
        createHash('sha256')
          .update(readFileSync(join(dist, new URL(metaContent(html, 'og:image') ?? '').pathname)))
          .digest('hex'),
      ),
    );
    const inCache = new Set(
      cached.map((file) =>
        createHash('sha256')
          .update(readFileSync(join(root, 'node_modules', '.astro', 'og-cards', file)))
          .digest('hex'),
      ),
    );
    expect([...published].filter((hash) => !inCache.has(hash))).toEqual([]);
  });

  it("shows the record's summary as an <h2>, so a body starting at ### keeps the heading order", () => {
    for (const page of ['work/tidewater.html', 'work/state.html', 'work/maker-week.html']) {
      const html = site.pages.get(page) ?? '';
      const summary = select(parseHtml(html), (element) => element.tagName === 'h2' && (attribute(element, 'class') ?? '').includes('entry__summary'));
      expect(summary.length, page).toBe(1);
      const levels = headingLevels(html);
      // Each heading at most one level below the one before it.
      expect(
        levels.filter((level, index) => index > 0 && level > (levels[index - 1] ?? 0) + 1),
        `${page}: ${levels.join(' ')}`,
      ).toEqual([]);
    }
  });

  it("moves a body's <style> into the head and allows it by its hash", () => {
    const html = site.pages.get('work/state.html') ?? '';
    const document = parseHtml(html);
    const styles = select(document, (element) => element.tagName === 'style');
    const inBody = styles.filter((style) => hasAncestor(style, 'body'));
    expect(inBody).toEqual([]);
    const own = styles
      .map((style) => style.childNodes.map((node) => ('value' in node ? node.value : '')).join(''))
      .find((text) => text.includes('.team-cheer'));
    expect(own).toBeDefined();
    const hash = `'sha256-${createHash('sha256')
      .update(own ?? '')
      .digest('base64')}'`;
    const csp = select(document, (element) => element.tagName === 'meta' && attribute(element, 'http-equiv') === 'content-security-policy').map((meta) =>
      attribute(meta, 'content'),
    )[0];
    expect(csp).toContain(hash);
  });

  it("warns with the file, line and a colour that passes in both schemes for an owner's colour that fails contrast", () => {
    const warning = output.split('\n').find((line) => line.includes('src/content/pages/work/state.md:14'));
    expect(warning).toBeDefined();
    expect(warning).toContain('#B3A369');
    expect(warning).toMatch(/color: light-dark\(#[0-9a-f]{6}, #b3a369\)/);
  });

  it('shows every record as a tile, an image or a placeholder of the same frame, with images sized for the tile', () => {
    const html = site.pages.get('work/index.html') ?? '';
    const tiles = select(parseHtml(html), (element) => (attribute(element, 'class') ?? '').split(' ').includes('tile'));
    expect(tiles.map((tile) => textOf(select(tile, (element) => element.tagName === 'h2')[0] as Element).trim())).toEqual(
      SHOWCASE_TILES.map((tile) => tile.name),
    );
    for (const [index, tile] of tiles.entries()) {
      const image = select(tile, (element) => element.tagName === 'img')[0];
      const placeholder = select(tile, (element) => (attribute(element, 'class') ?? '').includes('tile__placeholder'))[0];
      expect(Boolean(image), SHOWCASE_TILES[index]?.name).toBe(SHOWCASE_TILES[index]?.image);
      expect(Boolean(placeholder), SHOWCASE_TILES[index]?.name).toBe(!SHOWCASE_TILES[index]?.image);
      if (image) {
        const sources = select(tile, (element) => element.tagName === 'source');
        expect(sources.length).toBeGreaterThan(0);
        for (const source of sources) {
          expect(attribute(source, 'sizes')).toMatch(/^\(min-width: 1192px\) \d+px, /);
          expect((attribute(source, 'srcset') ?? '').split(',').length).toBeGreaterThanOrEqual(3);
        }
      }
    }
  });

  it('shows the portrait, the latest records and the newest posts on the home page', () => {
    const html = site.pages.get('index.html') ?? '';
    const document = parseHtml(html);
    const portrait = select(document, (element) => element.tagName === 'img' && (attribute(element, 'class') ?? '').includes('portrait'))[0];
    expect(attribute(portrait as Element, 'alt')).toMatch(/Ada Example/);
    expect(attribute(portrait as Element, 'width')).toBe('480');
    expect(select(document, (element) => element.tagName === 'h3' && (attribute(element, 'class') ?? '').includes('tile__name')).length).toBe(
      SHOWCASE_TILES.length,
    );
    const posts = select(document, (element) => element.tagName === 'section' && attribute(element, 'aria-labelledby') === 'home-posts')[0];
    expect(select(posts as Element, (element) => element.tagName === 'h3').map((heading) => textOf(heading).trim())).toEqual([
      'Back-pressure, explained with a garden hose',
      'Writing an on-call guide people read',
      'Idempotent producers without downtime',
    ]);
  });
});

function hasAncestor(element: Element, name: string): boolean {
  for (let node = element.parentNode; node && 'tagName' in node; node = node.parentNode) if (node.tagName === name) return true;
  return false;
}
