/**
 * Liquid's `paginator` on the blog's index (the page with `layout: blog`), as jekyll-paginate 1.1
 * gives it to the `index.html` it paginates:
 * https://github.com/jekyll/jekyll-paginate/blob/v1.1.0/lib/jekyll-paginate/pager.rb
 * Pure, and free of liquidjs: the routes read `readsPaginator` on every build.
 */
/** Jekyll's `paginator`, as its `to_liquid` names the keys. */
export interface Paginator<Post> {
  page: number;
  per_page: number;
  posts: Post[];
  total_posts: number;
  total_pages: number;
  previous_page: number | null;
  previous_page_path: string | null;
  next_page: number | null;
  next_page_path: string | null;
}

/**
 * How many pages of the list there are: as many as jekyll-paginate wrote, and at least the index
 * itself, which is built even when there are no posts.
 */
export function listPageCount(postCount: number, perPage: number): number {
  return Math.max(1, Math.ceil(postCount / perPage));
}

/**
 * The `paginator` of page `page` (1-based) of the list, `posts` newest first. `pathOf(n)` is where
 * page n is served: the blog's permalink for 1, `/blog/page2/` for 2 (routing's `paginationPath`),
 * from the site root without the base path, as jekyll-paginate gives them (owners write
 * `| relative_url`). Without posts jekyll-paginate made no pager, so `paginator` is nil: undefined.
 */
export function paginatorOf<Post>(posts: readonly Post[], perPage: number, page: number, pathOf: (page: number) => string): Paginator<Post> | undefined {
  // Pager.calculate_pages: a site without posts has no pages, and the index no pager.
  const total = Math.ceil(posts.length / perPage);
  if (total === 0 || page < 1 || page > total) return undefined;
  const start = (page - 1) * perPage;
  const previous = page !== 1 ? page - 1 : null;
  const next = page !== total ? page + 1 : null;
  return {
    page,
    per_page: perPage,
    posts: posts.slice(start, start + perPage),
    total_posts: posts.length,
    total_pages: total,
    previous_page: previous,
    previous_page_path: previous === null ? null : pathOf(previous),
    next_page: next,
    next_page_path: next === null ? null : pathOf(next),
  };
}

/** The Liquid constructs of a body: `{{ … }}` and `{% … %}`. */
const CONSTRUCT = /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g;

/**
 * Whether a body's Liquid reads `paginator`: then its text is the list (jekyll-paginate's way), run
 * once for each page of it, and the blog layout shows that instead of listing the posts itself.
 */
export function readsPaginator(body: string): boolean {
  if (!body.includes('paginator')) return false;
  for (const [construct] of body.matchAll(CONSTRUCT)) if (/\bpaginator\b/.test(construct)) return true;
  return false;
}

/** The id of page `page` of the blog's list in the content store, from its index's file. */
export const listPageId = (file: string, page: number): string => `${file}/page${page}`;
