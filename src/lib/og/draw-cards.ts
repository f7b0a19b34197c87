import { existsSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cardKey, renderCard, type CardFacts } from './card.ts';

/**
 * Draws the cards into the cache folder, each under the hash of what it shows (`cardKey`), and
 * returns each card's cached file by its path. A card already there is not drawn again: a build
 * after one that drew it spends only the hashing.
 */
export async function drawCards(cards: Iterable<[string, CardFacts]>, cacheDir: string): Promise<{ files: Map<string, string>; drawn: number }> {
  await mkdir(cacheDir, { recursive: true });
  const files = new Map<string, string>();
  let drawn = 0;
  for (const [path, facts] of cards) {
    const file = join(cacheDir, `${cardKey(facts)}.png`);
    if (!existsSync(file)) {
      // Written whole under another name first: a build stopped halfway leaves no half card behind.
      const partial = `${file}.${process.pid}.tmp`;
      await writeFile(partial, await renderCard(facts));
      await rename(partial, file);
      drawn++;
    }
    files.set(path, file);
  }
  return { files, drawn };
}
