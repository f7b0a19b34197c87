/**
 * `npm run screenshots`: builds the showcase fixture (tests/fixtures/showcase) on a copy of the
 * project, serves it, and photographs its home page, work index and an entry in Chromium, light and
 * dark, at 1280 and 375 px wide, into docs/images/ for the README. Run it after a design change.
 */
import { spawn } from 'node:child_process';
import { cp, mkdir, readFile, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './lib/chromium.mjs';
import { buildEnv } from './lib/child-env.mjs';
import { ASTRO_BIN, OUTPUT_ROOT, PROJECT_ROOT, copyProject } from './lib/project-copy.mjs';

const SITE = join(OUTPUT_ROOT, 'screenshots-site');
const FIXTURE = join(PROJECT_ROOT, 'tests', 'fixtures', 'showcase');
const IMAGES = join(PROJECT_ROOT, 'docs', 'images');
const PAGES = [
  { name: 'home', path: '/' },
  { name: 'work', path: '/work/' },
  { name: 'entry', path: '/work/tidewater' },
];
const VIEWS = [
  { name: 'desktop', width: 1280, height: 860 },
  { name: 'phone', width: 375, height: 760 },
];
const SCHEMES = ['light', 'dark'];
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.css': 'text/css',
};

async function buildShowcase() {
  await copyProject(SITE);
  // The fixture's content replaces the project's own, as the tests lay it over a copy.
  for (const folder of ['src/content/pages', 'src/content/posts', 'src/data']) await rm(join(SITE, folder), { recursive: true, force: true });
  await cp(FIXTURE, SITE, { recursive: true });
  const exitCode = await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [ASTRO_BIN, 'build'], {
      cwd: SITE,
      env: { ...buildEnv(process.env), ASTRO_TELEMETRY_DISABLED: '1', SITE_URL: 'https://ada-example.github.io', BASE_PATH: '' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (exitCode !== 0) throw new Error(`The showcase did not build (exit ${exitCode}).`);
}

/** Serves dist/ as GitHub Pages does: `/work/tidewater` is work/tidewater.html, `/work/` is work/index.html. */
function serve(dist) {
  const server = createServer(async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    for (const file of [path, `${path}.html`, join(path, 'index.html')]) {
      const full = join(dist, file);
      if (!full.startsWith(dist) || !(await stat(full).catch(() => undefined))?.isFile()) continue;
      response.writeHead(200, { 'content-type': TYPES[extname(full)] ?? 'application/octet-stream' });
      response.end(await readFile(full));
      return;
    }
    response.writeHead(404).end();
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function main() {
  await buildShowcase();
  const server = await serve(join(SITE, 'dist'));
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_FLAGS });
  await mkdir(IMAGES, { recursive: true });
  try {
    for (const scheme of SCHEMES) {
      for (const view of VIEWS) {
        const context = await browser.newContext({ viewport: { width: view.width, height: view.height }, colorScheme: scheme });
        const page = await context.newPage();
        for (const { name, path } of PAGES) {
          await page.goto(`${origin}${path}`, { waitUntil: 'load' });
          // eslint-disable-next-line no-undef -- the function runs in the page, where `document` is defined.
          await page.waitForFunction(() => [...document.images].every((image) => image.complete));
          const file = join(IMAGES, `${name}-${view.name}-${scheme}.png`);
          await page.screenshot({ path: file });
          console.log(`  ${file.slice(PROJECT_ROOT.length)}`);
        }
        await context.close();
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
