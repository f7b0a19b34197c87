import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cardKey, type CardFacts } from './card.ts';
import { renderCard } from './card-render.ts';

/** Each card's cached file by its path, and how many of them were drawn rather than found in the cache. */
export interface Drawn {
  files: Map<string, string>;
  drawn: number;
}

/**
 * How many cards are drawn at once: this thread draws the next card while zlib (or sharp) encodes
 * the last ones on their own threads. More only queue behind each other.
 */
const IN_FLIGHT = 3;

/**
 * Draws the cards into the cache folder, each under the hash of what it shows (`cardKey`), and
 * returns each card's cached file by its path. A card already there is not drawn again: a build
 * after one that drew it spends only the hashing. Two pages showing the same card share its file.
 * `blocking` where the thread is the cards' own (a worker's): zlib and the writes then run on it,
 * which costs less than their round trips to the thread pool.
 */
export async function drawCards(cards: Iterable<[string, CardFacts]>, cacheDir: string, { blocking = false } = {}): Promise<Drawn> {
  await mkdir(cacheDir, { recursive: true });
  const files = new Map<string, string>();
  const drawing = new Map<string, Promise<void>>();
  const running = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  for (const [path, facts] of cards) {
    const file = join(cacheDir, `${cardKey(facts)}.png`);
    files.set(path, file);
    if (failure || drawing.has(file) || existsSync(file)) continue;
    // Written whole under another name first: a build stopped halfway leaves no half card behind.
    const partial = `${file}.${process.pid}.tmp`;
    const task = renderCard(facts, { blocking })
      .then((png) => (blocking ? writeFileSync(partial, png) : writeFile(partial, png)))
      .then(() => (blocking ? renameSync(partial, file) : rename(partial, file)))
      .catch((error: unknown) => {
        failure ??= { error };
      })
      .finally(() => running.delete(task));
    drawing.set(file, task);
    running.add(task);
    if (running.size >= IN_FLIGHT) await Promise.race(running);
  }
  await Promise.all(drawing.values());
  if (failure) throw failure.error;
  return { files, drawn: drawing.size };
}
