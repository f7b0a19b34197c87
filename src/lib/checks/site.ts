import { closest, schemaIssuesToProblems, type Problem } from '../errors.ts';
import { frontMatterHint, readEntrySource } from '../frontmatter/read-entry.ts';
import { checkedRecords, DATA_DIR, groupOfFile, lineOfRecordField, readDataFile, type RawRecord } from '../data/data-file.ts';
import { isPublishedFile, NOT_FOUND_PERMALINK } from '../routing/pages.ts';
import { permalinkToFile, servedPaths } from '../routing/permalink.ts';
import { PAGE_KEYS, pageSchema, type PageData } from '../schema/page.ts';
import { POST_KEYS, postSchema, type PostData } from '../schema/post.ts';
import { RECORD_KEYS, type RecordData } from '../schema/record.ts';
import { siteMadeClashes, siteMadeFiles } from './site-made.ts';
import { isPublishedPost, postFacts, type PostFacts, type PostsConfig } from '../routing/posts.ts';
import { forgetValidated, rememberValidated } from '../content/validated-front-matter.ts';
import { checkBody, type BodyProblem } from './body.ts';
import { scriptingScheme } from '../links/html.ts';
import { liquidModule, rememberListed, rememberRendered, runsLiquid } from '../liquid/bodies.ts';
import { checkLiquidDataFiles } from './liquid-data.ts';
import type { ProjectLiquid } from '../liquid/project.ts';
import { imageFileMessage, imageFileProblem } from './image-file.ts';

/**
 * Every check of the site's content that needs no build: file names, front matter and the schema of
 * each page, the data files and their records, how pages and records name each other, permalink
 * clashes (with each other, with `src/pages` and with `public/`), Liquid left from the Jekyll site
 * and anything that would run JavaScript. All problems are collected; none stops the others.
 */

/** A file of the site's content. */
export interface ContentFile {
  /** Path relative to the project root, `/`-separated: `src/content/pages/work/amazon.md`. */
  path: string;
  /** The file's text (read for `.md`, `.mdx` and data files only). */
  text: string;
}

/** A page the site builds from `src/pages`, whose address no Markdown page may take. */
export interface SitePage {
  /** Its address: `/404`. */
  path: string;
  /** The file that makes it, relative to the project root: `src/pages/404.astro`. */
  file: string;
}

export interface SiteCheckInput {
  /** The pages folder, relative to the project root: `src/content/pages`. */
  pagesDir: string;
  /** Every file below the pages folder. */
  pageFiles: readonly ContentFile[];
  /** The posts folder, relative to the project root: `src/content/posts`. */
  postsDir: string;
  /** Every file below the posts folder. */
  postFiles: readonly ContentFile[];
  /** The site config's `posts` settings: the permalink style and time zone. */
  posts: PostsConfig;
  /** Every `*.yml` / `*.yaml` file in `src/data/`. */
  dataFiles: readonly ContentFile[];
  /** The YAML and JSON files below `src/data/liquid/`, which Liquid reads as `site.data`. */
  liquidDataFiles?: readonly ContentFile[] | undefined;
  /** The static pages and endpoints of `src/pages`. */
  routes: readonly SitePage[];
  /** Every file in `public/`, relative to it, `/`-separated. */
  publicFiles: readonly string[];
  /** Files that are not valid UTF-8, found as they were read (`readSiteInput`). */
  encodingProblems?: readonly Problem[] | undefined;
  /** The first bytes of a file in `public/`, to tell a record's image from a Git LFS pointer or a non-image. */
  readPublicHead?: ((path: string) => Uint8Array | undefined) | undefined;
  /** The project's root folder: with it, the Liquid in pages and posts is run (src/lib/liquid/). */
  rootDir?: string | undefined;
  /** What `site` holds beyond the files: the site config's values, the site's origin and base path. */
  liquid?: LiquidSettings | undefined;
  /** The site config's `scripts:`, consent for those scripts on every page and post. */
  siteScripts?: readonly string[] | undefined;
}

/** The site's values for Liquid that are not in its content files. */
export interface LiquidSettings {
  /** The site config's values, `site.<key>`. */
  config: Readonly<Record<string, unknown>>;
  /** The site's origin, `https://jane.github.io`. */
  url: string;
  /** The base path, `/portfolio`, or empty. */
  baseurl: string;
}

