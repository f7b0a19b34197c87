/**
 * Pages (and collection documents): each Markdown or HTML file with front matter becomes
 * `src/content/pages/<same path>.md`, its front matter cut down to the fields this project knows,
 * its permalink written out as the exact URL Jekyll served it at, its Liquid converted.
 */
import { converterOutputExt, documentOutputExt, encodeUrlPath, rubyExtname, pageUrl, JekyllUrlError } from '../../src/lib/routing/jekyll-urls.ts';
import { maskCode } from '../../src/lib/checks/body.ts';
import { permalinkProblems } from '../../src/lib/routing/permalink.ts';
import { DESCRIPTION_MAX_LENGTH, TITLE_MAX_LENGTH } from '../../src/lib/schema/page.ts';
import { readsPaginator } from '../../src/lib/liquid/paginator.ts';
import { frontMatterDefaults, type JekyllConfig } from './config.ts';
import {
  editFrontMatter,
  joinFrontMatter,
  listLine,
  nestUnder,
  readFrontMatter,
  repairFrontMatter,
  splitFrontMatter,
  type FrontMatterData,
  type SplitFile,
} from './front-matter.ts';
import {
  keptSubtitle,
  layoutBody,
  loopsOverSite,
  mapLayout,
  printedFields,
  type Includes,
  type Layout,
  type LayoutChoice,
  type LayoutFiles,
} from './layouts.ts';
import { showItems } from './field-labels.ts';
import { parseHtmlFragment } from '../../src/lib/links/html.ts';
import { openingHeading } from '../../src/lib/html/page-facts.ts';
import { MARKDOWN_FEATURES } from '../../src/lib/checks/script-consent.ts';
import { markdownToHtml } from 'satteri';
import { withoutBlankLines } from '../../src/lib/html/block-lines.ts';
import type { LiquidResult, LiquidScope } from './liquid.ts';
import { isHtml } from './reader.ts';
import { htmlBlocksWhole } from './html-blocks.ts';
import { convertKramdown } from './kramdown.ts';
import { spanTagLinesEnded } from './span-tag-lines.ts';
import { frameLayoutLoss, isFrame, isWholeDocument, wholeDocumentBody, withoutThemeScripts } from './document-layouts.ts';
import { withoutHandlers } from './event-handlers.ts';
import { pageScripts } from './scripts.ts';
import { withoutCompiledStylesheets } from './theme-links.ts';
import { showValue, type ReportLine } from './report.ts';
import { collectionDocumentUrl } from './urls.ts';

/** A page, post or document as read: its front matter (its own, and with the config's defaults) and URL. */
export interface SourceDocument {
  path: string;
  /** Undefined when the front matter cannot be read. */
  split?: SplitFile | undefined;
  /** Why the front matter cannot be read. */
  error?: string | undefined;
  /** The file's own front matter. */
  own: FrontMatterData;
  /** What Jekyll saw: the config's front-matter defaults, then the file's own values. */
  values: FrontMatterData;
  /** The URL Jekyll served it at; undefined when Jekyll's rules fail for it (reported). */
  url?: string | undefined;
  /** The extension of the file Jekyll wrote: `.html`, or `.xml` for `feed.xml`, `.pdf` for a PDF permalink. */
  outputExt: string;
  /** For collection documents: the collection's name. */
  collection?: string | undefined;
  /** Things worth telling about how it was read. */
  notes?: string[] | undefined;
}

export interface ReadOptions {
  config: JekyllConfig;
  text: string;
  /** `pages`, `posts`, `drafts` or a collection's name, for front-matter defaults. */
  type: string;
}

