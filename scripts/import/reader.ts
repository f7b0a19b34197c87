/**
 * Which file is what, by Jekyll's reading rules (`Jekyll::Reader`, `EntryFilter`, `PostReader`):
 * pages, posts, drafts, collection documents, data files, includes, static files, and the theme code
 * this project replaces. https://jekyllrb.com/docs/structure/
 */
import { collectionsDir, collectionsOf, readRules, type CollectionConfig, type JekyllConfig } from './config.ts';
import { hasFrontMatter } from './front-matter.ts';
import { compareText, type ReportLine } from './report.ts';
import type { SourceSite } from './source.ts';

/** Jekyll's post file name: a date, a slug, an extension (`Document::DATE_FILENAME_MATCHER`). */
export const POST_FILE_NAME = /^(\d{2,4}-\d{1,2}-\d{1,2})-([^/]*)(\.[^./]+)$/;

/** Extensions Jekyll renders as Markdown (`markdown_ext`'s default), and HTML. */
export const MARKDOWN_EXTENSIONS = ['.md', '.markdown', '.mkdown', '.mkdn', '.mkd', '.mdown', '.mdwn'];
export const HTML_EXTENSIONS = ['.html', '.htm', '.xhtml'];

/** Folders and files of the theme: what the page looks like, which this project's layouts replace. */
const THEME_FOLDERS = ['_layouts', '_includes', '_sass', '_plugins'];
/** What `jekyll build` writes into a site's folder: its output and its caches. */
const BUILD_OUTPUT = new Set(['_site', '.jekyll-cache', '.sass-cache', '.jekyll-metadata']);
// Jekyll's default `exclude` leaves out the Gemfile; a theme's `.gemspec` is published like any file,
// so it is a static file here too (unless the config excludes it).
const THEME_FILES = /^(Gemfile|Gemfile\.lock|gemfiles|_config[^/]*\.(ya?ml|toml))$/;

export interface CollectionSource {
  config: CollectionConfig;
  /** Its documents (files with front matter), by path from the Jekyll folder. */
  documents: string[];
  /** Its other files, copied as static files when the collection is written. */
  files: string[];
}

export interface JekyllSource {
  pages: string[];
  posts: string[];
  drafts: string[];
  collections: CollectionSource[];
  /** Files of `_data/`. */
  data: string[];
  /** Files of `_includes/`. */
  includes: string[];
  staticFiles: string[];
  /** Theme code, as short names (`_layouts/`, `Gemfile`), for the one-line report. */
  theme: string[];
  report: ReportLine[];
  /** Files the report speaks of as part of a group (theme code, hidden, excluded): each is accounted for. */
  grouped: Set<string>;
}

export function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot).toLowerCase();
}

export const isMarkdown = (path: string) => MARKDOWN_EXTENSIONS.includes(extensionOf(path));
export const isHtml = (path: string) => HTML_EXTENSIONS.includes(extensionOf(path));