/** A page that passed its own checks. */
export interface CheckedPage {
  file: string;
  data: PageData;
  published: boolean;
  /** The 1-based line of its `permalink`, for messages about the address. */
  /** The 1-based line of a front-matter key, for messages (looked up only when one is written). */
  lineOf: (key: string) => number | undefined;
}

/** A post that passed its own checks. */
export interface CheckedPost {
  file: string;
  data: PostData;
  facts: PostFacts;
  published: boolean;
  /** The 1-based line of a front-matter key, for messages (looked up only when one is written). */
  lineOf: (key: string) => number | undefined;
}

/** A record that passed its own checks. */
export interface CheckedRecord {
  group: string;
  key: string;
  file: string;
  /** The 1-based line of its key (looked up only when a message needs it). */
  readonly line: number;
  /** The 1-based line of one of its fields, when written. */
  lineOf: (field: string) => number | undefined;
  data: RecordData;
}

export interface SiteCheckResult {
  problems: Problem[];
  pages: CheckedPage[];
  posts: CheckedPost[];
  records: CheckedRecord[];
}

const PAGE_EXTENSIONS = /\.(md|mdx)$/;
/** Images a page may keep beside itself (shown from its body). */
const IMAGE_EXTENSIONS = /\.(png|jpe?g|webp|avif|gif|svg)$/i;
const baseName = (path: string) => path.split('/').pop() ?? path;

export function checkSite(input: SiteCheckInput): SiteCheckResult {
  const problems: Problem[] = [...(input.encodingProblems ?? [])];
  const bodyProblems = bodyChecker(input);
  const { groups, records, unsure } = checkDataFiles(input.dataFiles, input.publicFiles, problems, input.readPublicHead);
  checkLiquidDataFiles(input.liquidDataFiles ?? [], problems);
  const invalidPermalinks = new Set<string>();
  const { checked: posts, bodies: postBodies } = checkPostFiles(input, problems);
  // `{% post_url 2019-06-10-x %}` names a post by its file name, with or without its folders.
  const postAddresses = new Map<string, string>();
  for (const post of posts) {
    const name = post.file.slice(input.postsDir.length + 1).replace(/\.mdx?$/, '');
    postAddresses.set(name, post.facts.permalink);
    postAddresses.set(name.split('/').pop() ?? name, post.facts.permalink);
  }
  const permalinkOfPost = (name: string) => postAddresses.get(name);
  for (const { file, data, body, bodyLine } of postBodies) {
    const scripts = consentOf(data, input.siteScripts);
    for (const problem of bodyProblems(file, data, body, { bodyLine, format: file.endsWith('.mdx') ? 'mdx' : 'md', permalinkOfPost, scripts }))
      problems.push({ file, ...problem });
  }
  const pages = checkPageFiles(input, groups, problems, invalidPermalinks, permalinkOfPost, bodyProblems);
  const published = pages.filter((page) => page.published);
  // A record or page that failed its own checks is reported once, not again as a missing partner.
  problems.push(
    ...recordLinks(
      published,
      pages,
      records,
      groups.filter((group) => !unsure.has(group)),
      invalidPermalinks,
    ),
  );
  const addressed = [...published, ...posts.filter((post) => post.published).map((post) => ({ ...post, data: { permalink: post.facts.permalink } }))];
  problems.push(...permalinkClashes(addressed, input), ...nameLengthProblems(addressed));
  const made = siteMadeFiles({
    routes: input.routes,
    pages: published,
    postCount: posts.filter((post) => post.published).length,
    perPage: input.posts.perPage ?? 10,
    feeds: input.posts.feeds,
  });
  problems.push(...siteMadeClashes(made, input.publicFiles, addressed));
  return { problems, pages, posts, records };
}

/** A page's or post's consent for scripts: its own `scripts:` and the site config's; undefined when neither gives any. */
export function consentOf(data: Readonly<Record<string, unknown>>, siteScripts: readonly string[] = []): string[] | undefined {
  const own = Array.isArray(data['scripts']) ? data['scripts'].filter((entry): entry is string => typeof entry === 'string') : [];
  const all = [...new Set([...siteScripts, ...own])];
  return all.length > 0 || Array.isArray(data['scripts']) ? all : undefined;
}

