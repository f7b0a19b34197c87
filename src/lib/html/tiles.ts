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

/** How many tiles of the minimum width fit side by side in a container `width` px wide. */
export function tileColumns(width: number): number {
  const { minWidth, gap } = TILE_GRID;
  return Math.max(1, Math.floor((width + gap) / (minWidth + gap)));
}

/**
 * How many tiles share the row of tile `index` (from 0) among `count`, with `columns` to a row: the
 * rows fill in order, and the tiles of a last row that is not full grow to fill it.
 */
export function tilesInRow(count: number, index: number, columns: number): number {
  const lastRowStart = Math.floor((count - 1) / columns) * columns;
  return index >= lastRowStart ? count - lastRowStart : columns;
}

/**
 * The `sizes` attribute of tile `index` in a grid of `count` tiles: for each viewport width at which
 * the number of columns changes, the width this tile is shown at, widest viewport first.
 */
export function tileSizes(count: number, index: number): string {
  const { minWidth, gap, margins, maxWidth } = TILE_GRID;
  const widest = tileColumns(maxWidth);
  const across = (columns: number) => tilesInRow(count, index, columns);
  const atMost = across(widest);
  const parts: string[] = [`(min-width: ${maxWidth + margins}px) ${Math.floor((maxWidth - gap * (atMost - 1)) / atMost)}px`];
  for (let columns = widest; columns > 1; columns--) {
    // The narrowest viewport that still fits `columns` tiles of the minimum width.
    const viewport = columns * minWidth + (columns - 1) * gap + margins;
    const row = across(columns);
    parts.push(`(min-width: ${viewport}px) calc((100vw - ${margins + gap * (row - 1)}px) / ${row})`);
  }
  parts.push(`calc(100vw - ${margins}px)`);
  return parts.join(', ');
}

/** The image widths to make for a tile: enough for every width `tileSizes` names, at 1x and 2x. */
export function tileWidths(fileWidth: number): number[] {
  const wanted = [320, 640, 960, 1280];
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
  return chosen
    .map((word) => [...word][0] ?? '')
    .join('')
    .toUpperCase();
}
