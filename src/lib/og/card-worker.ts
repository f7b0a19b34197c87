import { parentPort, workerData } from 'node:worker_threads';
import type { CardFacts } from './card.ts';
import { drawCards } from './draw-cards.ts';
import type { CardWorkerData, CardWorkerReply } from './card-drawer.ts';

/**
 * Draws social cards on a thread of its own (see card-drawer.ts). Each message is a list of cards,
 * answered in turn with the cached file of each, or with what went wrong.
 */
const { cacheDir } = workerData as CardWorkerData;
const port = parentPort;
let queue: Promise<unknown> = Promise.resolve();

port?.on('message', (cards: [string, CardFacts][]) => {
  queue = queue
    .then(() => drawCards(cards, cacheDir, { blocking: true }))
    .then(
      ({ files, drawn }) => port.postMessage({ type: 'drawn', files: [...files], drawn } satisfies CardWorkerReply),
      (error: unknown) => port.postMessage(failure(error)),
    );
});

function failure(error: unknown): CardWorkerReply {
  if (!(error instanceof Error)) return { type: 'failed', name: 'Error', message: String(error), stack: String(error) };
  const file = (error as Error & { file?: unknown }).file;
  return { type: 'failed', name: error.name, message: error.message, stack: error.stack ?? error.message, ...(typeof file === 'string' ? { file } : {}) };
}
