/**
 * `npm run audit`: builds the site, serves it the way GitHub Pages does and runs Lighthouse on the
 * home page, the /work/ index, an entry, the blog and a post, for mobile (Lighthouse's default config) and desktop.
 * Prints the four category scores and, for anything below 100, the audits that cost the points.
 * See docs/performance.md.
 */
import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
// Node runs this TypeScript helper directly (type stripping), so the audit serves dist/ exactly as
// the browser tests do.
import { startPagesServer } from '../tests/helpers/pages-server.ts';
import { CATEGORIES, formatFailures, formatScoreTable } from './lib/audit-report.mjs';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './lib/chromium.mjs';
import { buildEnv } from './lib/child-env.mjs';
import { ASTRO_BIN, OUTPUT_ROOT, copyProject } from './lib/project-copy.mjs';

const PAGES = ['/', '/work/', '/work/amazon', '/blog/', '/kinesis/2018/09/01/enhanced-fan-out.html'];
const CHROMIUM = CHROMIUM_PATH;
const CHROME_FLAGS = ['--headless=new', ...CHROMIUM_FLAGS];
// A Lighthouse run on a local page takes seconds; a stuck one should fail the audit, not hang it.
const RUN_TIMEOUT_MS = 120_000;

/** Builds the copy in `root` with `env` added, streaming nothing unless the build fails. */
function astroBuild(root, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [ASTRO_BIN, 'build'], { cwd: root, env: { ...buildEnv(process.env), ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk.toString()));
    child.stderr.on('data', (chunk) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(undefined) : reject(new Error(`astro build failed (exit ${code}):\n${output.slice(-3000)}`))));
  });
}

function withTimeout(promise, label) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${label} took longer than ${RUN_TIMEOUT_MS / 1000} s`)), RUN_TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function main() {
  const root = join(OUTPUT_ROOT, 'audit', 'site');
  const reports = join(OUTPUT_ROOT, 'audit', 'reports');
  await copyProject(root);
  // The server starts first so the build knows its origin: canonical URLs and the sitemap then
  // point at the server Lighthouse loads, as they point at the real origin in production.
  const server = await startPagesServer(join(root, 'dist'));
  const origin = server.url.replace(/\/$/, '');
  let chrome;
  try {
    console.log(`Building the site for ${origin} ...`);
    await astroBuild(root, { SITE_URL: origin });
    chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROME_FLAGS, logLevel: 'error' });
    const version = await fetch(`http://127.0.0.1:${chrome.port}/json/version`).then((response) => response.json());
    console.log(`Chromium: ${version.Browser} (${CHROMIUM}); Lighthouse default simulated throttling.\n`);
    await mkdir(reports, { recursive: true });
    const rows = [];
    const warnings = new Set();
    for (const page of PAGES) {
      for (const [form, config] of [
        ['mobile', undefined],
        ['desktop', desktopConfig],
      ]) {
        const flags = { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES.map((category) => category.id) };
        const result = await withTimeout(lighthouse(`${origin}${page}`, flags, config), `Lighthouse on ${page} (${form})`);
        if (!result) throw new Error(`Lighthouse returned no result for ${page} (${form})`);
        const { lhr } = result;
        if (lhr.runtimeError) throw new Error(`Lighthouse failed on ${page} (${form}): ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
        for (const warning of lhr.runWarnings) warnings.add(`${page} (${form}): ${warning}`);
        // The site is self-contained: a request elsewhere would hang offline and is worth knowing.
        for (const request of lhr.audits['network-requests']?.details?.items ?? []) {
          if (!String(request.url).startsWith(`${origin}/`)) warnings.add(`${page} (${form}): requested ${request.url}`);
        }
        await writeFile(join(reports, `${page === '/' ? 'home' : page.slice(1).replace(/\/$/, '').replaceAll('/', '-')}-${form}.json`), JSON.stringify(lhr));
        rows.push({ page, form, lhr });
        console.log(`  ${page} (${form}) done`);
      }
    }
    console.log(`\n${formatScoreTable(rows)}\n`);
    const failures = formatFailures(rows);
    console.log(failures === '' ? 'Every category scores 100.' : `Audits below 100:\n${failures}`);
    if (warnings.size > 0) console.log(`\nLighthouse warnings:\n${[...warnings].map((warning) => `  - ${warning}`).join('\n')}`);
    console.log(`\nFull reports (JSON): ${join('tests', '.output', 'audit', 'reports')}/`);
    // The goal is 100 everywhere on mobile; anything less fails the command, so CI can use it.
    const mobileBelow = rows.some(({ form, lhr }) => form === 'mobile' && CATEGORIES.some(({ id }) => (lhr.categories[id]?.score ?? 0) < 1));
    if (mobileBelow) process.exitCode = 1;
  } finally {
    chrome?.kill();
    await server.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
