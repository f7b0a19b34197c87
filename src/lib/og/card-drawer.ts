import { Worker } from 'node:worker_threads';
import type { CardFacts } from './card.ts';
import type { Drawn } from './draw-cards.ts';

/** What draws a build's cards: this thread for a few, a worker thread for many (`WORKER_FROM`). */
export interface CardDrawer {
  draw(cards: ReadonlyMap<string, CardFacts>): Promise<Drawn>;
  /** Keeps the build running until the cards asked for are drawn: until then, a build that fails exits without waiting for them. */
  hold(): void;
  close(): Promise<void>;
}

export interface CardWorkerData {
  cacheDir: string;
}

export type CardWorkerReply =
  { type: 'drawn'; files: [string, string][]; drawn: number } | { type: 'failed'; name: string; message: string; stack: string; file?: string };

/**
 * From how many cards a worker thread draws them, on the core the build leaves idle. Below, drawing
 * them in the build's thread costs less than the worker's start (docs/performance.md). Either way
 * the same code draws the same cards.
 */
export const WORKER_FROM = 200;

/** A drawer for `cards`, writing into the cache folder `cacheDir` (see draw-cards.ts). */
export async function cardDrawer(cacheDir: string, cards: ReadonlyMap<string, CardFacts>): Promise<CardDrawer> {
  if (cards.size < WORKER_FROM) return threadDrawer(cacheDir);
  // Sharp (libvips) must be loaded by this thread before a worker loads it: otherwise its shared
  // libraries are unloaded with the worker while their threads still run (sharp's docs, glibc).
  if ([...cards.values()].some((facts) => facts.image)) await import('sharp');
  return workerDrawer(cacheDir);
}

/** Draws the cards in this thread, between the build's own steps. */
export async function threadDrawer(cacheDir: string): Promise<CardDrawer> {
  const { drawCards } = await import('./draw-cards.ts');
  return { draw: (cards) => drawCards(cards, cacheDir), hold: () => undefined, close: async () => undefined };
}

/** Draws the cards on a worker thread of their own; a card's image needs sharp loaded by this thread first (see `cardDrawer`). */
export function workerDrawer(cacheDir: string): CardDrawer {
  const worker = new Worker(new URL('./card-worker.ts', import.meta.url), { workerData: { cacheDir } satisfies CardWorkerData });
  worker.unref();
  const waiting: { resolve: (drawn: Drawn) => void; reject: (error: Error) => void }[] = [];
  let broken: Error | undefined;
  const fail = (error: Error) => {
    broken ??= error;
    for (const { reject } of waiting.splice(0)) reject(error);
  };
  worker.on('message', (reply: CardWorkerReply) => {
    const next = waiting.shift();
    if (reply.type === 'drawn') next?.resolve({ files: new Map(reply.files), drawn: reply.drawn });
    else next?.reject(Object.assign(new Error(reply.message), { name: reply.name, stack: reply.stack }, reply.file === undefined ? {} : { file: reply.file }));
  });
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`The social cards' worker stopped (exit code ${code}) before it drew every card.`)));
  return {
    draw(cards) {
      if (broken) return Promise.reject(broken);
      return new Promise<Drawn>((resolve, reject) => {
        waiting.push({ resolve, reject });
        worker.postMessage([...cards]);
      });
    },
    hold: () => worker.ref(),
    close: async () => {
      worker.removeAllListeners('exit');
      await worker.terminate();
    },
  };
}