/** Reads a file's front matter as Jekyll does, merged with the config's defaults for its path and type. */
export function readDocument(path: string, { config, text, type }: ReadOptions): SourceDocument {
  const split = splitFrontMatter(text);
  const defaults = frontMatterDefaults(config, path, type);
  if (!split) return { path, error: 'it has no front matter block that closes with "---"', own: {}, values: defaults, outputExt: '.html' };
  const front = readFrontMatter(split.yaml);
  if (!front.ok && front.tooLarge) {
    return {
      path,
      split,
      error: `its front matter (line ${(front.line ?? 1) + 1}): ${front.message.replace(/\.$/, '')}`,
      own: {},
      values: defaults,
      outputExt: '.html',
    };
  }
  if (!front.ok) {
    // What libyaml (Jekyll's reader) accepts is imported, rewritten as plain YAML.
    const repaired = repairFrontMatter(split.yaml);
    const again = repaired === undefined ? undefined : readFrontMatter(repaired);
    if (repaired !== undefined && again?.ok) {
      const note = `its front matter is YAML that Jekyll's reader accepts and stricter ones refuse (line ${(front.line ?? 1) + 1}: ${front.message}); it is written out again as plain YAML, with the same values (its comments are not kept).`;
      return { path, split: { ...split, yaml: repaired }, own: again.data, values: { ...defaults, ...again.data }, outputExt: '.html', notes: [note] };
    }
    return {
      path,
      split,
      error: `its front matter is not valid YAML (line ${(front.line ?? 1) + 1}: ${front.message})`,
      own: {},
      values: defaults,
      outputExt: '.html',
    };
  }
  return { path, split, own: front.data, values: { ...defaults, ...front.data }, outputExt: '.html' };
}

/** `markdown_ext` from the config, as Jekyll reads it. */
export function markdownExtensions(config: JekyllConfig): string[] | undefined {
  const setting = config['markdown_ext'];
  return typeof setting === 'string'
    ? setting
        .split(',')
        .map((ext) => ext.trim())
        .filter(Boolean)
    : undefined;
}

/** A page's URL and output extension, by Jekyll's page rules (`src/lib/routing/jekyll-urls.ts`). */
export function withPageUrl(document: SourceDocument, config: JekyllConfig): { document: SourceDocument; problem?: string } {
  const permalink = typeof document.values['permalink'] === 'string' ? document.values['permalink'] : undefined;
  const extensions = markdownExtensions(config);
  const outputExt = documentOutputExt({ path: document.path, permalink, ...(extensions ? { markdownExtensions: extensions } : {}) });
  try {
    const url = encodeUrlPath(
      pageUrl({ path: document.path, permalink, style: styleOf(config), outputExt: converterOutputExt(rubyExtname(document.path), extensions) }),
    );
    return { document: { ...document, url, outputExt } };
  } catch (error) {
    if (error instanceof JekyllUrlError) return { document: { ...document, outputExt }, problem: error.message };
    throw error;
  }
}

/** A collection document's URL: `/:collection/:path` in the site's style, or the collection's `permalink`. */
export function withDocumentUrl(
  document: SourceDocument,
  config: JekyllConfig,
  collection: { name: string; permalink?: string | undefined },
  pathInCollection: string,
): { document: SourceDocument; problem?: string } {
  const permalink = typeof document.values['permalink'] === 'string' ? document.values['permalink'] : undefined;
  const outputExt = converterOutputExt(rubyExtname(document.path), markdownExtensions(config));
  try {
    const slug = typeof document.values['slug'] === 'string' ? document.values['slug'] : undefined;
    const url = encodeUrlPath(
      collectionDocumentUrl({
        collection: collection.name,
        pathInCollection,
        permalink,
        collectionPermalink: collection.permalink,
        style: styleOf(config),
        outputExt,
        slug,
        date: document.values['date'],
        categories: document.values['categories'],
        category: document.values['category'],
        timezone: typeof config['timezone'] === 'string' ? config['timezone'] : undefined,
      }),
    );
    return { document: { ...document, url, outputExt, collection: collection.name } };
  } catch (error) {
    if (error instanceof JekyllUrlError) return { document: { ...document, outputExt, collection: collection.name }, problem: error.message };
    throw error;
  }
}

export function styleOf(config: JekyllConfig): string | undefined {
  return typeof config['permalink'] === 'string' ? config['permalink'] : undefined;
}

