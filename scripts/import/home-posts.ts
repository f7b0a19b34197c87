/**
 * How many posts the Jekyll home page listed, for `home.posts` in the site config. minima's `home`
 * layout (the default theme of `jekyll new`) lists every post under the owner's text, and a site
 * without a blog page has no other list: the home page here must list them all too, or the older posts
 * are linked from nowhere. Read from the home layout's own Liquid syntax tree (`{% for post in
 * site.posts %}`, with its `limit:`), or, for a theme gem's layout the site does not carry, from what
 * that gem's layout does. Only a loop that prints every post it goes over counts (an output of the
 * post, or an include such as `{% include post-card.html post=post %}`, outside any condition): one
 * that picks (`{% if post.featured %}`) listed fewer, and a loop in the layout around it (a sidebar's
 * "recent posts") is not the home page's list.
 */
import { Liquid, Tag, Output, type Template } from 'liquidjs';
import { layoutChain, type LayoutFiles } from './layouts.ts';

/** Every post, or this many of the newest. */
export type HomePosts = number | 'all';

/**
 * The theme gems whose `home` layout lists the posts, and how many: minima 2.5.1's `_layouts/home.html`
 * loops `{%- for post in site.posts -%}` with no limit.
 */
const THEME_HOME_POSTS: Readonly<Record<string, HomePosts>> = { minima: 'all', 'jekyll-theme-minima': 'all' };

/** What the home layout listed: a count, or why none is taken from it. */
export interface HomePostsFound {
  count?: HomePosts;
  /**
   * A loop over `site.posts` that picks among them, or that this module cannot read: what the
   * report says of it (the project's default stays).
   */
  picks?: string;
}

/** What the report says when the home layout's loop does not show that it printed every post. */
const LEFT_TO_DEFAULT =
  "the home page lists the newest posts as this project's does; set `home: { posts: … }` in src/site.config.ts, or list them in the page's text.";

/** A tag's templates, as liquidjs walks them (`children()` runs at once when nothing is asynchronous). */
function childrenOf(template: Template): Template[] {
  if (!template.children) return [];
  const walk = template.children(false, true);
  let step = walk.next();
  while (!step.done) step = walk.next();
  return step.value;
}

/** Every template below `templates`, those inside tags included. */
function* below(templates: readonly Template[]): Generator<Template> {
  for (const template of templates) {
    yield template;
    yield* below(childrenOf(template));
  }
}

/** Tags that print their body only when a condition holds. */
const CONDITIONS: ReadonlySet<string> = new Set(['if', 'unless', 'case']);

/** Tags that print a file once for each time they run: `{% include post-card.html post=post %}`. */
const INCLUDES: ReadonlySet<string> = new Set(['include', 'include_cached']);

/**
 * Whether a `for` tag's body prints each item it goes over: an output of the item, or an include,
 * outside any condition, and no `break`/`continue`. Otherwise why not, as the report says it.
 */
function printsEvery(loop: Tag & { variable?: unknown; templates?: Template[] }, written: string): true | string {
  const variable = typeof loop.variable === 'string' ? loop.variable : undefined;
  const body = loop.templates ?? [];
  const tags = [...below(body)].filter((template) => template instanceof Tag);
  if (tags.some((tag) => tag.name === 'break' || tag.name === 'continue'))
    return `its layout listed only some posts (\`${written}\` with a \`break\` or \`continue\` inside): ${LEFT_TO_DEFAULT}`;
  const item = variable === undefined ? undefined : new RegExp(`^\\s*${variable}\\b`);
  const prints = body.some(
    (template) => (template instanceof Output && item?.test(template.token.content)) || (template instanceof Tag && INCLUDES.has(template.name)),
  );
  if (prints) return true;
  if (tags.some((tag) => CONDITIONS.has(tag.name))) return `its layout listed only some posts (\`${written}\` with a condition inside): ${LEFT_TO_DEFAULT}`;
  return `its layout lists posts with \`${written}\` in a way this import does not read, so how many it showed is not known: ${LEFT_TO_DEFAULT}`;
}

/** The home layout's own Liquid as a tree, a plugin's tag (`{% seo %}`) read as writing nothing; `undefined` when it does not parse. */
function parsed(text: string): Template[] | undefined {
  const engine = new Liquid({ jekyllInclude: true, dynamicPartials: false });
  for (let attempt = 0; attempt < 10; attempt++) {
    try {
      return engine.parse(text);
    } catch (error) {
      const unknown = /tag "([\w-]+)" not found/.exec(error instanceof Error ? error.message : '')?.[1];
      if (unknown === undefined) return undefined;
      engine.registerTag(unknown, { parse() {}, render: () => '' });
    }
  }
  return undefined;
}

/**
 * How many posts the home page's Jekyll layout `name` listed from `site.posts`: `'all'` without a
 * `limit:`, else the limit; nothing when it listed none this way (a `paginator` list is the blog's,
 * and a list the page's own Liquid makes stays in the page), or only some, or in a way not read here (`picks`).
 */
export function homePostCount(name: unknown, files: LayoutFiles, theme: unknown): HomePostsFound {
  if (typeof name !== 'string') return {};
  const [own] = layoutChain(name, files);
  if (own === undefined)
    return typeof theme === 'string' && name === 'home' && Object.hasOwn(THEME_HOME_POSTS, theme) ? { count: THEME_HOME_POSTS[theme] ?? 'all' } : {};
  const found: HomePostsFound = {};
  for (const template of below(parsed(own) ?? [])) {
    if (!(template instanceof Tag) || template.name !== 'for') continue;
    const args = template.token.args;
    const loop = /^\s*\w+\s+in\s+site\.posts(?![\w.[])(.*)$/s.exec(args);
    if (!loop) continue;
    const every = printsEvery(template, `{% for ${args.trim()} %}`);
    if (every !== true) {
      found.picks ??= every;
      continue;
    }
    const limit = /\blimit\s*:\s*(\d+)/.exec(loop[1] ?? '');
    const listed: HomePosts = limit?.[1] === undefined ? 'all' : Number(limit[1]);
    const count = found.count;
    if (count === undefined || listed === 'all' || (count !== 'all' && listed > count)) found.count = listed;
  }
  return found;
}
