import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import LineBreaker from 'linebreak';
import { CARD_HEIGHT, CARD_WIDTH } from './card-path.ts';
import { readFont, type Font } from './font.ts';

/**
 * Where everything on a social card goes: a text column (accent bar, title, description, and the
 * site's name at the bottom) and the record's image on the right. The text is laid out as a browser
 * (and satori, which drew the cards before) lays out these boxes: Inter's advances and pair kerning,
 * lines broken where Unicode allows (UAX #14) once a word passes the column's width, each line's
 * baseline placed by CSS's rules for its line height.
 */

/** Colours of the site's dark scheme (src/styles/site.css), so a card looks like the site. */
export const COLOURS = { background: '#0f1420', surface: '#182032', text: '#e6e9ef', muted: '#aab3c5', accent: '#93c5fd' } as const;
export type Colour = keyof typeof COLOURS;

export const PADDING = 72;
const GAP = 64;
export const IMAGE_SIZE = 380;
export const IMAGE_RADIUS = 28;
/** The accent bar above the title. */
export const BAR = { x: PADDING, y: PADDING, width: 72, height: 8, radius: 4 } as const;
const BAR_MARGIN = 40;
const DESCRIPTION_MARGIN = 28;

export interface TextStyle {
  weight: 400 | 700;
  size: number;
  /** A multiple of the size, or undefined for `normal` (the font's ascender and descender). */
  lineHeight?: number;
  letterSpacing: number;
  colour: Colour;
}

const titleStyle = (title: string): TextStyle => ({ weight: 700, size: title.length > 40 ? 56 : 68, lineHeight: 1.1, letterSpacing: -1, colour: 'text' });
const DESCRIPTION: TextStyle = { weight: 400, size: 32, lineHeight: 1.4, letterSpacing: 0, colour: 'muted' };
export const SITE_NAME: TextStyle = { weight: 700, size: 30, letterSpacing: 0, colour: 'accent' };

/** A glyph on the card: its pen position (x may fall between pixels) on a whole-pixel baseline. */
export interface PlacedGlyph {
  glyph: number;
  x: number;
  baseline: number;
}

export interface PlacedText {
  style: TextStyle;
  glyphs: PlacedGlyph[];
}

export interface CardLayout {
  title: PlacedText;
  description?: PlacedText | undefined;
  siteName: PlacedText;
  /** The image's square, when the card has one. */
  image?: { x: number; y: number; size: number } | undefined;
}

const require = createRequire(import.meta.url);
const fonts = new Map<400 | 700, Font>();

/**
 * Inter's subsets as @fontsource ships them, Latin first: a letter outside it (ł, ř, ễ, Cyrillic,
 * Greek) is drawn from the subset that has it, read the first time a card needs one.
 */
const SUBSETS = ['latin', 'latin-ext', 'vietnamese', 'cyrillic', 'cyrillic-ext', 'greek', 'greek-ext'] as const;

/** A glyph of the combined font: its subset in the high bits, its glyph in that subset in the low 16. */
const SUBSET_SHIFT = 16;

/** Inter at a weight, all its subsets as one font, read once per process (from @fontsource/inter's WOFF files). */
export function interFont(weight: 400 | 700): Font {
  let font = fonts.get(weight);
  if (!font) {
    const subsets: Font[] = [];
    const subset = (index: number): Font =>
      (subsets[index] ??= readFont(readFileSync(require.resolve(`@fontsource/inter/files/inter-${SUBSETS[index]}-${weight}-normal.woff`))));
    const of = (glyph: number) => ({ font: subset(glyph >>> SUBSET_SHIFT), glyph: glyph & 0xffff });
    const latin = subset(0);
    font = {
      unitsPerEm: latin.unitsPerEm,
      ascender: latin.ascender,
      descender: latin.descender,
      glyphOf: (codePoint) => {
        for (let index = 0; index < SUBSETS.length; index++) {
          const glyph = subset(index).glyphOf(codePoint);
          if (glyph !== 0) return (index << SUBSET_SHIFT) | glyph;
        }
        return 0;
      },
      advance: (glyph) => of(glyph).font.advance(of(glyph).glyph),
      // Pairs are kerned within a subset only, as a browser kerns within one font file.
      kerning: (left, right) => (left >>> SUBSET_SHIFT === right >>> SUBSET_SHIFT ? of(left).font.kerning(left & 0xffff, right & 0xffff) : 0),
      outline: (glyph) => of(glyph).font.outline(of(glyph).glyph),
    };
    fonts.set(weight, font);
  }
  return font;
}

/** A line box's height and its baseline from its top, rounded as Chromium (and satori) round them. */
function lineMetrics(font: Font, style: TextStyle): { height: number; baseline: number } {
  const scale = style.size / font.unitsPerEm;
  const exact = style.lineHeight === undefined ? (font.ascender - font.descender) * scale : style.size * style.lineHeight;
  const ascent = Math.round(font.ascender * scale);
  const descent = Math.round(-font.descender * scale);
  return { height: Math.round(exact), baseline: ascent + Math.floor((exact - ascent - descent) / 2) };
}

