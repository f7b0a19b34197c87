import type { APIRoute, GetStaticPaths } from 'astro';
import site from '../site.config';
import { feedResponse } from '../site-feed';

// The same Atom feed at the Jekyll site's other feed addresses (`posts.feeds`: Poole's `/atom.xml`),
// so a reader subscribed there keeps getting the posts.
export const getStaticPaths = (() => site.posts.feeds.map((path) => ({ params: { feed: path.slice(1) } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => feedResponse(`/${params.feed ?? ''}`);
