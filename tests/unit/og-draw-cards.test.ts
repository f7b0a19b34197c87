import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { CARD_MAX_BYTES, CARD_TEXT_MAX, type CardFacts } from '../../src/lib/og/card.ts';
import { asShown } from '../../src/lib/og/card-facts.ts';
import { drawCards } from '../../src/lib/og/draw-cards.ts';

const ROOT = join(fileURLToPath(new URL('../..', import.meta.url)), 'tests', '.output', 'og-draw-cards');
const PHOTO = fileURLToPath(new URL('../fixtures/showcase/public/images/work/circuit.png', import.meta.url));

/** A PNG's signature, width and height (its IHDR chunk). */
const pngHeader = (bytes: Buffer) => ({ signature: bytes.subarray(1, 4).toString('latin1'), width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) });

const CARDS: [string, CardFacts][] = [
  ['/og/a.png', { title: 'Acme', description: 'Built the pipeline (2019–2021)', siteName: 'Ada' }],
  ['/og/b.png', { title: 'Orbital Labs', description: 'Ground station scheduler', image: PHOTO, siteName: 'Ada' }],
  ['/og/c.png', { title: 'Acme', description: 'Built the pipeline (2019–2021)', siteName: 'Ada' }],
];

beforeEach(() => rmSync(ROOT, { recursive: true, force: true }));

describe('drawCards', () => {
  it('draws each distinct card once, as a 1200 × 630 PNG within the weight previews fetch', async () => {
    const { files, drawn } = await drawCards(CARDS, join(ROOT, 'one'));
    expect(drawn).toBe(2);
    expect(files.get('/og/a.png')).toBe(files.get('/og/c.png'));
    expect(readdirSync(join(ROOT, 'one')).sort()).toEqual([...new Set(files.values())].map((file) => file.slice(file.lastIndexOf('/') + 1)).sort());
    for (const file of new Set(files.values())) {
      const bytes = readFileSync(file);
      expect(pngHeader(bytes)).toEqual({ signature: 'PNG', width: 1200, height: 630 });
      expect(bytes.length).toBeLessThan(CARD_MAX_BYTES);
    }
    expect(await drawCards(CARDS, join(ROOT, 'one'))).toEqual({ files, drawn: 0 });
  });

  it('draws the same bytes from the same facts', async () => {
    const first = await drawCards(CARDS, join(ROOT, 'one'));
    const second = await drawCards([...CARDS].reverse(), join(ROOT, 'two'));
    for (const [path, file] of first.files) expect(readFileSync(second.files.get(path) ?? ''), path).toEqual(readFileSync(file));
  });
});

describe('asShown', () => {
  it('cuts the title and description to the room the card has, on a word', () => {
    const long = 'word '.repeat(60).trim();
    const shown = asShown({ title: long, description: long, siteName: 'Ada' });
    expect(shown.title.length).toBeLessThanOrEqual(CARD_TEXT_MAX.title);
    expect(shown.description?.length).toBeLessThanOrEqual(CARD_TEXT_MAX.description);
    expect(shown.title).toMatch(/^word( word)*…$/);
    expect(asShown({ title: 'Acme', description: '', siteName: 'Ada' })).toEqual({ title: 'Acme', description: undefined, siteName: 'Ada' });
  });
});
