/**
 * Which bodies run Liquid, and what their Liquid wrote: the part of src/lib/liquid/ every build loads.
 * liquidjs and the rest of the engine are loaded only when a page has Liquid to run (see `liquidModule`),
 * so a site without Liquid does not pay for them.
 */
import { createRequire } from 'node:module';
import type * as Project from './project.ts';

// Its own module, so the engine reads it without importing this one (which loads the engine).
export { INCLUDES_DIR } from './includes-dir.ts';

/** Whether a body has Liquid to run: without `{{` or `{%` it is left exactly as it is. */
export const hasLiquid = (body: string): boolean => body.includes('{{') || body.includes('{%');

/** Whether a page's body is run through Liquid: `.md` with `{{` or `{%`, unless it says `liquid: false`. */
export function runsLiquid(file: string, data: Readonly<Record<string, unknown>> | undefined, body: string): boolean {
  return file.endsWith('.md') && data?.['liquid'] !== false && hasLiquid(body);
}

let loaded: typeof Project | undefined;

/** The engine and the site's variables (project.ts), loaded the first time a body needs them. */
export function liquidModule(): typeof Project {
  return (loaded ??= createRequire(import.meta.url)('./project.ts') as typeof Project);
}

/**
 * What each page's Liquid wrote, kept by file and body for the content loader. The checks run before
 * the loader in the same process (and, in `astro dev`, in another copy of this module: the values
 * live on `globalThis`).
 */
function rendered(): Map<string, string> {
  const store = globalThis as { [key: symbol]: unknown };
  return (store[Symbol.for('portfolio.liquidRendered')] ??= new Map<string, string>()) as Map<string, string>;
}

/** Astro and the checks split front matter from the body alike, up to the line endings and blank lines around it. */
const keyOf = (file: string, body: string) => `${file}\u0000${body.replace(/\r\n?/g, '\n').trim()}`;

/** Keeps what a body's Liquid wrote. */
export function rememberRendered(file: string, body: string, text: string): void {
  const values = rendered();
  const key = keyOf(file, body);
  values.delete(key);
  values.set(key, text);
  for (const oldest of values.keys()) {
    if (values.size <= 4096) break;
    values.delete(oldest);
  }
}

/** What this body's Liquid wrote at the last check, if it was checked. */
export function renderedBefore(file: string, body: string): string | undefined {
  return rendered().get(keyOf(file, body));
}

/** What the blog index's Liquid wrote for each page of its list (when it reads `paginator`), by body. */
function listed(): Map<string, readonly string[]> {
  const store = globalThis as { [key: symbol]: unknown };
  return (store[Symbol.for('portfolio.liquidListed')] ??= new Map<string, readonly string[]>()) as Map<string, readonly string[]>;
}

/** Keeps what a body's Liquid wrote for pages 1, 2, … of the blog's list. */
export function rememberListed(file: string, body: string, texts: readonly string[]): void {
  const values = listed();
  const key = keyOf(file, body);
  values.delete(key);
  values.set(key, texts);
  for (const oldest of values.keys()) {
    if (values.size <= 64) break;
    values.delete(oldest);
  }
}

/** What this body's Liquid wrote for each page of the list at the last check, if it was checked. */
export function listedBefore(file: string, body: string): readonly string[] | undefined {
  return listed().get(keyOf(file, body));
}

/** What a fresh run of a project's Liquid needs beyond its files: kept by the checks for the loader. */
export interface ProjectSettings {
  root: string;
  /** Reads the project's pages, posts and `public/` files, as the checks read them. */
  read: () => Promise<Pick<Project.ProjectLiquidInput, 'pageFiles' | 'postFiles' | 'publicFiles'>>;
  posts: Project.ProjectLiquidInput['posts'];
  config: Readonly<Record<string, unknown>>;
  url: string;
  baseurl: string;
}

const SETTINGS = Symbol.for('portfolio.liquidSettings');

/** Keeps how to run the project's Liquid afresh (the checks call it; see `renderFresh`). */
export function rememberSettings(settings: ProjectSettings): void {
  (globalThis as { [key: symbol]: unknown })[SETTINGS] = settings;
}

/**
 * A body's Liquid run afresh, for the content loader when the checks have not seen this body yet (in
 * `astro dev`, a file is loaded again as soon as it is saved, and checked a moment later). `undefined`
 * when the Liquid has a mistake: the checks report it.
 */
export async function renderFresh(file: string, body: string): Promise<string | undefined> {
  return (await listedFresh(file, body, false))?.[0];
}

/**
 * What a body's Liquid writes for each page of the blog's list, run afresh (see `renderFresh`); only
 * page 1 unless `all`. `undefined` when the Liquid has a mistake.
 */
export async function listedFresh(file: string, body: string, all = true): Promise<string[] | undefined> {
  const settings = (globalThis as { [key: symbol]: unknown })[SETTINGS] as ProjectSettings | undefined;
  if (!settings) return undefined;
  const liquid = liquidModule().projectLiquid({ ...settings, ...(await settings.read()) });
  const texts: string[] = [];
  for (const page of all ? liquid.listPages(file, body) : [1]) {
    const result = liquid.render(file, body, 1, page);
    if (!result.ok) return undefined;
    texts.push(result.text);
  }
  return texts;
}
