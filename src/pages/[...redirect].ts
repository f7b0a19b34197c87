import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { isPublished } from '../lib/routing/pages';
import { permalinkToFile } from '../lib/routing/permalink';
import { redirectHtml, redirectsJson, redirectsOf } from '../lib/routing/redirects';
import { contentSecurityPolicy } from '../lib/seo/csp';
import site from '../site.config';
import { canonical, href } from '../site-url';

// jekyll-redirect-from's pages and /redirects.json, written as files at the exact old addresses
// (`about/index.html` and `about.html` alike, which two page routes could not both write).
export const getStaticPaths = (async () => {
  const redirects = redirectsOf((await getCollection('pages')).filter(isPublished));
  if (redirects.length === 0) return [];
  const csp = import.meta.env.PROD ? contentSecurityPolicy({ inlineStyles: [] }) : undefined;
  return [
    ...redirects.map((redirect) => ({
      params: { redirect: permalinkToFile(redirect.permalink) },
      props: { body: redirectHtml(redirect, { lang: site.lang, href, absolute: canonical, csp }), type: 'text/html; charset=utf-8' },
    })),
    { params: { redirect: 'redirects.json' }, props: { body: redirectsJson(redirects, canonical), type: 'application/json' } },
  ];
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ body: string; type: string }> = ({ props }) => new Response(props.body, { headers: { 'content-type': props.type } });
