import type { PageData } from '../schema/page.ts';
import { RECORD_LISTS, type RecordData } from '../schema/record.ts';
import { permalinkRoute, servedPaths } from './permalink.ts';

/**
 * What each Markdown page shows, computed once for the whole site: an entry gets its record, a
 * group's index page its tiles in data-file order. The routes only map these views to templates.
 */

/** The part of a page entry these rules need; matches Astro's collection entries. */
export interface PageLike {
  id: string;
  filePath?: string | undefined;
  data: PageData;
}

/** A record as its collection stores it: the fields, its position in the file, and its image's metadata. */
export interface RecordLike<Image> {
  id: string;
  data: RecordData & { position: number; imageFile?: Image | undefined };
}

/** A link as a page shows it. */
export interface ShownLink {
  name: string;
  href: string;
}

/** A record's image: its address on the site, and its file's metadata when the build can optimise it. */
export interface ShownImage<Image> {
  src: string;
  file?: Image | undefined;
}

/** A record as an entry page shows it above the body. */
export interface RecordView<Image> {
  name: string;
  summary?: string | undefined;
  date?: string | undefined;
  image?: ShownImage<Image> | undefined;
  /** The non-empty link lists, each under its heading. */
  lists: { heading: string; links: ShownLink[] }[];
}

/** A record as its group's index page shows it: a tile linking to the entry. */
export interface Tile<Image> {
  name: string;
  summary?: string | undefined;
  image?: ShownImage<Image> | undefined;
  /** The entry's permalink; undefined for a record without a published page. */
  href?: string | undefined;
}

export type PageView<Page extends PageLike, Image> =
  | { layout: 'work_page'; page: Page; record: RecordView<Image> | undefined; index: { title: string; permalink: string } | undefined }
  | { layout: 'work'; page: Page; tiles: Tile<Image>[] }
  | { layout: 'home' | 'page' | 'blog'; page: Page }
  /** The home page the site makes when no page has the permalink `/`. */
  | { layout: 'default-home'; page?: undefined };

/** Drafts, `_`-prefixed files and files in `_`-prefixed folders (`_drafts/`) are never published. */
export function isPublishedFile(path: string, draft: boolean): boolean {
  return !draft && !path.split('/').some((segment) => segment.startsWith('_'));
}

export function isPublished(page: PageLike): boolean {
  return isPublishedFile(page.filePath ?? page.id, page.data.draft);
}

/** A group's records in the order of its data file. */
export function inFileOrder<Image, R extends RecordLike<Image>>(records: readonly R[]): R[] {
  return [...records].sort((a, b) => a.data.position - b.data.position);
}

function imageOf<Image>(record: RecordLike<Image>): ShownImage<Image> | undefined {
  const src = record.data.image;
  return src === undefined ? undefined : { src, file: record.data.imageFile };
}

export function recordView<Image>(record: RecordLike<Image>): RecordView<Image> {
  return {
    name: record.id,
    summary: record.data.summary,
    date: record.data.date,
    image: imageOf(record),
    lists: RECORD_LISTS.map(({ key, heading }) => ({ heading, links: record.data[key].map(({ name, ref }) => ({ name, href: ref })) })).filter(
      (list) => list.links.length > 0,
    ),
  };
}

/**
 * The entry a record's `page` leads to. As on the Jekyll site, `page` is a link written on the group's
 * index page: `acme` from `/work/` is `/work/acme`.
 */
export function entryOfRecord<Page extends PageLike>(page: string | undefined, indexPermalink: string, entries: readonly Page[]): Page | undefined {
  if (page === undefined || page === '') return undefined;
  let target: string;
  try {
    target = decodeURIComponent(new URL(page, `http://site.invalid${indexPermalink}`).pathname);
  } catch {
    return undefined;
  }
  return entries.find((entry) => servedPaths(entry.data.permalink).includes(target));
}

/** Every published page's view, in one linear pass over pages and records. */
export function pageViews<Page extends PageLike, Image>(
  pages: readonly Page[],
  recordsByGroup: ReadonlyMap<string, readonly RecordLike<Image>[]>,
): PageView<Page, Image>[] {
  const published = pages.filter(isPublished);
  const indexOf = new Map<string, Page>();
  const entriesOf = new Map<string, Page[]>();
  for (const page of published) {
    const group = page.data.data;
    if (group === undefined) continue;
    if (page.data.layout === 'work' && !indexOf.has(group)) indexOf.set(group, page);
    if (page.data.layout === 'work_page') entriesOf.set(group, [...(entriesOf.get(group) ?? []), page]);
  }
  const recordByTitle = new Map<string, RecordLike<Image>>();
  for (const [group, records] of recordsByGroup) for (const record of records) recordByTitle.set(`${group}\u0000${record.id}`, record);

  const views: PageView<Page, Image>[] = published.map((page): PageView<Page, Image> => {
    const { layout, data: group = '' } = page.data;
    if (layout === 'work_page') {
      const record = recordByTitle.get(`${group}\u0000${page.data.title}`);
      const index = indexOf.get(group);
      return {
        layout,
        page,
        record: record && recordView(record),
        index: index && { title: index.data.title, permalink: index.data.permalink },
      };
    }
    if (layout === 'work') {
      const entries = entriesOf.get(group) ?? [];
      const tiles = inFileOrder<Image, RecordLike<Image>>(recordsByGroup.get(group) ?? []).map((record) => ({
        name: record.id,
        summary: record.data.summary,
        image: imageOf(record),
        href: entryOfRecord(record.data.page, page.data.permalink, entries)?.data.permalink,
      }));
      return { layout, page, tiles };
    }
    return { layout, page };
  });
  if (!published.some((page) => page.data.permalink === '/')) views.push({ layout: 'default-home' });
  return views;
}

/** The permalink a view is served at. */
export const viewPermalink = (view: PageView<PageLike, unknown>): string => view.page?.data.permalink ?? '/';

/** The static paths of one of the two page routes: file addresses (`/work/amazon`) or folder addresses (`/work/`). */
export function routesOf<View extends PageView<PageLike, unknown>>(views: readonly View[], route: 'file' | 'folder') {
  const paths: { params: Record<string, string | undefined>; props: { view: View } }[] = [];
  for (const view of views) {
    const target = permalinkRoute(viewPermalink(view));
    if (target.route !== route) continue;
    paths.push({ params: route === 'file' ? { permalink: target.param } : { folder: target.param }, props: { view } });
  }
  return paths;
}
