import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { cardLayout, COLOURS, interFont, layText, PADDING } from '../../src/lib/og/card-layout.ts';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CardImageError, renderCard } from '../../src/lib/og/card-render.ts';

const PHOTO = fileURLToPath(new URL('../fixtures/showcase/public/images/work/circuit.png', import.meta.url));

const TITLE = { weight: 700, size: 56, lineHeight: 1.1, letterSpacing: -1, colour: 'text' } as const;

/** The baselines of a laid-out text's lines. */
function lines(text: string, width: number): number[] {
  const { text: placed } = layText(text, TITLE, 0, 0, width);
  return [...new Set(placed.glyphs.map((glyph) => glyph.baseline))];
}

describe('text the owner typed', () => {
  it('draws letters beyond Latin from the font subset that has them, not as the missing-glyph box', () => {
    for (const weight of [400, 700] as const) {
      const font = interFont(weight);
      for (const letter of 'ŁřễЖΩ') {
        const glyph = font.glyphOf(letter.codePointAt(0)!);
        expect(glyph, `${letter} at ${weight}`).not.toBe(0);
        expect(font.outline(glyph).length, `${letter} at ${weight}`).toBeGreaterThan(0);
        expect(font.advance(glyph), `${letter} at ${weight}`).toBeGreaterThan(0);
      }
      // A letter no subset has (CJK) is still the one missing-glyph box.
      expect(font.glyphOf(0x4e2d)).toBe(0);
    }
  });

  it('draws an accent typed apart as the composed letter, and leaves out marks no font draws', () => {
    const placed = (text: string) => layText(text, TITLE, 0, 0, 1000).text.glyphs.map((glyph) => [glyph.glyph, Math.round(glyph.x * 100)]);
    expect(placed('Cafe\u0301')).toEqual(placed('Caf\u00e9'));
    expect(placed('I \u2764\ufe0f Rust')).toEqual(placed('I \u2764 Rust'));
    expect(placed('co\u00adoperate')).toEqual(placed('cooperate'));
  });
});

describe('the card font', () => {
  it('kerns pairs as the font says (AV closer than A and V apart)', () => {
    const font = interFont(700);
    const [a, v] = [font.glyphOf(0x41), font.glyphOf(0x56)];
    expect(font.kerning(a, v)).toBeLessThan(0);
    const { text } = layText('AV', TITLE, 0, 0, 1000);
    const scale = TITLE.size / font.unitsPerEm;
    expect(text.glyphs[1]!.x).toBeCloseTo((font.advance(a) + font.kerning(a, v)) * scale + TITLE.letterSpacing, 5);
  });
});

describe('the card layout', () => {
  it('breaks lines between words once a word would pass the column, and after a hyphen', () => {
    expect(lines('Orbital Labs', 1056)).toHaveLength(1);
    const narrow = layText('Ground station scheduler for a fleet of satellites', TITLE, 0, 0, 400).text;
    const font = interFont(700);
    const scale = TITLE.size / font.unitsPerEm;
    // No glyph ends past the column, and each line but the first starts at its left edge.
    for (const { glyph, x } of narrow.glyphs) if (font.glyphOf(0x20) !== glyph) expect(x + font.advance(glyph) * scale).toBeLessThanOrEqual(400 + 1);
    const starts = [...new Set(narrow.glyphs.map((glyph) => glyph.baseline))].map((baseline) => narrow.glyphs.find((glyph) => glyph.baseline === baseline)!.x);
    expect(starts.length).toBeGreaterThan(1);
    expect(new Set(starts)).toEqual(new Set([0]));
    // "fan-" may end a line: the hyphen is a break opportunity (UAX #14), as in a browser.
    const hyphen = layText('enhanced fan-out', TITLE, 0, 0, layText('enhanced fan-', TITLE, 0, 0, 1000).text.glyphs.at(-1)!.x + 30).text;
    const second = hyphen.glyphs.filter((glyph) => glyph.baseline > hyphen.glyphs[0]!.baseline);
    expect(second.map((glyph) => glyph.glyph)).toEqual([...'out'].map((char) => font.glyphOf(char.codePointAt(0)!)));
  });

  it('breaks a word wider than the column between its letters, on lines of its own, rather than past the edge', () => {
    const font = interFont(700);
    const scale = TITLE.size / font.unitsPerEm;
    const word = 'Pneumonoultramicroscopicsilicovolcanoconiosis';
    const { text } = layText(`See ${word} today`, TITLE, 0, 0, 400);
    for (const { glyph, x } of text.glyphs) expect(x + font.advance(glyph) * scale, `glyph ${glyph}`).toBeLessThanOrEqual(400 + 1);
    const rows = [...new Set(text.glyphs.map((glyph) => glyph.baseline))].map((baseline) => text.glyphs.filter((glyph) => glyph.baseline === baseline));
    const glyphsOf = (chars: string) => [...chars].map((char) => font.glyphOf(char.codePointAt(0)!));
    // "See " keeps its line; the long word starts the next one and fills lines from their left edge; "today" follows it.
    expect(rows[0]!.map((glyph) => glyph.glyph)).toEqual(glyphsOf('See '));
    expect(rows.slice(1).flatMap((row) => row.map((glyph) => glyph.glyph))).toEqual(glyphsOf(`${word} today`));
    expect(rows.length).toBeGreaterThan(3);
    for (const row of rows.slice(1)) expect(row[0]!.x).toBe(0);
  });

  it('leaves room for the image and puts it on the right, centred', () => {
    const layout = cardLayout({ title: 'Orbital Labs', description: 'Ground station scheduler', image: PHOTO, siteName: 'Ada' });
    expect(layout.image).toEqual({ x: 1200 - PADDING - 380, y: 125, size: 380 });
    expect(cardLayout({ title: 'Orbital Labs', siteName: 'Ada' }).image).toBeUndefined();
  });
});