type BodyChecker = (file: string, data: Readonly<Record<string, unknown>>, body: string, options: Parameters<typeof checkBody>[1]) => (BodyProblem | Problem)[];

/**
 * The checks of a body. A Markdown body with Liquid is run first, as Jekyll runs it (src/lib/liquid/),
 * and what it writes is checked like any body: the same script and link rules. A Liquid mistake is
 * the problem instead. The Liquid engine and the site's variables are made only when a body needs them.
 */
function bodyChecker(input: SiteCheckInput): BodyChecker {
  let liquid: ProjectLiquid | undefined;
  const rootDir = input.rootDir;
  return (file, data, body, options) => {
    if (data['liquid'] === false) return checkBody(body, { ...options, bracesAreText: true });
    if (rootDir === undefined || !runsLiquid(file, data, body)) return checkBody(body, options);
    liquid ??= liquidModule().projectLiquid({
      root: rootDir,
      pageFiles: input.pageFiles,
      postFiles: input.postFiles,
      publicFiles: input.publicFiles,
      posts: input.posts,
      config: input.liquid?.config ?? {},
      url: input.liquid?.url ?? '',
      baseurl: input.liquid?.baseurl ?? '',
    });
    // The blog's index whose Liquid reads `paginator` runs once for each page of the list, and each
    // page's text is checked; a problem every page has is said once.
    const texts: string[] = [];
    const problems: (BodyProblem | Problem)[] = [];
    const said = new Set<string>();
    // Liquid keeps a body's lines where its tags do not loop: a problem on line n of what it wrote is
    // placed on line n of the body, or its last line when the Liquid wrote more lines than there are.
    const lastLine = options.bodyLine + (body.match(/\n/g)?.length ?? 0);
    for (const page of liquid.listPages(file, body)) {
      const result = liquid.render(file, body, options.bodyLine, page);
      // A Liquid mistake stops the run; on a later page it may be one the first page does not make.
      if (!result.ok)
        return [...problems, page === 1 ? result.problem : { ...result.problem, message: `${result.problem.message} (for page ${page} of the list)` }];
      texts.push(result.text);
      for (const problem of checkBody(result.text, { ...options, bodyLine: 1, bracesAreText: true })) {
        const key = `${problem.line}\u0000${problem.message}`;
        if (said.has(key)) continue;
        said.add(key);
        const where = page === 1 ? '' : ` for page ${page} of the list`;
        problems.push({
          ...problem,
          line: Math.min(options.bodyLine + problem.line - 1, lastLine),
          message: `${problem.message} (in what the page's Liquid writes${where}, at its line ${problem.line})`,
        });
      }
    }
    rememberRendered(file, body, texts[0] ?? '');
    if (data['layout'] === 'blog') rememberListed(file, body, texts);
    return problems;
  };
}

/** The data files: each one's YAML and records. Returns the groups and the records that passed. */
function checkDataFiles(
  dataFiles: readonly ContentFile[],
  publicFiles: readonly string[],
  problems: Problem[],
  readPublicHead?: (path: string) => Uint8Array | undefined,
) {
  const groups: string[] = [];
  const records: CheckedRecord[] = [];
  /** Groups whose data file could not be read, or has a record that failed its checks. */
  const unsure = new Set<string>();
  const publicSet = new Set(publicFiles);
  for (const { path, text } of dataFiles) {
    const group = groupOfFile(baseName(path));
    if (group === undefined) continue;
    groups.push(group);
    const result = readDataFile(text);
    if (!result.ok) {
      unsure.add(group);
      for (const problem of result.problems) {
        problems.push({ file: path, field: problem.field ?? 'data file', line: problem.line, message: problem.message, record: problem.record });
      }
      continue;
    }
    for (const parsed of checkedRecords(text)) {
      const { raw } = parsed;
      if (!parsed.ok) {
        unsure.add(group);
        problems.push(...recordIssues(path, raw, parsed.issues).map((problem) => ({ ...problem, record: raw.key })));
        continue;
      }
      const record: CheckedRecord = {
        group,
        key: raw.key,
        file: path,
        get line() {
          return raw.line;
        },
        lineOf: (field) => raw.lineOf(field),
        data: parsed.data,
      };
      records.push(record);
      problems.push(...recordSafetyProblems(path, text, raw, parsed.data));
      const image = parsed.data.image;
      const head =
        image?.startsWith('/') && publicSet.has(decodeURIComponentSafe(image.slice(1))) ? readPublicHead?.(decodeURIComponentSafe(image.slice(1))) : undefined;
      const imageProblem = head ? imageFileProblem(head) : undefined;
      if (image && imageProblem) {
        problems.push({
          file: path,
          record: raw.key,
          field: `"${raw.key}" image`,
          line: raw.lineOf('image') ?? raw.line,
          message: imageFileMessage(imageProblem, image),
        });
      }
      if (image?.startsWith('/') && !publicSet.has(decodeURIComponentSafe(image.slice(1)))) {
        const nearest = closest(
          image.slice(1),
          publicFiles.filter((file) => IMAGE_EXTENSIONS.test(file)),
        );
        problems.push({
          file: path,
          record: raw.key,
          field: `"${raw.key}" image`,
          line: raw.lineOf('image') ?? raw.line,
          message: `"${image}" is not a file in public/. Put the image at public${image}, or fix the path.${nearest ? ` Did you mean "/${nearest}"?` : ''}`,
        });
      }
    }
  }
  return { groups: groups.sort(), records, unsure };
}

