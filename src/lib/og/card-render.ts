import { promisify } from 'node:util';
import { constants, crc32, deflate, deflateSync } from 'node:zlib';
import type { Sharp } from 'sharp';
import { CARD_MAX_BYTES, type CardFacts } from './card.ts';
import { BAR, cardLayout, COLOURS, IMAGE_RADIUS, IMAGE_SIZE, interFont, type CardLayout, type Colour, type PlacedText, type TextStyle } from './card-layout.ts';
import { CARD_HEIGHT, CARD_WIDTH } from './card-path.ts';
import { fill, roundedRectangle, type Mask } from './raster.ts';

/**
 * Draws a card and encodes it once. Everything but the record's image is the background or one of
 * three inks over it, so a card is drawn as a palette image: each pixel says which ink covers it and
 * how much. What every card of a site shares (the background, the accent bar, the site's name) is
 * drawn once; each glyph of the titles and descriptions is rasterised once per build from its
 * outline (raster.ts), for each of four positions between two pixels, and painted in. A card
 * without an image is written as an 8-bit palette PNG by zlib; one with an image becomes RGB, gets
 * the image (scaled by sharp) through a mask with rounded corners, and is encoded by sharp. This
 * replaces an SVG of the whole card laid out by satori and rasterised by librsvg for each card, which
 * cost most of a card's time (docs/performance.md).
 */

/** Glyphs are placed to a quarter of a pixel: closer than the eye can tell, four masks per glyph at most. */
const PHASES = 4;

/** The colours drawn over the background, each with `LEVELS` steps of coverage: 1 + 3 × 85 = 256 palette entries. */
const INKS: readonly Colour[] = ['text', 'muted', 'accent'];
const LEVELS = 85;
const STEP = 255 / LEVELS;

/** A PNG row of the card: its filter byte (0: none), then one palette index per pixel. */
const ROW = CARD_WIDTH + 1;

const rgb = (colour: Colour): [number, number, number] => {
  const hex = COLOURS[colour];
  return [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16)) as [number, number, number];
};

/** A colour `coverage` (0–255) of the way from `under` to `over`, as a rasteriser blends a fill. */
const mix = (under: number, over: number, coverage: number) => Math.trunc((under * (255 - coverage) + over * coverage + 127) / 255);

/** Palette index 0 is the background; index `ink × 85 + level` is that ink at that level of coverage. */
const PALETTE = (() => {
  const palette = Buffer.alloc(256 * 3);
  const background = rgb('background');
  palette.set(background, 0);
  INKS.forEach((ink, inkIndex) => {
    const colour = rgb(ink);
    for (let level = 1; level <= LEVELS; level++) {
      const coverage = Math.round(level * STEP);
      palette.set(
        colour.map((channel, at) => mix(background[at]!, channel, coverage)),
        (inkIndex * LEVELS + level) * 3,
      );
    }
  });
  return palette;
})();

/** Paints a mask in an ink into the palette image at (left, top): coverage adds up over the same ink; over another, the stronger one wins. */
function paint(indices: Buffer, mask: Mask, left: number, top: number, ink: number): void {
  const first = ink * LEVELS;
  for (let row = Math.max(0, -top); row < mask.height && top + row < CARD_HEIGHT; row++) {
    for (let column = Math.max(0, -left); column < mask.width && left + column < CARD_WIDTH; column++) {
      const coverage = mask.alpha[row * mask.width + column]!;
      const level = Math.round(coverage / STEP);
      if (level === 0) continue;
      const at = (top + row) * ROW + 1 + left + column;
      const current = indices[at]!;
      if (current === 0) indices[at] = first + level;
      else if (current > first && current <= first + LEVELS) {
        const under = (current - first) * STEP;
        indices[at] = first + Math.round((under + (coverage * (255 - under)) / 255) / STEP);
      } else if (coverage >= 128) indices[at] = first + level;
    }
  }
}

const masks = new Map<string, Mask>();

/** Where a placed glyph's mask goes: the pen's pixel and which of the quarter positions. */
function pen(x: number): { pixel: number; phase: number } {
  const quarters = Math.round(x * PHASES);
  const pixel = Math.floor(quarters / PHASES);
  return { pixel, phase: quarters - pixel * PHASES };
}

