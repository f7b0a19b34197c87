/**
 * The index tiles' geometry, shared by the stylesheet's grid (src/styles/site.css, `.tiles`) and the
 * images' `sizes`, so the browser picks an image file for the width a tile is really shown at.
 * Change one, change the other: tests/e2e/showcase.test.ts measures the rendered tiles.
 */
export const TILE_GRID = {
  /** The narrowest a tile gets before the grid drops a column (CSS `minmax(15rem, 1fr)`). */
  minWidth: 240,
  /** The gap between tiles (CSS `1rem`). */
  gap: 16,
  /** The page's side margins together (CSS `.container`: `100% - 2.5rem`). */
  margins: 40,
  /** The widest the content gets (CSS `.container`: `72rem`). */
  maxWidth: 1152,
} as const;

/** How many columns a grid of `count` tiles has in a container `width` px wide (`auto-fit`: no empty tracks). */
export function tileColumns(width: number, count: number): number {
  const { minWidth, gap } = TILE_GRID;
  const fits = Math.max(1, Math.floor((width + gap) / (minWidth + gap)));
  return Math.max(1, Math.min(fits, count));
}

/**
 * The `sizes` attribute of a tile image in a grid of `count` tiles: for each viewport width at which
 * the number of columns changes, the width one tile is shown at, widest first.
 */
export function tileSizes(count: number): string {
  const { minWidth, gap, margins, maxWidth } = TILE_GRID;
  const widest = tileColumns(maxWidth, count);
  const parts: string[] = [`(min-width: ${maxWidth + margins}px) ${Math.floor((maxWidth - gap * (widest - 1)) / widest)}px`];
  for (let columns = widest; columns > 1; columns--) {
    // The narrowest viewport that still fits `columns` tiles of the minimum width.
    const viewport = columns * minWidth + (columns - 1) * gap + margins;
    parts.push(`(min-width: ${viewport}px) calc((100vw - ${margins + gap * (columns - 1)}px) / ${columns})`);
  }
  parts.push(`calc(100vw - ${margins}px)`);
  return parts.join(', ');
}

/** The image widths to make for a tile: enough for every width `tileSizes` names, at 1x and 2x. */
export function tileWidths(fileWidth: number): number[] {
  const wanted = [320, 480, 640, 960, 1280];
  const widths = wanted.filter((width) => width < fileWidth);
  return [...widths, Math.min(fileWidth, 1280)].filter((width, index, all) => all.indexOf(width) === index);
}

/**
 * Up to two letters for a record without an image: the first letters of its first two capitalised
 * words (`Georgia Tech` is `GT`), else of its first two words, in upper case.
 */
export function initials(name: string): string {
  const words = name.match(/[\p{L}\p{N}]+/gu) ?? [];
  const capitalised = words.filter((word) => /^[\p{Lu}\p{N}]/u.test(word));
  const chosen = [...capitalised, ...words.filter((word) => !capitalised.includes(word))].slice(0, 2);
  return chosen.map((word) => [...word][0] ?? '').join('').toUpperCase();
}
