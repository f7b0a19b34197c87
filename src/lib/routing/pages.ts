import { runsLiquid } from '../liquid/bodies.ts';
import { listPageCount, readsPaginator } from '../liquid/paginator.ts';
import type { PageData } from '../schema/page.ts';
import { RECORD_LISTS, type RecordData } from '../schema/record.ts';
import { permalinkRoute, servedPaths } from './permalink.ts';
import type { PostFacts } from './post-facts.ts';
import { redirectsOf } from './redirects.ts';

/** Where the site's Markdown pages live, relative to the project root. */
export const PAGES_DIR = 'src/content/pages';

/**
 * What each Markdown page shows, computed once for the whole site: an entry gets its record, a
 * group's index page its tiles in data-file order. The routes only map these views to templates.
 */

/** The part of a page entry these rules need; matches Astro's collection entries. */
export interface PageLike {
  id: string;
  filePath?: string | undefined;
  data: PageData;
  /** The body as written, before Liquid. */
  body?: string | undefined;
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

/** A post as the blog lists it and its neighbours link to it. */
export interface PostListing<Post> {
  post: Post;
  title: string;
  facts: PostFacts;
  /** The post's file below the posts folder (`2021-06-13-part-3.md`): Jekyll's order among posts of one moment. */
  path?: string | undefined;
}

/**
 * The posts newest first, as Jekyll's `site.posts` and jekyll-paginate list them: Jekyll sorts by date,
 * then by path (`Document#<=>`, Ruby's byte order), and reverses, so of two posts of one moment the
 * one whose path sorts later comes first.
 * https://github.com/jekyll/jekyll/blob/v4.3.1/lib/jekyll/document.rb
 */
export function newestFirst<Listing extends { facts: PostFacts; path?: string | undefined }>(posts: readonly Listing[]): Listing[] {
  const byPath = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...posts].sort((a, b) => b.facts.published.getTime() - a.facts.published.getTime() || byPath(b.path ?? '', a.path ?? ''));
}

/** Where one page of the blog's list stands among the others. */
export interface Pagination {
  /** 1-based. */
  current: number;
  total: number;
  previous?: string | undefined;
  next?: string | undefined;
}

/** What one address of the site shows; `permalink` is where it is served. */
export type PageView<Page extends PageLike, Image, Post = unknown> = { permalink: string } & (
  | { layout: 'work_page'; page: Page; record: RecordView<Image> | undefined; index: { title: string; permalink: string } | undefined }
  | { layout: 'work'; page: Page; tiles: Tile<Image>[] }
  | { layout: 'home' | 'page'; page: Page }
  | {
      layout: 'blog';
      page: Page;
      posts: PostListing<Post>[];
      pagination: Pagination;
      /**
       * Whether the page's own Liquid lists the posts through `paginator` (see src/lib/liquid/paginator.ts):
       * then its body, run for this page of the list, is the list, and the layout lists nothing itself.
       */
      bodyLists: boolean;
    }
  | { layout: 'post'; page?: undefined; listing: PostListing<Post>; previous?: PostListing<Post> | undefined; next?: PostListing<Post> | undefined }
  /** The home page the site makes when no page has the permalink `/`. */
  | { layout: 'default-home'; page?: undefined }
);

/**
 * The address of page `n` of a blog list, as jekyll-paginate numbered them: `/blog/page2/`.
 * Page 1 is the blog's own permalink.
 */
export function paginationPath(blogPermalink: string, page: number): string {
  if (page <= 1) return blogPermalink;
  const folder = blogPermalink.endsWith('/') ? blogPermalink : `${blogPermalink.replace(/\.html$/, '')}/`;
  return `${folder}page${page}/`;
}

/**
 * The permalink of the page that is the site's 404 page (a Jekyll `404.md` with `permalink: /404.html`):
 * `src/pages/404.astro` shows it, so no page route builds it.
 */
export const NOT_FOUND_PERMALINK = '/404.html';

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

