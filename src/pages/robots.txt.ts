import type { APIRoute } from 'astro';
import { robotsTxt } from '../lib/seo/robots';
import { canonical } from '../site-url';

/** `robots.txt`, with the sitemap's address on this build's origin and base. */
export const GET: APIRoute = () =>
  new Response(robotsTxt(canonical('/sitemap-index.xml')), { headers: { 'content-type': 'text/plain; charset=utf-8' } });
