import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import { DomUtils, parseDocument } from 'htmlparser2';
import { attribute, parseHtml, select } from './html-tree.ts';
import { filesBelow } from '../../src/lib/files.ts';
import { resolveSitePath } from '../../src/lib/links/check.ts';
import { normalizeBase } from '../../src/lib/url.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
};

export interface PagesServer {
  /** The site's address, base included: `http://127.0.0.1:PORT/portfolio/`. */
  url: string;
  /** Every request the server answered, as `STATUS /path`. */
  log: string[];
  close(): Promise<void>;
}

/**
 * Serves a built `dist/` on 127.0.0.1 the way GitHub Pages does, under `base`, by the same rules the
 * link checker applies (`resolveSitePath` in src/lib/links/check.ts): an extensionless path serves its
 * `.html` file, `/dir/` serves `dir/index.html`, `/dir` (a folder with no `dir.html`) redirects to
 * `/dir/`, and a miss serves the site's `404.html` with status 404. Only files of the build are served.
 */
export async function startPagesServer(dist: string, base = '/'): Promise<PagesServer> {
  const prefix = normalizeBase(base);
  const log: string[] = [];
  // A built site does not change while it is served: its files are listed at the first request
  // (the audit starts the server before it builds, so the build knows its origin).
  let listing: Promise<Set<string>> | undefined;
  const builtFiles = () => (listing ??= filesBelow(dist).then((files) => new Set(files)));

  function locate(pathname: string, files: ReadonlySet<string>): { file: string } | { redirect: string } | undefined {
    if (prefix !== '/' && pathname === prefix.slice(0, -1)) return { redirect: prefix };
    if (!pathname.startsWith(prefix)) return undefined;
    const found = resolveSitePath(pathname.slice(prefix.length - 1), files);
    // The rules answer in decoded site paths; the visitor is sent to the address it asked for, plus "/".
    return found && 'redirect' in found ? { redirect: `${pathname}/` } : found;
  }

  const server: Server = createServer(async (request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
    const files = await builtFiles();
    const found = locate(pathname, files);
    if (found && 'redirect' in found) {
      log.push(`301 ${pathname}`);
      response.writeHead(301, { location: found.redirect });
      response.end();
      return;
    }
    const status = found ? 200 : 404;
    const file = found ? found.file : '404.html';
    log.push(`${status} ${pathname}`);
    if (!files.has(file)) {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('Not found');
      return;
    }
    response.writeHead(status, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(join(dist, file)).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    log,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The address GitHub Pages serves a built HTML file at, from the site root: `work/amazon.html` -> `work/amazon`, `work/index.html` -> `work/`. */
export function servedPath(file: string): string {
  return file.replace(/(^|\/)index\.html$/, '$1').replace(/\.html$/, '');
}

/** Every page a built site serves with status 200 (its `.html` files but the 404 page), sorted. */
export async function builtPages(dist: string): Promise<string[]> {
  return [...(await filesBelow(dist))].filter((file) => file.endsWith('.html') && file !== '404.html').sort();
}

/** The canonical URL a built page names in `<link rel="canonical">`, read with an HTML parser. */
export async function canonicalUrl(dist: string, file: string): Promise<string | undefined> {
  const [link] = select(
    parseHtml(await readFile(join(dist, file), 'utf8')),
    (element) => element.tagName === 'link' && attribute(element, 'rel') === 'canonical',
  );
  return link && attribute(link, 'href');
}

/** The `<loc>` URLs of a sitemap file, read with an XML parser. */
export async function sitemapLocations(dist: string, file = 'sitemap-0.xml'): Promise<string[]> {
  const document = parseDocument(await readFile(join(dist, file), 'utf8'), { xmlMode: true });
  return DomUtils.getElementsByTagName('loc', document).map((element) => DomUtils.textContent(element).trim());
}