// One locale, not the machine's: the same text gives the same card everywhere.
const words = new Intl.Segmenter('en', { granularity: 'word' });
const letters = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** A run of text shaped on one line: each glyph's offset from the run's start, and the run's width. */
function shape(font: Font, style: TextStyle, text: string): { glyphs: { glyph: number; x: number }[]; width: number } {
  const scale = style.size / font.unitsPerEm;
  const ids = [...text].map((char) => font.glyphOf(char.codePointAt(0) ?? 0));
  const glyphs: { glyph: number; x: number }[] = [];
  let x = 0;
  ids.forEach((glyph, index) => {
    glyphs.push({ glyph, x });
    const next = ids[index + 1];
    // Letter spacing follows every character, the last one included, as in browsers.
    x += (font.advance(glyph) + (next === undefined ? 0 : font.kerning(glyph, next))) * scale + style.letterSpacing;
  });
  return { glyphs, width: x };
}

/**
 * Text in a column `width` px wide from (left, top): broken into lines between words (a word that
 * passes the width starts the next line), each word's pieces (Intl.Segmenter's words) shaped apart,
 * as satori placed them, so the cards keep their spacing. A word wider than the column on its own (a
 * long URL) starts a line and is broken between its letters, as CSS's `overflow-wrap: break-word`
 * breaks it, rather than running off the card. Returns the glyphs and the height of the lines.
 */
export function layText(text: string, style: TextStyle, left: number, top: number, width: number): { text: PlacedText; height: number } {
  const font = interFont(style.weight);
  const { height: lineHeight, baseline } = lineMetrics(font, style);
  // Composed (an accent typed apart sits on its letter, as one glyph), without the marks no font draws (a
  // soft hyphen, an emoji's variation selector, a joiner), which would each show the missing-glyph box.
  const collapsed = text
    .normalize('NFC')
    .replace(/\p{Default_Ignorable_Code_Point}/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
  const glyphs: PlacedGlyph[] = [];
  let [line, lineWidth] = [0, 0];
  const place = (pieces: Iterable<{ segment: string }>) => {
    let x = left + lineWidth;
    for (const { segment } of pieces) {
      const piece = shape(font, style, segment);
      for (const glyph of piece.glyphs) glyphs.push({ glyph: glyph.glyph, x: x + glyph.x, baseline: top + line * lineHeight + baseline });
      x += piece.width;
    }
  };
  const breaker = new LineBreaker(collapsed);
  let start = 0;
  for (let found = breaker.nextBreak(); found; found = breaker.nextBreak()) {
    const word = collapsed.slice(start, found.position);
    const { width: wordWidth } = shape(font, style, word);
    // Spaces that end a word may hang past the column's edge.
    const trailing = wordWidth - shape(font, style, word.trimEnd()).width;
    if (start > 0 && lineWidth + wordWidth > width + trailing) [line, lineWidth] = [line + 1, 0];
    if (wordWidth - trailing <= width) {
      place(words.segment(word));
      lineWidth += wordWidth;
    } else {
      for (const letter of letters.segment(word)) {
        const letterWidth = shape(font, style, letter.segment).width;
        if (lineWidth > 0 && letter.segment !== ' ' && lineWidth + letterWidth > width) [line, lineWidth] = [line + 1, 0];
        place([letter]);
        lineWidth += letterWidth;
      }
    }
    start = found.position;
  }
  return { text: { style, glyphs }, height: collapsed ? (line + 1) * lineHeight : 0 };
}

/** Where the site's name goes: the foot of the text column, the same on every card of a site. */
export function siteNameLayout(siteName: string, top = CARD_HEIGHT - PADDING - lineMetrics(interFont(SITE_NAME.weight), SITE_NAME).height): PlacedText {
  return layText(siteName, SITE_NAME, PADDING, top, CARD_WIDTH - 2 * PADDING).text;
}

/** The card's layout for its title, description and image. */
export function cardLayout(facts: { title: string; description?: string | undefined; image?: string | undefined; siteName: string }): CardLayout {
  const textWidth = CARD_WIDTH - 2 * PADDING - (facts.image ? IMAGE_SIZE + GAP : 0);
  const titleTop = BAR.y + BAR.height + BAR_MARGIN;
  const title = layText(facts.title, titleStyle(facts.title), PADDING, titleTop, textWidth);
  const description = facts.description ? layText(facts.description, DESCRIPTION, PADDING, titleTop + title.height + DESCRIPTION_MARGIN, textWidth) : undefined;
  const textBottom = titleTop + title.height + (description ? DESCRIPTION_MARGIN + description.height : 0);
  const siteHeight = lineMetrics(interFont(SITE_NAME.weight), SITE_NAME).height;
  // The column spreads its two parts apart; text too long for it pushes the name down (CSS's space-between).
  const siteTop = Math.max(CARD_HEIGHT - PADDING - siteHeight, textBottom);
  return {
    title: title.text,
    description: description?.text,
    siteName: siteNameLayout(facts.siteName, siteTop),
    image: facts.image ? { x: CARD_WIDTH - PADDING - IMAGE_SIZE, y: (CARD_HEIGHT - IMAGE_SIZE) / 2, size: IMAGE_SIZE } : undefined,
  };
}
