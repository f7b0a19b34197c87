import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import type { CardFacts } from './card.ts';
import { drawCards } from './draw-cards.ts';
import type { CardWorkerData, CardWorkerReply } from './card-drawer.ts';

/**
 * Draws social cards on a thread of its own (see card-drawer.ts). Each message is a list of cards,
 * answered in turn with the cached file of each, or with what went wrong.
 */
const { cacheDir } = workerData as CardWorkerData;
yieldToTheBuild();
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

/**
 * Below the build's own threads in the scheduler's eyes (Linux, where a thread has a priority of its
 * own): the cards take the time of a core the build leaves idle, not the build's. Elsewhere, or where
 * it is refused, the default priority: slower cards, the same ones.
 */
function yieldToTheBuild(): void {
  try {
    const thread = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(thread) && thread > 0) setPriority(thread, 10);
  } catch {
    // Not Linux, or no /proc.
  }
}
