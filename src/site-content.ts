import type { ImageMetadata } from 'astro';
import { getCollection, type CollectionEntry } from 'astro:content';
import { dataGroups, recordsCollection } from './lib/data/data-file.ts';
import { pageViews, type PageView, type RecordLike } from './lib/routing/pages.ts';

/**
 * Binds the pure page rules of `src/lib/routing/pages.ts` to Astro's content collections: the pages,
 * and one collection of records per data file (`records-work` for `src/data/work.yml`).
 */

export type PageEntry = CollectionEntry<'pages'>;
export type Record = RecordLike<ImageMetadata>;
export type View = PageView<PageEntry, ImageMetadata>;

/** Every group's records, by group name. */
async function recordsByGroup(): Promise<Map<string, Record[]>> {
  // The record collections are made per data file, so their names are only known at run time.
  const getRecords = getCollection as unknown as (name: string) => Promise<Record[]>;
  const groups = new Map<string, Record[]>();
  for (const { group } of dataGroups()) groups.set(group, await getRecords(recordsCollection(group)));
  return groups;
}

let views: Promise<View[]> | undefined;

/** Every published page's view; computed once per build, though both page routes ask for it. */
export function siteViews(): Promise<View[]> {
  if (import.meta.env.DEV || !views) views = (async () => pageViews(await getCollection('pages'), await recordsByGroup()))();
  return views;
}
