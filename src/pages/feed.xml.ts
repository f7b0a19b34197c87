import type { APIRoute } from 'astro';
import { feedResponse } from '../site-feed';

/** The Atom feed at `/feed.xml`, jekyll-feed's address. */
export const GET: APIRoute = () => feedResponse('/feed.xml');
