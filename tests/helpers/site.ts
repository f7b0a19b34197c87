import { spawn } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { cp, mkdir, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isMainThread } from 'node:worker_threads';
import { buildEnv } from '../../scripts/lib/child-env.mjs';
import { buildInWarmProcess } from './astro-build.ts';
import { readSiteInput } from '../../src/lib/checks/read-site.ts';
import { filesBelow } from '../../src/lib/files.ts';
import { checkSite, type SitePage, type SiteCheckResult } from '../../src/lib/checks/site.ts';
import { formatProblems } from '../../src/lib/errors.ts';
import type { PostsConfig } from '../../src/lib/routing/posts.ts';

/** The project root: fixture sites are copies of it, so they build exactly as the real site does. */
export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Where test runs write fixture sites and screenshots (ignored by git). */
export const OUTPUT_ROOT = join(PROJECT_ROOT, 'tests', '.output');
/** Tiny real inputs for the build tests. */
export const FIXTURES = join(PROJECT_ROOT, 'tests', 'fixtures');

const ASTRO_BIN = join(PROJECT_ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');
/** The generator: what a fixture site copies from the project. */
const PROJECT_FILES = ['astro.config.mjs', 'tsconfig.json', 'package.json', 'src'];
/**
 * The owner's own files in the project, never read by a test: the repository is the owner's site, so
 * a fixture site starts from the sample site the tests own (tests/fixtures/sample) instead.
 */
export const OWNER_FILES = ['src/content', 'src/data', 'src/includes', 'src/site.config.ts', 'public'] as const;
/** The site every fixture site starts from: the project's sample content, as the tests keep it. */
export const SAMPLE_SITE = join(FIXTURES, 'sample');

/** The project's content folders, each replaced as a whole by the option of the same meaning. */
const CONTENT = { pages: 'src/content/pages', data: 'src/data', posts: 'src/content/posts' } as const;

export interface SiteOptions {
  /**
   * The Markdown pages, by path below `src/content/pages` (`work/amazon.md`) to file text. Replaces
   * the sample site's pages; leave it out to build the sample's (tests/fixtures/sample).
   */
  pages?: Record<string, string>;
  /** The data files, by file name in `src/data` (`work.yml`) to text. Replaces the sample site's. */
  data?: Record<string, string>;
  /** The blog posts, by path below `src/content/posts` (`2019-06-10-aliases.md`). Replaces the sample site's. */
  posts?: Record<string, string>;
  /**
   * Extra files to write, by path relative to the site root (`public/x.txt`, `src/pages/x.astro`),
   * written after the content folders; text, or bytes for an image.
   */
  files?: Record<string, string | Uint8Array>;
}

export interface Site {
  root: string;
  dist: string;
}

/**
 * Writes a fixture site under `tests/.output/sites/<name>`: the project's code with the sample site's
 * content, pages, data, public files and site config (tests/fixtures/sample), then the options'.
 * `linked` code is the project's own, through links, for a site only checked in this process (see
 * `checkSiteFolder`): its modules are the ones this process has loaded already, not a copy to load.
 */
export async function createSite(name: string, options: SiteOptions = {}, code: 'copied' | 'linked' = 'copied'): Promise<Site> {
  const root = join(OUTPUT_ROOT, 'sites', name);
  await rm(root, { recursive: true, force: true });
  await mkdir(root, { recursive: true });
  const ownerFile = (path: string) => OWNER_FILES.some((owned) => path === join(PROJECT_ROOT, owned));
  // A folder of src/ the options write into is copied even for linked code: a write must never go
  // through a link into the project.
  const written = new Set(Object.keys(options.files ?? {}).map((file) => file.split('/').slice(0, 2).join('/')));
  const linked = (path: string) => code === 'linked' && dirname(path) === join(PROJECT_ROOT, 'src') && !written.has(`src/${basename(path)}`);
  // Copied with cpSync: a run writes a hundred sites, and the promise-based cp took three times the
  // processor time for the same files.
  for (const file of PROJECT_FILES) {
    cpSync(join(PROJECT_ROOT, file), join(root, file), { recursive: true, filter: (path) => !ownerFile(path) && !linked(path) });
  }
  if (code === 'linked') {
    for (const entry of readdirSync(join(PROJECT_ROOT, 'src'))) {
      const path = join(PROJECT_ROOT, 'src', entry);
      if (!ownerFile(path) && linked(path)) symlinkSync(path, join(root, 'src', entry));
    }
  }
  for (const file of OWNER_FILES) {
    // The sample has no includes: Liquid's src/includes/ comes with an owner's import.
    if (!existsSync(join(SAMPLE_SITE, file))) continue;
    cpSync(join(SAMPLE_SITE, file), join(root, file), { recursive: true });
  }
  for (const [option, folder] of Object.entries(CONTENT) as [keyof typeof CONTENT, string][]) {
    const files = options[option];
    if (!files) continue;
    await rm(join(root, folder), { recursive: true, force: true });
    await mkdir(join(root, folder), { recursive: true });
    for (const [file, text] of Object.entries(files)) {
      await mkdir(dirname(join(root, folder, file)), { recursive: true });
      await writeFile(join(root, folder, file), text);
    }
  }
  for (const [file, text] of Object.entries(options.files ?? {})) {
    await mkdir(dirname(join(root, file)), { recursive: true });
    await writeFile(join(root, file), text);
  }
  await shareCardCache(root);
  return { root, dist: join(root, 'dist') };
}

/** The social cards every fixture site of a run draws into: most sites show the same sample pages. */
const CARD_CACHE = join(OUTPUT_ROOT, 'og-cards');

/**
 * Points a fixture site's card cache (`node_modules/.astro/og-cards`, see src/integrations/og-cards.ts)
 * at the run's shared one. Cards are named by the hash of what they show and written whole, so sites
 * building at once can share them; drawing the same cards again in each site was seconds per build.
 */
async function shareCardCache(root: string): Promise<void> {
  await mkdir(CARD_CACHE, { recursive: true });
  await mkdir(join(root, 'node_modules', '.astro'), { recursive: true });
  await symlink(CARD_CACHE, join(root, 'node_modules', '.astro', 'og-cards'), 'dir');
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
 * The environment without what Vitest adds for its own runs (`BASE_URL`, `MODE` and `NODE_ENV=test`
 * would leak into Vite inside the child build and override the site's base path): the bench's own.
 */
const cleanEnv = (): NodeJS.ProcessEnv => buildEnv(process.env);

/**
 * `astro build` in a site, in one of the run's processes that have loaded Astro already (see
 * tests/helpers/astro-build.ts): for a site the test expects to build. A test of what a failing
 * build prints runs the command (`runAstro`, or `buildSite` with `command`).
 */
export async function buildAstro(site: Site, env: Record<string, string> = {}): Promise<CommandResult> {
  const result = await buildInWarmProcess(site.root, { SITE_URL: '', BASE_PATH: '', ...env }, () => runAstro(site, ['build'], env));
  return { exitCode: result.exitCode, output: stripAnsi(result.output) };
}

export interface BuildOptions extends SiteOptions {
  env?: Record<string, string>;
  /** Run the `astro build` command itself, in a process of its own: for a build whose failure and output the test checks. */
  command?: true;
}

/** Creates a fixture site and builds it. */
export async function buildSite(name: string, options: BuildOptions = {}): Promise<Site & CommandResult> {
  const site = await createSite(name, options);
  const result = options.command ? await runAstro(site, ['build'], options.env) : await buildAstro(site, options.env);
  return { ...site, ...result };
}

export function stripAnsi(text: string): string {
  // ANSI colour sequences start with ESC.
  // eslint-disable-next-line no-control-regex -- ESC is the character to find.
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}

/** Every file under a folder, as sorted `/`-separated relative paths: the build's own listing. */
export const listFiles = filesBelow;

export function readText(folder: string, file: string): Promise<string> {
  return readFile(join(folder, file), 'utf8');
}

/** A fixture file's text, from `tests/fixtures/<path>`. */
export function fixture(path: string): Promise<string> {
  return readFile(join(FIXTURES, path), 'utf8');
}

/**
 * A fixture folder laid out as a site root (`src/content/pages/…`, `src/data/…`, `public/…`), as site
 * options that lay its files over the project's. A content folder holding only a `.gitkeep` stands
 * for an empty one: it replaces the project's.
 */
export async function fixtureSite(folder: string): Promise<SiteOptions> {
  const files: Record<string, string | Uint8Array> = {};
  const emptied: SiteOptions = {};
  for (const file of await listFiles(join(FIXTURES, folder))) {
    const option = (Object.keys(CONTENT) as (keyof typeof CONTENT)[]).find((key) => file === `${CONTENT[key]}/.gitkeep`);
    if (option) emptied[option] = {};
    else files[file] = await readFile(join(FIXTURES, folder, file));
  }
  return { ...emptied, files };
}

/**
 * The pages `src/pages` builds itself, as the build's entry checks see them: each file without a
 * `[param]` in its path is one static page or endpoint (`404.astro` is `/404`, `feed.xml.ts` is
 * `/feed.xml`). tests/build/entry-errors.test.ts checks this against a real build's output.
 */
export async function staticRoutes(site: Site): Promise<SitePage[]> {
  const files = await listFiles(join(site.root, 'src', 'pages'));
  return files
    .filter((file) => !file.includes('[') && /\.(astro|md|mdx|html|ts|js)$/.test(file) && !file.split('/').some((part) => part.startsWith('_')))
    .map((file) => {
      const path = `/${file.replace(/\.(astro|md|mdx|html|ts|js)$/, '')}`.replace(/(^|\/)index$/, '');
      return { path: path === '' ? '/' : path, file: `src/pages/${file}` };
    });
}

export interface PrebuildResult extends SiteCheckResult {
  /** The message a build prints for these problems (empty when there are none). */
  message: string;
}

/**
 * Runs the checks `astro build` runs before it builds anything, on a site folder, in this process:
 * the files read by the integration's own reader, the site config's posts settings, `checkSite`.
 */
export async function checkSiteFolder(site: Site): Promise<PrebuildResult> {
  const config = (await import(pathToFileURL(join(site.root, 'src', 'site.config.ts')).href)) as { default: { posts: PostsConfig } };
  const input = await readSiteInput(site.root, join(site.root, 'public'), await staticRoutes(site), config.default.posts);
  const result = checkSite(input);
  const message = result.problems.length > 0 ? formatProblems('Some files need fixing before the site can build', result.problems) : '';
  return { ...result, message };
}

/** Where `buildOnce` records each shared build of this run. */
const SHARED_ROOT = join(OUTPUT_ROOT, 'shared');

/**
 * The vitest run this process serves. Each test file runs in a fork of the run's main process, or in
 * a thread of it, so the main process names the run for every file of it: its id, and on Linux its
 * start time too, so a later run that happens to get the same id is not taken for this one.
 */
const RUN_ID = runId(isMainThread ? process.ppid : process.pid);

function runId(pid: number): string {
  try {
    // /proc/<pid>/stat: the 22nd field is the start time; the name (2nd) is in parentheses and may hold spaces.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return `${pid}-${stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? ''}`;
  } catch {
    return String(pid);
  }
}

const sharedInProcess = new Map<string, Promise<Site & CommandResult>>();

const processAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * A build that several test files inspect, made once per test run: the first file to ask runs
 * `build` while holding a lock file, and every other file (in any worker) waits for its result.
 * `name` must always stand for the same `build`.
 */
export function buildOnce(name: string, build: () => Promise<Site & CommandResult>): Promise<Site & CommandResult> {
  let shared = sharedInProcess.get(name);
  if (!shared) {
    shared = buildOnceAcrossWorkers(name, build);
    sharedInProcess.set(name, shared);
  }
  return shared;
}

interface SharedRecord extends Site, CommandResult {
  run: string;
}

async function buildOnceAcrossWorkers(name: string, build: () => Promise<Site & CommandResult>): Promise<Site & CommandResult> {
  await mkdir(SHARED_ROOT, { recursive: true });
  const record = join(SHARED_ROOT, `${name}.json`);
  const lock = join(SHARED_ROOT, `${name}.lock`);
  const readJson = async <T>(file: string): Promise<T | undefined> => {
    try {
      return JSON.parse(await readFile(file, 'utf8')) as T;
    } catch {
      return undefined;
    }
  };
  for (;;) {
    const done = await readJson<SharedRecord>(record);
    if (done?.run === RUN_ID) return { root: done.root, dist: done.dist, exitCode: done.exitCode, output: done.output };
    try {
      await writeFile(lock, JSON.stringify({ run: RUN_ID, pid: process.pid }), { flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = await readJson<{ run: string; pid: number }>(lock);
      // A lock left by a worker that died (or by an earlier run, whose workers are gone) is taken
      // over; one held by a live process, even another run's, is waited for.
      if (holder && !processAlive(holder.pid)) await rm(lock, { force: true });
      else await new Promise((resolve) => setTimeout(resolve, 200));
      continue;
    }
    try {
      await rm(record, { force: true });
      const result = await build();
      const shared: SharedRecord = { run: RUN_ID, root: result.root, dist: result.dist, exitCode: result.exitCode, output: result.output };
      await writeFile(`${record}.tmp`, JSON.stringify(shared));
      await rename(`${record}.tmp`, record);
      return result;
    } finally {
      await rm(lock, { force: true });
    }
  }
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
  /**
   * Resolves when the output contains the text (after its first `from` characters: what came after an
   * edit); rejects if the server exits first. No time limit but the test's.
   */
  waitFor(text: string, from?: number): Promise<void>;
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
  let running = true;
  const exited = new Promise<void>((resolve) =>
    child.on('close', () => {
      running = false;
      for (const listener of listeners) listener();
      resolve();
    }),
  );

  const waitFor = (text: string, from = 0) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (output.includes(text, from)) {
          listeners.delete(check);
          resolve();
        } else if (!running) {
          listeners.delete(check);
          reject(new Error(`astro dev exited before it printed "${text}". Output:\n${output}`));
        }
      };
      listeners.add(check);
      check();
    });

  // Ready when it answers a request: waiting on that, not on the wording of Astro's own log.
  const url = `http://127.0.0.1:${port}/`;
  while (
    !(await fetch(url).then(
      async (response) => (await response.arrayBuffer(), true),
      () => false,
    ))
  ) {
    if (!running) throw new Error(`astro dev exited before it served a request. Output:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    output: () => output,
    waitFor,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The sites several build test files inspect, each built once per test run (see `buildOnce`).

/**
 * A shared build with its `dist` copied for one test file to serve: the shared build is rebuilt by
 * the next test run that asks for it, which must not pull files from under a server this run is
 * still using.
 */
export async function servedCopy(site: Site & CommandResult, name: string): Promise<Site & CommandResult> {
  const dist = join(OUTPUT_ROOT, 'served', name);
  await rm(dist, { recursive: true, force: true });
  if (site.exitCode === 0) await cp(site.dist, dist, { recursive: true });
  return { ...site, dist };
}

/**
 * The sample site (tests/fixtures/sample: the content a fresh clone ships), built as it is. Never the
 * owner's own content, which `npm run build` checks.
 */
export function sampleSite(): Promise<Site & CommandResult> {
  return buildOnce('sample', () => buildSite('sample'));
}

/** Where the fixture site is published: a GitHub Pages project site. */
export const FIXTURE_SITE_ENV = { SITE_URL: 'https://x.github.io', BASE_PATH: '/portfolio' } as const;

/**
 * tests/fixtures/site in place of the project's content, under `/portfolio`: a home page, the work
 * index with a tile per record (one with an image, one without a page), entries at file addresses
 * and one deeper in MDX with an imported component, a plain page at an `.html` address with its own
 * styles, the blog with a post, and two pages never published (a draft, an `_` file).
 */
export function fixtureSiteBuild(): Promise<Site & CommandResult> {
  return buildOnce('portfolio', async () => {
    const { files } = await fixtureSite('site');
    return buildSite('portfolio', {
      pages: {},
      posts: {},
      data: {},
      files: {
        ...files,
        'src/components/Highlight.astro': await fixture('components/Highlight.astro'),
        'public/images/work/orbital-logo.png': await readFile(join(FIXTURES, 'images', 'orbital-logo.png')),
      },
      env: FIXTURE_SITE_ENV,
    });
  });
}

/** tests/fixtures/hostile/allowed: what a hostile site may keep (a consented script, a clean SVG, a refresh to it). */
export function hostileAllowedSite(): Promise<Site & CommandResult> {
  return buildOnce('hostile-allowed', async () => buildSite('security-allowed', await fixtureSite('hostile/allowed')));
}
