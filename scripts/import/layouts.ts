/**
 * Jekyll layout names and the five layouts of this project they become: `work_page` (an entry and
 * its record), `work` (a group's index), `home`, `page` (title and content) and `blog`. Known theme
 * layouts are a table (`THEME_LAYOUTS`); a layout the table does not know is judged from its own
 * Liquid. `printedFields` reads which of the page's own fields a layout printed, so the page shows them.
 */
import { Liquid, Output, Tokenizer, TypeGuards, type Template } from 'liquidjs';
import { SUBTITLE_MAX_LENGTH } from '../../src/lib/schema/page.ts';
import { splitFrontMatter, readFrontMatter } from './front-matter.ts';
import type { ReportLine } from './report.ts';

export const LAYOUTS = ['work_page', 'work', 'home', 'page', 'blog'] as const;
export type Layout = (typeof LAYOUTS)[number];

export interface LayoutChoice {
  layout: Layout;
  /** Why, for the report: "shows the title and the content". Empty when the name is this project's own. */
  reason: string;
  /** The name could not be matched to anything known: the owner should look at the page. */
  unsure: boolean;
}

/** The theme's layout files, `_layouts/<name>.html`, by name. */
export type LayoutFiles = ReadonlyMap<string, string>;

/**
 * What a known theme layout becomes. `home` is this project's home layout at "/" and a plain page
 * elsewhere; a list layout whose page's own Liquid makes the list (academicpages' `archive`) is a plain
 * page, since that Liquid runs at build time.
 */
export interface ThemeLayout {
  becomes: 'page' | 'home' | 'blog';
  reason: string;
}

const SHOWS = 'shows the title and the content';
const LISTS_IN_BODY = 'a list page whose own Liquid makes the list, which runs at build time: a plain page';

/** Layouts of common themes, by name: minima, minimal-mistakes / academicpages, al-folio, hydejack, Beautiful Jekyll, Chirpy... */
export const THEME_LAYOUTS: Readonly<Record<string, ThemeLayout>> = {
  // minima
  home: { becomes: 'home', reason: '' },
  page: { becomes: 'page', reason: '' },
  post: { becomes: 'page', reason: `a post layout outside _posts: ${SHOWS}` },
  default: { becomes: 'page', reason: SHOWS },
  // minimal-mistakes, academicpages
  single: { becomes: 'page', reason: `the theme's layout for a page: ${SHOWS}` },
  talk: { becomes: 'page', reason: `the theme's layout for a talk: ${SHOWS}` },
  splash: { becomes: 'home', reason: 'a landing page' },
  archive: { becomes: 'page', reason: LISTS_IN_BODY },
  'archive-taxonomy': { becomes: 'page', reason: LISTS_IN_BODY },
  collection: { becomes: 'page', reason: LISTS_IN_BODY },
  categories: { becomes: 'page', reason: LISTS_IN_BODY },
  tags: { becomes: 'page', reason: LISTS_IN_BODY },
  posts: { becomes: 'blog', reason: 'lists the posts' },
  search: { becomes: 'page', reason: SHOWS },
  compress: { becomes: 'page', reason: SHOWS },
  // al-folio
  about: { becomes: 'home', reason: "the owner's about page" },
  cv: { becomes: 'page', reason: SHOWS },
  distill: { becomes: 'page', reason: SHOWS },
  bib: { becomes: 'page', reason: SHOWS },
  // other common names
  homepage: { becomes: 'home', reason: 'a home page layout' },
  'home-page': { becomes: 'home', reason: 'a home page layout' },
  home_page: { becomes: 'home', reason: 'a home page layout' },
  index: { becomes: 'home', reason: 'a home page layout' },
  landing: { becomes: 'home', reason: 'a home page layout' },
  front: { becomes: 'home', reason: 'a home page layout' },
  frontpage: { becomes: 'home', reason: 'a home page layout' },
  blog: { becomes: 'blog', reason: '' },
  archives: { becomes: 'blog', reason: 'lists the posts' },
  'post-list': { becomes: 'blog', reason: 'lists the posts' },
  article: { becomes: 'page', reason: SHOWS },
  contact: { becomes: 'page', reason: SHOWS },
  plain: { becomes: 'page', reason: SHOWS },
  base: { becomes: 'page', reason: SHOWS },
  wide: { becomes: 'page', reason: SHOWS },
  project: { becomes: 'page', reason: SHOWS },
  publication: { becomes: 'page', reason: SHOWS },
  none: { becomes: 'page', reason: `no layout: ${SHOWS}` },
  null: { becomes: 'page', reason: `no layout: ${SHOWS}` },
};