/** Sorts every file of the site into what Jekyll made of it. */
export function classify(site: SourceSite, config: JekyllConfig): JekyllSource {
  const rules = readRules(config);
  const collections = collectionsOf(config);
  const collectionsPrefix = collectionsDir(config);
  const result: JekyllSource = {
    pages: [],
    posts: [],
    drafts: [],
    collections: collections.map((c) => ({ config: c, documents: [], files: [] })),
    data: [],
    includes: [],
    staticFiles: [],
    theme: [],
    report: [],
    grouped: new Set(),
  };
  // What an earlier `jekyll build` left (`_site/`, its caches) is output, not theme: said apart.
  const builtOutput = site.skipped.filter((path) => BUILD_OUTPUT.has(path.replace(/\/$/, '')));
  const theme = new Set<string>(site.skipped.filter((path) => path !== '.git/' && !builtOutput.includes(path)));
  if (builtOutput.length > 0) {
    result.report.push({
      kind: 'skipped',
      message: `${builtOutput.join(', ')}: what an earlier Jekyll build wrote (its output and caches), not part of the site's source: not read, since the build makes its own.`,
    });
  }
  const hidden = new Set<string>();
  const excluded = new Set<string>();
  const notPosts: string[] = [];

  for (const path of site.files) {
    const segments = path.split('/');
    const top = segments[0] ?? '';
    if (segments.length === 1 && THEME_FILES.test(path)) {
      theme.add(path);
      result.grouped.add(path);
      continue;
    }
    if (THEME_FOLDERS.includes(top) && segments.length > 1) {
      if (top === '_includes') result.includes.push(path);
      else theme.add(`${top}/`);
      result.grouped.add(path);
      continue;
    }
    if (top === '_data' && segments.length > 1) {
      result.data.push(path);
      continue;
    }
    const collection = result.collections.find((c) => path.startsWith(`${collectionsPrefix}_${c.config.name}/`));
    if (collection) {
      const inside = path.slice(`${collectionsPrefix}_${collection.config.name}/`.length);
      if (rules.isHidden(inside) || rules.isExcluded(path)) {
        result.grouped.add(path);
        continue;
      }
      if (hasFrontMatter(site.head(path))) collection.documents.push(path);
      else collection.files.push(path);
      continue;
    }
    // `_posts` and `_drafts` are read in every folder Jekyll reads, and their categories are the folders above.
    const magic = segments.findIndex((segment) => segment === '_posts' || segment === '_drafts');
    if (magic !== -1) {
      const above = segments.slice(0, magic).join('/');
      const below = segments.slice(magic + 1).join('/');
      if ((above !== '' && (rules.isHidden(above) || rules.isExcluded(above))) || rules.isHidden(below) || rules.isExcluded(path)) {
        result.grouped.add(path);
        continue;
      }
      const name = segments.at(-1) ?? '';
      if (segments[magic] === '_drafts') {
        if (isMarkdown(path) || isHtml(path) || hasFrontMatter(site.head(path))) result.drafts.push(path);
        continue;
      }
      if (POST_FILE_NAME.test(name) && (isMarkdown(path) || isHtml(path) || hasFrontMatter(site.head(path)))) result.posts.push(path);
      else notPosts.push(path);
      continue;
    }
    if (rules.isHidden(path)) {
      const first = segments.findIndex((segment) => /^[._#]/.test(segment) || segment.endsWith('~'));
      hidden.add(segments.slice(0, first + 1).join('/') + (first < segments.length - 1 ? '/' : ''));
      result.grouped.add(path);
      continue;
    }
    if (rules.isExcluded(path)) {
      excluded.add(path);
      result.grouped.add(path);
      continue;
    }
    if (hasFrontMatter(site.head(path))) result.pages.push(path);
    else result.staticFiles.push(path);
  }

  for (const folder of hidden) {
    if (/^_/.test(folder)) {
      const name = folder.replace(/\/$/, '');
      const known = collections.some((c) => `_${c.name}` === name);
      if (!known) {
        result.report.push({
          kind: 'skipped',
          file: folder,
          message: folder.endsWith('/')
            ? 'Jekyll does not publish folders whose names start with "_" (it is not a collection in _config.yml), so neither does the import.'
            : 'Jekyll does not publish files whose names start with "_", so neither does the import.',
        });
      }
    }
  }
  // Below the top, a name starting with "_" (a vendored library's Sass partials, `_variables.scss`) is
  // left out for that reason, not for being hidden.
  const nested = [...hidden].filter((path) => !path.startsWith('_')).sort(compareText);
  const underscored = nested.filter((path) => (path.replace(/\/$/, '').split('/').at(-1) ?? '').startsWith('_'));
  const dotted = nested.filter((path) => !underscored.includes(path));
  if (dotted.length > 0) {
    result.report.push({
      kind: 'skipped',
      message: `hidden files and folders (${dotted.join(', ')}): Jekyll does not publish them, so neither does the import.`,
    });
  }
  if (underscored.length > 0) {
    result.report.push({
      kind: 'skipped',
      message: `files and folders whose names start with "_" (${underscored.join(', ')}): Jekyll does not publish them, so neither does the import.`,
    });
  }
  if (excluded.size > 0) {
    const shown = summarise([...excluded]);
    result.report.push({ kind: 'skipped', file: '_config.yml', message: `\`exclude\` leaves out ${shown}: not published by Jekyll, not imported.` });
  }
  for (const path of notPosts) {
    result.report.push({
      kind: 'skipped',
      file: path,
      message:
        'is in _posts but its name does not start with a date (YYYY-MM-DD-title), so Jekyll never published it. Rename it and run the import again if it is a post.',
    });
  }
  result.theme = [...theme].sort(compareText);
  return result;
}

/** A few paths, then "and N more": report lines stay short. */
export function summarise(paths: readonly string[], limit = 5): string {
  const sorted = [...paths].sort(compareText);
  if (sorted.length <= limit) return sorted.join(', ');
  return `${sorted.slice(0, limit).join(', ')} and ${sorted.length - limit} more`;
}
