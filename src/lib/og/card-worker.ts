import { parentPort, workerData } from 'node:worker_threads';
import type { CardFacts } from './card.ts';
import { drawCards } from './draw-cards.ts';

/**
 * Draws social cards on a thread of its own while Astro builds the pages. Each message is a list of
 * cards (path and facts, as `cardFactsOf` gives them), answered in turn with the cached file of each.
 * The build's thread reads the sources and sends the pages' and posts' cards as soon as the config
 * is known, then any card only a built page describes. The thread loads only the drawing (satori and
 * sharp): the sources are read where the checks' code is loaded already.
 */
export interface CardWorkerData {
  cacheDir: string;
}

export type CardWorkerMessage = { type: 'drawn'; files: [string, string][]; drawn: number } | { type: 'failed'; message: string };

const { cacheDir } = workerData as CardWorkerData;
const port = parentPort;

// Loaded while the build's thread reads the sources, rather than once the first card arrives.
const drawing = Promise.all([import('satori'), import('sharp')]);
let queue: Promise<unknown> = drawing;

port?.on('message', (cards: [string, CardFacts][]) => {
  queue = queue
    .then(() => drawCards(cards, cacheDir))
    .then(
      (result) => port.postMessage({ type: 'drawn', files: [...result.files], drawn: result.drawn } satisfies CardWorkerMessage),
      (error: unknown) =>
        port.postMessage({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies CardWorkerMessage),
    );
});
