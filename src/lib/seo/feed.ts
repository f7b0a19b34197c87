import { Feed } from 'feed';

/**
 * The blog's Atom feed at `/feed.xml`, the address jekyll-feed used, so subscriptions keep working.
 * Written by the `feed` library, not by hand. `<updated>` is the newest post's date, never the build
 * time, so an unchanged site gives a byte-identical feed.
 */

/** The newest posts a feed lists, as jekyll-feed does. */
export const FEED_POSTS = 10;

export interface FeedPost {
  title: string;
  /** The post's absolute URL. */
  url: string;
  published: Date;
  /** The post's full HTML, with absolute links. */
  content: string;
  summary?: string | undefined;
  categories: readonly string[];
}

export interface FeedSite {
  title: string;
  description: string;
  /** The home page's absolute URL. */
  home: string;
  /** The feed's own absolute URL. */
  self: string;
  author: { name: string; email?: string | undefined };
  lang: string;
}

export function atomFeed(site: FeedSite, posts: readonly FeedPost[]): string {
  const newest = [...posts].sort((a, b) => b.published.getTime() - a.published.getTime()).slice(0, FEED_POSTS);
  const feed = new Feed({
    id: site.self,
    title: site.title,
    description: site.description,
    link: site.home,
    language: site.lang,
    feedLinks: { atom: site.self },
    author: { name: site.author.name, ...(site.author.email ? { email: site.author.email } : {}), link: site.home },
    // The newest post's date, or the epoch for a blog with none: never the time of the build.
    updated: newest[0]?.published ?? new Date(0),
    generator: false,
    copyright: `© ${site.author.name}`,
  });
  for (const post of newest) {
    feed.addItem({
      title: post.title,
      id: post.url,
      link: post.url,
      date: post.published,
      published: post.published,
      content: post.content,
      ...(post.summary ? { description: post.summary } : {}),
      author: [{ name: site.author.name, link: site.home }],
      category: post.categories.map((name) => ({ name, term: name })),
    });
  }
  return feed.atom1();
}
