import { copyFileSync, linkSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { formatProblems } from '../lib/errors.ts';
import { filesBelowSync } from '../lib/files.ts';
import type { CardFacts } from '../lib/og/card.ts';
import { asShown, sourceCardFacts } from '../lib/og/card-facts.ts';
import { cachedCards, rememberCards, sourceFingerprint } from '../lib/og/card-manifest.ts';
import { attributeOf, elements, parseDocument } from '../lib/links/html.ts';
import { firstStylesheet, withoutStylesheet } from '../lib/links/extract.ts';
import { isCardPath } from '../lib/og/card-path.ts';
import { withoutBase } from '../lib/url.ts';

/** Each card's cached file by its path, and how many of them were drawn rather than found in the cache. */
type Drawn = { files: Map<string, string>; drawn: number };

/**
 * A social card for every page (src/lib/og/): drawn in the build's thread while Astro builds, from
 * the sources read as soon as the config is known, kept in Astro's cache folder between builds like
 * its optimised images, and linked (or copied) to the address each page's `og:image` names once the
 * pages are written. A page the sources do not describe (the 404 page, a blog's further pages) gets
 * its card from its own `<head>`. A build from the same sources as the last one, every card still
 * cached, draws nothing and runs no checks: it links the cards the last one listed
 * (src/lib/og/card-manifest.ts).
 *
 * No worker thread: a card costs about 2 ms of processor time, most of it zlib's on Node's thread
 * pool, while a worker's start and its modules cost more than 30 cards (docs/performance.md).
 */
export function ogCards(): AstroIntegration {
  let root = '';
  let publicDir = '';
  let cacheDir = '';
  let base = '/';
  let command = '';
  /** The fingerprint of the sources, and the cards the last build made from them when they are all still cached. */
  let fingerprint: Promise<string> | undefined;
  let cached: Map<string, string> | undefined;
  /** The cards of the sources, drawn while Astro builds. */
  let drawing: Promise<Drawn> | undefined;

  return {
    name: 'portfolio:og-cards',
    hooks: {
      'astro:config:setup': ({ command: current }) => {
        command = current;
      },

      // The drawing starts as soon as the config is known and is not waited for: the cards are drawn
      // between Astro's own steps (sync, bundling, rendering) and encoded on the thread pool meanwhile.
      'astro:config:done': async ({ config }) => {
        root = fileURLToPath(config.root);
        publicDir = fileURLToPath(config.publicDir);
        cacheDir = join(fileURLToPath(config.cacheDir), 'og-cards');
        base = config.base;
        if (command !== 'build' || drawing) return;
        fingerprint = sourceFingerprint(root, publicDir);
        cached = await cachedCards(cacheDir, await fingerprint);
        if (cached) return;
        drawing = sourceCardFacts(root, publicDir).then(async (facts) => (await import('../lib/og/draw-cards.ts')).drawCards(facts, cacheDir));
        // Reported once the pages are written; a build that fails before then never asks.
        drawing.catch(() => undefined);
      },

      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        if (cached) {
          await publishCards(outDir, logger, builtCards(outDir), { files: cached, drawn: 0 });
          cached = undefined;
          return;
        }
        if (!drawing) return;
        // The pages are read while the last cards may still be encoding.
        const built = builtCards(outDir);
        let ready: Drawn;
        try {
          ready = await drawing;
        } catch (error) {
          // An image the owner must fix is a message naming it, as the checks give one; anything else a bug, with its trace.
          if (error instanceof Error && error.name === 'CardImageError' && !process.env['PORTFOLIO_DEBUG']) {
            const file = relative(root, (error as Error & { file: string }).file).replaceAll(sep, '/');
            process.stderr.write(`\n${formatProblems('A record image cannot be used', [{ file, field: 'image', message: error.message }])}\n\n`);
            process.exit(1);
          }
          throw new Error(`The social cards could not be drawn:\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}`, { cause: error });
        } finally {
          drawing = undefined;
        }
        await publishCards(outDir, logger, built, ready);
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

  async function publishCards(outDir: string, logger: AstroIntegrationLogger, built: ReadonlyMap<string, CardFacts>, ready: Drawn) {
    const files = new Map(ready.files);
    // Remembered before the cards only a built page describes are added: those are read from the pages each time.
    if (!cached && fingerprint) await rememberCards(cacheDir, await fingerprint, files);
    let drawn = ready.drawn;
    const missing = new Map([...built].filter(([path]) => !files.has(path)));
    if (missing.size > 0) {
      // Few (the 404 page, the blog's further pages), and usually cached already.
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
