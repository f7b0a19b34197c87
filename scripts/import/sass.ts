/**
 * The stylesheets Jekyll compiled from Sass, compiled again so their old URLs still answer. Jekyll
 * (jekyll-sass-converter 2.2) compiles every page whose extension is `.scss` or `.sass`: a file with
 * front matter whose name does not start with `_`, and a theme gem's `assets/main.scss`. Its Liquid
 * runs first, with the site's variables; then Sass, with the load paths `sass.load_paths` (patterns
 * expanded in the site), then `sass.sass_dir` (`_sass`), then the theme gem's `_sass`; `sass.style`
 * sets the output's style, and a source map is written beside it (`x.css.map`) unless
 * `sass.sourcemap` says never.
 * https://github.com/jekyll/jekyll-sass-converter/blob/v2.2.0/lib/jekyll/converters/scss.rb
 *
 * The compiler is dart-sass (the `sass` package) where Jekyll used libsass: the same stylesheet, not the
 * same bytes. No page of this project links the result (its own styles replace the theme's look); it
 * is compiled so that the address keeps answering. Sass that does not compile is reported with the
 * file and line Sass names, and its URL retired, so the import and the build go on.
 */
import { posix } from 'node:path';
import type { Liquid } from 'liquidjs';
import { compileString, Exception, Logger, type Importer, type Syntax } from 'sass';
import { JEKYLL_FILTERS } from '../../src/lib/liquid/filters.ts';
import { createEngine, liquidProblem } from '../../src/lib/liquid/engine.ts';
import { liquidSite } from '../../src/lib/liquid/site.ts';
import { isValidTimeZone } from '../../src/lib/routing/jekyll-time.ts';
import { basePathOf, isRecord, textSetting, type JekyllConfig } from './config.ts';
import { NEVER_READ } from './source.ts';
import type { PlannedFile } from './planned-file.ts';
import type { ReportLine } from './report.ts';
import { staticFileUrl, type OldUrl } from './urls.ts';

/** The files one compile reads: the site's, or a theme gem's kept beside the importer. */
export interface SassFolder {
  /** How a message names a file of it: `_sass/_x.scss`, or `the minima theme gem's _sass/minima.scss`. */
  name(path: string): string;
  has(path: string): boolean;
  text(path: string): string;
}

export interface SassSettings {
  /** dart-sass has two styles: libsass's `nested` and `compact` (Jekyll's default) read as expanded. */
  style: 'expanded' | 'compressed';
  sourceMap: boolean;
  /** `sass.add_charset`: Jekyll puts `@charset "UTF-8";` where libsass wrote a byte-order mark. */
  addCharset: boolean;
  /** Folders searched for `@import "x"`, in Jekyll's order, each in the site (`''` its root) or the theme gem. */
  loadPaths: { folder: 'site' | 'theme'; path: string }[];
  /** Load paths Jekyll searched that the importer does not read, each with where it is. */
  unread: { path: string; where: string }[];
}

/** A folder path of the site as Jekyll sanitises it: from the site's root, without `./` or a leading `/`. */
function siteFolder(path: string): string {
  return posix.normalize(`/${path}`).replace(/^\/+|\/+$/g, '');
}

/** Ruby's order for a folder's entries: by their bytes. */
const byBytes = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

