import { copyFileSync, linkSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { filesBelowSync } from '../lib/files.ts';
import type { CardFacts } from '../lib/og/card.ts';
import { asShown, sourceCardFacts } from '../lib/og/card-facts.ts';
import { cachedCards, rememberCards, sourceFingerprint } from '../lib/og/card-manifest.ts';
import type { CardWorkerData, CardWorkerMessage } from '../lib/og/card-worker.ts';
import { attributeOf, elements, parseDocument } from '../lib/links/html.ts';
import { firstStylesheet, withoutStylesheet } from '../lib/links/extract.ts';
import { isCardPath } from '../lib/og/card-path.ts';
import { withoutBase } from '../lib/url.ts';

/**
 * A social card for every page (src/lib/og/): drawn on a worker thread while Astro builds, from the
 * sources this thread reads as soon as the config is known, kept in Astro's cache folder between builds like its optimised images, and linked (or copied) to the
 * address each page's `og:image` names once the pages are written. A page the sources do not
 * describe (the 404 page, a blog's further pages) gets its card from its own `<head>`. A build from
 * the same sources as the last one, every card still cached, starts no worker and runs no checks:
 * it links the cards the last one listed (src/lib/og/card-manifest.ts).
 */
export function ogCards(): AstroIntegration {
  let root = '';
  let publicDir = '';
  let cacheDir = '';
  let base = '/';
  let command = '';
  let worker: Worker | undefined;
  /** The fingerprint of the sources, and the cards the last build made from them when they are all still cached. */
  let fingerprint: Promise<string> | undefined;
  let cached: Map<string, string> | undefined;
  let messages: CardWorkerMessage[] = [];
  let waiting: ((message: CardWorkerMessage) => void) | undefined;

  const next = () =>
    new Promise<CardWorkerMessage>((resolve) => {
      const message = messages.shift();
      if (message) resolve(message);
      else waiting = resolve;
    });

  return {
    name: 'portfolio:og-cards',
    hooks: {
      'astro:config:setup': ({ command: current }) => {
        command = current;
      },

      // The worker starts as soon as the config is known, so its cards are drawn while Astro syncs
      // the content, bundles and renders: on a free core, a cold build hardly waits for them.
      'astro:config:done': async ({ config }) => {
        root = fileURLToPath(config.root);
        publicDir = fileURLToPath(config.publicDir);
        cacheDir = join(fileURLToPath(config.cacheDir), 'og-cards');
        base = config.base;
        if (command !== 'build' || worker) return;
        fingerprint = sourceFingerprint(root, publicDir);
        cached = await cachedCards(cacheDir, await fingerprint);
        if (cached) return;
        messages = [];
        // Sharp (libvips) must be loaded by this thread before a worker loads it: otherwise its shared
        // libraries are unloaded with the worker while their threads still run (sharp's docs, glibc).
        await import('sharp');
        worker = new Worker(new URL('../lib/og/card-worker.ts', import.meta.url), { workerData: { cacheDir } satisfies CardWorkerData });
        // A build that fails before its pages are written must still exit: the worker holds it open only while waited for.
        worker.unref();
        worker.on('message', (message: CardWorkerMessage) => {
          if (waiting) {
            const resolve = waiting;
            waiting = undefined;
            resolve(message);
          } else messages.push(message);
        });
        worker.on('error', (error) => worker?.emit('message', { type: 'failed', message: error.stack ?? error.message } satisfies CardWorkerMessage));
        // Read here, where the checks' code is loaded already, while the worker loads the drawing.
        try {
          worker.postMessage([...(await sourceCardFacts(root, publicDir))]);
        } catch (error) {
          worker.emit('message', {
            type: 'failed',
            message: error instanceof Error ? (error.stack ?? error.message) : String(error),
          } satisfies CardWorkerMessage);
        }
      },

      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        if (cached) {
          await publishCards(outDir, logger, builtCards(outDir), { type: 'drawn', files: [...cached], drawn: 0 });
          cached = undefined;
          return;
        }
        if (!worker) return;
        worker.ref();
        try {
          // The pages are read while the worker may still be drawing.
          const built = builtCards(outDir);
          await publishCards(outDir, logger, built, await next());
        } finally {
          await worker.terminate();
          worker = undefined;
        }
      },
    },
  };

  /**
   * Each built page's card (by the path its `og:image` names) with the page's own words for it, read
   * from its `<head>`: one after another and in this thread, which has nothing else to do by now,
   * rather than as a thousand small jobs for the thread pool.
   */
  function builtCards(outDir: string): Map<string, CardFacts> {
    const cards = new Map<string, CardFacts>();
    // The site's stylesheet, the bulk of every head, is left out of the parse as in the page scan.
    let stylesheet: string | undefined;
    for (const page of filesBelowSync(outDir).filter((file) => file.endsWith('.html'))) {
      const html = readFileSync(join(outDir, page), 'utf8');
      const head = headFacts(withoutStylesheet(html, (stylesheet ??= firstStylesheet(html))));
      if (!head.image) continue;
      // Only the cards the layout names: a page copied from public/ may name any image of its own.
      const path = URL.canParse(head.image) ? withoutBase(base, new URL(head.image).pathname) : undefined;
      if (path !== undefined && isCardPath(path)) cards.set(path, asShown({ title: head.title, description: head.description, siteName: head.siteName }));
    }
    return cards;
  }

  async function publishCards(outDir: string, logger: AstroIntegrationLogger, built: ReadonlyMap<string, CardFacts>, ready: CardWorkerMessage) {
    if (ready.type === 'failed') throw new Error(`The social cards could not be drawn:\n${ready.message}`);
    const files = new Map(ready.files);
    // Remembered before the cards only a built page describes are added: those are read from the pages each time.
    if (!cached && fingerprint) await rememberCards(cacheDir, await fingerprint, files);
    let drawn = ready.drawn;
    const missing = new Map([...built].filter(([path]) => !files.has(path)));
    if (missing.size > 0 && worker) {
      worker.postMessage([...missing]);
      const more = await next();
      if (more.type === 'failed') throw new Error(`The social cards could not be drawn:\n${more.message}`);
      for (const [path, file] of more.files) files.set(path, file);
      drawn += more.drawn;
    } else if (missing.size > 0) {
      // Without a worker these are few (the 404 page, the blog's further pages) and usually cached already.
      const { drawCards } = await import('../lib/og/draw-cards.ts');
      const more = await drawCards(missing, cacheDir);
      for (const [path, file] of more.files) files.set(path, file);
      drawn += more.drawn;
    }
    const folders = new Set<string>();
    for (const path of built.keys()) {
      const file = files.get(path);
      if (!file) continue;
      const target = join(outDir, path);
      if (!folders.has(dirname(target))) mkdirSync(dirname(target), { recursive: true });
      folders.add(dirname(target));
      publishFile(file, target);
    }
    logger.info(`${built.size} social cards, ${drawn} drawn and ${built.size - drawn} from the cache.`);
  }
}