/**
 * What in a record would run script or never show, blamed on the data file, the record and the field:
 * a link whose `ref` runs script (`javascript:` in any case, with spaces or tabs), and an `http://`
 * image, which the page's Content-Security-Policy would block (it is refused, not upgraded: the
 * image's host may not serve https).
 */
function recordSafetyProblems(file: string, text: string, raw: RawRecord, data: RecordData): Problem[] {
  const problems: Problem[] = [];
  for (const list of ['links', 'press', 'awards', 'honors'] as const) {
    data[list].forEach((link, index) => {
      const scheme = scriptingScheme(link.ref, true);
      if (!scheme) return;
      problems.push({
        file,
        record: raw.key,
        field: `"${raw.key}" ${list}.${index}.ref`,
        line: lineOfRecordField(text, [raw.key, list, index, 'ref']) ?? raw.lineOf(list) ?? raw.line,
        message: `"${link.ref}" is a "${scheme}" link, which would run JavaScript on the entry's page, and the site ships none. Link to a page (https://...) instead.`,
      });
    });
  }
  if (typeof data.image === 'string' && /^http:/i.test(data.image.trim())) {
    problems.push({
      file,
      record: raw.key,
      field: `"${raw.key}" image`,
      line: raw.lineOf('image') ?? raw.line,
      message: `"${data.image}" is an http:// address; the page's Content-Security-Policy would block it, so it would never show. Write its https:// address, or put the image in public/ and write its path.`,
    });
  }
  return problems;
}

