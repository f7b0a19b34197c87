import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
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

async function isFile(path: string): Promise<boolean> {
  return stat(path).then((s) => s.isFile(), () => false);
}
async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then((s) => s.isDirectory(), () => false);
}

/**
 * Serves a built `dist/` on 127.0.0.1 the way GitHub Pages does, under `base`:
 * an extensionless path serves its `.html` file, `/dir/` serves `dir/index.html`, `/dir` (a folder
 * with no `dir.html`) redirects to `/dir/`, and a miss serves the site's `404.html` with status 404.
 */
export async function startPagesServer(dist: string, base = '/'): Promise<PagesServer> {
  const prefix = normalizeBase(base);
  const log: string[] = [];

  async function locate(pathname: string): Promise<{ file: string } | { redirect: string } | undefined> {
    if (prefix !== '/' && pathname === prefix.slice(0, -1)) return { redirect: prefix };
    if (!pathname.startsWith(prefix)) return undefined;
    const relative = normalize(decodeURIComponent(pathname.slice(prefix.length)));
    if (relative.startsWith('..') || relative.includes(`${sep}..`)) return undefined;
    const target = join(dist, relative);
    if (pathname.endsWith('/')) {
      return (await isFile(join(target, 'index.html'))) ? { file: join(target, 'index.html') } : undefined;
    }
    if (await isFile(target)) return { file: target };
    if (await isFile(`${target}.html`)) return { file: `${target}.html` };
    if (await isDirectory(target) && (await isFile(join(target, 'index.html')))) return { redirect: `${pathname}/` };
    return undefined;
  }

  const server: Server = createServer((request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
    void locate(pathname).then(async (found) => {
      if (found && 'redirect' in found) {
        log.push(`301 ${pathname}`);
        response.writeHead(301, { location: found.redirect });
        response.end();
        return;
      }
      const status = found ? 200 : 404;
      const file = found ? found.file : join(dist, '404.html');
      log.push(`${status} ${pathname}`);
      if (!(await isFile(file))) {
        response.writeHead(404, { 'content-type': 'text/plain' });
        response.end('Not found');
        return;
      }
      response.writeHead(status, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      createReadStream(file).pipe(response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    log,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