/** A glyph's contours in pixels, the pen at `x` on the baseline `baseline`. */
function glyphContours(style: TextStyle, glyph: number, x: number, baseline: number) {
  const font = interFont(style.weight);
  const scale = style.size / font.unitsPerEm;
  return font.outline(glyph).map((contour) => contour.map((point) => ({ x: x + point.x * scale, y: baseline - point.y * scale, onCurve: point.onCurve })));
}

/** A glyph's coverage with the pen at a quarter position of pixel 0 on baseline 0, made once. */
function glyphMask(style: TextStyle, glyph: number, phase: number): Mask {
  const key = `${style.weight}/${style.size}/${glyph}/${phase}`;
  let mask = masks.get(key);
  if (!mask) {
    mask = fill(glyphContours(style, glyph, phase / PHASES, 0));
    masks.set(key, mask);
  }
  return mask;
}

function inkOf(colour: Colour): number {
  const ink = INKS.indexOf(colour);
  if (ink === -1) throw new Error(`The social card's palette has no ${colour} ink: add it to INKS (at most three fit).`);
  return ink;
}

/** The background, the accent bar and the site's name, as palette rows: drawn once per site name and place. */
const bases = new Map<string, Buffer>();
function base(siteName: PlacedText): Buffer {
  const key = siteName.glyphs.map(({ glyph, x, baseline }) => `${glyph}:${x}:${baseline}`).join(',');
  let indices = bases.get(key);
  if (!indices) {
    indices = Buffer.alloc(ROW * CARD_HEIGHT);
    const bar = fill([roundedRectangle(BAR.x, BAR.y, BAR.width, BAR.height, BAR.radius)]);
    paint(indices, bar, bar.left, bar.top, inkOf('accent'));
    // The name at its exact places, as one shape: drawn once, it need not be rounded to quarter pixels.
    const name = siteName.glyphs.flatMap(({ glyph, x, baseline }) => glyphContours(siteName.style, glyph, x, baseline));
    const mask = fill(name);
    paint(indices, mask, mask.left, mask.top, inkOf(siteName.style.colour));
    bases.set(key, indices);
  }
  return indices;
}

const texts = (layout: CardLayout) => [layout.title, ...(layout.description ? [layout.description] : [])];

/** The card's text, bar and background as palette rows (`ROW` bytes each, filter byte first). */
function cardIndices(layout: CardLayout, indices: Buffer): Buffer {
  base(layout.siteName).copy(indices);
  for (const text of texts(layout)) {
    const ink = inkOf(text.style.colour);
    for (const { glyph, x, baseline } of text.glyphs) {
      const { pixel, phase } = pen(x);
      const mask = glyphMask(text.style, glyph, phase);
      if (mask.width > 0) paint(indices, mask, pixel + mask.left, baseline + mask.top, ink);
    }
  }
  return indices;
}

const deflated = promisify(deflate);

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const check = Buffer.alloc(4);
  check.writeUInt32BE(crc32(data, crc32(type)));
  return Buffer.concat([head, data, check]);
}

