/**
 * Jekyll layout names and the five layouts of this project they become: `work_page` (an entry and
 * its record), `work` (a group's index), `home`, `page` (title and content) and `blog`.
 */
import { splitFrontMatter, readFrontMatter } from './front-matter.ts';

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

const HOME_LIKE = /^(home|homepage|home[-_]page|index|landing|front|front[-_]?page|splash)$/i;
const BLOG_LIKE = /^(blog|posts|archive|archives|post[-_]?list|post[-_]?index)$/i;
/** Layouts of common themes (minima, minimal-mistakes, …) that show a title and the content. */
const PAGE_LIKE = /^(page|default|single|post|article|about|contact|plain|base|wide|compress)$/i;

/** The layout and every layout it sits in (`layout:` in a layout's own front matter), as their texts. */
function chainOf(name: string, files: LayoutFiles): string[] {
  const chain: string[] = [];
  let current: string | undefined = name;
  while (current !== undefined && chain.length < 10) {
    const text = files.get(current);
    if (text === undefined) break;
    chain.push(text);
    const split = splitFrontMatter(text);
    const front = split ? readFrontMatter(split.yaml) : undefined;
    const parent = front?.ok ? front.data['layout'] : undefined;
    current = typeof parent === 'string' && parent !== current ? parent : undefined;
  }
  return chain;
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
  if (name === undefined || name === null || name === '' || name === 'none' || name === 'null' || name === false) {
    return { layout: 'page', reason: 'no layout: shows the title and the content', unsure: false };
  }
  const layout = String(name);
  const chain = chainOf(layout, context.files).join('\n');
  const listsPosts = /\{%-?\s*for\s+\w+\s+in\s+(site|paginator)\.posts\b/.test(chain);
  if (layout === 'home') {
    // minima's home layout also lists the posts; here the blog's index does.
    return home(listsPosts ? 'its layout also listed the posts, which this project lists on the blog\'s index (a page with layout: blog)' : '');
  }
  if ((LAYOUTS as readonly string[]).includes(layout)) return { layout: layout as Layout, reason: '', unsure: false };
  if (layout === 'post') return { layout: 'page', reason: 'a post layout outside _posts: shows the title and the content', unsure: false };
  if (layout === 'default') return { layout: 'page', reason: 'shows the title and the content', unsure: false };

  if (HOME_LIKE.test(layout)) return home('a home page layout');
  if (BLOG_LIKE.test(layout) || listsPosts) {
    return { layout: 'blog', reason: 'lists the posts', unsure: false };
  }
  if (context.hasData && /site\.data\s*\[/.test(chain)) {
    return /\{%-?\s*for\s+\w+\s+in\s+site\.data\s*\[/.test(chain)
      ? { layout: 'work', reason: "lists its group's records as tiles", unsure: false }
      : { layout: 'work_page', reason: "shows the page's record from its group", unsure: false };
  }
  if (/\{\{-?\s*content\s*-?\}\}/.test(chain)) return { layout: 'page', reason: 'shows the title and the content', unsure: false };
  if (chain === '' && PAGE_LIKE.test(layout)) return { layout: 'page', reason: "the theme's layout for a page: shows the title and the content", unsure: false };
  return {
    layout: 'page',
    reason: chain === ''
      ? 'not in _layouts (it came from the theme) and not a name the importer knows: written as a plain page (title and content). Check these pages, and change the layout if another fits'
      : 'does not show {{ content }}, so the importer cannot tell what it is: written as a plain page (title and content). Check these pages',
    unsure: true,
  };
}