/** The card's address and the page's own words for a card, from the `<head>` of a built page. */
function headFacts(html: string): { image?: string | undefined; title: string; description?: string | undefined; siteName: string } {
  const meta = new Map<string, string>();
  const end = html.indexOf('</head>');
  for (const element of elements(parseDocument(end === -1 ? html : html.slice(0, end), { locations: false }))) {
    const key = attributeOf(element, 'property') ?? attributeOf(element, 'name');
    const content = attributeOf(element, 'content');
    if (element.tagName === 'meta' && key && content !== undefined) meta.set(key, content);
  }
  const siteName = meta.get('og:site_name') ?? '';
  const title = meta.get('og:title') ?? '';
  const suffix = ` · ${siteName}`;
  return {
    ...(meta.has('og:image') ? { image: meta.get('og:image') } : {}),
    title: title.endsWith(suffix) ? title.slice(0, -suffix.length) : title,
    description: meta.get('og:description'),
    siteName,
  };
}

/**
 * A cached card into the build: a hard link where the cache and the build share a file system (the
 * same bytes, without copying a thousand files), else a copy.
 */
function publishFile(cached: string, target: string): void {
  // A file already there (a build into a `dist` it did not empty) may be a link to another cached
  // card: writing through it would change the cache.
  rmSync(target, { force: true });
  try {
    linkSync(cached, target);
  } catch {
    copyFileSync(cached, target);
  }
}
