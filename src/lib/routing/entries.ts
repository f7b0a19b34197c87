import type { WorkEntryData } from '../schema/work-entry.ts';
import { permalinkToParam } from './permalink.ts';

/** The part of a content entry the routing rules need; matches Astro's collection entries. */
export interface EntryLike {
  id: string;
  filePath?: string | undefined;
  data: WorkEntryData;
}

/** One link in a group's navigation; the page whose permalink it is marks it current. */
export interface NavLink {
  title: string;
  permalink: string;
}

/** Drafts, `_`-prefixed files and files in `_`-prefixed folders (`_drafts/`) are never published. */
export function isPublished(entry: EntryLike): boolean {
  if (entry.data.draft) return false;
  return !(entry.filePath ?? entry.id).split('/').some((segment) => segment.startsWith('_'));
}

/**
 * Navigation and listing order: an explicit `order` first (lowest first), then the rest newest first
 * (current positions before finished ones), then by title.
 */
export function compareEntries(a: EntryLike, b: EntryLike): number {
  const orderA = a.data.order ?? Number.POSITIVE_INFINITY;
  const orderB = b.data.order ?? Number.POSITIVE_INFINITY;
  if (orderA !== orderB) return orderA < orderB ? -1 : 1;
  // A missing end means "present", which sorts after every year.
  const endA = a.data.end ?? (a.data.start ? '9999' : '');
  const endB = b.data.end ?? (b.data.start ? '9999' : '');
  if (endA !== endB) return endA < endB ? 1 : -1;
  const startA = a.data.start ?? '';
  const startB = b.data.start ?? '';
  if (startA !== startB) return startA < startB ? 1 : -1;
  return a.data.title.localeCompare(b.data.title, 'en');
}

/** The published entries, in display order. */
export function publishedInOrder<E extends EntryLike>(entries: readonly E[]): E[] {
  return entries.filter(isPublished).sort(compareEntries);
}

/** Groups up to this size list every entry in each page's navigation. */
export const FULL_NAVIGATION_LIMIT = 25;
/** In a larger group, a page lists this many entries on each side of itself, and links to the index. */
export const NAVIGATION_NEIGHBOURS = 10;

/** A page's navigation: the links to show, and how many entries the whole group has. */
export interface GroupNavigation {
  links: readonly NavLink[];
  total: number;
}

/**
 * The navigation one page shows. A portfolio-sized group is listed whole (and the same array is shared
 * by all its pages); a very large one shows the page's neighbours, so each page stays small and a
 * build of N entries writes N times a constant number of links, not N squared.
 */
export function navigationFor(group: readonly NavLink[], index: number): GroupNavigation {
  if (group.length <= FULL_NAVIGATION_LIMIT) return { links: group, total: group.length };
  const from = Math.max(0, Math.min(index - NAVIGATION_NEIGHBOURS, group.length - 2 * NAVIGATION_NEIGHBOURS - 1));
  return { links: group.slice(from, from + 2 * NAVIGATION_NEIGHBOURS + 1), total: group.length };
}

/** A page to build: the catch-all route's params and the props its template receives. */
export interface EntryRoute<E extends EntryLike> {
  params: { permalink: string };
  props: { entry: E; navigation: GroupNavigation };
}

/**
 * Every page the catch-all route builds: one per published entry, at its permalink, with the
 * navigation of its `data` group. Groups are gathered once, in one pass, so the work stays linear
 * in the number of entries.
 */
export function entryRoutes<E extends EntryLike>(entries: readonly E[]): EntryRoute<E>[] {
  const published = publishedInOrder(entries);
  const groups = new Map<string, NavLink[]>();
  const positions = published.map(({ data }) => {
    const link = { title: data.title, permalink: data.permalink };
    const group = groups.get(data.data) ?? [];
    groups.set(data.data, group);
    return group.push(link) - 1;
  });
  return published.map((entry, position) => ({
    params: { permalink: permalinkToParam(entry.data.permalink) },
    props: { entry, navigation: navigationFor(groups.get(entry.data.data) ?? [], positions[position] ?? 0) },
  }));
}