describe('a drawn card', () => {
  const pixel = (data: Buffer, x: number, y: number) =>
    `#${[0, 1, 2].map((channel) => data[(y * 1200 + x) * 3 + channel]!.toString(16).padStart(2, '0')).join('')}`;

  it('shows the background, the accent bar and the title in the site’s colours where the layout puts them', async () => {
    const facts = { title: 'Orbital Labs', description: 'Ground station scheduler', siteName: 'Ada' };
    const { data } = await sharp(await renderCard(facts))
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect(pixel(data, 5, 5)).toBe(COLOURS.background);
    expect(pixel(data, 100, 76)).toBe(COLOURS.accent);
    // The stem of the title's "L", fully covered, in the text colour.
    const { title } = cardLayout(facts);
    const font = interFont(700);
    const l = title.glyphs.find((glyph) => glyph.glyph === font.glyphOf(0x4c))!;
    expect(pixel(data, Math.round(l.x) + 6, l.baseline - 10)).toBe(COLOURS.text);
  });

  it('shows the record’s image in its square, with rounded corners', async () => {
    const { data } = await sharp(await renderCard({ title: 'Orbital Labs', image: PHOTO, siteName: 'Ada' }))
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    // The corner of the square stays background; its centre is the photo, not the background.
    expect(pixel(data, 748, 125)).toBe(COLOURS.background);
    expect(pixel(data, 748 + 190, 125 + 190)).not.toBe(COLOURS.background);
  });

  it('turns a photo upright by its EXIF orientation, as the page shows it', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'card-exif-'));
    try {
      // Left half red, right half blue, stored sideways: orientation 6 shows it turned a quarter clockwise, red on top.
      const half = (r: number, b: number) => ({ create: { width: 20, height: 20, channels: 3 as const, background: { r, g: 0, b } } });
      const raw = await sharp({ create: { width: 40, height: 20, channels: 3, background: '#000' } })
        .composite([
          { input: await sharp(half(255, 0)).png().toBuffer(), left: 0, top: 0 },
          { input: await sharp(half(0, 255)).png().toBuffer(), left: 20, top: 0 },
        ])
        .jpeg({ quality: 100 })
        .withMetadata({ orientation: 6 })
        .toBuffer();
      const photo = join(folder, 'sideways.jpg');
      writeFileSync(photo, raw);
      const { data } = await sharp(await renderCard({ title: 'Sideways', image: photo, siteName: 'Ada' }))
        .removeAlpha()
        .raw()
        .toBuffer({ resolveWithObject: true });
      const redness = (x: number, y: number) => data[(y * 1200 + x) * 3]! - data[(y * 1200 + x) * 3 + 2]!;
      // Upright: the top of the square is red and the bottom blue, whatever the column.
      expect(redness(748 + 332, 125 + 25)).toBeGreaterThan(100);
      expect(redness(748 + 152, 125 + 355)).toBeLessThan(-100);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('names a record image it cannot read, and what to do', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'card-broken-'));
    try {
      const broken = join(folder, 'broken.png');
      // A PNG's signature and then nothing: it passes a check of the first bytes, not a decoder.
      writeFileSync(broken, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
      const error = await renderCard({ title: 'Broken', image: broken, siteName: 'Ada' }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(CardImageError);
      expect((error as CardImageError).file).toBe(broken);
      expect((error as CardImageError).message).toMatch(
        /^could not be read for the social card \(.+\)\. Export it again as a PNG or JPEG, under 268 megapixels\.$/,
      );
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
