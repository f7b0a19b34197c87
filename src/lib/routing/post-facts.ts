/**
 * The facts the posts' rules (posts.ts) work out and the page rules (pages.ts) use: a module of
 * types alone, so neither imports the other for them.
 */

/** A post's address, date and categories. */
export interface PostFacts {
  permalink: string;
  /** The moment it was published, for ordering and the feed. */
  published: Date;
  /** The calendar day in the site's time zone, `YYYY-MM-DD`, for `<time datetime>`. */
  day: string;
  /** The publication moment with the site time zone's offset, RFC 3339, for the feed and JSON-LD. */
  dateTime: string;
  categories: string[];
}

export type PostFactsResult = { ok: true; facts: PostFacts } | { ok: false; field: string; message: string };
