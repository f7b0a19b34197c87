/**
 * The variables a page's Liquid reads, built as Jekyll 4.3 builds them
 * (https://jekyllrb.com/docs/variables/) from the project's own files: `site` (the config, `data`,
 * `posts` newest first, `pages`, each collection, `tags`, `categories`, `time`) and `page`. Pure:
 * the files arrive read (see project.ts). Bodies are given as written, Markdown and all; a page's
 * `content` and `excerpt` are worked out only when its Liquid reads them.
 */
import { markdownToHtml } from 'satteri';
import { isUtcMidnight, postDate } from '../routing/jekyll-time.ts';
import { RubyDay, RubyTimeValue } from './dates.ts';

/** A page or post of the project, as read. */
export interface SourceEntry {
  /** Relative to the project root: `src/content/pages/publications/paper.md`. */
  file: string;
  /** Relative to its content folder: `publications/paper.md`, as Jekyll's `page.path` names it. */
  path: string;
  /** The front matter as written. */
  data: Record<string, unknown>;
  body: string;
  /** Its address, from the site root: `/publications/paper`. */
  url: string;
  published: boolean;
}

/** A post, with what its file name and the site's rules make of it. */
export interface SourcePost extends SourceEntry {
  date: Date;
  categories: string[];
}

export interface LiquidSiteInput {
  /** The site config's values (`name`, `description`, `email`, ...): `site.<key>`. */
  config: Readonly<Record<string, unknown>>;
  /** The site's origin, `https://jane.github.io`: `site.url`. */
  url: string;
  pages: readonly SourceEntry[];
  posts: readonly SourcePost[];
  /** `src/data/` as a tree: `site.data.<file>`, `site.data.<folder>.<file>`. */
  data: Readonly<Record<string, unknown>>;
  /** When the build started: `site.time`. */
  time: Date;
  /** The site's time zone (`posts.timezone`), which a document's `date` is read in; UTC without one. */
  timezone?: string | undefined;
  /** The excerpt separator of posts (Jekyll's `excerpt_separator`, a blank line by default). */
  excerptSeparator?: string | undefined;
  /**
   * Runs the Liquid of an entry's text with the entry as `page`, as Jekyll runs an excerpt's before its
   * Markdown; undefined when the text has none to run or a mistake (the page's own run reports it).
   */
  liquid?: ((entry: SourceEntry, text: string, page: Record<string, unknown>) => string | undefined) | undefined;
}

/** The Liquid scope of one site: `site`, and each entry's `page` by its file. */
export interface LiquidSite {
  site: Record<string, unknown>;
  pageOf(file: string): Record<string, unknown> | undefined;
}

const FEATURES = { gfm: true, smartPunctuation: true };

/**
 * A value of front matter or data as Ruby's YAML gives it to Jekyll: an unquoted time is a `Time`,
 * in the site's zone; an unquoted day (`2024-01-21`, a `Date` at 00:00 UTC here, as for posts in
 * src/lib/routing/jekyll-time.ts) a `Date` without a time.
 */
function rubyValue(value: unknown, timeZone: string): unknown {
  if (value instanceof RubyDay || value instanceof RubyTimeValue) return value;
  if (value instanceof Date) return isUtcMidnight(value) ? new RubyDay(value.getTime()) : new RubyTimeValue(value.getTime(), timeZone);
  if (Array.isArray(value)) return value.map((item) => rubyValue(item, timeZone));
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype)
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, rubyValue(item, timeZone)]));
  return value;
}

/** `fields` merged into the page as `page.<key>`; the front matter's own keys win. */
function merged(data: Readonly<Record<string, unknown>>, timeZone: string): Record<string, unknown> {
  const { fields, ...rest } = data;
  const all = { ...(fields !== null && typeof fields === 'object' && !Array.isArray(fields) ? (fields as Record<string, unknown>) : {}), ...rest };
  return rubyValue(all, timeZone) as Record<string, unknown>;
}

/** Defines a property worked out on first read (an own property, which liquidjs reads). */
function lazy(target: Record<string, unknown>, key: string, make: () => unknown): void {
  let value: unknown;
  let made = false;
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get: () => {
      if (!made) {
        value = make();
        made = true;
      }
      return value;
    },
  });
}

const words = (value: unknown): string[] =>
  value === undefined || value === null ? [] : Array.isArray(value) ? value.map(String) : String(value).split(/\s+/).filter(Boolean);

/** A Markdown link or footnote definition, as Jekyll's excerpt finds them: `[^1]: text`, `[id]: /url`. */
const DEFINITION = /^ {0,3}(\[[^\]]+\])(:.+)$/gm;

/**
 * Jekyll's excerpt as Markdown (Jekyll::Excerpt#extract_excerpt): the body up to the separator (the
 * first blank line by default), then each link or footnote definition of the rest whose label it uses.
 */
export function excerptSource(body: string, separator: string): string {
  const text = body.trimStart();
  const index = text.indexOf(separator);
  if (index === -1) return text;
  const head = withBlocksClosed(text.slice(0, index));
  const definitions = [...text.slice(index + separator.length).matchAll(DEFINITION)]
    .filter(([, label = '']) => head.includes(label))
    .map(([, label = '', rest = '']) => `${label}${rest}`);
  return definitions.length === 0 ? head : `${head}\n\n${definitions.join('\n')}`;
}

/** Liquid's block tags, Jekyll's `highlight` among them: a cut may leave one without its end. */
const LIQUID_BLOCKS = new Set(['if', 'unless', 'case', 'for', 'capture', 'comment', 'raw', 'tablerow', 'ifchanged', 'highlight']);
const LIQUID_TAG = /{%-?\s*(\w+)\s*.*?-?%}/gs;

