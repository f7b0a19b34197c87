import { readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { markdownFilesBelow } from '../../lib/files.ts';
import { readEntrySource } from '../../lib/frontmatter/read-entry.ts';
import { listedBefore, listedFresh, runsLiquid } from '../../lib/liquid/bodies.ts';
import { listPageId, readsPaginator } from '../../lib/liquid/paginator.ts';
import { PAGES_DIR } from '../../lib/routing/pages.ts';
import { POSTS_DIR } from '../../lib/routing/posts.ts';

/** What one stored page of the list says about itself. */
export interface ListPageData extends Record<string, unknown> {
  /** The blog index's file, relative to the project root. */
  file: string;
  /** From 1. */
  page: number;
}

/**
 * The pages of the blog's list when its index's Liquid reads `paginator`, as jekyll-paginate rendered
 * its `index.html` once per page: each one is what the index's Liquid wrote for that page (kept by the
 * checks, src/lib/checks/site.ts), rendered by Astro's own Markdown renderer like the index itself
 * (entries-loader.ts). Page 1 is here too, though the index's own entry has it: in `astro dev` a new
 * post changes every page of the list, not the index's file. A page whose Liquid has a mistake is
 * left out: the checks report it.
 */
export function listPagesLoader(): Loader {
  let watching = false;
  return {
    name: 'portfolio-list-pages',
    async load(context: LoaderContext) {
      await storeListPages(context);
      if (!context.watcher || watching) return;
      watching = true;
      // In `astro dev` the list changes with the index and with the posts: stored again after each
      // change, one run after another.
      const root = fileURLToPath(context.config.root);
      const folders = [join(root, PAGES_DIR), join(root, POSTS_DIR)].map((folder) => `${folder}${sep}`);
      let running = Promise.resolve();
      context.watcher.on('all', (_event, path) => {
        if (folders.some((folder) => path.startsWith(folder))) running = running.then(() => storeListPages(context)).catch(() => undefined);
      });
    },
  };
}

async function storeListPages(context: LoaderContext): Promise<void> {
  const root = fileURLToPath(context.config.root);
  const kept = new Set<string>();
  for (const path of await markdownFilesBelow(join(root, PAGES_DIR))) {
    const file = `${PAGES_DIR}/${path}`;
    // Every page is read to find the blog's index: one after another, a thousand small reads cost a
    // tenth of the processor time of as many awaited through the thread pool.
    const source = readFileSync(join(root, file), 'utf8');
    if (!source.includes('paginator')) continue;
    const read = readEntrySource(source);
    if (!read.ok) continue;
    const { data, body } = read.source;
    if (data['layout'] !== 'blog' || !runsLiquid(file, data, body) || !readsPaginator(body)) continue;
    // In `astro dev` the checks run after this, and a post's change leaves the body as it was: run afresh.
    const texts = (context.watcher ? undefined : listedBefore(file, body)) ?? (await listedFresh(file, body));
    if (texts === undefined) continue;
    for (const [index, text] of texts.entries()) {
      const page = index + 1;
      const id = listPageId(file, page);
      const digest = context.generateDigest(`${file}\u0000${page}\u0000${text}`);
      kept.add(id);
      if (context.store.get(id)?.digest === digest) continue;
      const listPage: ListPageData = { file, page };
      // Front matter is read off the text first: a body starting with a `---` rule must not look like some.
      const markdown = text.startsWith('---') ? `\n${text}` : text;
      const rendered = await context.renderMarkdown(markdown, { fileURL: new URL(file, context.config.root) });
      context.store.set({ id, data: await context.parseData({ id, data: listPage }), body: text, digest, rendered, filePath: file });
    }
  }
  for (const id of context.store.keys()) if (!kept.has(id)) context.store.delete(id);
}
