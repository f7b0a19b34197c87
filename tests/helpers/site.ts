import { spawn } from 'node:child_process';
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

/** The project root: fixture sites are copies of it, so they build exactly as the real site does. */
export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Where test runs write fixture sites and screenshots (ignored by git). */
export const OUTPUT_ROOT = join(PROJECT_ROOT, 'tests', '.output');
/** Tiny real inputs for the build tests. */
export const FIXTURES = join(PROJECT_ROOT, 'tests', 'fixtures');

const ASTRO_BIN = join(PROJECT_ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');
const PROJECT_FILES = ['astro.config.mjs', 'tsconfig.json', 'package.json', 'src', 'public'];

export interface SiteOptions {
  /**
   * The work entries, as file name to file text. Replaces the project's own entries; leave it out
   * to build the project's real content.
   */
  entries?: Record<string, string>;
  /** Extra files to write, by path relative to the site root (`public/x.txt`, `src/pages/x.astro`). */
  files?: Record<string, string>;
}

export interface Site {
  root: string;
  dist: string;
}

/** Writes a fixture site: a copy of the project under `tests/.output/sites/<name>`. */
export async function createSite(name: string, options: SiteOptions = {}): Promise<Site> {
  const root = join(OUTPUT_ROOT, 'sites', name);
  await rm(root, { recursive: true, force: true });
  await mkdir(root, { recursive: true });
  for (const file of PROJECT_FILES) {
    await cp(join(PROJECT_ROOT, file), join(root, file), { recursive: true });
  }
  if (options.entries) {
    const work = join(root, 'src', 'content', 'work');
    await rm(work, { recursive: true, force: true });
    await mkdir(work, { recursive: true });
    for (const [file, text] of Object.entries(options.entries)) {
      await mkdir(dirname(join(work, file)), { recursive: true });
      await writeFile(join(work, file), text);
    }
  }
  for (const [file, text] of Object.entries(options.files ?? {})) {
    await mkdir(dirname(join(root, file)), { recursive: true });
    await writeFile(join(root, file), text);
  }
  return { root, dist: join(root, 'dist') };
}

export interface CommandResult {
  exitCode: number;
  /** stdout and stderr together, without colour codes. */
  output: string;
}

/** Runs the Astro CLI in a site on this test run's Node, as `npm run build` would. */
export function runAstro(site: Site, args: string[], env: Record<string, string> = {}): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [ASTRO_BIN, ...args], {
      cwd: site.root,
      env: { ...cleanEnv(), ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', SITE_URL: '', BASE_PATH: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ exitCode: code ?? 1, output: stripAnsi(output) }));
  });
}

/**
 * The environment without what Vitest adds for its own runs: `BASE_URL`, `MODE` and `NODE_ENV=test`
 * would otherwise leak into Vite inside the child build and override the site's base path.
 */
function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'TEST', 'FORCE_COLOR']) delete env[key];
  for (const key of Object.keys(env)) if (key.startsWith('VITEST')) delete env[key];
  return env;
}

/** Creates a fixture site and builds it. */
export async function buildSite(
  name: string,
  options: SiteOptions & { env?: Record<string, string> } = {},
): Promise<Site & CommandResult> {
  const site = await createSite(name, options);
  const result = await runAstro(site, ['build'], options.env);
  return { ...site, ...result };
}

export function stripAnsi(text: string): string {
  // ANSI colour sequences start with ESC.
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}

/** Every file under a folder, as sorted `/`-separated relative paths. */
export async function listFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}

export function readText(folder: string, file: string): Promise<string> {
  return readFile(join(folder, file), 'utf8');
}

/** A fixture file's text, from `tests/fixtures/<path>`. */
export function fixture(path: string): Promise<string> {
  return readFile(join(FIXTURES, path), 'utf8');
}

/** Every file of a fixture folder, as file name to text, ready for `SiteOptions.entries`. */
export async function fixtureEntries(folder: string): Promise<Record<string, string>> {
  const entries: Record<string, string> = {};
  for (const file of await listFiles(join(FIXTURES, folder))) {
    entries[file] = await readFile(join(FIXTURES, folder, file), 'utf8');
  }
  return entries;
}

/** A built site's files and the text of its HTML pages, for inspection. */
export interface BuiltSite {
  files: Set<string>;
  pages: Map<string, string>;
}

export async function readBuiltSite(dist: string): Promise<BuiltSite> {
  const files = new Set(await listFiles(dist));
  const pages = new Map<string, string>();
  for (const file of files) {
    if (file.endsWith('.html')) pages.set(file, await readText(dist, file));
  }
  return { files, pages };
}

export interface DevServer {
  url: string;
  /** Everything the dev server printed so far, without colour codes. */
  output(): string;
  /** Resolves when the output contains the text (or rejects after the timeout). */
  waitFor(text: string, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/** Starts `astro dev` in a site on a free port of 127.0.0.1. */
export async function startDevServer(site: Site, env: Record<string, string> = {}): Promise<DevServer> {
  const port = await new Promise<number>((resolve) => {
    const probe = createNetServer().listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address() as AddressInfo;
      probe.close(() => resolve(free));
    });
  });
  const child = spawn(process.execPath, [ASTRO_BIN, 'dev', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: site.root,
    env: { ...cleanEnv(), ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', SITE_URL: '', BASE_PATH: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const listeners = new Set<() => void>();
  const append = (chunk: Buffer) => {
    output += stripAnsi(chunk.toString());
    for (const listener of listeners) listener();
  };
  child.stdout.on('data', append);
  child.stderr.on('data', append);
  const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));

  const waitFor = (text: string, timeoutMs = 60_000, from = 0) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (output.indexOf(text, from) !== -1) {
          listeners.delete(check);
          clearTimeout(timer);
          resolve();
        }
      };
      const timer = setTimeout(() => {
        listeners.delete(check);
        reject(new Error(`astro dev did not print "${text}" within ${timeoutMs} ms. Output:\n${output}`));
      }, timeoutMs);
      listeners.add(check);
      check();
    });

  await waitFor('watching for file changes');
  return {
    url: `http://127.0.0.1:${port}/`,
    output: () => output,
    waitFor: (text, timeoutMs) => waitFor(text, timeoutMs),
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