/**
 * The excerpt with each block tag it opens and never ends ended after it, last opened first, as
 * Jekyll's `sanctify_liquid_tags` does (with its patterns), so the excerpt's Liquid runs.
 */
function withBlocksClosed(head: string): string {
  if (!head.includes('{%')) return head;
  let text = head;
  for (const [, name = ''] of [...head.matchAll(LIQUID_TAG)].reverse()) {
    if (!LIQUID_BLOCKS.has(name) || new RegExp(`{%-?\\s*end${name}.*?\\s*-?%}`, 's').test(text)) continue;
    text += `\n{% end${name} %}`;
  }
  return text;
}

/**
 * A collection document's `date` as Jekyll makes it: a time in the site's zone, read as a post's
 * (a day at the site's midnight, a text without an offset in its local time); undefined when it is none.
 */
const documentDate = (value: unknown, timeZone: string): Date | undefined => {
  if (!(value instanceof Date) && typeof value !== 'string') return undefined;
  const date = postDate({ fileDate: '', frontMatterDate: value, timezone: timeZone });
  return 'error' in date ? undefined : new RubyTimeValue(date.epochMilliseconds, timeZone);
};

/** Builds the site's Liquid variables. */
export function liquidSite(input: LiquidSiteInput): LiquidSite {
  const separator = input.excerptSeparator ?? '\n\n';
  const timeZone = input.timezone || 'UTC';
  const time = new RubyTimeValue(input.time.getTime(), timeZone);
  const objects = new Map<string, Record<string, unknown>>();

  const entryObject = (entry: SourceEntry, extra: Record<string, unknown>): Record<string, unknown> => {
    const object: Record<string, unknown> = { ...merged(entry.data, timeZone), url: entry.url, path: entry.path, ...extra };
    // Jekyll 4 gives posts and collection documents an excerpt, a plain page none (unless it writes one).
    const hasExcerpt = 'date' in extra || typeof entry.data['collection'] === 'string';
    if (hasExcerpt && !('excerpt' in object)) {
      let making = false;
      lazy(object, 'excerpt', () => {
        // An excerpt whose Liquid reads itself is empty there, not an endless loop.
        if (making) return '';
        making = true;
        const markdown = excerptSource(entry.body, String(entry.data['excerpt_separator'] ?? separator));
        const text = input.liquid?.(entry, markdown, object) ?? markdown;
        making = false;
        return markdownToHtml(text, { features: FEATURES }).html;
      });
    }
    lazy(object, 'content', () => entry.body);
    objects.set(entry.file, object);
    return object;
  };

  const posts = [...input.posts]
    .filter((post) => post.published)
    .sort((a, b) => b.date.getTime() - a.date.getTime() || b.path.localeCompare(a.path))
    .map((post) => {
      const slug =
        post.path
          .split('/')
          .pop()
          ?.replace(/^\d{4}-\d{2}-\d{2}-/, '')
          .replace(/\.mdx?$/, '') ?? '';
      return entryObject(post, {
        date: new RubyTimeValue(post.date.getTime(), timeZone),
        id: post.url.replace(/\.html$/, ''),
        categories: post.categories,
        tags: words(post.data['tags']),
        slug: post.data['slug'] ?? slug,
        collection: 'posts',
        path: `_posts/${post.path}`,
      });
    });
  // Drafts and unpublished posts are still readable as `page`, though never listed.
  for (const post of input.posts)
    if (!objects.has(post.file))
      entryObject(post, { date: new RubyTimeValue(post.date.getTime(), timeZone), categories: post.categories, tags: words(post.data['tags']) });

  const pages: Record<string, unknown>[] = [];
  const collections = new Map<string, { object: Record<string, unknown>; date: Date | undefined; path: string }[]>();
  for (const page of input.pages) {
    const object = entryObject(page, {});
    if (!page.published) continue;
    const collection = page.data['collection'];
    if (typeof collection !== 'string') {
      pages.push(object);
      continue;
    }
    const date = documentDate(object['date'], timeZone);
    if (date) object['date'] = date;
    const documents = collections.get(collection) ?? [];
    documents.push({ object, date, path: page.path });
    collections.set(collection, documents);
  }

  const byWord = (key: 'tags' | 'categories') => {
    const index: Record<string, unknown[]> = {};
    for (const post of posts) for (const word of post[key] as string[]) (index[word] ??= []).push(post);
    return index;
  };

  // Jekyll orders a collection's documents by date, then by path; a document without one has the build's time.
  const collectionDocs: Record<string, unknown[]> = {};
  for (const [name, documents] of collections) {
    collectionDocs[name] = documents
      .sort((a, b) => (a.date ?? input.time).getTime() - (b.date ?? input.time).getTime() || a.path.localeCompare(b.path))
      .map(({ object }) => object);
  }

  const site: Record<string, unknown> = {
    title: input.config['name'],
    ...input.config,
    ...collectionDocs,
    url: input.url,
    // Links are written from the site root and the build adds the base path: see filters.ts.
    baseurl: '',
    time,
    data: rubyValue(input.data, timeZone),
    posts,
    pages,
    html_pages: pages.filter((page) => /\.(md|html)$/.test(String(page['path']))),
    tags: byWord('tags'),
    categories: byWord('categories'),
    collections: [{ label: 'posts', docs: posts, output: true }, ...Object.entries(collectionDocs).map(([label, docs]) => ({ label, docs, output: true }))],
  };
  return { site, pageOf: (file) => objects.get(file) };
}