/** `{a,b}` expanded as Ruby's `Dir.glob` does before matching: each alternative in turn, nested ones too. */
function expandBraces(pattern: string): string[] {
  let depth = 0;
  let open = -1;
  const commas: number[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '\\') i++;
    else if (char === '{') {
      if (depth === 0) open = i;
      depth++;
    } else if (char === '}' && depth > 0) {
      depth--;
      if (depth === 0) {
        const cuts = [open, ...commas, i];
        const alternatives = cuts.slice(1).map((cut, index) => pattern.slice((cuts[index] ?? 0) + 1, cut));
        return alternatives.flatMap((alternative) => expandBraces(`${pattern.slice(0, open)}${alternative}${pattern.slice(i + 1)}`));
      }
    } else if (char === ',' && depth === 1) commas.push(i);
  }
  return [pattern];
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A segment with a wildcard, `*`, `?` or `[`, not escaped. */
const MAGIC = /(^|[^\\])[*?[]/;

/** One segment of a pattern as File.fnmatch reads it: `*`, `?`, `[set]`, `\x`; a leading dot is matched only by a dot. */
function segmentMatcher(segment: string): (name: string) => boolean {
  if (!MAGIC.test(segment)) {
    const literal = segment.replace(/\\(.)/g, '$1');
    return (name) => name === literal;
  }
  let source = '';
  for (let i = 0; i < segment.length; i++) {
    const char = segment[i] ?? '';
    if (char === '\\') source += escape(segment[++i] ?? '');
    else if (char === '*') source += '.*';
    else if (char === '?') source += '.';
    else if (char === '[' && segment.indexOf(']', i + 2) !== -1) {
      const close = segment.indexOf(']', i + 2);
      const set = segment.slice(i + 1, close);
      source += /^[!^]/.test(set) ? `[^${set.slice(1).replace(/[\\\]^]/g, '\\$&')}]` : `[${set.replace(/[\\\]^]/g, '\\$&')}]`;
      i = close;
    } else source += escape(char);
  }
  const pattern = new RegExp(`^(?:${source})$`, 'su');
  const dotted = segment.startsWith('.') || segment.startsWith('\\.');
  return (name) => (dotted || !name.startsWith('.')) && pattern.test(name);
}

/**
 * The folders of the site a pattern names, in Ruby's `Dir.glob` order (each folder's entries by their
 * bytes, depth first, `**` / any depth of folders whose names do not start with a dot).
 */
function globFolders(pattern: string, children: ReadonlyMap<string, readonly string[]>): string[] {
  const segments = pattern.split('/').filter((segment) => segment !== '');
  const join = (folder: string, name: string) => (folder === '' ? name : `${folder}/${name}`);
  const walk = (folder: string, index: number): string[] => {
    const segment = segments[index];
    if (segment === undefined) return [folder];
    const entries = children.get(folder) ?? [];
    if (segment === '**' && index < segments.length - 1) {
      const next = segments[index + 1] === '**' ? index + 1 : index;
      if (next !== index) return walk(folder, next);
      const matches = segmentMatcher(segments[index + 1] ?? '');
      return entries.flatMap((name) => [
        ...(matches(name) ? walk(join(folder, name), index + 2) : []),
        ...(name.startsWith('.') ? [] : walk(join(folder, name), index)),
      ]);
    }
    const matches = segmentMatcher(segment === '**' ? '*' : segment.replace(/\*\*+/g, '*'));
    // Ruby's `.*` also matches the folder's own `.`, below plain names only (`a/.*`, not `*/.*`).
    const here = matches('.') && !segments.slice(0, index).some((before) => MAGIC.test(before)) ? walk(folder, index + 1) : [];
    return [...here, ...entries.filter(matches).flatMap((name) => walk(join(folder, name), index + 1))];
  };
  return walk('', 0);
}

/** Where a load path leads that the importer does not read: outside the site, or a folder it never reads. */
function unreadPlace(path: string): string | undefined {
  const top = path.split('/')[0] ?? '';
  if (NEVER_READ.has(top)) return ['node_modules', 'vendor', '.bundle'].includes(top) ? 'installed packages' : "Jekyll's output or a cache";
  const may = segmentMatcher(top === '**' ? '*' : top);
  const reached = [...NEVER_READ].find((name) => may(name) && ['node_modules', 'vendor'].includes(name));
  return reached === undefined ? undefined : `which may reach into ${reached}/, installed packages`;
}

/**
 * The settings of `sass:` in `_config.yml`, as jekyll-sass-converter 2.2 reads them (`sass_load_paths`):
 * `load_paths` (kept inside the site only under `safe: true`), then `sass_dir` (always inside it),
 * each pattern expanded by `Dir.glob` from the site's root, each folder once, only folders that exist;
 * then the theme gem's `_sass`. `paths` are the site's files.
 */
export function sassSettings(config: JekyllConfig, theme: boolean, paths: readonly string[]): SassSettings {
  const options = isRecord(config['sass']) ? config['sass'] : {};
  const style = String(options['style'] ?? '').replace(/^:/, '');
  const sourcemap = String(options['sourcemap'] ?? 'always').replace(/^:/, '');
  const userPaths = Array.isArray(options['load_paths']) ? options['load_paths'] : options['load_paths'] === undefined ? [] : [options['load_paths']];
  const safe = config['safe'] === true;
  // Each folder's folders, from the files' paths: only a folder that holds a file can hold Sass.
  const folders = new Map<string, Set<string>>();
  for (const path of paths) {
    let parent = '';
    for (const name of path.split('/').slice(0, -1)) {
      const names = folders.get(parent) ?? new Set<string>();
      folders.set(parent, names.add(name));
      parent = parent === '' ? name : `${parent}/${name}`;
    }
  }
  const children = new Map([...folders].map(([folder, names]) => [folder, [...names].sort(byBytes)]));
  const loadPaths: SassSettings['loadPaths'] = [];
  const unread: SassSettings['unread'] = [];
  // Sanitised, a path names a folder of the site; its root is `.` there, where an empty pattern names nothing.
  const inside = (path: string) => siteFolder(path) || '.';
  const patterns = [...userPaths.map((path) => (safe ? inside(String(path)) : String(path))), inside(textSetting(options['sass_dir']) ?? '_sass')];
  for (const written of patterns) {
    for (const pattern of expandBraces(written)) {
      if (pattern === '') continue;
      const path = posix.normalize(pattern).replace(/^\.\/|\/+$/g, '');
      if (path.startsWith('/') || path === '..' || path.startsWith('../')) {
        unread.push({ path: written, where: 'outside the site' });
        continue;
      }
      const place = unreadPlace(path);
      if (place !== undefined) unread.push({ path: written, where: place });
      for (const folder of globFolders(path === '.' ? '' : path, children))
        if (!loadPaths.some((known) => known.path === folder)) loadPaths.push({ folder: 'site', path: folder });
    }
  }
  if (theme) loadPaths.push({ folder: 'theme', path: '_sass' });
  return {
    style: style === 'compressed' ? 'compressed' : 'expanded',
    // `development` writes one in Jekyll's default environment, the one `jekyll build` runs in.
    sourceMap: sourcemap !== 'never',
    addCharset: options['add_charset'] === true,
    loadPaths,
    unread: unread.filter((item, index) => unread.findIndex((other) => other.path === item.path) === index),
  };
}

const SCHEME = { site: 'jekyll-site:', theme: 'jekyll-theme:' } as const;
type FolderName = keyof typeof SCHEME;
/**
 * The stylesheet being compiled, where libsass saw it: Jekyll names it by its file name at the site's
 * root (`filename` in scss.rb), so an `@import` in it is looked for from the root, not beside it.
 */
const ENTRY = 'jekyll-entry:';

/** A file's URL in a folder, each segment escaped: a `#` or `?` in a name is part of the name. */
const fileUrl = (folder: FolderName, path: string) => new URL(`${SCHEME[folder]}/${path.split('/').map(encodeURIComponent).join('/')}`);

/** The candidates Sass tries for `@import "x"` in a folder: the file, the partial, then an index. */
function candidates(path: string): string[] {
  const dir = posix.dirname(path);
  const base = posix.basename(path);
  const join = (name: string) => (dir === '.' ? name : `${dir}/${name}`);
  if (/\.(s[ac]ss|css)$/i.test(base)) return [path, join(`_${base}`)];
  const files = (stem: string) => ['.scss', '.sass', '.css'].map((ext) => `${stem}${ext}`);
  return [...files(path), ...files(join(`_${base}`)), ...files(`${path}/index`), ...files(`${path}/_index`)];
}

/** Resolves `@import`/`@use` inside the two folders, as Sass does on disk: beside the file first, then each load path. */
function importerFor(folders: Readonly<Record<FolderName, SassFolder | undefined>>, loadPaths: SassSettings['loadPaths']): Importer<'sync'> {
  const find = (folder: FolderName, path: string): URL | null => {
    const files = folders[folder];
    const found = files && candidates(path).find((candidate) => files.has(candidate));
    return found === undefined ? null : fileUrl(folder, found);
  };
  return {
    canonicalize(url) {
      // A load relative to the file, which Sass has already resolved against the file's own URL.
      if (url.startsWith(ENTRY)) return find('site', decodeURIComponent(new URL(url).pathname).replace(/^\/+/, ''));
      for (const [folder, scheme] of Object.entries(SCHEME) as [FolderName, string][])
        if (url.startsWith(scheme)) return find(folder, decodeURIComponent(new URL(url).pathname).replace(/^\/+/, ''));
      if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return null;
      for (const load of loadPaths) {
        const found = find(load.folder, posix.normalize(load.path === '' ? url : `${load.path}/${url}`).replace(/^(\.\/)+/, ''));
        if (found) return found;
      }
      return null;
    },
    load(url) {
      const folder = (Object.entries(SCHEME).find(([, scheme]) => url.protocol === scheme)?.[0] ?? 'site') as FolderName;
      const path = decodeURIComponent(url.pathname).replace(/^\/+/, '');
      const files = folders[folder];
      if (!files?.has(path)) return null;
      const syntax: Syntax = path.endsWith('.sass') ? 'indented' : path.endsWith('.css') ? 'css' : 'scss';
      // The source map names the file by this URL, not by a `data:` URL holding it.
      return { contents: files.text(path), syntax, sourceMapUrl: url };
    },
  };
}

export interface SassInput {
  /** The stylesheet, from its folder's root: `assets/css/main.scss`. */
  path: string;
  folder: FolderName;
  /** Its text after front matter and Liquid. */
  text: string;
  /** The line of the file the text starts on, for messages. */
  firstLine: number;
}

export type SassOutput = { ok: true; css: string; map?: string } | { ok: false; file: string; line?: number; message: string };

/** One stylesheet compiled: its CSS, its source map when one is written, or where Sass stopped. */
export function compileSass(input: SassInput, settings: SassSettings, folders: Readonly<Record<FolderName, SassFolder | undefined>>): SassOutput {
  // sassc hands an empty stylesheet back as it is, and Jekyll writes no source map for it.
  if (input.text === '') return { ok: true, css: '' };
  const importer = importerFor(folders, settings.loadPaths);
  const url = new URL(`${ENTRY}/${encodeURIComponent(posix.basename(input.path))}`);
  const nameOf = (source: URL | undefined): { file: string; inInput: boolean } => {
    if (source === undefined || source.protocol === ENTRY) return { file: folders[input.folder]?.name(input.path) ?? input.path, inInput: true };
    const folder = (Object.entries(SCHEME).find(([, scheme]) => source.protocol === scheme)?.[0] ?? input.folder) as FolderName;
    const path = decodeURIComponent(source.pathname).replace(/^\/+/, '');
    return { file: folders[folder]?.name(path) ?? path, inInput: false };
  };
  let result;
  // dart-sass also searches every folder of SASS_PATH on disk, whatever the importers: outside the site.
  const sassPath = process.env['SASS_PATH'];
  delete process.env['SASS_PATH'];
  try {
    result = compileString(input.text, {
      // Jekyll picks the converter by the extension in any case (`.SASS` too).
      syntax: /\.sass$/i.test(input.path) ? 'indented' : 'scss',
      style: settings.style,
      url,
      importer,
      importers: [importer],
      sourceMap: settings.sourceMap,
      sourceMapIncludeSources: true,
      // Deprecation warnings (libsass-era `@import`, `/` as division) would only be noise here.
      logger: Logger.silent,
    });
  } catch (error) {
    if (!(error instanceof Exception)) return { ok: false, ...nameOf(undefined), message: error instanceof Error ? error.message : String(error) };
    const { file, inInput } = nameOf(error.span.url);
    const line = error.span.start.line + (inInput ? input.firstLine : 1);
    return { ok: false, file, line, message: error.sassMessage };
  } finally {
    if (sassPath !== undefined) process.env['SASS_PATH'] = sassPath;
  }
  const outside = result.loadedUrls.find((loaded) => ![ENTRY, ...Object.values(SCHEME)].some((scheme) => loaded.protocol === scheme));
  if (outside) return { ok: false, ...nameOf(undefined), message: `reads ${outside.href}, which is not a file of the site or of its theme gem` };
  const cssName = `${posix.basename(input.path).replace(/\.s[ac]ss$/i, '')}.css`;
  // libsass wrote a byte-order mark before a compressed stylesheet with non-ASCII text; Jekyll replaces it.
  let css = result.css.replace(/^\uFEFF/, settings.addCharset ? '@charset "UTF-8";' : '');
  if (!settings.sourceMap || !result.sourceMap) return { ok: true, css: `${css}\n` };
  // Each source named from the site's root, where libsass saw the stylesheet and its map; the theme gem's files as if they were the site's.
  const map = {
    ...result.sourceMap,
    file: cssName,
    sources: result.sourceMap.sources.map((source) => decodeURIComponent(new URL(source).pathname).replace(/^\/+/, '')),
  };
  css += `\n\n/*# sourceMappingURL=${encodeURIComponent(`${cssName}.map`)} */\n`;
  return { ok: true, css, map: JSON.stringify(map) };
}

/** What the stylesheet's Liquid may read and link to. */
export interface SassLiquidSite {
  config: JekyllConfig;
  /** `site.data`. */
  data: Record<string, unknown>;
  /** `_includes/` of the Jekyll site. */
  include(path: string): string | undefined;
  linkTo(path: string): string | undefined;
  postUrl(name: string): string | undefined;
  /** The time of the import, `site.time` (Jekyll's was its build's); without it `site.time` is empty. */
  now?: Date | undefined;
}

const ABSOLUTE = /^[a-z][a-z0-9+.-]*:/i;

/**
 * The build's Liquid engine and `site` variables (src/lib/liquid/), reading includes from the Jekyll
 * site, with what Jekyll wrote into a stylesheet where the build writes otherwise: `site.url` and
 * `site.baseurl` as configured, and the base path in `relative_url`, `absolute_url`, `link` and
 * `post_url`, since no later step adds it to CSS as the build's Markdown step does to a page's links.
 * `site.pages` and `site.posts` are left empty here.
 */
function liquidFor(site: SassLiquidSite): { engine: Liquid; scope: Record<string, unknown> } {
  const url = textSetting(site.config['url']) ?? '';
  const basePath = basePathOf(site.config) ?? '';
  function withBase<T>(path: T): T | string {
    return typeof path === 'string' && !ABSOLUTE.test(path) ? `${basePath}${path}` : path;
  }
  const zone = textSetting(site.config['timezone']);
  // Jekyll shows dates in `timezone`, in UTC when Ruby does not know the name; without one in the
  // machine's zone, which the engine takes to be UTC.
  const timezone = zone === undefined ? undefined : isValidTimeZone(zone) ? zone : 'UTC';
  const fs = {
    exists: async (file: string) => site.include(file.slice(1)) !== undefined,
    existsSync: (file: string) => site.include(file.slice(1)) !== undefined,
    readFile: async (file: string) => site.include(file.slice(1)) ?? '',
    readFileSync: (file: string) => site.include(file.slice(1)) ?? '',
    resolve: (folder: string, file: string) => posix.resolve(folder, file),
    contains: async (_folder: string, file: string) => file.startsWith('/_includes/'),
    containsSync: (_folder: string, file: string) => file.startsWith('/_includes/'),
    dirname: posix.dirname,
    sep: '/',
  };
  const engine = createEngine({
    root: '/',
    url,
    baseurl: basePath,
    timezone,
    // Jekyll 4's `link` and `post_url` give the address through `relative_url`.
    linkTo: (path) => withBase(site.linkTo(path)),
    postUrl: (name) => withBase(site.postUrl(name)),
    includes: { folder: '/_includes', fs },
  });
  const fromRoot = JEKYLL_FILTERS['relative_url']?.({ url, baseurl: basePath });
  const relativeUrl = (input: unknown) => withBase(fromRoot?.call(undefined, input));
  engine.registerFilter('relative_url', relativeUrl);
  engine.registerFilter('absolute_url', (input: unknown) => {
    const path = relativeUrl(input);
    return typeof path === 'string' && url !== '' && !ABSOLUTE.test(path) ? `${url}${path}` : path;
  });
  const variables = liquidSite({ config: site.config, url, pages: [], posts: [], data: site.data, time: site.now ?? new Date(0), timezone }).site;
  const scope: Record<string, unknown> = { ...variables, url: site.config['url'], baseurl: site.config['baseurl'] };
  // Without the import's time, `site.time` is unset rather than a made-up one.
  if (site.now === undefined) delete scope['time'];
  return { engine, scope };
}

/** `a`, `a and b`, `a, b and c`. */
const listed = (items: readonly string[]) => (items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`);

/** A stylesheet to compile: a page of the site, or a theme gem's `assets/main.scss`. */
export interface Stylesheet {
  path: string;
  folder: FolderName;
  /** The file Jekyll wrote, from the site's root: `assets/css/main.css`. */
  target: string;
  /** Its front matter as Jekyll saw it (`page.*`), and the body after it. */
  values: Record<string, unknown>;
  body: string;
  bodyLine: number;
  /** Where it came from, for the URL table: `assets/css/main.scss`, or `the minima theme gem`. */
  from: string;
}

export interface StylesheetPlan {
  files: PlannedFile[];
  urls: OldUrl[];
  report: ReportLine[];
}

/** Compiles the stylesheets of one site, each to its old URL in `public/`. */
export class SassSite {
  readonly #settings: SassSettings;
  readonly #folders: Record<FolderName, SassFolder | undefined>;
  readonly #liquid: { engine: Liquid; scope: Record<string, unknown> };

  /** `paths`: the site's files, which the patterns of `sass.load_paths` are matched against. */
  constructor(site: SassLiquidSite & { files: SassFolder; paths: readonly string[]; theme?: SassFolder | undefined }) {
    this.#settings = sassSettings(site.config, site.theme !== undefined, site.paths);
    this.#folders = { site: site.files, theme: site.theme };
    this.#liquid = liquidFor(site);
  }

  /** The stylesheet's files and URLs, or its URLs retired with the reason and the report line saying where Sass stopped. */
  plan(sheet: Stylesheet, publicDir: string): StylesheetPlan {
    const url = staticFileUrl(sheet.target);
    const mapUrl = staticFileUrl(`${sheet.target}.map`);
    // With a permalink, Jekyll's map shares the stylesheet's front matter and so its address: it was
    // written over the stylesheet, or beside it as `index.map`. The stylesheet is what is kept there.
    const withMap = this.#settings.sourceMap && typeof sheet.values['permalink'] !== 'string';
    const name = this.#folders[sheet.folder]?.name(sheet.path) ?? sheet.path;
    const own = sheet.folder === 'site';
    /** Its URLs retired, and the report line saying where the Liquid or the Sass stopped, in their own words. */
    const failed = (stop: { by: 'Liquid' | 'Sass'; file: string; line?: number | undefined; said: string }): StylesheetPlan => {
      const reason = `compiled by Jekyll from ${name}, whose ${stop.by} stops here: see the import report`;
      const here = stop.file === name;
      const where = here ? 'here' : `at ${stop.file}${stop.line === undefined ? '' : ` line ${stop.line}`}`;
      const { unread } = this.#settings;
      const hint =
        stop.by === 'Sass' && stop.said.startsWith("Can't find stylesheet") && unread.length > 0
          ? `; sass.load_paths names ${listed(unread.map((load) => `${load.path} (${load.where})`))}, which the importer does not read: copy the Sass it imports from there into _sass/`
          : '';
      const what = stop.by === 'Sass' ? `Sass stops ${where} with "${stop.said}"${hint}` : `its Liquid stops ${where} (${stop.said})`;
      return {
        files: [],
        urls: [
          { url, from: sheet.from, file: '', retired: reason },
          ...(withMap ? [{ url: mapUrl, from: sheet.from, file: '', retired: `the source map of ${url}: ${reason}` }] : []),
        ],
        report: [
          {
            kind: 'skipped',
            file: own ? sheet.path : undefined,
            line: own && here ? stop.line : undefined,
            message: `${own ? '' : `${name} `}is not compiled: ${what}. Its URL ${url} is retired (a comment in src/data/legacy-urls.txt) until you fix it and run the import again.`,
          },
        ],
      };
    };
    let text = sheet.body;
    // Jekyll 4.3 runs Liquid where there is some, unless the front matter says `render_with_liquid: false`.
    if (sheet.values['render_with_liquid'] !== false && /\{[{%]/.test(sheet.body)) {
      try {
        const page = {
          ...sheet.values,
          url,
          path: sheet.path,
          name: posix.basename(sheet.path),
          dir: `${posix.dirname(`/${sheet.path}`)}/`.replace(/^\/\/$/, '/'),
        };
        text = String(this.#liquid.engine.parseAndRenderSync(sheet.body, { site: this.#liquid.scope, page }));
      } catch (error) {
        const problem = liquidProblem(error, { file: `/${sheet.path}`, bodyLine: sheet.bodyLine }, '/');
        const file = problem.file.replace(/^\/+/, '');
        return failed({ by: 'Liquid', file: file === sheet.path ? name : file, line: problem.line, said: `${problem.field}: ${problem.message}` });
      }
    }
    const compiled = compileSass(
      { path: sheet.path, folder: sheet.folder, text, firstLine: sheet.bodyLine },
      { ...this.#settings, sourceMap: withMap },
      this.#folders,
    );
    if (!compiled.ok) return failed({ by: 'Sass', file: compiled.file, line: compiled.line, said: compiled.message.replace(/\s+/g, ' ') });
    const { target } = sheet;
    const from = own ? sheet.path : undefined;
    const plan: StylesheetPlan = {
      files: [{ path: `${publicDir}/${target}`, content: { text: compiled.css }, from }],
      urls: [{ url, from: sheet.from, file: `${target} (compiled from ${name})` }],
      report: [],
    };
    if (compiled.map !== undefined) {
      plan.files.push({ path: `${publicDir}/${target}.map`, content: { text: compiled.map }, from });
      plan.urls.push({ url: mapUrl, from: sheet.from, file: `${target}.map (its source map)` });
    }
    return plan;
  }
}
