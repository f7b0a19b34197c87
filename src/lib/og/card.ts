import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { CARD_HEIGHT, CARD_WIDTH } from './card-path.ts';

/**
 * A page's social card: a 1200 × 630 PNG with the page's title, its summary or description, the
 * record's image when it has one, and the site's name. Drawn by satori (layout and text to SVG paths)
 * and sharp (SVG to PNG), with the Inter font from @fontsource/inter (satori reads WOFF, not WOFF2).
 */
export interface CardFacts {
  /** The title and description as the card shows them: cut to `CARD_TEXT_MAX` (see `asShown` in card-facts.ts). */
  title: string;
  description?: string | undefined;
  /** The record's image file (PNG or JPEG), absolute path. */
  image?: string | undefined;
  siteName: string;
}

/** The longest title and description a card has room for. */
export const CARD_TEXT_MAX = { title: 80, description: 150 } as const;

/** The most a card may weigh: link previewers fetch it on every share. */
export const CARD_MAX_BYTES = 100_000;

/** Bumped when the drawing changes, so cached cards made by older code are made again. */
const CARD_VERSION = 3;

/** Colours of the site's dark scheme (src/styles/site.css), so a card looks like the site. */
const COLOURS = { background: '#0f1420', surface: '#182032', text: '#e6e9ef', muted: '#aab3c5', accent: '#93c5fd' } as const;

const require = createRequire(import.meta.url);
let fonts: { name: string; data: Buffer; weight: 400 | 700; style: 'normal' }[] | undefined;
function loadFonts() {
  fonts ??= ([400, 700] as const).map((weight) => ({
    name: 'Inter',
    data: readFileSync(require.resolve(`@fontsource/inter/files/inter-latin-${weight}-normal.woff`)),
    weight,
    style: 'normal' as const,
  }));
  return fonts;
}

/** Whether satori can draw the file: PNG and JPEG. */
export const DRAWABLE_IMAGE = /\.(png|jpe?g)$/i;

/** The cache key of a card: what it shows (the image by its bytes) and the code that draws it. */
export function cardKey(facts: CardFacts): string {
  const hash = createHash('sha256').update(JSON.stringify([CARD_VERSION, facts.title, facts.description ?? '', facts.siteName]));
  if (facts.image) hash.update(readFileSync(facts.image));
  return hash.digest('hex').slice(0, 32);
}

type Node = { type: string; props: { style?: Record<string, unknown>; children?: unknown; [key: string]: unknown } };
const box = (style: Record<string, unknown>, children?: unknown): Node => ({ type: 'div', props: { style: { display: 'flex', ...style }, children } });

function imageUrl(file: string): string {
  const type = /\.png$/i.test(file) ? 'image/png' : 'image/jpeg';
  return `data:${type};base64,${readFileSync(file).toString('base64')}`;
}

const PADDING = 72;
const GAP = 64;
const IMAGE_SIZE = 380;

function layout(facts: CardFacts): Node {
  const { title, description } = facts;
  // Explicit sizes: satori wraps text at its box's width, and a flex box does not always pass one down.
  const textWidth = CARD_WIDTH - 2 * PADDING - (facts.image ? IMAGE_SIZE + GAP : 0);
  const text = box({ flexDirection: 'column', width: textWidth, height: CARD_HEIGHT - 2 * PADDING, justifyContent: 'space-between' }, [
    box({ flexDirection: 'column', width: textWidth }, [
      box({ width: 72, height: 8, borderRadius: 4, background: COLOURS.accent, marginBottom: 40 }),
      box({ fontSize: title.length > 40 ? 56 : 68, fontWeight: 700, lineHeight: 1.1, color: COLOURS.text, letterSpacing: -1, width: textWidth }, title),
      ...(description ? [box({ fontSize: 32, lineHeight: 1.4, color: COLOURS.muted, marginTop: 28, width: textWidth }, description)] : []),
    ]),
    box({ fontSize: 30, fontWeight: 700, color: COLOURS.accent }, facts.siteName),
  ]);
  const image = facts.image
    ? [
        box({ width: IMAGE_SIZE, height: IMAGE_SIZE, alignSelf: 'center', borderRadius: 28, overflow: 'hidden', background: COLOURS.surface }, [
          {
            type: 'img',
            props: { src: imageUrl(facts.image), width: IMAGE_SIZE, height: IMAGE_SIZE, style: { objectFit: 'cover', width: IMAGE_SIZE, height: IMAGE_SIZE } },
          },
        ]),
      ]
    : [];
  return box(
    { width: CARD_WIDTH, height: CARD_HEIGHT, boxSizing: 'border-box', padding: PADDING, gap: GAP, background: COLOURS.background, fontFamily: 'Inter' },
    [text, ...image],
  );
}

/** The card as an SVG (satori: layout, and text as paths). */
export async function cardSvg(facts: CardFacts): Promise<string> {
  const { default: satori } = await import('satori');
  return satori(layout(facts) as Parameters<typeof satori>[0], { width: CARD_WIDTH, height: CARD_HEIGHT, fonts: loadFonts() });
}

/**
 * The card's SVG as an RGB PNG. Sharp (librsvg) rasterises and encodes it in about a third of the
 * processor time resvg takes (docs/performance.md); the text is paths, so no font is looked up.
 */
export async function svgPng(svg: string): Promise<Buffer> {
  const { default: sharp } = await import('sharp');
  return sharp(Buffer.from(svg)).removeAlpha().png({ compressionLevel: 6 }).toBuffer();
}

/** The card as a PNG, within `CARD_MAX_BYTES`: a card with a photo is quantised to a palette when it would weigh more. */
export async function renderCard(facts: CardFacts): Promise<Buffer> {
  // Loaded only when a card is drawn: a build whose cards are all cached spends nothing on them.
  const png = await svgPng(await cardSvg(facts));
  if (png.length <= CARD_MAX_BYTES) return png;
  const { default: sharp } = await import('sharp');
  for (const colours of [256, 128, 64]) {
    const smaller = await sharp(png).png({ palette: true, colours, compressionLevel: 9 }).toBuffer();
    if (smaller.length <= CARD_MAX_BYTES) return smaller;
  }
  return sharp(png).png({ palette: true, colours: 32, compressionLevel: 9, dither: 0 }).toBuffer();
}
