import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import { readSiteInput } from '../checks/read-site.ts';
import { checkSite } from '../checks/site.ts';
import type { CardFacts } from './card.ts';
import { cardFactsOf, cardSources, type CardSite } from './card-facts.ts';
import { drawCards } from './draw-cards.ts';

/**
 * Draws the site's social cards on a thread of its own while Astro builds the pages: it reads the
 * sources' front matter and records as the build's checks do, draws every page's and post's card into the cache, and says
 * which it drew. Then it draws any card the build asks for by message (pages only the build knows).
 */
export interface CardWorkerData {
  root: string;
  publicDir: string;
  cacheDir: string;
}

export type CardWorkerMessage =
  | { type: 'ready'; files: [string, string][]; drawn: number }
  | { type: 'drawn'; files: [string, string][]; drawn: number }
  | { type: 'failed'; message: string };

const { root, publicDir, cacheDir } = workerData as CardWorkerData;
const port = parentPort;

async function main() {
  const config = (await import(pathToFileURL(join(root, 'src', 'site.config.ts')).href)) as {
    default: CardSite & { posts: Parameters<typeof readSiteInput>[3] };
  };
  const input = await readSiteInput(root, publicDir, [], config.default.posts);
  const cards = cardFactsOf(checkSite(cardSources(input)), config.default, publicDir);
  const { files, drawn } = await drawCards(cards, cacheDir);
  port?.postMessage({ type: 'ready', files: [...files], drawn } satisfies CardWorkerMessage);
  port?.on('message', (cardsToDraw: [string, CardFacts][]) => {
    drawCards(cardsToDraw, cacheDir).then(
      (result) => port.postMessage({ type: 'drawn', files: [...result.files], drawn: result.drawn } satisfies CardWorkerMessage),
      (error: unknown) => port.postMessage({ type: 'failed', message: String(error) } satisfies CardWorkerMessage),
    );
  });
}

main().catch((error: unknown) =>
  port?.postMessage({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies CardWorkerMessage),
);
