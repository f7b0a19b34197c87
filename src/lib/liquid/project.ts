/**
 * Liquid for one project: the engine and the variables, from the project's own files (the pages
 * and posts the checks read, `src/data/`, `src/includes/`, the site config). The checks run each
 * page's Liquid before the build and keep what it wrote (bodies.ts); the content loader then renders
 * that text as Markdown (src/integrations/content/entries-loader.ts). Plain node:fs, no Astro. Loaded only
 * when a page has Liquid to run (`liquidModule` in bodies.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Liquid } from 'liquidjs';
import { DATA_DIR, LIQUID_CONFIG_FILE, LIQUID_DATA_DIR } from '../data/data-file.ts';
import { aliasExpansionProblem } from '../safe-yaml.ts';
import { loadLiquidYaml } from '../checks/liquid-data.ts';
import { isMarkdownFile } from '../files.ts';
import { readEntrySource } from '../frontmatter/read-entry.ts';
import { isPublishedFile, PAGES_DIR, paginationPath } from '../routing/pages.ts';
import { isPublishedPost, POSTS_DIR, postFacts, type PostsConfig } from '../routing/posts.ts';
import { postSchema } from '../schema/post.ts';
import { runsLiquid } from './bodies.ts';
import { createEngine, renderLiquid, type RenderInput, type RenderResult } from './engine.ts';
import { markHtmlBlocks, settleHtmlBlocks, withoutMarks } from './html-blocks.ts';
import { listPageCount, paginatorOf, readsPaginator } from './paginator.ts';
import { liquidSite, type LiquidSite, type SourceEntry, type SourcePost } from './site.ts';

/** A file of the project, as the checks read it. */
export interface ProjectFile {
  /** Relative to the project root, `/`-separated. */
  path: string;
  text: string;
}

export interface ProjectLiquidInput {
  root: string;
  pageFiles: readonly ProjectFile[];
  postFiles: readonly ProjectFile[];
  /** Every file in `public/`, relative to it. */
  publicFiles: readonly string[];
  posts: PostsConfig;
  /** The site config's values. */
  config: Readonly<Record<string, unknown>>;
  /** The site's origin and base path, for `absolute_url`. */
  url: string;
  baseurl: string;
}

export interface ProjectLiquid {
  engine: Liquid;
  site: LiquidSite;
  /** Runs one page's or post's body; on the blog's index, for page `page` of its list (1 when not given). */
  render(file: string, body: string, bodyLine: number, page?: number): RenderResult;
  /**
   * The pages of the list a body is run for: each one's on the blog's index (`layout: blog`) when its
   * Liquid reads `paginator`, as jekyll-paginate ran its `index.html`; else only the first.
   */
  listPages(file: string, body: string): number[];
}

/** A data file's value, as Jekyll reads `_data/` (YAML, JSON, CSV and TSV with a header row). */
function readData(path: string): unknown {
  const text = readFileSync(path, 'utf8');
  if (/\.ya?ml$/.test(path)) {
    const value = loadLiquidYaml(text);
    // Reported by the site checks (src/lib/checks/liquid-data.ts); Liquid goes without it meanwhile.
    if (aliasExpansionProblem(value) !== undefined) throw new Error('too many aliases');
    return value;
  }
  if (path.endsWith('.json')) return JSON.parse(text) as unknown;
  const separator = path.endsWith('.tsv') ? '\t' : ',';
  const [header = [], ...rows] = text
    .split(/\r?\n/)
    .filter((line) => line !== '')
    .map((line) => line.split(separator));
  return rows.map((row) => Object.fromEntries(header.map((key, index) => [key, row[index] ?? null])));
}

/**
 * `site.data`: the plain data of `src/data/liquid/` at the top, then `src/data/` (the groups of
 * records by name, any other folder a map of its own). A group wins over plain data of its name.
 */
export function readSiteData(root: string): Record<string, unknown> {
  const groups = readDataTree(join(root, DATA_DIR));
  const liquidFolder = LIQUID_DATA_DIR.slice(DATA_DIR.length + 1);
  delete groups[liquidFolder];
  const plain = readDataTree(join(root, LIQUID_DATA_DIR));
  delete plain['_config'];
  return { ...plain, ...groups };
}

/** The old site's settings (`src/data/liquid/_config.yml`), for `site.<key>` below the site config's own. */
export function readLiquidConfig(root: string): Record<string, unknown> {
  try {
    const value = loadLiquidYaml(readFileSync(join(root, LIQUID_CONFIG_FILE), 'utf8'));
    if (aliasExpansionProblem(value) !== undefined) return {};
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** A folder of data files as a tree: each file by its name without extension, each folder a map of its own. */
export function readDataTree(folder: string): Record<string, unknown> {
  const tree: Record<string, unknown> = {};
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return tree;
  }
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    if (entry.isDirectory()) tree[entry.name] = readDataTree(join(folder, entry.name));
    else if (/\.(ya?ml|json|csv|tsv)$/.test(entry.name)) {
      try {
        tree[entry.name.replace(/\.[^.]+$/, '')] = readData(join(folder, entry.name));
      } catch {
        // A file that cannot be read is reported by the data checks, not here.
      }
    }
  }
  return tree;
}