/** Pages by every path a static host serves each at: `/work/acme` and `/work/acme.html` alike. */
export function byServedPath<Page extends PageLike>(pages: readonly Page[]): Map<string, Page> {
  const map = new Map<string, Page>();
  for (const page of pages) for (const path of servedPaths(page.data.permalink)) map.set(path, page);
  return map;
}

/**
 * The entry a record's `page` leads to. As on the Jekyll site, `page` is a link written on the group's
 * index page: `acme` from `/work/` is `/work/acme`.
 */
export function entryOfRecord<Page extends PageLike>(page: string | undefined, indexPermalink: string, entries: ReadonlyMap<string, Page>): Page | undefined {
  if (page === undefined || page === '') return undefined;
  try {
    return entries.get(decodeURIComponent(new URL(page, `http://site.invalid${indexPermalink}`).pathname));
  } catch {
    return undefined;
  }
}

/**
 * Every published page's view, in one linear pass over pages, records and posts. `posts` are the
 * published posts; the blog lists them newest first, `perPage` to a page.
 */
export function pageViews<Page extends PageLike, Image, Post = unknown>(
  pages: readonly Page[],
  recordsByGroup: ReadonlyMap<string, readonly RecordLike<Image>[]>,
  posts: readonly PostListing<Post>[] = [],
  perPage = 10,
): PageView<Page, Image, Post>[] {
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

  const newest = newestFirst(posts);
  const redirects = redirectsOf(published);
  const views: PageView<Page, Image, Post>[] = published.flatMap((page): PageView<Page, Image, Post>[] => {
    const { layout, permalink, data: group = '' } = page.data;
    if (page.data.redirect_to !== undefined || permalink === NOT_FOUND_PERMALINK) return [];
    if (layout === 'blog') {
      const total = listPageCount(newest.length, perPage);
      const bodyLists = page.body !== undefined && runsLiquid(page.filePath ?? page.id, page.data, page.body) && readsPaginator(page.body);
      return Array.from({ length: total }, (_, index) => ({
        layout,
        page,
        permalink: paginationPath(permalink, index + 1),
        posts: newest.slice(index * perPage, (index + 1) * perPage),
        bodyLists,
        pagination: {
          current: index + 1,
          total,
          previous: index > 0 ? paginationPath(permalink, index) : undefined,
          next: index + 1 < total ? paginationPath(permalink, index + 2) : undefined,
        },
      }));
    }
    if (layout === 'work_page') {
      const record = recordByTitle.get(`${group}\u0000${page.data.title}`);
      const index = indexOf.get(group);
      return [
        {
          layout,
          page,
          permalink,
          record: record && recordView(record),
          index: index && { title: index.data.title, permalink: index.data.permalink },
        },
      ];
    }
    if (layout === 'work') {
      const entries = byServedPath(entriesOf.get(group) ?? []);
      const tiles = inFileOrder<Image, RecordLike<Image>>(recordsByGroup.get(group) ?? []).map((record) => ({
        name: record.id,
        summary: record.data.summary,
        image: imageOf(record),
        href: entryOfRecord(record.data.page, page.data.permalink, entries)?.data.permalink,
      }));
      return [{ layout, page, permalink, tiles }];
    }
    return [{ layout, page, permalink }];
  });
  newest.forEach((listing, index) => {
    // Previous is the older post, next the newer one, as on Jekyll's post pages.
    views.push({ layout: 'post', permalink: listing.facts.permalink, listing, previous: newest[index + 1], next: newest[index - 1] });
  });
  if (!published.some((page) => page.data.permalink === '/') && !redirects.some((redirect) => redirect.permalink === '/'))
    views.push({ layout: 'default-home', permalink: '/' });
  return views;
}

/** The static paths of one of the two page routes: file addresses (`/work/amazon`) or folder addresses (`/work/`). */
export function routesOf<View extends { permalink: string }>(views: readonly View[], route: 'file' | 'folder') {
  const paths: { params: Record<string, string | undefined>; props: { view: View } }[] = [];
  for (const view of views) {
    const target = permalinkRoute(view.permalink);
    if (target.route !== route) continue;
    paths.push({ params: route === 'file' ? { permalink: target.param } : { folder: target.param }, props: { view } });
  }
  return paths;
}
