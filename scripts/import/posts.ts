/**
 * Blog posts: `<folders>/_posts/**\/YYYY-MM-DD-slug.md` becomes `src/content/posts/<folders>/YYYY-MM-DD-slug.md`
 * (the folders above `_posts` are categories, as in Jekyll; folders below it are flattened), drafts go
 * to `src/content/posts/_drafts/`. No permalink is written: the build works out each post's URL with
 * Jekyll's rules from the site's `posts.permalink`, as Jekyll did.
 */
import {
  JekyllUrlError,
  converterOutputExt,
  parsePostFileName,
  postCategories,
  postDate,
  postFolderCategories,
  postUrl,
  rubyExtname,
} from '../../src/lib/routing/jekyll-urls.ts';
import { POSTS_DIR } from '../../src/lib/routing/posts.ts';
import { TITLE_MAX_LENGTH } from '../../src/lib/schema/page.ts';
import { textSetting, type JekyllConfig } from './config.ts';
import { editFrontMatter, joinFrontMatter, listLine, nestUnder } from './front-matter.ts';
import {
  dedupe,
  dropped,
  htmlAsMarkdown,
  markdownExtensions,
  kramdownBody,
  scriptLiquid,
  styleOf,
  titleFromName,
  type Convert,
  type SourceDocument,
} from './pages.ts';
import { isHtml } from './reader.ts';
import { showItems } from './field-labels.ts';
import { keptSubtitle, printedFields, type LayoutFiles } from './layouts.ts';
import { withoutHandlers } from './event-handlers.ts';
import { pageScripts } from './scripts.ts';
import { withoutCompiledStylesheets } from './theme-links.ts';
import type { ReportLine } from './report.ts';

/** Keys a post cannot keep even as a variable: a page's redirects, which a post here does not make. */
const NOT_FIELDS = new Set(['redirect_from', 'redirect_to', 'fields', 'show', 'scripts']);
/** Front-matter keys a post keeps (the build's post schema). */
const POST_KEYS = new Set([
  'title',
  'subtitle',
  'date',
  'categories',
  'category',
  'tags',
  'permalink',
  'slug',
  'published',
  'excerpt_separator',
  'description',
  'layout',
]);

/** Whether a path is a draft (`_drafts/`), not a post. */
export const isDraft = (path: string) => path.split('/').includes('_drafts');

/** A post's URL by Jekyll's rules (`src/lib/routing/jekyll-urls.ts`); drafts and unpublished posts have none. */
export function withPostUrl(document: SourceDocument, config: JekyllConfig): { document: SourceDocument; problem?: string } {
  const extensions = markdownExtensions(config);
  const outputExt = converterOutputExt(rubyExtname(document.path), extensions);
  if (isDraft(document.path) || document.values['published'] === false) return { document: { ...document, outputExt } };
  const name = parsePostFileName(document.path);
  if (!name) return { document: { ...document, outputExt }, problem: 'its name does not start with a date (YYYY-MM-DD-title).' };
  const date = postDate({ fileDate: name.date, frontMatterDate: document.values['date'], timezone: textSetting(config['timezone']) });
  if ('error' in date) return { document: { ...document, outputExt }, problem: date.error };
  try {
    const categories = postCategories({
      categories: document.values['categories'],
      category: document.values['category'],
      folders: postFolderCategories(document.path),
    });
    const permalink = typeof document.values['permalink'] === 'string' ? document.values['permalink'] : undefined;
    const slug = typeof document.values['slug'] === 'string' ? document.values['slug'] : name.slug;
    const url = postUrl({ style: styleOf(config), permalink, date, slug, categories, outputExt, relativePath: document.path });
    return { document: { ...document, url, outputExt } };
  } catch (error) {
    if (error instanceof JekyllUrlError) return { document: { ...document, outputExt }, problem: error.message };
    throw error;
  }
}

