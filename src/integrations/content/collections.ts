import { defineCollection } from 'astro/content/config';
import { z } from 'astro/zod';
import { dataGroups, recordsCollection, recordsForLoader } from '../../lib/data/data-file.ts';
import { entriesLoader, recordsLoader } from './entries-loader.ts';
import { listPagesLoader } from './list-pages-loader.ts';
import { pageSchema } from '../../lib/schema/page.ts';
import { postSchema } from '../../lib/schema/post.ts';
import { OPTIMIZABLE_IMAGE } from '../../lib/schema/record.ts';

/**
 * The site's content collections: every Markdown page, the blog's posts, and one collection of
 * records per data file. `src/content.config.ts` exports them; see there for why they are made here.
 */
export function siteCollections() {
  /** The groups: one per data file in `src/data/` (`work.yml` is the group `work`). */
  const groups = dataGroups();

  /** Every Markdown page: entries, group index pages, the home page, plain pages, the blog's index. */
  const pages = defineCollection({
    loader: entriesLoader({ pattern: '**/*.{md,mdx}', base: './src/content/pages' }),
    schema: pageSchema({ groups: groups.map(({ group }) => group) }),
  });

  /** Blog posts, one file each, named as in Jekyll's `_posts`: `2019-06-10-useful-shell-aliases.md`. */
  const posts = defineCollection({
    loader: entriesLoader({ pattern: '**/*.{md,mdx}', base: './src/content/posts' }),
    schema: postSchema,
  });

  /** The pages of the blog's list, when its index's Liquid lists the posts through `paginator`. */
  const listPages = defineCollection({
    loader: listPagesLoader(),
    schema: z.object({ file: z.string(), page: z.number() }),
  });

  /**
   * One collection of records per data file, in file order. A record's `image` is a path in `public/`;
   * `imageFile` points Astro's `image()` at the same file, relative to the data file, so pages show an
   * optimised copy while the original keeps its address.
   */
  const recordCollections = Object.fromEntries(
    groups.map(({ group, file: path }) => [
      recordsCollection(group),
      defineCollection({
        loader: recordsLoader(path, (text) =>
          recordsForLoader(text).map((record) => ({
            ...record,
            ...(typeof record['image'] === 'string' && record['image'].startsWith('/') && OPTIMIZABLE_IMAGE.test(record['image'])
              ? { imageFile: `../../public${record['image']}` }
              : {}),
          })),
        ),
        // The records arrive validated against the record schema (recordsForLoader); only the image is
        // Astro's to resolve, so the schema Astro builds for each record is small.
        schema: ({ image }) => z.looseObject({ id: z.string(), position: z.number(), imageFile: image().optional() }),
      }),
    ]),
  );

  return { pages, posts, listPages, ...recordCollections };
}
