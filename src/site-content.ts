import { readFileSync } from 'node:fs';
import type { ImageMetadata } from 'astro';
import { getCollection, type CollectionEntry } from 'astro:content';
import { markdownFilesBelowSync } from './lib/files.ts';
import { dataGroups, readDataFile, recordsCollection } from './lib/data/data-file.ts';
import { newestFirst, pageViews, type PageView, type PostListing, type RecordLike } from './lib/routing/pages.ts';
import { isPublishedPost, POSTS_DIR, postFacts } from './lib/routing/posts.ts';
import site from './site.config.ts';

/**
 * Binds the pure page rules of `src/lib/routing/` to Astro's content collections: the pages, the
 * posts, and one collection of records per data file (`records-work` for `src/data/work.yml`).
 */

export type PageEntry = CollectionEntry<'pages'>;
export type PostEntry = CollectionEntry<'posts'>;
export type Record = RecordLike<ImageMetadata>;
export type View = PageView<PageEntry, ImageMetadata, PostEntry>;
export type Listing = PostListing<PostEntry>;

/** Every group's records, by group name. */
async function recordsByGroup(): Promise<Map<string, Record[]>> {
  // The record collections are made per data file, so their names are only known at run time.
  const getRecords = getCollection as unknown as (name: string) => Promise<Record[]>;
  const groups = new Map<string, Record[]>();
  for (const { group, file } of dataGroups()) {
    // Astro warns about an empty collection on every request: a data file without records (or one
    // that cannot be read, which the checks report) has none to ask for.
    const read = readDataFile(readFileSync(file, 'utf8'));
    groups.set(group, read.ok && read.records.length > 0 ? await getRecords(recordsCollection(group)) : []);
  }
  return groups;
}

/** Whether the site has posts at all; asking Astro for an empty collection prints a warning. */
function hasPosts(): boolean {
  return markdownFilesBelowSync(POSTS_DIR).length > 0;
}

/** The published posts with their addresses and dates (the checks have failed the build on any that has none). */
async function publishedPosts(): Promise<Listing[]> {
  if (!hasPosts()) return [];
  const posts = await getCollection('posts');
  return posts.flatMap((post) => {
    const path = (post.filePath ?? post.id).replace(`${POSTS_DIR}/`, '');
    if (!isPublishedPost(path, post.data)) return [];
    const facts = postFacts(path, post.data, site.posts);
    return facts.ok ? [{ post, title: post.data.title, facts: facts.facts, path }] : [];
  });
}

let views: Promise<View[]> | undefined;

/** Every published page's view; computed once per build, though every route asks for it. */
export function siteViews(): Promise<View[]> {
  if (import.meta.env.DEV || !views) {
    views = (async () => pageViews(await getCollection('pages'), await recordsByGroup(), await publishedPosts(), site.posts.perPage))();
  }
  return views;
}

/** The published posts, newest first: the feed's. */
export async function newestPosts(): Promise<Listing[]> {
  return newestFirst(await publishedPosts());
}
