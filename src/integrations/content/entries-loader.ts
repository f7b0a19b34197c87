import { readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { file, glob } from 'astro/loaders';
import type { Loader, LoaderContext } from 'astro/loaders';
import { markdownFilesBelow } from '../../lib/files.ts';
import { readEntrySource } from '../../lib/frontmatter/read-entry.ts';
import { validatedBefore } from '../../lib/content/validated-front-matter.ts';
import { renderedBefore, renderFresh, runsLiquid } from '../../lib/liquid/bodies.ts';

/** The name the entries' loader goes by, for `refreshContent({ loaders })`. */
export const ENTRIES_LOADER_NAME = 'portfolio-entries';

export interface EntriesLoaderOptions {
  /** The glob of entry files, relative to `base`. */
  pattern: string;
  /** The collection folder, relative to the project root. */
  base: string;
}

/** Entry files whose front matter cannot be read at all, relative to the folder, `/`-separated. */
export async function unreadableEntries(folder: string): Promise<string[]> {
  const unreadable: string[] = [];
  for (const path of await markdownFilesBelow(folder)) {
    if (!readEntrySource(await readFile(join(folder, path), 'utf8')).ok) unreadable.push(path);
  }
  return unreadable;
}

/** Glob patterns match `[`, `*` and friends specially; a file name is matched literally. */
export const literal = (path: string) => path.replace(/[\\[\]{}()*?!+@]/g, '\\$&');

/** The part of Astro's data store the loader touches. */
type Store = LoaderContext['store'];

/**
 * The store as the glob loader sees it in dev: an entry whose data failed the schema (its id in
 * `invalid`) is taken out instead of stored, so its page shows the problem and the rest render.
 */
export function storeWithout(store: Store, invalid: ReadonlySet<string>): Store {
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property === 'set') {
        return (entry: { id: string }) => {
          if (invalid.has(entry.id)) {
            target.delete(entry.id);
            return false;
          }
          return target.set(entry as Parameters<typeof target.set>[0]);
        };
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/**
 * The glob loader for the entries, made to survive mistakes in `astro dev`. Astro's content sync
 * treats a broken entry as fatal at startup, which would end `astro dev` on the first typo. In dev,
 * entries whose front matter cannot be read are left out of the glob, and entries that fail the schema
 * are left out of the store; the entry checks report both in the terminal and the error overlay, and
 * refresh the collection when they are fixed. Builds use the plain glob loader (the entry checks fail
 * them before content is synced).
 */
export function entriesLoader(options: EntriesLoaderOptions): Loader {
  return {
    name: ENTRIES_LOADER_NAME,
    async load(context: LoaderContext) {
      const liquid = liquidContext(context);
      if (!context.watcher) {
        await glob(options).load(checkedContext(liquid.context));
        return liquid.settled();
      }
      const unreadable = await unreadableEntries(join(fileURLToPath(context.config.root), options.base));
      const loader = glob({ ...options, pattern: [options.pattern, ...unreadable.map((file) => `!${literal(file)}`)] });
      await loader.load(forgivingContext(checkedContext(liquid.context)));
      return liquid.settled();
    },
  };
}

type StoredEntry = Parameters<Store['set']>[0];

/**
 * The loader context in which a Markdown entry with Liquid is rendered from what its Liquid wrote,
 * Liquid first and then Markdown, as Jekyll does. The checks ran the Liquid before the build
 * (src/lib/checks/site.ts) and kept the text; here it goes through Astro's own Markdown renderer
 * (`renderMarkdown`, the site's processor and plugins). An entry without `{{` or `{%` is stored as the
 * glob loader made it, untouched. The stored digest names the Liquid text, so an entry is rendered
 * again whenever what its Liquid wrote changes, even if its own file did not.
 */
export function liquidContext(context: LoaderContext): { context: LoaderContext; settled: () => Promise<void> } {
  const pending: Promise<unknown>[] = [];
  const store = new Proxy(context.store, {
    get(target, property, receiver) {
      if (property === 'set') {
        return (entry: StoredEntry) => {
          const file = entry.filePath;
          const body = entry.body;
          if (file === undefined || body === undefined || !runsLiquid(file, entry.data, body)) return target.set(entry);
          const render = async () => {
            const text = renderedBefore(file, body) ?? (await renderFresh(file, body));
            // A Liquid mistake: the entry is stored as the glob loader made it, and the checks report the mistake.
            if (text === undefined) return target.set(entry);
            // Front matter is read off the text first: a body starting with a `---` rule must not look like some.
            const markdown = text.startsWith('---') ? `\n${text}` : text;
            const rendered = await context.renderMarkdown(markdown, { fileURL: new URL(file, context.config.root) });
            return target.set({ ...entry, digest: context.generateDigest(`${entry.digest ?? ''}\u0000${text}`), rendered });
          };
          pending.push(render());
          return true;
        };
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { context: { ...context, store }, settled: async () => void (await Promise.all(pending)) };
}

/**
 * The loader context in which an entry's front matter that the checks validated (the same file, the
 * same front matter) is stored as the checks' schema made it, instead of being validated again.
 */
export function checkedContext(context: LoaderContext): LoaderContext {
  const root = fileURLToPath(context.config.root);
  const parseData: LoaderContext['parseData'] = async (props) => {
    const file = props.filePath === undefined ? undefined : relative(root, props.filePath).split(sep).join('/');
    const known = file === undefined ? undefined : validatedBefore(file, props.data);
    return known ? (known.data as typeof props.data) : context.parseData(props);
  };
  return { ...context, parseData };
}

/**
 * The loader context of `astro dev` in which an entry that fails its schema is left out of the store
 * instead of stopping the loader; the checks report it, on its own page.
 */
export function forgivingContext(context: LoaderContext): LoaderContext {
  const invalid = new Set<string>();
  const parseData: LoaderContext['parseData'] = async (props) => {
    try {
      invalid.delete(props.id);
      return await context.parseData(props);
    } catch {
      invalid.add(props.id);
      return props.data;
    }
  };
  return { ...context, parseData, store: storeWithout(context.store, invalid) };
}

/**
 * Astro's `file()` loader for a group's data file, made to survive mistakes in `astro dev` as the
 * entries' loader does: a record that fails its schema is left out while the rest load.
 */
export function recordsLoader(fileName: string, parser: (text: string) => Array<Record<string, unknown>>): Loader {
  const loader = file(fileName, { parser });
  return { name: `portfolio-records ${fileName}`, load: (context) => loader.load(context.watcher ? forgivingContext(context) : context) };
}
