import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkTextColour, contrastRatio, inlineColourFindings, PAGE_BACKGROUNDS, parseColour } from '../../src/lib/html/contrast.ts';
import { homeGroup } from '../../src/lib/html/home.ts';
import { withoutStyleElements } from '../../src/lib/html/page-facts.ts';
import { initials, tileColumns, tileSizes, tilesInRow, tileWidths } from '../../src/lib/html/tiles.ts';
import { cardPath, isCardPath } from '../../src/lib/og/card-path.ts';
import { PROJECT_ROOT } from '../helpers/site.ts';

describe('tiles', () => {
  it('fits as many 240 px tiles as the container holds', () => {
    expect([335, 496, 728, 1152].map((width) => tileColumns(width))).toEqual([1, 2, 2, 4]);
  });

  it('grows the tiles of a last row that is not full', () => {
    // Five tiles, four to a row: the fifth has a row to itself.
    expect([0, 3, 4].map((index) => tilesInRow(5, index, 4))).toEqual([4, 4, 1]);
    expect(tilesInRow(2, 1, 4)).toBe(2);
  });

  it('names the width each tile is shown at, per viewport', () => {
    expect(tileSizes(5, 0)).toBe(
      '(min-width: 1192px) 276px, (min-width: 1048px) calc((100vw - 88px) / 4), (min-width: 792px) calc((100vw - 72px) / 3), (min-width: 536px) calc((100vw - 56px) / 2), calc(100vw - 40px)',
    );
    // The fifth of five: alone at four or two to a row, beside one other at three.
    expect(tileSizes(5, 4)).toBe(
      '(min-width: 1192px) 1152px, (min-width: 1048px) calc((100vw - 40px) / 1), (min-width: 792px) calc((100vw - 56px) / 2), (min-width: 536px) calc((100vw - 40px) / 1), calc(100vw - 40px)',
    );
  });

  it('makes image widths no wider than the file', () => {
    expect(tileWidths(960)).toEqual([320, 640, 960]);
    expect(tileWidths(300)).toEqual([300]);
  });

  it.each([
    ['Georgia Tech', 'GT'],
    ['AWS intern', 'AI'],
    ['Research <em>Lab</em>', 'RL'],
    ['état', 'É'],
  ])('%s has the initials %s', (name, expected) => expect(initials(name)).toBe(expected));

  it('keeps the grid numbers the stylesheet uses', () => {
    const css = readFileSync(join(PROJECT_ROOT, 'src', 'styles', 'site.css'), 'utf8');
    expect(css).toContain('flex: 1 1 15rem;');
    expect(css).toContain('width: min(100% - 2.5rem, 72rem);');
  });
});

describe('the home page group', () => {
  const group = (permalink: string, tiles = 1) => ({ permalink, title: permalink, tiles: Array.from({ length: tiles }, () => ({})) });

  it('is the first the navigation lists, else the first by address, and never one without tiles', () => {
    expect(homeGroup([group('/archive/'), group('/work/')], [{ href: '/work/' }])?.permalink).toBe('/work/');
    expect(homeGroup([group('/work/'), group('/archive/')], [])?.permalink).toBe('/archive/');
    expect(homeGroup([group('/work/', 0)], [{ href: '/work/' }])).toBeUndefined();
  });
});

describe('cardPath', () => {
  it.each([
    ['/', '/og/index.png'],
    ['/work/', '/og/work/index.png'],
    ['/work/acme', '/og/work/acme.png'],
    ['/about.html', '/og/about.png'],
    ['/blog/page2/', '/og/blog/page2/index.png'],
  ])('%s has its card at %s', (permalink, expected) => expect(cardPath(permalink)).toBe(expected));

  it("knows its own cards' paths from any other image a page names", () => {
    expect(['/', '/work/acme', '/about.html'].map((permalink) => isCardPath(cardPath(permalink)))).toEqual([true, true, true]);
    expect(['/img/card.png', '/og/notes.jpg', '/og-image.png'].map(isCardPath)).toEqual([false, false, false]);
  });
});

describe('withoutStyleElements', () => {
  it('takes out each <style> element, keeping the rest as written', () => {
    const html = '<div data-page-body><style>\n.a { color: red; }\n</style><p>Hi <b>there</b></p><STYLE>b{}</STYLE></div>';
    expect(withoutStyleElements(html)).toEqual({ html: '<div data-page-body><p>Hi <b>there</b></p></div>', styles: ['\n.a { color: red; }\n', 'b{}'] });
  });

  it('leaves content without one alone', () => {
    expect(withoutStyleElements('<p style="color: red">x</p>')).toEqual({ html: '<p style="color: red">x</p>', styles: [] });
  });
});

describe('the contrast of an owner’s colours', () => {
  it('keeps the page backgrounds of the stylesheet', () => {
    const css = readFileSync(join(PROJECT_ROOT, 'src', 'styles', 'site.css'), 'utf8');
    expect(css).toContain(`--bg: ${PAGE_BACKGROUNDS.light};`);
    expect(css).toContain(`--bg: ${PAGE_BACKGROUNDS.dark};`);
  });

  it('measures as WCAG does', () => {
    expect(contrastRatio([0, 0, 0], [255, 255, 255])).toBeCloseTo(21);
    expect(contrastRatio(parseColour('#B3A369')!, [255, 255, 255])).toBeCloseTo(2.51, 2);
  });

  it('suggests the nearest colours that pass in both schemes', () => {
    const finding = checkTextColour(' #B3A369 ');
    expect(finding).toMatchObject({ written: '#B3A369', light: 2.5, dark: 7.3 });
    const [, forLight = '', forDark = ''] = /^light-dark\((#\w{6}), (#\w{6})\)$/.exec(finding?.suggestion ?? '') ?? [];
    expect(contrastRatio(parseColour(forLight)!, parseColour(PAGE_BACKGROUNDS.light)!)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(parseColour(forDark)!, parseColour(PAGE_BACKGROUNDS.dark)!)).toBeGreaterThanOrEqual(4.5);
    // Already fine on the dark page: kept as written there.
    expect(forDark).toBe('#b3a369');
  });

  it('keeps the scheme a colour already reads in, and leaves alone one it cannot read', () => {
    // No colour reads at 4.5:1 on both backgrounds: the site's own text colour passes only on the light one.
    expect(checkTextColour('#1a1f2b')?.suggestion).toMatch(/^light-dark\(#1a1f2b, #\w{6}\)$/);
    expect(checkTextColour('var(--x)')).toBeUndefined();
  });

  it('finds colours in style attributes, with their offsets', () => {
    const html = 'Text\n<span style="font-weight: 700; COLOR: #ff0">Go</span> <span style="color: #767676">ok</span>';
    expect(inlineColourFindings(html).map(({ written, offset }) => [written, offset])).toEqual([
      ['#ff0', 5],
      ['#767676', 59],
    ]);
  });
});