function decodeURIComponentSafe(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

function recordIssues(file: string, raw: RawRecord, issues: Parameters<typeof schemaIssuesToProblems>[1]): Problem[] {
  if (raw.value === null || typeof raw.value !== 'object' || Array.isArray(raw.value)) {
    return [
      { file, field: `"${raw.key}"`, line: raw.line, message: "must be the record's fields (summary, date, image, page, links…) indented below the title." },
    ];
  }
  return schemaIssuesToProblems(
    file,
    issues,
    (path) => (path.length > 0 ? ['name', 'ref'] : RECORD_KEYS),
    (field) => raw.lineOf(field) ?? raw.line,
    'a record',
    `"${raw.key}" `,
  );
}

/** The Markdown pages: file names, front matter, the schema, bodies. */
function checkPageFiles(
  input: SiteCheckInput,
  groups: readonly string[],
  problems: Problem[],
  invalidPermalinks: Set<string>,
  permalinkOfPost: (name: string) => string | undefined,
  bodyProblems: BodyChecker,
): CheckedPage[] {
  const checked: CheckedPage[] = [];
  // Dotfiles (.DS_Store, .gitkeep) are the file system's, not the owner's.
  const files = input.pageFiles.filter((file) => !baseName(file.path).startsWith('.'));
  const pageFiles = files.filter((file) => PAGE_EXTENSIONS.test(file.path));

  for (const file of files) {
    if (!PAGE_EXTENSIONS.test(file.path) && !IMAGE_EXTENSIONS.test(file.path)) {
      problems.push({
        file: file.path,
        field: 'file',
        message: `is not a page: only .md and .mdx files (and the images they show) belong in ${input.pagesDir}. Rename it to .md, or move it to public/ to publish it as it is.`,
      });
    }
  }
  if (pageFiles.length === 0) {
    problems.push({
      file: input.pagesDir,
      field: 'pages',
      message: 'the folder has no pages. Add one .md file per page, starting with layout, title and permalink.',
    });
  }

  const stems = new Map<string, string[]>();
  for (const { path } of pageFiles) {
    const stem = path.replace(PAGE_EXTENSIONS, '');
    stems.set(stem, [...(stems.get(stem) ?? []), path]);
  }
  for (const paths of stems.values()) {
    if (paths.length < 2) continue;
    for (const path of paths) {
      const others = paths.filter((other) => other !== path).map(baseName);
      problems.push({
        file: path,
        field: 'file',
        message: `has the same name as ${others.map((name) => `"${name}"`).join(', ')}; the site would keep only one of them. Rename or remove one.`,
      });
    }
  }

  const sources = pageFiles.map((file) => ({ file, read: readEntrySource(file.text) }));
  // `{% link work/acme.md %}` names a file: its permalink is the fix.
  const permalinkByFile = new Map<string, string>();
  for (const { file, read } of sources) {
    const permalink = read.ok ? read.source.data['permalink'] : undefined;
    if (typeof permalink === 'string') {
      permalinkByFile.set(file.path.slice(input.pagesDir.length + 1), permalink);
      permalinkByFile.set(baseName(file.path), permalink);
    }
  }

  const schema = pageSchema({ groups });
  /** A page that failed its own checks is still known by its permalink, or its group and title. */
  const noteInvalid = (data: Record<string, unknown> | undefined) => {
    if (typeof data?.['permalink'] === 'string') invalidPermalinks.add(data['permalink']);
    if (typeof data?.['data'] === 'string' && typeof data['title'] === 'string') invalidPermalinks.add(`${data['data']}\u0000${data['title']}`);
  };
  for (const { file, read } of sources) {
    if (!read.ok) {
      problems.push({ file: file.path, field: 'front matter', line: read.error.line, message: read.error.message });
      noteInvalid(frontMatterHint(file.text));
      continue;
    }
    const { data, body, bodyLine, lineOf } = read.source;
    const parsed = schema.safeParse(data);
    if (parsed.success) {
      rememberValidated(file.path, data, parsed.data);
      checked.push({
        file: file.path,
        data: parsed.data,
        published: isPublishedFile(file.path.slice(input.pagesDir.length + 1), parsed.data.draft),
        lineOf,
      });
    } else {
      forgetValidated(file.path, data);
      problems.push(...schemaIssuesToProblems(file.path, parsed.error.issues, PAGE_KEYS, lineOf, 'a page'));
      noteInvalid(data);
    }
    const format = file.path.endsWith('.mdx') ? 'mdx' : 'md';
    const scripts = consentOf(data, input.siteScripts);
    for (const problem of bodyProblems(file.path, data, body, {
      bodyLine,
      format,
      permalinkOfFile: (name) => permalinkByFile.get(name),
      permalinkOfPost,
      scripts,
    })) {
      problems.push({ file: file.path, ...problem });
    }
  }
  return checked;
}

/** The blog's posts: file names (the date), front matter, the schema, the address, bodies. */
function checkPostFiles(
  input: SiteCheckInput,
  problems: Problem[],
): { checked: CheckedPost[]; bodies: { file: string; data: Record<string, unknown>; body: string; bodyLine: number }[] } {
  const checked: CheckedPost[] = [];
  const bodies: { file: string; data: Record<string, unknown>; body: string; bodyLine: number }[] = [];
  const files = input.postFiles.filter((file) => !baseName(file.path).startsWith('.'));
  for (const file of files) {
    if (!PAGE_EXTENSIONS.test(file.path)) {
      if (IMAGE_EXTENSIONS.test(file.path)) continue;
      problems.push({
        file: file.path,
        field: 'file',
        message: `is not a post: only .md and .mdx files (and the images they show) belong in ${input.postsDir}. Rename it to .md, or move it to public/.`,
      });
      continue;
    }
    const read = readEntrySource(file.text);
    if (!read.ok) {
      problems.push({
        file: file.path,
        field: 'front matter',
        line: read.error.line,
        message: read.error.message.replace('(layout, title, permalink)', '(title)'),
      });
      continue;
    }
    const { data, body, bodyLine, lineOf } = read.source;
    const parsed = postSchema.safeParse(data);
    if (!parsed.success) {
      forgetValidated(file.path, data);
      problems.push(...schemaIssuesToProblems(file.path, parsed.error.issues, POST_KEYS, lineOf, 'a post'));
    } else {
      rememberValidated(file.path, data, parsed.data);
      const relative = file.path.slice(input.postsDir.length + 1);
      const facts = postFacts(relative, parsed.data, input.posts);
      if (facts.ok) {
        checked.push({ file: file.path, data: parsed.data, facts: facts.facts, published: isPublishedPost(relative, parsed.data), lineOf });
      } else {
        problems.push({ file: file.path, field: facts.field, line: facts.field === 'file' ? undefined : lineOf(facts.field), message: facts.message });
      }
    }
    bodies.push({ file: file.path, data, body, bodyLine });
  }
  return { checked, bodies };
}

/** How entries and records name each other: each entry has a record, each record's `page` is an entry. */
function recordLinks(
  published: readonly CheckedPage[],
  all: readonly CheckedPage[],
  records: readonly CheckedRecord[],
  groups: readonly string[],
  invalidPermalinks: ReadonlySet<string>,
): Problem[] {
  const problems: Problem[] = [];
  const dataFile = (group: string) => records.find((record) => record.group === group)?.file ?? `${DATA_DIR}/${group}.yml`;
  // Each group's record keys, so finding N entries' records stays linear.
  const keysOf = new Map<string, Set<string>>();
  for (const record of records) {
    const keys = keysOf.get(record.group) ?? new Set<string>();
    keysOf.set(record.group, keys);
    keys.add(record.key);
  }

  for (const page of published) {
    if (page.data.layout !== 'work_page' || page.data.data === undefined || !groups.includes(page.data.data)) continue;
    const keys = keysOf.get(page.data.data) ?? new Set<string>();
    if (keys.has(page.data.title)) continue;
    const nearest = closest(page.data.title, [...keys]);
    problems.push({
      file: page.file,
      field: 'title',
      message: nearest
        ? `"${page.data.title}" has no record in ${dataFile(page.data.data)}; the closest is "${nearest}". Make the title and the record's key the same.`
        : `"${page.data.title}" has no record in ${dataFile(page.data.data)}. Add one under the key "${page.data.title}:" with its summary and date.`,
    });
  }

  // Each group's entries by every path they are served at, so matching N records to N entries stays linear.
  const entriesAt = new Map<string, Map<string, CheckedPage>>();
  for (const entry of published) {
    if (entry.data.layout !== 'work_page' || entry.data.data === undefined) continue;
    const byPath = entriesAt.get(entry.data.data) ?? new Map<string, CheckedPage>();
    entriesAt.set(entry.data.data, byPath);
    for (const path of servedPaths(entry.data.permalink)) byPath.set(path, entry);
  }
  const indexes = new Map<string, CheckedPage>();
  for (const page of published)
    if (page.data.layout === 'work' && page.data.data !== undefined && !indexes.has(page.data.data)) indexes.set(page.data.data, page);

  for (const record of records) {
    const page = record.data.page;
    if (page === undefined || page === '') continue;
    // As on the Jekyll site, `page` is a link from the group's index page: `acme` from `/work/` is `/work/acme`.
    const index = indexes.get(record.group);
    const from = index?.data.permalink ?? `/${record.group}/`;
    let target: string;
    try {
      target = decodeURIComponent(new URL(page, `http://site.invalid${from}`).pathname);
    } catch {
      target = `${from}${page}`;
    }
    if (entriesAt.get(record.group)?.has(target)) continue;
    const entries = published.filter((candidate) => candidate.data.layout === 'work_page' && candidate.data.data === record.group);
    if ([...invalidPermalinks].some((permalink) => servedPaths(permalink).includes(target))) continue;
    if (invalidPermalinks.has(`${record.group}\u0000${record.key}`)) continue;
    const draft = all.find((candidate) => !candidate.published && servedPaths(candidate.data.permalink).includes(target));
    const nearest = closest(
      target,
      entries.map((entry) => entry.data.permalink),
    );
    problems.push({
      file: record.file,
      record: record.key,
      field: `"${record.key}" page`,
      line: record.lineOf('page') ?? record.line,
      message: draft
        ? `"${page}" leads to ${draft.file}, which is not published (a draft, or a file whose name starts with "_"). Publish it, or remove "page".`
        : `"${page}" matches no entry: no page with "data: ${record.group}" has the permalink "${target}".${nearest ? ` Did you mean the page at "${nearest}"?` : ' Add the entry, or fix "page".'}`,
    });
  }
  return problems;
}

/** The longest file or folder name most file systems take, in bytes (255 on ext4, APFS, NTFS). */
const MAX_NAME_BYTES = 255;

/**
 * Permalinks whose file or folder names are too long for the disk: checked before the build writes
 * anything, so it never fails half-way with ENAMETOOLONG.
 */
function nameLengthProblems(published: readonly Addressed[]): Problem[] {
  const problems: Problem[] = [];
  for (const page of published) {
    const segment = permalinkToFile(page.data.permalink)
      .split('/')
      .find((part) => Buffer.byteLength(part, 'utf8') > MAX_NAME_BYTES);
    if (segment === undefined) continue;
    problems.push({
      file: page.file,
      field: 'permalink',
      line: page.lineOf('permalink'),
      message: `"${segment.slice(0, 40)}…" is ${Buffer.byteLength(segment, 'utf8')} bytes long, but a file or folder name may be at most ${MAX_NAME_BYTES}. Shorten that part of the address.`,
    });
  }
  return problems;
}

/** Two published pages, a page and a `src/pages` route, or a page and a `public/` file wanting one file. */
interface Addressed {
  file: string;
  data: { permalink: string };
  /** The 1-based line of a front-matter key, for messages (looked up only when one is written). */
  lineOf: (key: string) => number | undefined;
}

function permalinkClashes(published: readonly Addressed[], input: SiteCheckInput): Problem[] {
  const problems: Problem[] = [];
  // Compared by the file each writes, without regard to case: `/About` and `/about` are one file on
  // the disks of macOS and Windows, and `/work/acme` and `/work/acme.html` are one file everywhere.
  const byFile = new Map<string, Addressed[]>();
  for (const page of published) {
    const file = permalinkToFile(page.data.permalink).toLowerCase();
    byFile.set(file, [...(byFile.get(file) ?? []), page]);
  }
  for (const group of byFile.values()) {
    for (const page of group) {
      for (const other of group) {
        if (other === page) continue;
        const same = other.data.permalink === page.data.permalink;
        const sameFile = permalinkToFile(other.data.permalink) === permalinkToFile(page.data.permalink);
        problems.push({
          file: page.file,
          field: 'permalink',
          line: page.lineOf('permalink'),
          message: same
            ? `"${page.data.permalink}" is also the permalink of ${other.file}. Every page needs its own address: change one of them.`
            : sameFile
              ? `"${page.data.permalink}" and the permalink "${other.data.permalink}" of ${other.file} are written to the same file. Every page needs its own address: change one of them.`
              : `"${page.data.permalink}" and the permalink "${other.data.permalink}" of ${other.file} differ only in capitals: on macOS and Windows, and so in a clone of the site there, they are one file. Change one of them.`,
        });
      }
    }
  }

  const routes = new Map(input.routes.map((route) => [route.path.toLowerCase().replace(/(.)\/$/, '$1'), route]));
  const publicFiles = new Map(input.publicFiles.map((file) => [file.toLowerCase(), file]));
  for (const page of published) {
    const { permalink } = page.data;
    const file = permalinkToFile(permalink).toLowerCase();
    const route = routes.get(
      permalink
        .toLowerCase()
        .replace(/(.)\/$/, '$1')
        .replace(/\.html$/, ''),
    );
    // The 404 route shows the page whose permalink is /404.html.
    if (route && permalink !== NOT_FOUND_PERMALINK) {
      problems.push({
        file: page.file,
        field: 'permalink',
        line: page.lineOf('permalink'),
        message: `"${permalink}" is the address of ${route.file}, which the site builds itself. Choose another permalink.`,
      });
    }
    const publicFile = publicFiles.get(file);
    if (publicFile) {
      problems.push({
        file: page.file,
        field: 'permalink',
        line: page.lineOf('permalink'),
        message: `"${permalink}" is also served by public/${publicFile}. Remove that file or choose another permalink.`,
      });
    }
  }
  return problems;
}