/**
 * Where a post goes, below `src/content/posts/`: the folders above `_posts` kept (they are its
 * categories), the folders below it dropped, the extension `.md`. Drafts keep their `_drafts/` folder.
 */
export function postTarget(path: string): string {
  const segments = path.split('/');
  const magic = segments.findIndex((segment) => segment === '_posts' || segment === '_drafts');
  const above = segments.slice(0, magic);
  const name = (segments.at(-1) ?? path).replace(/\.[^./]*$/, '') + '.md';
  return [...above, ...(segments[magic] === '_drafts' ? ['_drafts'] : []), name].join('/');
}

export interface PostContext {
  config: JekyllConfig;
  /** Stylesheets Jekyll compiled from the theme's Sass, by URL, with their source: not published. */
  compiledStylesheets?: ReadonlyMap<string, string> | undefined;
  /** The day (YYYY-MM-DD) an undated draft is named with. */
  draftDate?: string | undefined;
  basePath?: string | undefined;
  convert: Convert;
  /** The site's own layouts: the fields a post's layout printed are shown with the post. */
  layoutFiles?: LayoutFiles | undefined;
  /** Whether the site's layouts or includes show `page.subtitle` (see `keptSubtitle`). */
  themeShowsSubtitle?: boolean | undefined;
}

export interface PostPlan {
  target: string;
  text: string;
  report: ReportLine[];
}