/** The layout and every layout it sits in (`layout:` in a layout's own front matter), as their texts. */
export function layoutChain(name: string, files: LayoutFiles): string[] {
  const chain: string[] = [];
  let current: string | undefined = name;
  while (current !== undefined && chain.length < 10) {
    const text = files.get(current);
    if (text === undefined) break;
    const split = splitFrontMatter(text);
    chain.push(split ? split.body : text);
    const front = split ? readFrontMatter(split.yaml) : undefined;
    const parent = front?.ok ? front.data['layout'] : undefined;
    current = typeof parent === 'string' && parent !== current ? parent : undefined;
  }
  return chain;
}

/**
 * The site's own layout text to write as the body of a page whose body is empty, when that layout
 * (not a theme's) is where the page's words are: it lists or prints with Liquid around `{{ content }}`
 * (minima-data's `projects` layout loops over `site.data.projects` for an empty `projects.md`). The
 * build runs that Liquid as Jekyll ran it. The text keeps its `{{ content }}`, for the caller to
 * fill. Undefined when the layout adds nothing of its own.
 */
export function layoutBody(name: unknown, files: LayoutFiles, includes: Includes = new Map()): string | undefined {
  if (typeof name !== 'string') return undefined;
  const own = layoutChain(name, files)[0];
  if (own === undefined || /\bpaginator\b/.test(own)) return undefined;
  const lists = loopsOverSite(own, includes);
  // A layout that never printed `{{ content }}` is a page's words only when it lists (Hydeout's
  // `tags` layout: `{% include tags-list.html %}`, which loops over `site.tags`).
  if (!/\{\{-?\s*content\s*-?\}\}/.test(own) && !lists) return undefined;
  // The site's own copy of a theme's layout (minima's `home` under `posts.md`) counts when it loops
  // over the site (its posts, its data), also in an include; a copy that only prints the page's title adds nothing.
  if (Object.hasOwn(THEME_LAYOUTS, name) && !lists) return undefined;
  const rest = own.replace(/\{\{-?\s*content\s*-?\}\}/g, '');
  return /\{[{%]/.test(rest) ? own.trim() : undefined;
}

/** The site's `_includes/` files, by name inside `_includes/` (`tags-list.html`). */
export type Includes = ReadonlyMap<string, string>;

/**
 * Whether a layout's text loops over the site (`{% for post in site.posts %}`, `site.data.x`,
 * `site.categories[...]`): a list. Also through the includes it names, and theirs.
 */
export function loopsOverSite(text: string, includes: Includes = new Map()): boolean {
  const texts = [text];
  const reached = new Set<string>();
  for (let index = 0; index < texts.length; index++) {
    const current = texts[index] ?? '';
    if (/\{%-?\s*for\s+\w+\s+in\s+site\./.test(current)) return true;
    for (const included of includeNames(current)) {
      const found = includes.get(included);
      if (found !== undefined && !reached.has(included)) {
        reached.add(included);
        texts.push(found);
      }
    }
  }
  return false;
}

/** The includes a text names with a fixed name (`{% include tags-list.html %}`), read with liquidjs' tokenizer. */
function includeNames(text: string): string[] {
  if (!text.includes('include')) return [];
  try {
    return new Tokenizer(text)
      .readTopLevelTokens()
      .flatMap((token) =>
        TypeGuards.isTagToken(token) && (token.name === 'include' || token.name === 'include_cached') ? [token.args.trim().split(/\s+/)[0] ?? ''] : [],
      );
  } catch {
    return [];
  }
}

export interface LayoutContext {
  /** The address the page was served at: only `/` can be this project's home page. */
  url: string;
  /** Whether the page names a group in `data:`. */
  hasData: boolean;
  files: LayoutFiles;
}

/** What a page's layout becomes, and why. */
export function mapLayout(name: unknown, context: LayoutContext): LayoutChoice {
  const home = (reason: string): LayoutChoice =>
    context.url === '/'
      ? { layout: 'home', reason, unsure: false }
      : { layout: 'page', reason: `${reason ? `${reason}; ` : ''}this project's home layout is only for "/": a plain page here`, unsure: false };
  if (name === undefined || name === null || name === '' || name === false) {
    return { layout: 'page', reason: `no layout: ${SHOWS}`, unsure: false };
  }
  const layout = String(name);
  const chain = layoutChain(layout, context.files).join('\n');
  const listsPosts = /\{%-?\s*for\s+\w+\s+in\s+(site|paginator)\.posts\b/.test(chain);
  if (layout === 'home' || (listsPosts && THEME_LAYOUTS[layout]?.becomes === 'home')) {
    // minima's home layout also lists the posts; so does this project's (home-posts.ts says how many).
    return home(listsPosts ? "its layout also listed the posts, and so does this project's home page (home.posts in src/site.config.ts)" : '');
  }
  if ((LAYOUTS as readonly string[]).includes(layout) && layout !== 'page') return { layout: layout as Layout, reason: '', unsure: false };
  // A known page layout stays a page even when it also lists a few posts (minimal-mistakes' `single`
  // shows "You may also enjoy").
  const named = Object.hasOwn(THEME_LAYOUTS, layout) ? THEME_LAYOUTS[layout] : undefined;
  if (named?.becomes === 'page' && !context.hasData) return { layout: 'page', reason: named.reason, unsure: false };
  if (listsPosts) return { layout: 'blog', reason: 'lists the posts', unsure: false };
  if (context.hasData && /site\.data\s*\[/.test(chain)) {
    return /\{%-?\s*for\s+\w+\s+in\s+site\.data\s*\[/.test(chain)
      ? { layout: 'work', reason: "lists its group's records as tiles", unsure: false }
      : { layout: 'work_page', reason: "shows the page's record from its group", unsure: false };
  }
  const known = Object.hasOwn(THEME_LAYOUTS, layout) ? THEME_LAYOUTS[layout] : THEME_LAYOUTS[layout.toLowerCase()];
  if (known) return known.becomes === 'home' ? home(known.reason) : { layout: known.becomes, reason: known.reason, unsure: false };
  if (/\{\{-?\s*content\s*-?\}\}/.test(chain)) return { layout: 'page', reason: SHOWS, unsure: false };
  return {
    layout: 'page',
    reason:
      chain === ''
        ? 'not in _layouts (it came from the theme) and not a name the importer knows: written as a plain page (title and content). Check these pages, and change the layout if another fits'
        : 'does not show {{ content }}, so the importer cannot tell what it is: written as a plain page (title and content). Check these pages',
    unsure: true,
  };
}

/** `page.<key>`s every page layout shows its own way (title, body, address) or that only steer the theme. */
const NOT_SHOWN = new Set([
  'title',
  'content',
  'url',
  'path',
  'id',
  'excerpt',
  'description',
  'layout',
  'permalink',
  'collection',
  'author_profile',
  'share',
  'comments',
  'read_time',
  'toc',
  'toc_label',
  'toc_icon',
  'toc_sticky',
  'header',
  'image',
  'last_modified_at',
  'modified',
  'sidebar',
  'classes',
  'lang',
  'locale',
  'seo_title',
  'canonical_url',
  'redirect_from',
  'redirect_to',
  'output',
  'relative_path',
  'name',
  'dir',
  'next',
  'previous',
  'show',
  'fields',
  'draft',
  'published',
  'related',
  'slug',
  'ext',
  'type_of_page',
  'mathjax',
  'math',
  'search',
  'sitemap',
  'robots',
  'og_image',
  'feature',
  'featured',
  'liquid',
  'scripts',
  'data',
  'headline',
  'subtitle',
  'style',
  'css',
  'js',
  'class',
  'body_class',
  'nav',
  'navigation',
  'menu',
  'header_pages',
]);

const parser = new Liquid();

/** `{% for tag in page.tags %}`: the loop's variable and the page key it walks, or undefined. */
export function loopOverPage(variable: string, collection: string): [string, string] | undefined {
  const key = /^page\.([A-Za-z_][\w-]*)$/.exec(collection.trim())?.[1];
  return key === undefined ? undefined : [variable, key];
}

/** Each output with the loop variables around it that walk a page key (`tag` for `page.tags`). */
function* outputs(
  templates: readonly Template[],
  loops: ReadonlyMap<string, string> = new Map(),
): Generator<{ output: Output; loops: ReadonlyMap<string, string> }> {
  for (const node of templates) {
    if (node instanceof Output) {
      yield { output: node, loops };
      continue;
    }
    const children = (node as { children?: (partials: boolean, sync: boolean) => Generator<unknown, Template[]> }).children;
    if (typeof children !== 'function') continue;
    const walk = children.call(node, false, true);
    let step = walk.next();
    while (!step.done) step = walk.next();
    const { variable, collection } = node as { variable?: unknown; collection?: { getText?: () => string } };
    const loop = typeof variable === 'string' && typeof collection?.getText === 'function' ? loopOverPage(variable, collection.getText()) : undefined;
    if (Array.isArray(step.value)) yield* outputs(step.value, loop ? new Map([...loops, loop]) : loops);
  }
}

/**
 * A layout's `{{ … }}` outputs with their offsets. A layout whose tags liquidjs cannot parse (Ruby's
 * Liquid lets `{% if (a or b) %}` pass) is read output by output, so its other outputs still count.
 */
function layoutOutputs(text: string): { output: Output; begin: number; loops: ReadonlyMap<string, string> }[] {
  try {
    return [...outputs(parser.parse(text))].map(({ output, loops }) => ({ output, begin: output.token.begin, loops }));
  } catch {
    // Read output by output below.
  }
  let tokens;
  try {
    tokens = new Tokenizer(text).readTopLevelTokens();
  } catch {
    return [];
  }
  return tokens.filter(TypeGuards.isOutputToken).flatMap((token) => {
    try {
      const [output] = parser.parse(text.slice(token.begin, token.end));
      return output instanceof Output ? [{ output, begin: token.begin, loops: new Map<string, string>() }] : [];
    } catch {
      return [];
    }
  });
}

/**
 * Whether the site's own layouts or includes print `page.<key>` with `{{ … }}`, read from their Liquid
 * syntax trees: a theme's header shows `page.subtitle` on every page and post that has one.
 */
export function themePrints(key: string, texts: Iterable<string>): boolean {
  for (const text of texts) {
    if (!text.includes(key)) continue;
    for (const { output } of layoutOutputs(text)) {
      let variables: Record<string, { segments: unknown[] }[]>;
      try {
        variables = parser.analyzeSync([output]).variables as typeof variables;
      } catch {
        continue;
      }
      if ((variables['page'] ?? []).some((variable) => variable.segments[1] === key)) return true;
    }
  }
  return false;
}

/**
 * Whether a page's or post's `subtitle` is kept as this project's `subtitle:`, shown under the title:
 * when the theme showed one (`themePrints`) and it fits the schema. Otherwise it stays a variable
 * under `fields:`, for Liquid, as Jekyll kept it; one too long is reported.
 */
export function keptSubtitle(value: unknown, themeShowsSubtitle: boolean, path: string, report: ReportLine[]): boolean {
  if (!themeShowsSubtitle || typeof value !== 'string' || value.trim() === '') return false;
  if (value.trim().length <= SUBTITLE_MAX_LENGTH) return true;
  report.push({
    kind: 'changed',
    file: path,
    message: `its subtitle is ${value.trim().length} characters, longer than the ${SUBTITLE_MAX_LENGTH} this project shows under a title: it is kept under \`fields:\`, not shown. Shorten it and move it back to \`subtitle:\` to show it.`,
  });
  return false;
}

/**
 * The `page.<key>`s a layout (and the layouts it sits in) printed with `{{ … }}`, in the order they
 * first appear, read from its Liquid syntax tree. Keys the page shows anyway (title, content) and
 * keys that only steer the theme are left out. A layout Liquid cannot parse prints nothing we know of.
 */
export function printedFields(name: string, files: LayoutFiles): string[] {
  const keys: string[] = [];
  // The page's own layout first, then the ones it sits in.
  for (const text of layoutChain(name, files)) {
    for (const { output, begin, loops } of layoutOutputs(text)) {
      // A value printed inside a tag is shown only as a link's address (`href`): an image's `src` or a
      // class name is not text on the page.
      const before = text.slice(0, begin);
      if (before.lastIndexOf('<') > before.lastIndexOf('>')) {
        const attribute = /([A-Za-z_:][-A-Za-z0-9_:.]*)\s*=\s*["']?[^"'<>]*$/.exec(before)?.[1]?.toLowerCase();
        if (attribute !== 'href') continue;
      }
      let variables: Record<string, { segments: (string | number | unknown[])[] }[]>;
      try {
        variables = parser.analyzeSync([output]).variables as typeof variables;
      } catch {
        continue;
      }
      const printed = (variables['page'] ?? []).map((variable) => variable.segments[1]);
      // `{{ tag }}` inside `{% for tag in page.tags %}` prints the page's tags.
      for (const [variable, key] of loops) if (variables[variable]?.length) printed.push(key);
      for (const key of printed) {
        if (typeof key === 'string' && !NOT_SHOWN.has(key) && !keys.includes(key)) keys.push(key);
      }
    }
  }
  return keys;
}
