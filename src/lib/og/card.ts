import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * A page's social card: a 1200 × 630 PNG with the page's title, its summary or description, the
 * record's image when it has one, and the site's name, in Inter (@fontsource/inter). Laid out by
 * card-layout.ts, drawn by card-render.ts.
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
const CARD_VERSION = 7;

/** The images a card shows: PNG and JPEG. */
export const DRAWABLE_IMAGE = /\.(png|jpe?g)$/i;

/** The cache key of a card: what it shows (the image by its bytes) and the code that draws it. */
export function cardKey(facts: CardFacts): string {
  const hash = createHash('sha256').update(JSON.stringify([CARD_VERSION, facts.title, facts.description ?? '', facts.siteName]));
  if (facts.image) hash.update(readFileSync(facts.image));
  return hash.digest('hex').slice(0, 32);
}
