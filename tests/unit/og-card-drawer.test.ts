import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CardFacts } from '../../src/lib/og/card.ts';
import { threadDrawer, workerDrawer, type CardDrawer } from '../../src/lib/og/card-drawer.ts';

const ROOT = join(fileURLToPath(new URL('../..', import.meta.url)), 'tests', '.output', 'og-card-drawer');
const PHOTO = fileURLToPath(new URL('../fixtures/showcase/public/images/work/circuit.png', import.meta.url));

const CARDS = new Map<string, CardFacts>([
  ['/og/index.png', { title: 'Ada Lovelace', description: 'Engines, notes and programs', siteName: 'Ada' }],
  ['/og/work/acme.png', { title: 'Acme', description: 'Built the pipeline (2019–2021)', siteName: 'Ada' }],
  ['/og/work/orbital.png', { title: 'Orbital Labs', description: 'Ground station scheduler', image: PHOTO, siteName: 'Ada' }],
  ['/og/blog/ł.png', { title: 'Łukasz Dvořák — Nguyễn Thị Minh', siteName: 'Ada' }],
]);

let worker: CardDrawer | undefined;

beforeAll(async () => {
  rmSync(ROOT, { recursive: true, force: true });
  // As the build does before it starts the worker (card-drawer.ts).
  await import('sharp');
  worker = workerDrawer(join(ROOT, 'worker'));
  worker.hold();
});
afterAll(() => worker?.close());

describe('the cards drawn on a worker thread', () => {
  it('are the bytes this thread draws, in the same files', async () => {
    const here = await (await threadDrawer(join(ROOT, 'thread'))).draw(CARDS);
    const there = await worker!.draw(CARDS);
    expect(there.drawn).toBe(4);
    expect([...there.files.keys()]).toEqual([...CARDS.keys()]);
    for (const [path, file] of here.files) {
      const other = there.files.get(path)!;
      expect(other.slice(other.lastIndexOf('/')), path).toBe(file.slice(file.lastIndexOf('/')));
      expect(readFileSync(other).equals(readFileSync(file)), path).toBe(true);
    }
  });

  it('answers each list in turn, drawing only what is not cached yet', async () => {
    const again = await worker!.draw(CARDS);
    expect(again.drawn).toBe(0);
    const more = await worker!.draw(new Map([['/og/404.png', { title: 'Not found', siteName: 'Ada' }]]));
    expect(more.drawn).toBe(1);
  });

  it('names the record image it cannot read, as this thread does', async () => {
    const folder = join(ROOT, 'images');
    mkdirSync(folder, { recursive: true });
    const broken = join(folder, 'broken.png');
    writeFileSync(broken, 'not a PNG at all');
    copyFileSync(PHOTO, join(folder, 'fine.png'));
    const cards = new Map([['/og/work/broken.png', { title: 'Broken', image: broken, siteName: 'Ada' }]]);
    const expected = await (await threadDrawer(join(ROOT, 'thread-broken'))).draw(cards).catch((error: unknown) => error);
    const error = await worker!.draw(cards).catch((caught: unknown) => caught);
    expect(expected).toMatchObject({ name: 'CardImageError', file: broken });
    expect(error).toMatchObject({ name: 'CardImageError', file: broken, message: (expected as Error).message });
    // The worker goes on drawing after a card it could not draw.
    expect((await worker!.draw(new Map([['/og/work/fine.png', { title: 'Fine', image: join(folder, 'fine.png'), siteName: 'Ada' }]]))).drawn).toBe(1);
  });
});
