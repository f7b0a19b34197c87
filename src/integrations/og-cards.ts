import { copyFileSync, linkSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { formatProblems } from '../lib/errors.ts';
import { filesBelowSync } from '../lib/files.ts';
import type { CardFacts } from '../lib/og/card.ts';
import { cardDrawer, type CardDrawer } from '../lib/og/card-drawer.ts';
import type { Drawn } from '../lib/og/draw-cards.ts';
import { asShown, sourceCardFacts } from '../lib/og/card-facts.ts';
import { cachedCards, rememberCards, sourceFingerprint } from '../lib/og/card-manifest.ts';
import { attributeOf, elements, parseDocument } from '../lib/links/html.ts';
import { firstStylesheet, withoutStylesheet } from '../lib/links/extract.ts';
import { cardPath, isCardPath } from '../lib/og/card-path.ts';
import { withoutBase } from '../lib/url.ts';

/**
 * A social card for every page (src/lib/og/): drawn while Astro builds, from the sources read as soon
 * as the config is known (in this thread for a few cards, on a worker thread for many: see
 * card-drawer.ts), kept in Astro's cache folder between builds like its optimised images, and linked
 * (or copied) to the address each page's `og:image` names once the pages are written. A page the
 * sources do not describe (the 404 page, a blog's further pages) gets its card from its own
 * `<head>`. A build from the same sources as the last one, every card still cached, draws nothing and
 * runs no checks: it links the cards the last one listed (src/lib/og/card-manifest.ts).
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
  /** The cards the sources describe, by path, and their drawing, under way while Astro builds. */
  let sources: Promise<ReadonlyMap<string, CardFacts>> | undefined;
  let drawer: Promise<CardDrawer> | undefined;
  let drawing: Promise<Drawn> | undefined;

  return {
    name: 'portfolio:og-cards',
    hooks: {
      'astro:config:setup': ({ command: current }) => {
        command = current;
      },

      // The drawing starts as soon as the config is known and is not waited for: the cards are drawn
      // between Astro's own steps (sync, bundling, rendering), or beside them on a worker thread.
      'astro:config:done': async ({ config }) => {
        root = fileURLToPath(config.root);
        publicDir = fileURLToPath(config.publicDir);
        cacheDir = join(fileURLToPath(config.cacheDir), 'og-cards');
        base = config.base;
        if (command !== 'build' || drawing) return;
        fingerprint = sourceFingerprint(root, publicDir);
        cached = await cachedCards(cacheDir, await fingerprint);
        if (cached) return;
        sources = sourceCardFacts(root, publicDir);
        drawer = sources.then((cards) => cardDrawer(cacheDir, cards));
        drawing = Promise.all([drawer, sources]).then(([cards, facts]) => cards.draw(facts));
        // Reported once the pages are written; a build that fails before then never asks.
        drawing.catch(() => undefined);
      },

      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        if (cached) {
          await publishCards(outDir, logger, builtCards(outDir, new Set(cached.keys())), { files: cached, drawn: 0 });
          cached = undefined;
          return;
        }
        if (!drawing || !sources || !drawer) return;
        try {
          // The pages are read while the last cards may still be drawn.
          const built = builtCards(outDir, new Set((await sources).keys()));
          (await drawer).hold();
          await publishCards(outDir, logger, built, await drawing);
        } catch (error) {
          // An image the owner must fix is a message naming it, as the checks give one; anything else a bug, with its trace.
          if (error instanceof Error && error.name === 'CardImageError' && !process.env['PORTFOLIO_DEBUG']) {
            const file = relative(root, (error as Error & { file: string }).file).replaceAll(sep, '/');
            process.stderr.write(`\n${formatProblems('A record image cannot be used', [{ file, field: 'image', message: error.message }])}\n\n`);
            process.exit(1);
          }
          throw new Error(`The social cards could not be drawn:\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}`, { cause: error });
        } finally {
          await (await drawer.catch(() => undefined))?.close();
          drawing = sources = drawer = undefined;
        }
      },
    },
  };

  /**
   * The cards of the built pages, by path: those the sources describe (`described`) without opening
   * their pages, and any other a page's `og:image` names, with the page's own words for it from its
   * `<head>`. Every page the layout makes names the card at `cardPath` of its own address, which is
   * how a page's file leads to its card without reading it.
   */
  function builtCards(outDir: string, described: ReadonlySet<string>): { paths: Set<string>; others: Map<string, CardFacts> } {
    const paths = new Set<string>();
    const others = new Map<string, CardFacts>();
    // The site's stylesheet, the bulk of every head, is left out of the parse as in the page scan.
    let stylesheet: string | undefined;
    for (const page of filesBelowSync(outDir).filter((file) => file.endsWith('.html'))) {
      const own = cardPath(`/${page.replaceAll(sep, '/')}`);
      if (described.has(own)) {
        paths.add(own);
        continue;
      }
      const html = readFileSync(join(outDir, page), 'utf8');
      const head = headFacts(withoutStylesheet(html, (stylesheet ??= firstStylesheet(html))));
      if (!head.image) continue;
      // Only the cards the layout names: a page copied from public/ may name any image of its own.
      const path = URL.canParse(head.image) ? withoutBase(base, new URL(head.image).pathname) : undefined;
      if (path === undefined || !isCardPath(path)) continue;
      paths.add(path);
      if (!described.has(path)) others.set(path, asShown({ title: head.title, description: head.description, siteName: head.siteName }));
    }
    return { paths, others };
  }

  async function publishCards(outDir: string, logger: AstroIntegrationLogger, built: ReturnType<typeof builtCards>, ready: Drawn) {
    const files = new Map(ready.files);
    // Remembered before the cards only a built page describes are added: those are read from the pages each time.
    if (!cached && fingerprint) await rememberCards(cacheDir, await fingerprint, files);
    let drawn = ready.drawn;
    const missing = new Map([...built.others].filter(([path]) => !files.has(path)));
    if (missing.size > 0) {
      // Few (the 404 page, the blog's further pages), and usually cached already.
      const more = await (drawer ? (await drawer).draw(missing) : (await import('../lib/og/draw-cards.ts')).drawCards(missing, cacheDir));
      for (const [path, file] of more.files) files.set(path, file);
      drawn += more.drawn;
    }
    const folders = new Set<string>();
    for (const path of built.paths) {
      const file = files.get(path);
      if (!file) continue;
      const target = join(outDir, path);
      if (!folders.has(dirname(target))) mkdirSync(dirname(target), { recursive: true });
      folders.add(dirname(target));
      publishFile(file, target);
    }
    logger.info(`${built.paths.size} social cards, ${drawn} drawn and ${built.paths.size - drawn} from the cache.`);
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
