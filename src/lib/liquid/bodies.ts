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

/** Astro and the checks split front matter from the body alike, up to the line endings and blank lines around it. */
const keyOf = (file: string, body: string) => `${file}\u0000${body.replace(/\r\n?/g, '\n').trim()}`;

/**
 * Values kept by file and body for the content loader, the newest `limit` of them. The checks run
 * before the loader in the same process (and, in `astro dev`, in another copy of this module: the
 * values live on `globalThis`).
 */
function bodyStore<T>(name: string, limit: number) {
  const values = (): Map<string, T> => ((globalThis as { [key: symbol]: unknown })[Symbol.for(name)] ??= new Map<string, T>()) as Map<string, T>;
  return {
    set(file: string, body: string, value: T): void {
      const map = values();
      const key = keyOf(file, body);
      map.delete(key);
      map.set(key, value);
      for (const oldest of map.keys()) {
        if (map.size <= limit) break;
        map.delete(oldest);
      }
    },
    get: (file: string, body: string): T | undefined => values().get(keyOf(file, body)),
  };
}

/** What each page's Liquid wrote. */
const rendered = bodyStore<string>('portfolio.liquidRendered', 4096);
/** What the blog index's Liquid wrote for each page of its list (when it reads `paginator`). */
const listed = bodyStore<readonly string[]>('portfolio.liquidListed', 64);

/** Keeps what a body's Liquid wrote. */
export const rememberRendered = (file: string, body: string, text: string): void => rendered.set(file, body, text);

/** What this body's Liquid wrote at the last check, if it was checked. */
export const renderedBefore = (file: string, body: string): string | undefined => rendered.get(file, body);

/** Keeps what a body's Liquid wrote for pages 1, 2, … of the blog's list. */
export const rememberListed = (file: string, body: string, texts: readonly string[]): void => listed.set(file, body, texts);

/** What this body's Liquid wrote for each page of the list at the last check, if it was checked. */
export const listedBefore = (file: string, body: string): readonly string[] | undefined => listed.get(file, body);

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