/** The palette rows as an 8-bit palette PNG, compressed by zlib off this thread unless `blocking`. */
async function palettePng(indices: Buffer, blocking: boolean): Promise<Buffer> {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(CARD_WIDTH, 0);
  header.writeUInt32BE(CARD_HEIGHT, 4);
  header.set([8, 3, 0, 0, 0], 8);
  // Runs of one byte only (the background, mostly): a third of level 6's time for a few kB more (docs/performance.md).
  const options = { strategy: constants.Z_RLE };
  const data = blocking ? deflateSync(indices, options) : await deflated(indices, options);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('PLTE', PALETTE),
    chunk('IDAT', data),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const loadSharp = async () => (await import('sharp')).default;

/** The image's square with its rounded corners, as coverage. */
let corners: Mask | undefined;
const imageMask = () => (corners ??= fill([roundedRectangle(0, 0, IMAGE_SIZE, IMAGE_SIZE, IMAGE_RADIUS)]));

/** A record's image the card cannot read: the owner's file to fix, not a fault of the drawing. */
export class CardImageError extends Error {
  readonly file: string;
  constructor(file: string, reason: string) {
    super(`could not be read for the social card (${reason}). Export it again as a PNG or JPEG, under 268 megapixels.`);
    this.name = 'CardImageError';
    this.file = file;
  }
}

/** The record's image cut to the square (`object-fit: cover`), transparency over the surface colour, as RGB pixels. */
async function imagePixels(sharp: (input: string) => Sharp, file: string): Promise<Buffer> {
  try {
    return await squarePixels(sharp, file);
  } catch (error) {
    throw new CardImageError(file, error instanceof Error ? error.message : String(error));
  }
}

async function squarePixels(sharp: (input: string) => Sharp, file: string): Promise<Buffer> {
  // Upright as the page shows it: Astro's image service turns a photo by its EXIF orientation too.
  const { data, info } = await sharp(file)
    .rotate()
    .resize(IMAGE_SIZE, IMAGE_SIZE, { fit: 'cover' })
    .flatten({ background: COLOURS.surface })
    .toColourspace('srgb')
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  if (info.channels !== 3) throw new Error(`The social card could not read ${file} as an RGB image.`);
  return data;
}

/** The palette rows as RGB pixels with the square image drawn in through its rounded mask (after the text, which it covers as the image box follows the text column). */
function withImage(indices: Buffer, image: Buffer, atX: number, atY: number): Buffer {
  const pixels = Buffer.allocUnsafe(CARD_WIDTH * CARD_HEIGHT * 3);
  for (let row = 0, at = 0; row < CARD_HEIGHT; row++) {
    for (let column = 0; column < CARD_WIDTH; column++, at += 3) {
      const colour = indices[row * ROW + 1 + column]! * 3;
      [pixels[at], pixels[at + 1], pixels[at + 2]] = [PALETTE[colour]!, PALETTE[colour + 1]!, PALETTE[colour + 2]!];
    }
  }
  const mask = imageMask();
  for (let row = 0; row < IMAGE_SIZE; row++) {
    for (let column = 0; column < IMAGE_SIZE; column++) {
      const coverage = mask.alpha[row * mask.width + column]!;
      if (coverage === 0) continue;
      const at = ((atY + row) * CARD_WIDTH + atX + column) * 3;
      const from = (row * IMAGE_SIZE + column) * 3;
      for (let channel = 0; channel < 3; channel++) pixels[at + channel] = mix(pixels[at + channel]!, image[from + channel]!, coverage);
    }
  }
  return pixels;
}

const rawCard = { raw: { width: CARD_WIDTH, height: CARD_HEIGHT, channels: 3 } } as const;

/** An RGB card as a PNG within `CARD_MAX_BYTES`: quantised to a palette when a photo makes it weigh more. */
async function rgbPng(pixels: Buffer): Promise<Buffer> {
  const sharp = await loadSharp();
  const png = await sharp(pixels, rawCard).png({ compressionLevel: 6 }).toBuffer();
  if (png.length <= CARD_MAX_BYTES) return png;
  for (const colours of [256, 128, 64]) {
    const smaller = await sharp(pixels, rawCard).png({ palette: true, colours, compressionLevel: 9 }).toBuffer();
    if (smaller.length <= CARD_MAX_BYTES) return smaller;
  }
  return sharp(pixels, rawCard).png({ palette: true, colours: 32, compressionLevel: 9, dither: 0 }).toBuffer();
}

/** Palette rows of cards already encoded, for the next ones: fresh memory for each card costs more in page faults than drawing it. */
const spare: Buffer[] = [];
const SPARE_BUFFERS = 4;

/**
 * The card as a PNG of 1200 × 630, within `CARD_MAX_BYTES`. `blocking` where the thread is the
 * cards' own (a worker's): zlib then runs on it rather than as a round trip to the thread pool.
 */
export async function renderCard(facts: CardFacts, { blocking = false } = {}): Promise<Buffer> {
  const layout = cardLayout(facts);
  // Scaled by sharp on its threads while this thread draws the text.
  const image = layout.image && facts.image ? imagePixels(await loadSharp(), facts.image) : undefined;
  image?.catch(() => undefined);
  const indices = cardIndices(layout, spare.pop() ?? Buffer.allocUnsafe(ROW * CARD_HEIGHT));
  try {
    if (!layout.image || !image) return await palettePng(indices, blocking);
    return await rgbPng(withImage(indices, await image, layout.image.x, layout.image.y));
  } finally {
    if (spare.length < SPARE_BUFFERS) spare.push(indices);
  }
}