/** The post as this project's Markdown: its own front matter minus unknown keys, its Liquid converted. */
export function planPost(document: SourceDocument, context: PostContext): PostPlan {
  const { path } = document;
  const report: ReportLine[] = (document.notes ?? []).map((message) => ({ kind: 'changed', file: path, message }));
  const values = document.values;
  const remove: string[] = [];
  const set: [string, string | boolean][] = [];
  /** The post's own variables (`conference`, `date_str`): under `fields:`, where Liquid reads them as `post.<key>`. */
  const ownFields: string[] = [];
  const defaultFields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    const own = key in document.own;
    if (!POST_KEYS.has(key) || (key === 'subtitle' && !keptSubtitle(value, context.themeShowsSubtitle ?? false, path, report))) {
      if (NOT_FIELDS.has(key) || value === undefined) {
        if (own) {
          remove.push(key);
          report.push(dropped(path, key, value));
        }
      } else if (own) ownFields.push(key);
      else defaultFields[key] = value;
      continue;
    }
    if (key === 'layout') {
      if (value !== 'post' && own) {
        remove.push(key);
        report.push(dropped(path, key, value, 'posts have one layout, "post"'));
      }
      continue;
    }
    if (key === 'title') continue;
    // A value from the config's defaults (a category, a permalink) is written into the post: the build does not read `defaults:`.
    if (!own && (typeof value === 'string' || typeof value === 'boolean')) set.push([key, value]);
    else if (!own)
      report.push({
        kind: 'leftover',
        file: path,
        message: `the config's defaults give it \`${key}\`, which the import cannot copy here. Add it to the post by hand.`,
      });
  }
  let title = values['title'];
  if (typeof title === 'number') title = String(title);
  if (typeof title !== 'string' || title.trim() === '') {
    // Jekyll titles a post without one after its slug (Utils.titleize_slug).
    const slug = parsePostFileName(path)?.slug ?? path;
    title = titleFromName(slug);
    report.push({ kind: 'changed', file: path, message: `has no title; Jekyll showed "${title}" (from its file name), which is now written in.` });
  }
  if (document.own['title'] !== title) set.push(['title', title as string]);
  if ((title as string).length > TITLE_MAX_LENGTH)
    report.push({
      kind: 'leftover',
      file: path,
      message: `its title is ${(title as string).length} characters; this project allows ${TITLE_MAX_LENGTH}. Shorten it.`,
    });

  const split = document.split ?? { yaml: '', body: '', bodyLine: 1 };
  const html = isHtml(path);
  const page = { ...values, title, url: document.url, path, slug: parsePostFileName(path)?.slug };
  const converted = context.convert(split.body, { file: path, firstLine: split.bodyLine, markdown: !html, page, keep: true });
  report.push(...converted.converted, ...converted.leftovers, ...converted.changes);
  let body = converted.text;
  const stylesheets = withoutCompiledStylesheets(body, context.compiledStylesheets ?? new Map(), path, split.bodyLine);
  body = stylesheets.text;
  report.push(...stylesheets.report);
  if (html) body = body === '' ? '' : `\n${htmlAsMarkdown(body)}`;
  else {
    const markdown = kramdownBody(body, path, split.bodyLine, context.basePath);
    body = markdown.text;
    report.push(...markdown.report);
  }
  let yaml = nestUnder(editFrontMatter(split.yaml, { delete: remove, set: dedupe(set) }), ownFields, 'fields', defaultFields);
  const moved = [...ownFields, ...Object.keys(defaultFields)];
  if (moved.length > 0)
    report.push({
      kind: 'changed',
      file: path,
      message: `its own variables (${moved.join(', ')}) are kept under \`fields:\`, where Liquid reads them as \`post.<key>\`.`,
    });
  // The post's own fields its layout printed (`Posted by {{ page.by }}`), shown with the post as a page shows them.
  const layoutName = values['layout'];
  const printed = typeof layoutName === 'string' && context.layoutFiles ? printedFields(layoutName, context.layoutFiles) : [];
  const shown = printed.filter((key) => moved.includes(key) && showable(values[key]));
  if (typeof layoutName === 'string' && context.layoutFiles && shown.length > 0) {
    const items = showItems(layoutName, context.layoutFiles, shown);
    const written = `show: ${JSON.stringify(items)}`;
    yaml = `${yaml === '' || yaml.endsWith('\n') ? yaml : `${yaml}\n`}${written}\n`;
    report.push({
      kind: 'changed',
      file: path,
      message: `its layout "${layoutName}" printed ${shown.join(', ')}: written as \`${written}\`, so the post shows them above its body${items.some((item) => typeof item !== 'string') ? ', under the words the layout printed with them' : ''}.`,
    });
  }
  const scripts = pageScripts(body, path, scriptLiquid(context.convert, path, page), html ? undefined : split.bodyLine);
  body = scripts.body;
  report.push(...scripts.report);
  const handlers = withoutHandlers(body, path, { markdown: !html });
  body = handlers.body;
  report.push(...handlers.report);
  if (scripts.entries.length > 0) yaml = `${yaml === '' || yaml.endsWith('\n') ? yaml : `${yaml}\n`}${listLine('scripts', scripts.entries)}`;
  let target = postTarget(path);
  // Jekyll dates an undated draft by its file's time when it shows drafts; this project names every
  // post by its date, so the draft gets one: its own `date:`, else the newest post's day.
  const name = target.slice(target.lastIndexOf('/') + 1);
  if (isDraft(path) && !parsePostFileName(name)) {
    const own = typeof values['date'] === 'string' ? /^\d{4}-\d{2}-\d{2}/.exec(values['date'])?.[0] : undefined;
    const day = own ?? context.draftDate ?? '2000-01-01';
    target = `${target.slice(0, target.length - name.length)}${day}-${name}`;
    report.push({
      kind: 'changed',
      file: path,
      message: `is a draft without a date in its name; it is ${POSTS_DIR}/${target} (${own ? 'its own date' : 'dated like the newest post'}). Rename it with the day you publish it.`,
    });
  }
  return { target, text: joinFrontMatter(yaml, body), report };
}

/**
 * Whether a field's value shows as text above the post: a word, a number, a date, or a list of them.
 * A map (`author: {name: Noor}`, printed as `{{ page.author.name }}`) shows nothing, so it is not named.
 */
function showable(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(showable);
  if (value instanceof Date) return !Number.isNaN(value.getTime());
  if (typeof value === 'string') return value.trim() !== '';
  return typeof value === 'number' || typeof value === 'boolean';
}
