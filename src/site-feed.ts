import { render } from 'astro:content';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { absoluteUrls } from './lib/html/absolute-urls.ts';
import { atomFeed, FEED_POSTS } from './lib/seo/feed.ts';
import site from './site.config.ts';
import { newestPosts, type PostEntry } from './site-content.ts';
import { canonical } from './site-url.ts';

/** Renders MDX posts for the feed; made only when a post needs it, as making one takes a while. */
let container: Promise<AstroContainer> | undefined;

/** A post's full HTML: Markdown is rendered when content syncs; MDX is rendered here. */
async function postHtml(post: PostEntry): Promise<string> {
  if (post.rendered?.html !== undefined) return post.rendered.html;
  const { Content } = await render(post);
  container ??= AstroContainer.create();
  return (await container).renderToString(Content);
}

/**
 * The Atom feed as served at `path` (`/feed.xml`, or another address of `posts.feeds`): the newest
 * posts in full, with absolute links, its `self` link naming that address.
 */
export async function feedResponse(path: string): Promise<Response> {
  const home = canonical('/');
  const posts = await Promise.all(
    (await newestPosts()).slice(0, FEED_POSTS).map(async ({ post, title, facts }) => ({
      title,
      url: canonical(facts.permalink),
      published: facts.published,
      content: absoluteUrls(await postHtml(post), home),
      summary: post.data.description,
      categories: facts.categories,
    })),
  );
  const xml = atomFeed(
    { title: site.name, description: site.description, home, self: canonical(path), author: { name: site.name, email: site.email }, lang: site.lang },
    posts,
  );
  return new Response(xml, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
}