/** The Markdown files among `files` whose front matter reads, with their path below `folder`. */
function readableEntries(files: readonly ProjectFile[], folder: string) {
  return files.flatMap((file) => {
    const read = isMarkdownFile(file.path) ? readEntrySource(file.text) : undefined;
    return read?.ok ? [{ file: file.path, path: file.path.slice(folder.length + 1), data: read.source.data, body: read.source.body }] : [];
  });
}

/** The pages and posts as Liquid sees them. */
function sourceEntries(input: ProjectLiquidInput): { pages: SourceEntry[]; posts: SourcePost[] } {
  const pages: SourceEntry[] = readableEntries(input.pageFiles, PAGES_DIR).map((entry) => ({
    ...entry,
    url: typeof entry.data['permalink'] === 'string' ? entry.data['permalink'] : '',
    published: isPublishedFile(entry.path, entry.data['draft'] === true),
  }));
  const posts: SourcePost[] = [];
  for (const entry of readableEntries(input.postFiles, POSTS_DIR)) {
    const parsed = postSchema.safeParse(entry.data);
    if (!parsed.success) continue;
    const facts = postFacts(entry.path, parsed.data, input.posts);
    if (!facts.ok) continue;
    posts.push({
      ...entry,
      url: facts.facts.permalink,
      published: isPublishedPost(entry.path, parsed.data),
      date: facts.facts.published,
      categories: facts.facts.categories,
    });
  }
  return { pages, posts };
}

/** The address of a file of the site named as Jekyll named it, from the site's folder. */
function linkResolver(pages: readonly SourceEntry[], posts: readonly SourcePost[], publicFiles: readonly string[]) {
  const byPath = new Map<string, string>();
  const byName = new Map<string, string[]>();
  const add = (path: string, url: string) => {
    byPath.set(path, url);
    const name = path.split('/').pop() ?? path;
    byName.set(name, [...(byName.get(name) ?? []), url]);
  };
  for (const page of pages) add(page.path, page.url);
  for (const post of posts) add(`_posts/${post.path}`, post.url);
  const publicSet = new Set(publicFiles);
  return (written: string): string | undefined => {
    const path = written.replace(/^\.?\/+/, '');
    const found = byPath.get(path);
    if (found !== undefined) return found;
    if (publicSet.has(path)) return `/${path}`;
    // The importer may have moved the file (`_pages/about.md` is `about.md`): its name alone, if no other has it.
    const named = byName.get(path.split('/').pop() ?? path);
    return named?.length === 1 ? named[0] : undefined;
  };
}

/** A body's Liquid run, what it wrote inside an HTML block kept in that block (html-blocks.ts). */
function renderBody(engine: Liquid, input: RenderInput, root: string): RenderResult {
  const result = renderLiquid(engine, { ...input, body: markHtmlBlocks(input.body) }, root);
  if (result.ok) return { ok: true, text: settleHtmlBlocks(result.text) };
  return { ok: false, problem: { ...result.problem, field: withoutMarks(result.problem.field), message: withoutMarks(result.problem.message) } };
}

/** Liquid for a project. Built only when a page has Liquid to run. */
export function projectLiquid(input: ProjectLiquidInput): ProjectLiquid {
  const { pages, posts } = sourceEntries(input);
  const postUrls = new Map<string, string>();
  for (const post of posts) {
    const name = post.path.replace(/\.mdx?$/, '');
    postUrls.set(name, post.url);
    postUrls.set(name.split('/').pop() ?? name, post.url);
  }
  const engine = createEngine({
    root: input.root,
    url: input.url,
    baseurl: input.baseurl,
    timezone: input.posts.timezone,
    linkTo: linkResolver(pages, posts, input.publicFiles),
    postUrl: (name) => postUrls.get(name),
  });
  const site: LiquidSite = liquidSite({
    config: { ...readLiquidConfig(input.root), ...input.config },
    url: input.url,
    pages,
    posts,
    data: readSiteData(input.root),
    time: new Date(),
    timezone: input.posts.timezone,
    excerptSeparator: input.posts.excerptSeparator,
    // Read only once the site is made: an excerpt is worked out when Liquid reads it.
    liquid: (entry, text, page) => {
      if (!runsLiquid(entry.file, entry.data, text)) return undefined;
      const result = renderBody(engine, { file: entry.file, body: text, bodyLine: 1, scope: { site: site.site, page } }, input.root);
      return result.ok ? result.text : undefined;
    },
  });
  const perPage = input.posts.perPage ?? 10;
  // The published posts, newest first: the ones the blog's routes number the pages by.
  const listed = site.site['posts'] as Record<string, unknown>[];
  const blogOf = (file: string) => {
    const page = site.pageOf(file);
    return page?.['layout'] === 'blog' && typeof page['url'] === 'string' ? { page, permalink: page['url'] } : undefined;
  };
  return {
    engine,
    site,
    render: (file, body, bodyLine, number = 1) => {
      const blog = blogOf(file);
      const scope: Record<string, unknown> = { site: site.site, page: blog?.page ?? site.pageOf(file) ?? {} };
      if (blog) scope['paginator'] = paginatorOf(listed, perPage, number, (n) => paginationPath(blog.permalink, n));
      return renderBody(engine, { file, body, bodyLine, scope }, input.root);
    },
    listPages: (file, body) =>
      blogOf(file) && readsPaginator(body) ? Array.from({ length: listPageCount(listed.length, perPage) }, (_, index) => index + 1) : [1],
  };
}