/**
 * The title an untitled page gave itself: the text of the `<h1>` its body opens with (minima's 404
 * page opens with `<h1>404</h1>`), read from the body rendered as Markdown; none when Liquid writes it
 * or it does not fit a title. The page's layout then shows that heading once (`openingHeading`).
 */
export function headingTitle(body: string): string | undefined {
  // Rendered as the build renders it, so the title reads as the heading shows (`it’s`, not `it's`).
  const heading = openingHeading(markdownToHtml(body, { features: MARKDOWN_FEATURES }).html);
  if (heading === undefined || heading === '' || /\{[{%]/.test(heading) || heading.length > TITLE_MAX_LENGTH) return undefined;
  return heading;
}

/** Jekyll's `Utils.titleize_slug`, used where a file has no title: `about-me` is "About Me". */
export function titleFromName(path: string): string {
  const segments = path.split('/');
  let name = (segments.pop() ?? path).replace(/\.[^.]*$/, '');
  if (name === 'index') name = segments.pop()?.replace(/^_/, '') ?? 'Home';
  const title = name
    .split(/[-_\s]+/)
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
  return title === '' ? 'Untitled' : title;
}

/**
 * An HTML body as Markdown that passes it through unchanged. CommonMark ends an HTML block at a blank
 * line, and an indented line after one becomes a code block, so the body becomes one `<div>` block
 * with no blank lines: those inside `<pre>` and `<textarea>` keep their place (block-lines.ts).
 */
export function htmlAsMarkdown(html: string): string {
  const body = html.replace(/^\s*\n/, '').replace(/\s+$/, '');
  if (body === '') return '';
  return `<div>\n${withoutBlankLines(body)}\n</div>\n`;
}

/**
 * A Markdown body as this project's Markdown must read it to show what kramdown showed: kramdown's
 * own syntax converted, HTML blocks kramdown read past blank lines kept whole, a lone tag line above
 * a heading made a paragraph's; with what could not be converted, noted. For pages and posts alike.
 */
export function kramdownBody(body: string, path: string, firstLine: number, basePath: string | undefined): { text: string; report: ReportLine[] } {
  const kramdown = convertKramdown(body, path, firstLine);
  const notes = markdownNotes(kramdown.text, path, firstLine, basePath);
  const blocks = htmlBlocksWhole(kramdown.text, path, firstLine);
  const tagLines = spanTagLinesEnded(blocks.text, path, firstLine);
  return { text: tagLines.text, report: [...kramdown.report, ...notes, ...blocks.report, ...tagLines.report] };
}

/** Markup kramdown understood and this project's Markdown shows as text. */
export function markdownNotes(body: string, file: string, firstLine: number, basePath: string | undefined): ReportLine[] {
  const masked = maskCode(body);
  const notes: ReportLine[] = [];
  const lineAt = (offset: number) => firstLine + (body.slice(0, offset).match(/\n/g)?.length ?? 0);
  for (const match of masked.matchAll(/\{::?[^}\n]*\}/g)) {
    notes.push({
      kind: 'leftover',
      file,
      line: lineAt(match.index),
      message: `kramdown's "${match[0]}" is shown as text by this project's Markdown. Remove it (to style an element, write it in HTML with a class).`,
    });
  }
  for (const match of masked.matchAll(/<[a-z][^>]*\smarkdown\s*=\s*["']?(1|block|span)["']?/gi)) {
    notes.push({
      kind: 'leftover',
      file,
      line: lineAt(match.index),
      message:
        'markdown="…" made kramdown read Markdown inside this HTML element; this project shows it as written. Write the content in HTML, or move it out of the element.',
    });
  }
  if (basePath) {
    const escaped = basePath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    for (const match of masked.matchAll(new RegExp(`(\\]\\(|\\b(?:href|src)\\s*=\\s*["']?)${escaped}/`, 'g'))) {
      notes.push({
        kind: 'leftover',
        file,
        line: lineAt(match.index),
        message: `a link starts with the base path ${basePath}. Write it from the site root (without ${basePath}): the build adds the base.`,
      });
    }
  }
  return notes;
}

/** A report line for a front-matter key this project has no field for. */
export function dropped(file: string, key: string, value: unknown, why = 'this project has no such field'): ReportLine {
  return { kind: 'dropped', file, message: `dropped \`${key}: ${showValue(value)}\`: ${why}.` };
}

export type Convert = (
  text: string,
  options: { file: string; firstLine: number; markdown: boolean; page: Record<string, unknown>; keep?: boolean },
) => LiquidResult;

/** Works out the Liquid of a script's text as Jekyll did, or undefined when the importer cannot be sure. */
export function scriptLiquid(convert: Convert, file: string, page: Record<string, unknown>): (text: string) => string | undefined {
  return (text) => {
    const result = convert(text, { file, firstLine: 1, markdown: false, page });
    return result.leftovers.length === 0 && result.refusals.length === 0 ? result.text : undefined;
  };
}

export interface PageContext {
  config: JekyllConfig;
  layoutFiles: LayoutFiles;
  /** Whether the site's layouts or includes show `page.subtitle` (see `keptSubtitle`). */
  themeShowsSubtitle?: boolean | undefined;
  /** The site's `_includes/` files, by name: a layout may list through one. */
  includes?: Includes | undefined;
  /** The data files imported, for `data:` checks. */
  groups: readonly string[];
  /** Keys of each data file's records, for `work_page` checks. */
  recordTitles: ReadonlyMap<string, readonly string[]>;
  basePath?: string | undefined;
  convert: Convert;
  /** Stylesheets Jekyll compiled from the theme's Sass, by URL, with their source: not published. */
  compiledStylesheets?: ReadonlyMap<string, string> | undefined;
  /** Set on the page jekyll-paginate paginated: it becomes the blog's index. */
  paginated?: { perPage: number; pattern: string } | undefined;
  /** The day of the import (YYYY-MM-DD): what an undated collection document showed as its date. */
  importDay?: string | undefined;
  /** How many documents (pages, collection documents, posts) name each layout: a shared whole page is the site's frame. */
  layoutUsers?: ReadonlyMap<string, number> | undefined;
}

export interface PagePlan {
  /** The file to write, relative to `src/content/pages/`. */
  target: string;
  text: string;
  layout: LayoutChoice;
  /** The layout name as Jekyll saw it, for the layout report. */
  jekyllLayout: string;
  report: ReportLine[];
  scope: LiquidScope['page'];
}

/**
 * Where a page goes: the same path, as `.md`; a collection's documents under the collection's name.
 * A folder or file name starting with `_` (a folder the config `include`s, like `_pages/`) loses
 * the `_`: this project never publishes what is under a `_` name.
 */
export function pageTarget(document: SourceDocument): string {
  let path = document.path;
  if (document.collection !== undefined) {
    const marker = `_${document.collection}/`;
    path = `${document.collection}/${path.slice(path.indexOf(marker) + marker.length)}`;
  }
  return (
    path
      .split('/')
      .map((segment) => segment.replace(/^_+(?=[^_])/, ''))
      .join('/')
      .replace(/\.[^./]*$/, '') + '.md'
  );
}

/** The page as this project's Markdown, and everything worth telling about it. */
export function planPage(document: SourceDocument, context: PageContext): PagePlan {
  const { path } = document;
  const report: ReportLine[] = (document.notes ?? []).map((message) => ({ kind: 'changed', file: path, message }));
  const values = document.values;
  const url = document.url ?? '/';
  const layout: LayoutChoice = context.paginated
    ? {
        layout: 'blog',
        reason: `jekyll-paginate listed the posts here, ${context.paginated.perPage} a page at ${context.paginated.pattern}; this project's blog layout does the same at the same addresses`,
        unsure: false,
      }
    : mapLayout(values['layout'], { url, hasData: typeof values['data'] === 'string', files: context.layoutFiles });
  const jekyllLayout = values['layout'] === undefined || values['layout'] === null ? '(none)' : String(values['layout']);

  const remove: string[] = [];
  const set: [string, string | boolean][] = [];
  /** The theme's own variables: moved under `fields:` (own ones as written, the defaults' as values). */
  const ownFields: string[] = [];
  const defaultFields: Record<string, unknown> = {};
  const lists: string[] = [];
  const toFields = (key: string, value: unknown) => {
    if (value === undefined) return;
    if (key in document.own) ownFields.push(key);
    else defaultFields[key] = value;
  };
  const keep = (key: string, value: unknown) => {
    // A key from the config's defaults is written into the page: the build does not read `defaults:`.
    if (!(key in document.own)) set.push([key, value as string | boolean]);
  };
  for (const [key, value] of Object.entries(values)) {
    const own = key in document.own;
    switch (key) {
      case 'layout':
      case 'permalink':
      case 'title':
        break;
      case 'description':
        if (typeof value === 'string' && value.trim() !== '') keep(key, value);
        else if (own) {
          remove.push(key);
          report.push(dropped(path, key, value, 'a description is text'));
        }
        break;
      case 'draft':
        if (typeof value === 'boolean') keep(key, value);
        else if (own) {
          remove.push(key);
          report.push(dropped(path, key, value, 'draft is true or false'));
        }
        break;
      case 'published':
        if (own) remove.push(key);
        if (value === false) {
          set.push(['draft', true]);
          report.push({ kind: 'changed', file: path, message: '`published: false` is now `draft: true`: unpublished, as on the Jekyll site.' });
        }
        break;
      case 'data':
        if ((layout.layout === 'work' || layout.layout === 'work_page') && typeof value === 'string') {
          keep(key, value);
          if (!context.groups.includes(value)) {
            report.push({
              kind: 'leftover',
              file: path,
              message: `\`data: ${value}\` names no data file in _data/ (imported as src/data/<name>.yml). Create src/data/${value}.yml or change the page's data.`,
            });
          } else if (
            layout.layout === 'work_page' &&
            typeof values['title'] === 'string' &&
            !(context.recordTitles.get(value) ?? []).includes(values['title'])
          ) {
            report.push({
              kind: 'leftover',
              file: path,
              message: `src/data/${value}.yml has no record titled "${values['title']}", so the page shows no record. Add one under that title, or retitle the page.`,
            });
          }
        } else if (own) {
          remove.push(key);
          report.push(dropped(path, key, value, `only the work_page and work layouts read it, and this page is "${layout.layout}"`));
        }
        break;
      case 'subtitle':
        if (!keptSubtitle(value, context.themeShowsSubtitle ?? false, path, report)) toFields(key, value);
        break;
      case 'headline':
        if (layout.layout === 'home' && typeof value === 'string') keep(key, value);
        else if (own) {
          remove.push(key);
          report.push(dropped(path, key, value, 'only the home layout shows a headline'));
        }
        break;
      case 'redirect_from': {
        const addresses = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
        if (addresses.length > 0 && addresses.every((item) => typeof item === 'string' && item.startsWith('/'))) {
          // Raw spaces and non-ASCII letters are written percent-encoded, the form the build checks.
          const encoded = (addresses as string[]).map(encodeUrlPath);
          if (!own || encoded.some((address, index) => address !== addresses[index])) {
            if (own) remove.push(key);
            lists.push(listLine(key, encoded));
          }
        } else if (own) {
          remove.push(key);
          report.push(dropped(path, key, value, 'redirect_from lists addresses from the site root, like /old/'));
        }
        break;
      }
      case 'redirect_to':
        if (typeof value === 'string' && (value.startsWith('/') || /^https?:\/\//.test(value))) keep(key, value);
        else if (own) {
          remove.push(key);
          report.push(dropped(path, key, value, 'redirect_to is an address, like /new/ or https://example.org/'));
        }
        break;
      case 'collection':
        // A document's collection is written below; on a page it is only the theme's variable.
        if (document.collection === undefined) toFields(key, value);
        else if (own && value !== document.collection) remove.push(key);
        break;
      default:
        toFields(key, value);
    }
  }
  if (document.collection !== undefined && document.own['collection'] !== document.collection) set.push(['collection', document.collection]);
  const printed = typeof values['layout'] === 'string' ? printedFields(values['layout'], context.layoutFiles) : [];
  // Jekyll dates a collection document without a `date` by its build (`site.time`), so a layout that
  // prints `page.date` showed the day the site was last built: the import keeps its own day, the
  // last build it stands for, and the page stops changing with every build.
  const undated = document.collection !== undefined && isBlank(values['date']) && printed.includes('date') ? context.importDay : undefined;
  if (undated !== undefined) {
    defaultFields['date'] = undated;
    report.push({
      kind: 'changed',
      file: path,
      message: `has no \`date\`, so Jekyll showed the day of its build where its layout printed \`page.date\`: the import wrote its own day, \`date: ${undated}\`, under \`fields:\`. Change it to the day the work is from.`,
    });
  }
  const fieldKeys = new Set([...ownFields, ...Object.keys(defaultFields)]);
  const shown = printed.filter((key) => fieldKeys.has(key) && !isBlank(key === 'date' && undated !== undefined ? undated : values[key]));
  if (shown.length > 0) {
    const items = showItems(String(values['layout']), context.layoutFiles, shown);
    const written = `show: ${JSON.stringify(items)}`;
    lists.push(`${written}\n`);
    report.push({
      kind: 'changed',
      file: path,
      message: `its layout "${String(values['layout'])}" printed ${shown.join(', ')}: written as \`${written}\`, so the page shows them above the body${items.some((item) => typeof item !== 'string') ? ', under the words the layout printed with them' : ''}.`,
    });
  }
  if ((layout.layout === 'work' || layout.layout === 'work_page') && typeof values['data'] !== 'string') {
    report.push({
      kind: 'leftover',
      file: path,
      message: `the ${layout.layout} layout needs \`data:\`, the name of its group's data file. Add it, like \`data: work\`.`,
    });
  }

  if (document.own['layout'] !== layout.layout) set.push(['layout', layout.layout]);
  let title = values['title'];
  if (typeof title === 'number') title = String(title);
  // Titled once its body is known: by the heading it opens with, else by its file name.
  const untitled = typeof title !== 'string' || title.trim() === '';
  // The home page without a title: Jekyll's <title> showed the site's own, which names it better than "Home".
  const siteTitle = typeof context.config['title'] === 'string' && url === '/' ? context.config['title'].trim() : '';
  const fallbackTitle = siteTitle !== '' && siteTitle.length <= TITLE_MAX_LENGTH ? siteTitle : undefined;
  if (untitled) title = fallbackTitle ?? titleFromName(pageTarget(document));
  if (document.own['title'] !== title) set.push(['title', title as string]);
  if ((title as string).length > TITLE_MAX_LENGTH) {
    report.push({
      kind: 'leftover',
      file: path,
      message: `its title is ${(title as string).length} characters; this project allows ${TITLE_MAX_LENGTH}. Shorten it.`,
    });
  }
  set.push(['permalink', url]);
  for (const message of permalinkProblems(url)) {
    report.push({
      kind: 'leftover',
      file: path,
      message: `Jekyll served it at ${url}, but this project's permalink ${message} A new address leaves the old URL unserved: delete it from src/data/legacy-urls.txt on purpose.`,
    });
  }
  if (typeof values['description'] === 'string' && values['description'].trim().length > DESCRIPTION_MAX_LENGTH) {
    report.push({
      kind: 'leftover',
      file: path,
      message: `its description is ${values['description'].trim().length} characters; this project allows ${DESCRIPTION_MAX_LENGTH}. Shorten it.`,
    });
  }

  const written = document.split ?? { yaml: '', body: '', bodyLine: 1 };
  // A page whose words are all in its own layout's Liquid (an empty body over a list layout) gets that layout's text.
  // Not the site's frame (a whole HTML page that is shared): this project's layouts replace it. A whole
  // page only this document uses is its own: what its <body> holds is carried, without its <head>.
  const users = context.layoutUsers ?? new Map<string, number>();
  const layoutFile = typeof values['layout'] === 'string' ? context.layoutFiles.get(values['layout']) : undefined;
  const whole = layoutFile !== undefined && isWholeDocument(layoutFile);
  const frame = whole && isFrame(String(values['layout']), context.layoutFiles, users);
  let ownText =
    layout.layout !== 'page' || context.paginated !== undefined || frame
      ? undefined
      : whole
        ? wholeDocumentBody(layoutFile)
        : layoutBody(values['layout'], context.layoutFiles, context.includes);
  if (whole && ownText !== undefined) {
    const scripts = withoutThemeScripts(ownText, (name) => context.includes?.get(name));
    ownText = scripts.text;
    if (scripts.left.length > 0)
      report.push({
        kind: 'changed',
        file: path,
        message: `its layout "${String(values['layout'])}" (_layouts/${String(values['layout'])}.html) ran the theme's scripts (${scripts.left.join(', ')}): they are left out with the rest of the theme's code, which this project's layouts replace. To run one on this page, put it in the page's body and list it under \`scripts:\`.`,
      });
  }
  const listLayout = ownText;
  const frameLoss =
    layout.layout === 'page' && values['redirect_to'] === undefined
      ? frameLayoutLoss(values['layout'], context.layoutFiles, users, showsNothing(written.body), path)
      : undefined;
  if (frameLoss !== undefined) report.push(frameLoss);
  const empty = showsNothing(written.body);
  // A whole page only this document uses is all its own text, whether or not it loops: an HTML page
  // is written into it where it printed {{ content }} (both are HTML, run by the build as one).
  const ownLayout = listLayout !== undefined && (empty || (whole && isHtml(path))) ? listLayout : undefined;
  // A Markdown page with words of its own over such a layout keeps them as written, and the layout's text comes after.
  const aroundBody =
    listLayout !== undefined && ownLayout === undefined && !isHtml(path) && (whole || loopsOverSite(listLayout, context.includes)) ? listLayout : undefined;
  if (ownLayout !== undefined) {
    report.push({
      kind: 'changed',
      file: path,
      message: empty
        ? `its body is empty and its layout "${String(values['layout'])}" wrote the page's words with Liquid: the layout's text (without {{ content }}) is written as the page's body, and the build runs its Liquid.`
        : `its layout "${String(values['layout'])}" (_layouts/${String(values['layout'])}.html) is a whole HTML page that only this page uses, so what its <body> holds is the page's own text: it is written as the page's body, with the page's text where it printed {{ content }}, and the build runs its Liquid.`,
    });
  }
  const split = ownLayout === undefined ? written : { ...written, body: `${ownLayout.replace(/\{\{-?\s*content\s*-?\}\}/g, () => written.body.trim())}\n` };
  const scope = { ...values, url, path };
  const html = isHtml(path) || ownLayout !== undefined;
  // An HTML body becomes one HTML block (htmlAsMarkdown), so none of it is code: every tag in it is converted.
  // The paginated index's own list stays: the build runs it for each page of the list, with `paginator`.
  if (context.paginated !== undefined && readsPaginator(split.body))
    report.push({
      kind: 'changed',
      file: path,
      message:
        'its body lists the posts through `paginator`: it is kept, and the build runs its Liquid once for each page of the list, as jekyll-paginate did; the blog layout shows it instead of its own list.',
    });
  const converted = context.convert(split.body, { file: path, firstLine: split.bodyLine, markdown: !html, page: scope, keep: true });
  report.push(...converted.converted, ...converted.leftovers, ...converted.changes);
  let body = converted.text;
  const stylesheets = withoutCompiledStylesheets(body, context.compiledStylesheets ?? new Map(), path, split.bodyLine);
  body = stylesheets.text;
  report.push(...stylesheets.report);
  if (html) body = htmlAsMarkdown(body);
  else {
    const markdown = kramdownBody(body, path, split.bodyLine, context.basePath);
    body = markdown.text;
    report.push(...markdown.report);
  }
  if (html && body !== '') body = `\n${body}`;
  if (aroundBody !== undefined) body = wrappedInLayout(body, aroundBody, { path, layoutName: String(values['layout']), whole, scope, context, report });

  const target = pageTarget(document);
  if (document.collection === undefined && path.split('/').some((segment) => segment.startsWith('_'))) {
    report.push({
      kind: 'changed',
      file: path,
      message: `is written to src/content/pages/${target}: this project never publishes files under a name starting with "_".`,
    });
  }
  const scripts = pageScripts(body, path, scriptLiquid(context.convert, path, scope), html ? undefined : split.bodyLine);
  body = scripts.body;
  report.push(...scripts.report);
  const handlers = withoutHandlers(body, path, { markdown: !html });
  body = handlers.body;
  report.push(...handlers.report);
  if (scripts.entries.length > 0) lists.push(listLine('scripts', scripts.entries));
  if (untitled) {
    const heading = headingTitle(body);
    if (heading !== undefined) set.push(['title', heading]);
    report.push({
      kind: 'changed',
      file: path,
      message:
        heading === undefined
          ? `has no title, so it is titled "${String(title)}" after ${fallbackTitle === undefined ? 'its file name' : "the site's title, as Jekyll's <title> showed it"}. Change it if another title fits.`
          : `has no title, so it is titled "${heading}" after the heading its body opens with, which the page shows once. Change it if another title fits.`,
    });
  }
  let yaml = editFrontMatter(split.yaml, { delete: remove, set: dedupe(set) });
  yaml = nestUnder(yaml, ownFields, 'fields', defaultFields);
  if (lists.length > 0) yaml = `${yaml === '' || yaml.endsWith('\n') ? yaml : `${yaml}\n`}${lists.join('')}`;
  return { target, text: joinFrontMatter(yaml, body), layout, jekyllLayout, report, scope };
}

/**
 * A Markdown body inside its site's own list layout, as Jekyll put it there: the body is captured as
 * Liquid's `content` and made HTML (`markdownify`), then the layout's text prints it where it printed
 * `{{ content }}` and lists around it. The build runs the Liquid, body first, as Jekyll did.
 */
function wrappedInLayout(
  body: string,
  layoutText: string,
  {
    path,
    layoutName,
    whole,
    scope,
    context,
    report,
  }: { path: string; layoutName: string; whole: boolean; scope: Record<string, unknown>; context: PageContext; report: ReportLine[] },
): string {
  const converted = context.convert(layoutText, { file: path, firstLine: 1, markdown: false, page: scope, keep: true });
  report.push(...converted.converted, ...converted.leftovers, ...converted.changes);
  const stylesheets = withoutCompiledStylesheets(converted.text, context.compiledStylesheets ?? new Map(), path, 1);
  report.push(...stylesheets.report);
  report.push({
    kind: 'changed',
    file: path,
    message: `its layout "${layoutName}" ${whole ? `(_layouts/${layoutName}.html) is a whole HTML page that only this page uses, with text around the page's` : "listed with Liquid around the page's text"}: the layout's text is written after the body, which it shows as \`{{ content }}\` (the body is kept as written, inside {% capture content %}), and the build runs its Liquid.`,
  });
  return `{% capture content %}\n${body.trim()}\n{% endcapture %}{% assign content = content | markdownify %}\n${htmlAsMarkdown(stylesheets.text)}`;
}

/** A body with nothing a reader sees: blank, or only HTML comments (read with the project's HTML parser). */
function showsNothing(body: string): boolean {
  if (body.trim() === '') return true;
  if (!body.trimStart().startsWith('<!--')) return false;
  return parseHtmlFragment(body).childNodes.every(
    (node) => node.nodeName === '#comment' || (node.nodeName === '#text' && 'value' in node && node.value.trim() === ''),
  );
}

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}

/** The last value for each key, in first-seen order. */
export function dedupe(entries: readonly [string, string | boolean][]): [string, string | boolean][] {
  const map = new Map<string, string | boolean>();
  for (const [key, value] of entries) map.set(key, value);
  return [...map];
}

export type { Layout };
