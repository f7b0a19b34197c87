/**
 * How many posts the Jekyll home page listed, for `home.posts` in the site config. minima's `home`
 * layout (the default theme of `jekyll new`) lists every post under the owner's text, and a site
 * without a blog page has no other list: the home page here must list them all too, or the older posts
 * are linked from nowhere. Read from the layout's Liquid syntax tree (`{% for post in site.posts %}`,
 * with its `limit:`), or, for a theme gem's layout the site does not carry, from what that gem's
 * layout does.
 */
import { Tokenizer, TypeGuards } from 'liquidjs';
import { layoutChain, type LayoutFiles } from './layouts.ts';

/** Every post, or this many of the newest. */
export type HomePosts = number | 'all';

/**
 * The theme gems whose `home` layout lists the posts, and how many: minima 2.5.1's `_layouts/home.html`
 * loops `{%- for post in site.posts -%}` with no limit.
 */
const THEME_HOME_POSTS: Readonly<Record<string, HomePosts>> = { minima: 'all', 'jekyll-theme-minima': 'all' };

/**
 * How many posts the home page's Jekyll layout `name` (and the layouts it sits in) listed from
 * `site.posts`: `'all'` without a `limit:`, else the limit. `undefined` when it listed none this way
 * (a `paginator` list is the blog's, and a list the page's own Liquid makes stays in the page).
 */
export function homePostCount(name: unknown, files: LayoutFiles, theme: unknown): HomePosts | undefined {
  if (typeof name !== 'string') return undefined;
  const chain = layoutChain(name, files);
  if (chain.length === 0) return typeof theme === 'string' && name === 'home' && Object.hasOwn(THEME_HOME_POSTS, theme) ? THEME_HOME_POSTS[theme] : undefined;
  let count: HomePosts | undefined;
  for (const text of chain) {
    let tokens;
    try {
      tokens = new Tokenizer(text).readTopLevelTokens();
    } catch {
      continue;
    }
    for (const token of tokens) {
      if (!TypeGuards.isTagToken(token) || token.name !== 'for') continue;
      const loop = /^\s*\w+\s+in\s+site\.posts(?![\w.[])(.*)$/s.exec(token.args);
      if (!loop) continue;
      const limit = /\blimit\s*:\s*(\d+)/.exec(loop[1] ?? '');
      const listed: HomePosts = limit?.[1] === undefined ? 'all' : Number(limit[1]);
      if (count === undefined || listed === 'all' || (count !== 'all' && listed > count)) count = listed;
    }
  }
  return count;
}
