import type { APIRoute } from 'astro';
import { render } from 'astro:content';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { absoluteUrls } from '../lib/html/absolute-urls';
import { atomFeed, FEED_POSTS } from '../lib/seo/feed';
import site from '../site.config';
import { newestPosts, type PostEntry } from '../site-content';
import { canonical } from '../site-url';

/** Renders MDX posts for the feed; made only when a post needs it, as making one takes a while. */
let container: Promise<AstroContainer> | undefined;

/** A post's full HTML: Markdown is rendered when content syncs; MDX is rendered here. */
async function postHtml(post: PostEntry): Promise<string> {
  if (post.rendered?.html !== undefined) return post.rendered.html;
  const { Content } = await render(post);
  container ??= AstroContainer.create();
  return (await container).renderToString(Content);
}

/** The Atom feed at `/feed.xml`, jekyll-feed's address: the newest posts in full, with absolute links. */
export const GET: APIRoute = async () => {
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
    { title: site.name, description: site.description, home, self: canonical('/feed.xml'), author: { name: site.name, email: site.email }, lang: site.lang },
    posts,
  );
  return new Response(xml, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
};
