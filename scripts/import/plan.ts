/**
 * The whole import as a plan: every file to write (with its text, or the static file to copy), the
 * old URL list, the report, and anything that refuses the import. Pure: it reads only through the
 * `SourceSite` it is given, so the same plan comes out of the same site every time.
 */
import { posix } from 'node:path';
import { CONFIG_FILES, collectionsDir, isRecord, pluginsOf, readConfig, siteConfigFrom, textSetting, type JekyllConfig, type LinkValue } from './config.ts';
import { LIQUID_CONFIG_FILE } from '../../src/lib/data/data-file.ts';
import { liquidDataPath, planData } from './data.ts';
import { fixBareDomainLinks } from './links.ts';
import { joinFrontMatter, splitFrontMatter } from './front-matter.ts';
import { servedSitePaths, withoutDeadLinks } from './dead-links.ts';
import { withoutDeadStaticLinks } from './static-html-links.ts';
import { outsideThemeNote } from './remote-theme.ts';
import { configMenuFrom } from './config-menu.ts';
import { pageIds } from './nav-links.ts';
import { navbarLinksFrom } from './navbar-links.ts';
import { fieldsNamingMissingFiles } from './missing-files.ts';
import { themePrints, type LayoutChoice } from './layouts.ts';
import { homePostCount } from './home-posts.ts';
import { themeNavigation } from './theme-navigation.ts';
import { isPostsFeed } from './feed-files.ts';
import { jekyllPageOrder, layoutNavigation } from './layout-navigation.ts';
import { withoutHandlers } from './event-handlers.ts';
import { convertLiquid, planIncludes, type IncludeLookup, type LiquidResult, type Lookup } from './liquid.ts';
import { PAGES_DIR } from '../../src/lib/routing/pages.ts';
import { POSTS_DIR } from '../../src/lib/routing/posts.ts';
import { LEGACY_URLS_FILE } from '../../src/lib/routing/legacy-urls.ts';
import { planPage, readDocument, withDocumentUrl, withPageUrl, type Convert, type PageContext, type SourceDocument } from './pages.ts';
import { isDraft, planPost, withPostUrl } from './posts.ts';
import { classify, extensionOf, isHtml, isMarkdown } from './reader.ts';
import { compareText, showValue, type Refusal, type ReportLine } from './report.ts';
import type { PlannedFile } from './planned-file.ts';
import type { SourceSite } from './source.ts';
import { PROJECT_OWN, PUBLIC_DIR, isOsJunk, planStaticFiles, utf8Text } from './static-files.ts';
import { builtFileFor, collectionDocumentUrl, legacyUrlsFile, requestable, staticFileUrl, type OldUrl } from './urls.ts';
import { renderSiteConfig } from './config.ts';
import { themeGemFiles, themeGemFolder } from './theme-gems.ts';
import { SassSite } from './sass.ts';
import { strftime } from '../../src/lib/dates.ts';
import { isValidTimeZone } from '../../src/lib/routing/jekyll-time.ts';
import { encodeUrlPath, outputFileForUrl, rubyExtname } from '../../src/lib/routing/jekyll-urls.ts';
import type { PostsConfig } from '../../src/lib/routing/posts.ts';

/** Where the owner's details go. */
export const SITE_CONFIG_FILE = 'src/site.config.ts';

export type { PlannedFile } from './planned-file.ts';

export interface ImportPlan {
  files: PlannedFile[];
  /** The posts settings written to the site config, for the checks after writing. */
  posts: PostsConfig;
  urls: OldUrl[];
  report: ReportLine[];
  refusals: Refusal[];
}

export type PlanResult = { ok: true; plan: ImportPlan } | { ok: false; message: string };

/** Plans the import of a Jekyll site; `ok: false` when it is not one (no `_config.yml`). */
/** `now`: the time of the import, for what Jekyll dated by its build; without it nothing is dated so. */
export function planImport(site: SourceSite, options: { now?: Date } = {}): PlanResult {
  const configFile = CONFIG_FILES.find((name) => site.files.includes(name));
  if (configFile === undefined) {
    const toml = site.files.includes('_config.toml');
    return {
      ok: false,
      message: toml
        ? 'The folder has _config.toml; the importer reads _config.yml only. Convert the settings to YAML (_config.yml) and run the import again.'
        : 'The folder has no _config.yml, so it is not a Jekyll site. Give the path of the folder that holds _config.yml.',
    };
  }
  const read = readConfig(site.text(configFile));
  if (!read.ok) return { ok: false, message: `${configFile} ${read.message} Fix it and run the import again.` };
  const config = read.config;
  const report: ReportLine[] = [];
  const refusals: Refusal[] = [...site.refusals];
  const files: PlannedFile[] = [];
  const urls: OldUrl[] = [];

  const source = classify(site, config);
  report.push(...source.report);
  const gemfile = site.files.includes('Gemfile') ? site.text('Gemfile') : undefined;
  const plugins = pluginsOf(config, gemfile);

  /** The groups an imported entry or index page names in `data:`. */
  const usedGroups = new Set<string>();
  // Data first: `{{ site.data.x }}` and `data:` checks need it.
  const data = planData(site, source.data);
  files.push(...data.files);
  report.push(...data.report);
  // Jekyll's `site.time` is in the site's time zone, or the machine's (also for a zone Node does not
  // know, which the posts' dates report).
  const ownZone = config['timezone'];
  const timezone = typeof ownZone === 'string' && isValidTimeZone(ownZone) ? ownZone : Intl.DateTimeFormat().resolvedOptions().timeZone;
  const importDay = options.now && strftime(options.now, '%Y-%m-%d', timezone);
  const recordTitles = new Map<string, string[]>();
  for (const group of data.groups) {
    const value = data.values[group];
    recordTitles.set(group, isRecord(value) ? Object.keys(value) : []);
  }

  // Static files, and the static files of collections Jekyll wrote.
  const statics = planStaticFiles(
    source.staticFiles,
    (path) => utf8Text(site.bytes(path)),
    (path) => site.bytes(path),
  );
  files.push(...statics.files);
  urls.push(...statics.urls);
  report.push(...statics.report);
  const staticUrlOf = new Map<string, string>();
  for (const path of source.staticFiles) staticUrlOf.set(path, staticFileUrl(path));
  for (const collection of source.collections) {
    if (!collection.config.output) continue;
    for (const path of collection.files) {
      if (isOsJunk(path)) {
        report.push({
          kind: 'skipped',
          file: path,
          message: 'is a file the operating system leaves in folders (Finder, Explorer), not part of the site: never published.',
        });
        continue;
      }
      const inCollection = path.slice(path.indexOf(`_${collection.config.name}/`) + collection.config.name.length + 2);
      const ext = rubyExtname(path);
      let url: string;
      try {
        // A static file's URL is the template with no extension, then its own (`StaticFile#url`).
        url = requestable(
          collectionDocumentUrl({
            collection: collection.config.name,
            pathInCollection: inCollection,
            collectionPermalink: collection.config.permalink,
            style: textSetting(config['permalink']),
            outputExt: '',
          }).replace(/\/$/, '') + ext,
        );
      } catch (error) {
        report.push({
          kind: 'skipped',
          file: path,
          message: `is not imported: its URL cannot be worked out (${error instanceof Error ? error.message : String(error)}) Copy it into public/ by hand.`,
        });
        continue;
      }
      staticUrlOf.set(path, url);
      const target = decodeURIComponent(url).replace(/^\/+/, '');
      files.push({ path: `${PUBLIC_DIR}/${target}`, content: { copy: path }, from: path });
      urls.push({ url, from: path, file: target });
    }
  }
  const staticByUrl = new Map([...staticUrlOf].map(([path, url]) => [url, path]));

  // Every page, document and post with its URL, before any body is converted: links need them all.
  const problem = (path: string, message: string) => report.push({ kind: 'leftover', file: path, message });
  const pages: SourceDocument[] = [];
  for (const path of source.pages) {
    const document = readDocument(path, { config, text: site.text(path), type: 'pages' });
    const { document: withUrl, problem: urlProblem } = withPageUrl(document, config);
    if (urlProblem) problem(path, `its URL cannot be worked out: ${urlProblem}`);
    pages.push(withUrl);
  }
  const documents: SourceDocument[] = [];
  for (const collection of source.collections) {
    if (!collection.config.output) {
      if (collection.documents.length > 0) {
        report.push({
          kind: 'skipped',
          file: `${collectionsDir(config)}_${collection.config.name}/`,
          message: `the collection "${collection.config.name}" has no \`output: true\`, so Jekyll made no page of its ${collection.documents.length} documents and neither does the import. If the theme listed them on a page, write that list into the page by hand.`,
        });
      }
      continue;
    }
    for (const path of collection.documents) {
      const inCollection = path.slice(path.indexOf(`_${collection.config.name}/`) + collection.config.name.length + 2);
      const document = readDocument(path, { config, text: site.text(path), type: collection.config.name });
      const { document: withUrl, problem: urlProblem } = withDocumentUrl(document, config, collection.config, inCollection);
      if (urlProblem) problem(path, `its URL cannot be worked out: ${urlProblem}`);
      documents.push(withUrl);
    }
  }
  const posts: SourceDocument[] = [];
  for (const path of [...source.posts, ...source.drafts]) {
    const text = site.text(path);
    let document = readDocument(path, { config, text, type: isDraft(path) ? 'drafts' : 'posts' });
    // A post without front matter is still a post to Jekyll: its whole text is the body.
    if (!splitFrontMatter(text) && document.split === undefined)
      document = { ...document, error: undefined, split: { yaml: '', body: text.replace(/\r\n?/g, '\n'), bodyLine: 1 } };
    const { document: withUrl, problem: urlProblem } = withPostUrl(document, config);
    if (urlProblem) problem(path, `its URL cannot be worked out: ${urlProblem}`);
    posts.push(withUrl);
  }

  // Two files at one address: Jekyll wrote both, the later one over the earlier (pages sorted by
  // name, then posts, then each collection), so only the later was ever served.
  const hidden = overwritten(
    [...pages].sort((a, b) => compareText(posix.basename(a.path), posix.basename(b.path))),
    posts,
    documents,
  );
  for (const [path, winner] of hidden) {
    report.push({
      kind: 'skipped',
      file: path,
      message: `has the same address as ${winner}, which Jekyll wrote after it, so it was never served; it is not imported. Give it its own permalink in the Jekyll site and import again if you want it.`,
    });
  }
  const visible = (document: SourceDocument) => !hidden.has(document.path);
  pages.splice(0, pages.length, ...pages.filter(visible));
  documents.splice(0, documents.length, ...documents.filter(visible));
  posts.splice(0, posts.length, ...posts.filter(visible));

  // Lookups for {% link %}, {% post_url %} and {% include %}.
  const byPath = new Map<string, SourceDocument>([...pages, ...documents, ...posts].map((document) => [document.path, document]));
  const inlinedIncludes = new Set<string>();
  const refusedPaths = new Set(site.refusals.map((refusal) => refusal.path));
  const link = (target: string): Lookup => {
    const normalised = normalise(target);
    if (normalised === undefined)
      return {
        ok: false,
        refused: true,
        message: `{% link ${target} %} points outside the Jekyll site. Link to a page of the site, and run the import again.`,
      };
    const document = byPath.get(normalised);
    if (document?.url !== undefined) return { ok: true, value: document.url };
    const staticUrl = staticUrlOf.get(normalised);
    if (staticUrl !== undefined) return { ok: true, value: staticUrl };
    return {
      ok: false,
      message: `${normalised} is not a page, post or file of the Jekyll site (Jekyll would have stopped on it). Link to the page's address instead, like "/work/acme".`,
    };
  };
  const postUrlOf = (name: string): Lookup => {
    const match = /^(.*\/)?(\d+-\d+-\d+-.*)$/.exec(name.replace(/^\//, ''));
    if (match) {
      const dir = match[1] ?? '';
      const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const pattern = new RegExp(`^(?:_posts/${escaped(dir)}|${escaped(dir)}_posts/?)${escaped(match[2] ?? '')}\\.[^.]+$`);
      // Jekyll matches the path first, then (with a deprecation warning) the date and slug alone.
      const base = (path: string) => path.slice(path.lastIndexOf('/') + 1).replace(/\.[^.]+$/, '');
      const published = posts.filter((candidate) => !isDraft(candidate.path));
      const post = published.find((candidate) => pattern.test(candidate.path)) ?? published.find((candidate) => base(candidate.path) === match[2]);
      if (post?.url !== undefined) return { ok: true, value: post.url };
      if (post) return { ok: false, message: `the post ${post.path} is not published, so it has no address. Link elsewhere, or publish it.` };
    }
    return { ok: false, message: `no post in _posts is named "${name}" (Jekyll would have stopped on it). Link to the post's address instead.` };
  };
  const include = (name: string, relative: boolean, from: string): IncludeLookup => {
    const base = relative ? posix.dirname(from) : '_includes';
    const joined = posix.normalize(posix.join(base === '.' ? '' : base, name));
    const outside = name.startsWith('/') || /(^|\/)\.\.(\/|$)/.test(name) || joined.startsWith('../') || (!relative && !joined.startsWith('_includes/'));
    if (outside || refusedPaths.has(joined)) {
      return {
        ok: false,
        refused: true,
        message: `{% ${relative ? 'include_relative' : 'include'} ${name} %} reaches outside ${relative ? 'the Jekyll site' : '_includes/'}; the importer reads only files inside the site (Jekyll refuses such paths too). Include the file by its name inside the site, and run the import again.`,
      };
    }
    if (!site.files.includes(joined)) {
      return {
        ok: false,
        message: relative
          ? `${joined} is not in the Jekyll folder. Paste what it showed, or delete the tag.`
          : `${joined} is not in the Jekyll folder (it came from the theme). Paste the HTML it produced, or delete the tag.`,
      };
    }
    return { ok: true, file: { path: joined, text: site.text(joined).replace(/\r\n?/g, '\n') } };
  };
  const siteScope: Record<string, unknown> = { ...config, baseurl: '', data: data.values };
  const convert: Convert = (text, options) => {
    const result: LiquidResult = convertLiquid(text, { ...options, scope: { site: siteScope, page: options.page }, link, postUrl: postUrlOf, include });
    for (const path of result.inlined) inlinedIncludes.add(path);
    refusals.push(...result.refusals);
    if (!options.markdown) return result;
    const links = fixBareDomainLinks(result.text, { file: options.file, firstLine: options.firstLine });
    report.push(...links.report);
    return { ...result, text: links.text };
  };

  const configValues = siteConfigFrom({ config, cname: site.files.includes('CNAME') ? site.text('CNAME') : undefined });
  const basePath = configValues.values.basePath;
  const layoutFiles = new Map<string, string>();
  for (const path of site.files) {
    const match = /^_layouts\/(.+)\.html?$/.exec(path);
    if (match?.[1]) layoutFiles.set(match[1], site.text(path));
  }
  const includes = new Map(site.files.filter((path) => path.startsWith('_includes/')).map((path) => [path.slice('_includes/'.length), site.text(path)]));
  const themeShowsSubtitle = themePrints('subtitle', [...layoutFiles.values(), ...includes.values()]);
  // By name and result: `home` at "/" and `home` elsewhere become different layouts.
  const layoutUse = new Map<string, { name: string; choice: LayoutChoice; files: string[] }>();
  const noteLayout = (name: string, choice: LayoutChoice, file: string) => {
    const key = `${name}\n${choice.layout}\n${choice.reason}`;
    const use = layoutUse.get(key) ?? { name, choice, files: [] };
    use.files.push(file);
    layoutUse.set(key, use);
  };
  const themeExtras: string[] = [];
  /** The addresses of the site's feeds other than /feed.xml, where this project's feed is served too. */
  const feeds: string[] = [];
  const retired = (url: string | undefined, path: string, reason: string) => {
    if (url !== undefined) urls.push({ url, from: path, file: '', retired: reason });
  };

  let redirectCount = 0;
  /** The page at "/" with this project's home layout, and its Jekyll layout. */
  let home: { path: string; layout: unknown } | undefined;
  const compiledStylesheets = new Map<string, string>();
  for (const document of pages) if (document.url !== undefined && /\.(scss|sass)$/i.test(document.path)) compiledStylesheets.set(document.url, document.path);
  const pagination = paginationOf(config, plugins, pages, posts, report, configFile);
  // The stylesheets Jekyll compiled from Sass, with the site's Liquid variables and the theme gem's Sass.
  const found = (lookup: Lookup) => (lookup.ok ? lookup.value : undefined);
  const siteFiles = new Set(site.files);
  const sass = new SassSite({
    config,
    data: data.values,
    now: options.now,
    include: (path) => (path.startsWith('_includes/') && siteFiles.has(path) ? site.text(path) : undefined),
    linkTo: (path) => found(link(path)),
    postUrl: (name) => found(postUrlOf(name)),
    files: { name: (path) => path, has: (path) => siteFiles.has(path), text: (path) => site.text(path) },
    paths: site.files,
    theme: themeGemFolder(config['theme']),
  });
  const layoutUsers = new Map<string, number>();
  for (const document of [...pages, ...documents, ...posts]) {
    const name = document.values['layout'];
    if (typeof name === 'string') layoutUsers.set(name, (layoutUsers.get(name) ?? 0) + 1);
  }
  /** What every page's plan reads of the site. */
  const pageContext: PageContext = {
    config,
    layoutFiles,
    themeShowsSubtitle,
    includes,
    groups: data.groups,
    recordTitles,
    basePath,
    convert,
    compiledStylesheets,
    layoutUsers,
  };
  // Pages and collection documents.
  for (const document of [...pages, ...documents]) {
    const { path } = document;
    const url = document.url;
    if (document.error !== undefined) {
      problem(path, `is not imported: ${document.error}. Jekyll still served it${url ? ` at ${url}` : ''}; fix the front matter and run the import again.`);
      if (url !== undefined) urls.push({ url, from: path, file: builtFileFor(url, document.outputExt) });
      continue;
    }
    if (url === undefined) continue;
    const unpublished = document.values['published'] === false;
    // A 404 page anywhere (`_pages/404.md` with `permalink: /404.html`) is the site's 404 page.
    const notFound = document.collection === undefined && (url === '/404.html' || url === '/404/');
    if (notFound && !unpublished && (isMarkdown(path) || isHtml(path))) {
      const asNotFound = { ...document, url: '/404.html', values: { ...document.values, permalink: '/404.html' } };
      const planned = planPage(asNotFound, pageContext);
      report.push(...planned.report);
      noteLayout(planned.jekyllLayout, planned.layout, path);
      files.push({ path: `${PAGES_DIR}/${planned.target}`, content: { text: planned.text }, from: path });
      // The root 404.html is linked as /404 (GitHub Pages' own name for it); a permalink is kept as written.
      if (url === '/404/')
        retired(url, path, "the 404 page, written to 404.html: GitHub Pages shows only that file for a missing page, and this project's 404 route takes /404");
      else urls.push({ url: typeof document.values['permalink'] === 'string' ? url : '/404', from: path, file: "404.html (the site's 404 page)" });
      report.push({
        kind: 'changed',
        file: path,
        message: "is the site's 404 page (shown for every address the site does not serve), at /404.html as on the Jekyll site.",
      });
      continue;
    }
    if (document.collection === undefined && (path === 'feed.xml' || path === 'sitemap.xml')) {
      urls.push({ url: `/${path}`, from: path, file: PROJECT_OWN[`/${path}`] ?? path });
      report.push({ kind: 'skipped', file: path, message: `this project writes its own ${path}, so it is not imported; /${path} is still served.` });
      continue;
    }
    const staticTarget = staticByUrl.get(url);
    if (staticTarget !== undefined) {
      report.push({
        kind: 'skipped',
        file: path,
        message: `its permalink ${url} is the file ${staticTarget}, which is imported to public/, so the page is not imported: links and the navigation point at the file.`,
      });
      continue;
    }
    const ext = extensionOf(path);
    if (!isMarkdown(path) && !isHtml(path)) {
      if (ext === '.scss' || ext === '.sass') {
        if (unpublished) continue;
        const split = document.split ?? { yaml: '', body: '', bodyLine: 1 };
        const target = outputFileForUrl(url, document.outputExt);
        const compiled = sass.plan(
          { path, folder: 'site', target, values: document.values, body: split.body, bodyLine: split.bodyLine, from: path },
          PUBLIC_DIR,
        );
        files.push(...compiled.files);
        urls.push(...compiled.urls);
        report.push(...compiled.report);
        if (compiled.files.length > 0) {
          report.push({
            kind: 'changed',
            file: path,
            message: `is compiled from Sass to ${compiled.files[0]?.path}${compiled.files.length > 1 ? ' (and its source map)' : ''}, so ${compiled.urls[0]?.url} still answers; no page links it, since this project's styles replace the theme's.`,
          });
        }
        continue;
      }
      if (['.coffee', '.less', '.styl'].includes(ext)) {
        themeExtras.push(path);
        retired(url, path, `compiled from ${path}, which this project's styles replace`);
        continue;
      }
      // A text file with front matter (robots.txt, a manifest): imported as a file once its Liquid is worked out.
      const split = document.split ?? { yaml: '', body: '', bodyLine: 1 };
      // Its own feed of the posts (Poole's atom.xml): this project's feed is served there too.
      if (!unpublished && isPostsFeed(path, split.body)) {
        feeds.push(url);
        urls.push({ url, from: path, file: `${outputFileForUrl(url, document.outputExt)} (this project's Atom feed, also served here)` });
        report.push({
          kind: 'converted',
          file: path,
          message: `is the site's feed of its posts, written with Liquid: this project's Atom feed (the newest posts in full) is served at ${url} too, as \`posts.feeds\` in src/site.config.ts says, so readers subscribed there keep getting the posts.`,
        });
        continue;
      }
      const converted = convert(split.body, { file: path, firstLine: split.bodyLine, markdown: false, page: { ...document.values, url, path } });
      const target = outputFileForUrl(url, document.outputExt);
      if (converted.leftovers.length === 0 && !unpublished) {
        files.push({ path: `${PUBLIC_DIR}/${target}`, content: { text: converted.text }, from: path });
        urls.push({ url, from: path, file: target });
        report.push({ kind: 'changed', file: path, message: `its Liquid is worked out and the result is public/${target}.` });
      } else if (!unpublished) {
        // Retired with the reason, as a stylesheet Sass refuses: the build goes on, and says why the URL is gone.
        const first = converted.leftovers[0];
        report.push({
          kind: 'leftover',
          file: path,
          line: first?.line,
          message: `is not imported: Jekyll made it with Liquid the importer cannot work out in a file (from line ${first?.line ?? split.bodyLine}), and the build runs Liquid only in pages. Its URL ${url} is retired (a comment in ${LEGACY_URLS_FILE}), so the build goes on; to keep it, write the file Jekyll produced as public/${target} and turn that comment back into a line.`,
        });
        retired(url, path, `made by Liquid in ${path}, which the importer cannot work out in a file`);
      }
      continue;
    }
    const paginated = pagination?.page === path ? { perPage: pagination.perPage, pattern: pagination.pattern } : undefined;
    const planned = planPage(document, { ...pageContext, paginated, importDay });
    if (paginated && pagination) for (const pageUrl of pagination.urls) urls.push({ url: pageUrl, from: path, file: builtFileFor(pageUrl) });
    report.push(...planned.report);
    const group = document.values['data'];
    if (typeof group === 'string' && (planned.layout.layout === 'work' || planned.layout.layout === 'work_page')) usedGroups.add(group);
    noteLayout(planned.jekyllLayout, planned.layout, path);
    if (planned.layout.layout === 'home' && !unpublished) home = { path, layout: document.values['layout'] };
    files.push({ path: `${PAGES_DIR}/${planned.target}`, content: { text: planned.text }, from: path });
    if (!unpublished) urls.push({ url, from: path, file: builtFileFor(url, document.outputExt) });
    if (plugins.has('jekyll-redirect-from') && !unpublished) {
      for (const redirect of redirectsOfDocument(document)) {
        urls.push({ url: redirect, from: path, file: `${builtFileFor(redirect)} (a redirect to ${document.values['redirect_to'] ?? url})` });
        redirectCount++;
      }
    }
  }

  // A data file no entry or index page names fed the old theme's templates or the pages' Liquid
  // (navigation, a CV, social links): it is plain data for Liquid, not a group of records.
  // `_data/navigation.yml`'s menu also becomes the site config's navigation (below), unless `header_pages` says otherwise.
  for (const group of data.groups) {
    if (usedGroups.has(group)) continue;
    const file = files.find((planned) => planned.path === `src/data/${group}.yml`);
    if (file === undefined) continue;
    const inside = file.from?.slice('_data/'.length) ?? `${group}.yml`;
    file.path = liquidDataPath(inside);
    // Said once, by the listing of what is written: not also "imported as written".
    for (let index = report.length - 1; index >= 0; index--) {
      if (report[index]?.file === file.from && report[index]?.kind === 'leftover' && report[index]?.message.startsWith('is imported as written'))
        report.splice(index, 1);
    }
  }

  // Posts and drafts.
  const draftDate = posts
    .map((post) => /^(\d{4}-\d{2}-\d{2})-/.exec(posix.basename(post.path))?.[1])
    .filter((day) => day !== undefined)
    .sort(compareText)
    .at(-1);
  const postLayouts = new Map<string, string[]>();
  for (const document of posts) {
    const { path } = document;
    if (document.error !== undefined) {
      problem(path, `is not imported: ${document.error}. Fix the front matter and run the import again.`);
      if (document.url !== undefined) urls.push({ url: document.url, from: path, file: builtFileFor(document.url, document.outputExt, 'post') });
      continue;
    }
    const layout = document.values['layout'];
    const name = layout === undefined || layout === null ? '(none)' : String(layout);
    postLayouts.set(name, [...(postLayouts.get(name) ?? []), path]);
    const planned = planPost(document, { config, basePath, convert, draftDate, compiledStylesheets, layoutFiles, themeShowsSubtitle });
    report.push(...planned.report);
    files.push({ path: `${POSTS_DIR}/${planned.target}`, content: { text: planned.text }, from: path });
    if (document.url !== undefined) urls.push({ url: document.url, from: path, file: builtFileFor(document.url, document.outputExt, 'post') });
  }

  // Layout names and what they became.
  for (const use of [...layoutUse.values()].sort((a, b) => compareText(a.name, b.name) || compareText(a.choice.layout, b.choice.layout))) {
    const name = use.name;
    const what = use.files.length > 3 ? `${use.files.length} pages` : use.files.sort(compareText).join(', ');
    const label = name === '(none)' ? 'no layout' : `"${name}"`;
    report.push({ kind: 'layout', message: `${label} (${what}) -> ${use.choice.layout}${use.choice.reason ? `: ${use.choice.reason}` : ''}` });
  }
  for (const [name, paths] of [...postLayouts].sort(([a], [b]) => compareText(a, b))) {
    const what = paths.length > 3 ? `${paths.length} posts` : paths.sort(compareText).join(', ');
    report.push({
      kind: 'layout',
      message:
        name === 'post' || name === '(none)'
          ? `${name === 'post' ? '"post"' : 'no layout'} (${what}) -> post: the blog's post layout`
          : `"${name}" (${what}) -> post: posts have one layout; the name is dropped`,
    });
  }

  // A theme outside the site's folder: what the import could not read.
  const usedLayouts = new Map<string, string[]>();
  for (const use of layoutUse.values()) usedLayouts.set(use.name, [...(usedLayouts.get(use.name) ?? []), ...use.files]);
  for (const [name, paths] of postLayouts) usedLayouts.set(name, [...(usedLayouts.get(name) ?? []), ...paths]);
  const outsideTheme = outsideThemeNote(config, usedLayouts, layoutFiles, configFile);
  if (outsideTheme !== undefined) report.push(outsideTheme);

  // The URLs plugins and Jekyll itself served.
  if (plugins.has('jekyll-feed')) {
    const feed = isRecord(config['feed']) ? textSetting(config['feed']['path']) : undefined;
    const url = `/${(feed ?? 'feed.xml').replace(/^\/+/, '')}`;
    // jekyll-feed's own address: this project's feed is served there too.
    if (PROJECT_OWN[url] === undefined) feeds.push(url);
    urls.push({ url, from: 'jekyll-feed', file: PROJECT_OWN[url] ?? `${url.slice(1)} (this project's Atom feed, also served here)` });
  }
  if (plugins.has('jekyll-sitemap')) {
    urls.push({ url: '/sitemap.xml', from: 'jekyll-sitemap', file: PROJECT_OWN['/sitemap.xml'] ?? 'sitemap.xml' });
    if (!urls.some((url) => url.url === '/robots.txt'))
      urls.push({ url: '/robots.txt', from: 'jekyll-sitemap', file: PROJECT_OWN['/robots.txt'] ?? 'robots.txt' });
  }
  if (plugins.has('jekyll-redirect-from')) {
    const settings = isRecord(config['redirect_from']) ? config['redirect_from'] : {};
    if (settings['json'] !== false) {
      if (redirectCount > 0)
        urls.push({ url: '/redirects.json', from: 'jekyll-redirect-from', file: 'redirects.json (every redirect, as the plugin wrote it)' });
      else retired('/redirects.json', 'jekyll-redirect-from', 'no page redirects, so this project writes no redirects.json');
    }
  }

  // The theme gem's own files (they are not in the site's folder).
  const gem = themeGemFiles(config['theme'], urls, sass);
  urls.push(...gem.urls);
  files.push(...gem.files);
  report.push(...gem.report);

  // The owner's details and the header navigation.
  // minima 2 reads `header_pages`, minima 3 `minima.nav_pages`: the same list of page paths.
  const minima = isRecord(config['minima']) ? config['minima'] : {};
  // The ids of each page's own HTML, for a menu's links to them (`/#projects`).
  const ids = pageIds(pages);
  // A hand-made theme's own <nav>, as its layout wrote it for the home page.
  const ownLayoutNavigation = () => {
    const homePage = pages.find((page) => page.url === '/' && page.error === undefined);
    return layoutNavigation({
      layout: homePage ? homePage.values['layout'] : 'default',
      layouts: layoutFiles,
      includes,
      site: siteScope,
      baseurl: typeof config['baseurl'] === 'string' ? config['baseurl'] : '',
      page: homePage ? { ...homePage.values, url: '/', path: homePage.path, name: posix.basename(homePage.path) } : { url: '/' },
      served: urls.filter((url) => !url.retired).map((url) => url.url),
      ids,
      file: homePage?.path ?? '_layouts/default.html',
      // The pages as Jekyll's `site.pages` gave them to the layout's Liquid.
      pages: jekyllPageOrder(pages.filter((page) => page.error === undefined && page.url !== undefined && page.values['published'] !== false)).map((page) => ({
        ...page.values,
        url: page.url,
        path: page.path,
        name: posix.basename(page.path),
      })),
    });
  };
  const fromTheme = (found: { links: LinkValue[]; report: ReportLine[] } | undefined) => {
    report.push(...(found?.report ?? []));
    return found?.links;
  };
  const navigation =
    navigationFrom(config['header_pages'] ?? minima['nav_pages'], pages, report, configFile) ??
    menuFrom(data.values['navigation'], report, data.files.find((file) => /^src\/data\/(liquid\/)?navigation\.ya?ml$/.test(file.path))?.from) ??
    fromTheme(
      themeNavigation({
        theme: config['theme'],
        header: site.files.includes('_includes/header.html') ? site.text('_includes/header.html') : undefined,
        layouts: layoutFiles,
        pages,
        configFile,
      }),
    ) ??
    fromTheme(ownLayoutNavigation()) ??
    configMenuFrom(config, report, configFile, {
      served: urls.filter((url) => !url.retired).map((url) => url.url),
      url: config['url'],
      baseurl: config['baseurl'],
      ids,
    }) ??
    navbarLinksFrom(
      config,
      report,
      configFile,
      urls.filter((url) => !url.retired).map((url) => url.url),
      ids,
    );
  const siteConfig = siteConfigFrom({ config, cname: site.files.includes('CNAME') ? site.text('CNAME') : undefined, navigation });
  if (pagination) siteConfig.values.posts.perPage = pagination.perPage;
  if (feeds.length > 0) siteConfig.values.posts.feeds = [...new Set(feeds)];
  const homePosts = home ? homePostCount(home.layout, layoutFiles, config['theme']) : {};
  if (home && homePosts.count !== undefined) {
    const count = homePosts.count;
    siteConfig.values.home = { posts: count };
    report.push({
      kind: 'changed',
      file: home.path,
      message: `its layout listed ${count === 'all' ? 'every post' : `the ${count} newest posts`}, so the home page does too: \`home: { posts: ${count === 'all' ? "'all'" : count} }\` in src/site.config.ts.`,
    });
  } else if (home && homePosts.picks !== undefined) {
    report.push({
      kind: 'changed',
      file: home.path,
      message: homePosts.picks,
    });
  }
  report.push(...siteConfig.report);
  files.push({ path: SITE_CONFIG_FILE, content: { text: renderSiteConfig(siteConfig.values) }, from: configFile });
  // Its settings as written, for the pages' Liquid (`site.author.googlescholar`, a theme's own maps).
  files.push({ path: LIQUID_CONFIG_FILE, content: { text: site.text(configFile) }, from: configFile });
  files.push({ path: LEGACY_URLS_FILE, content: { text: legacyUrlsFile(urls) } });

  // The includes, for the build's {% include %}; then the theme code, in one line.
  // An include's handlers are taken out as a page's are: the build checks what it writes into pages.
  for (const include of planIncludes(source.includes)) {
    const cleaned = withoutHandlers(site.text(include.from), include.from, { markdown: isMarkdown(include.from) });
    report.push(...cleaned.report);
    files.push(cleaned.report.some((line) => line.kind === 'changed') ? { ...include, content: { text: cleaned.body } } : include);
  }
  const theme = [...source.theme];
  theme.push(...themeExtras);
  for (const item of theme.sort(compareText)) report.push({ kind: 'theme', message: item });

  const postsConfig: PostsConfig = {
    permalink: siteConfig.values.posts.permalink ?? 'date',
    timezone: siteConfig.values.posts.timezone ?? 'UTC',
    ...(siteConfig.values.posts.excerptSeparator ? { excerptSeparator: siteConfig.values.posts.excerptSeparator } : {}),
  };
  // Links that led nowhere on the Jekyll site either: the build would refuse them.
  // With the addresses this project serves itself, whatever the Jekyll site had.
  const served = servedSitePaths([...urls.filter((url) => !url.retired).map((url) => url.url), '/', '/404', '/feed.xml', '/sitemap-index.xml', '/robots.txt']);
  for (const [index, file] of files.entries()) {
    if (!('text' in file.content) || !/\.mdx?$/.test(file.path) || !(file.path.startsWith(`${PAGES_DIR}/`) || file.path.startsWith(`${POSTS_DIR}/`))) continue;
    const split = splitFrontMatter(file.content.text);
    if (!split) continue;
    // Lines are counted in the Jekyll file, where the owner would look.
    const document = byPath.get(file.from ?? '');
    const firstLine = document?.split?.bodyLine ?? split.bodyLine;
    const fixed = withoutDeadLinks(split.body, served, file.from ?? file.path, firstLine, document?.url);
    if (fixed.report.length === 0) continue;
    report.push(...fixed.report);
    files[index] = { ...file, content: { text: joinFrontMatter(split.yaml, fixed.text) } };
  }
  // Front matter naming a file the site does not have: the build stops where Liquid shows it.
  for (const document of [...pages, ...posts]) if (!document.error) report.push(...fieldsNamingMissingFiles(document.path, document.own, served));
  // The same in the HTML files copied as they were, which the build checks too. The report counts
  // lines in the Jekyll file, where the owner looks (a copy without its scripts has fewer).
  for (const [index, file] of files.entries()) {
    if (!file.path.startsWith(`${PUBLIC_DIR}/`) || !/\.html?$/i.test(file.path)) continue;
    const from = file.from ?? file.path;
    const url = staticFileUrl(file.path.slice(PUBLIC_DIR.length + 1));
    // Only UTF-8 text is rewritten: another encoding (Latin-1) is copied byte for byte, its dead links reported.
    const text = 'text' in file.content ? file.content.text : utf8Text(site.bytes(file.content.copy));
    if (text === undefined) {
      if ('copy' in file.content)
        report.push(...(withoutDeadStaticLinks(site.bytes(file.content.copy).toString('latin1'), url, served, from, { readOnly: true })?.report ?? []));
      continue;
    }
    const fixed = withoutDeadStaticLinks(text, url, served, from);
    if (fixed === undefined) continue;
    const original = 'text' in file.content && site.files.includes(from) ? withoutDeadStaticLinks(site.text(from), url, served, from) : undefined;
    report.push(...(original?.report ?? fixed.report));
    files[index] = { ...file, content: { text: fixed.text } };
  }
  const planned = settleClashes(files, report);
  report.push(...unaccounted(site, source.grouped, planned, report));
  return { ok: true, plan: { files: planned, posts: postsConfig, urls, report, refusals: uniqueRefusals(refusals) } };
}

/**
 * The blog index jekyll-paginate paginated: the `index.html` in the folder of `paginate_path`, and the
 * numbered pages it wrote (`paginate_path` with `:num` from 2). Only `…/page:num/` (or `/page:num`)
 * matches the addresses this project's blog layout numbers its pages at; another pattern is reported.
 * https://github.com/jekyll/jekyll-paginate/blob/v1.1.0/lib/jekyll-paginate/pager.rb
 */
function paginationOf(
  config: JekyllConfig,
  plugins: ReadonlySet<string>,
  pages: readonly SourceDocument[],
  posts: readonly SourceDocument[],
  report: ReportLine[],
  configFile: string,
): { page: string; perPage: number; pattern: string; urls: string[] } | undefined {
  const perPage = Number(config['paginate']);
  if (!plugins.has('jekyll-paginate') || !Number.isInteger(perPage) || perPage < 1) return undefined;
  const pattern = textSetting(config['paginate_path']) ?? '/page:num';
  const folder = posix.dirname(pattern.replace(/^\/*/, '/'));
  const page = pages.find(
    (candidate) => posix.basename(candidate.path) === 'index.html' && `/${posix.dirname(candidate.path)}`.replace(/^\/\.$/, '/') === folder,
  );
  if (!page) {
    report.push({
      kind: 'skipped',
      file: configFile,
      message: `\`paginate_path: ${pattern}\` names the folder ${folder}, which has no index.html, so jekyll-paginate paginated nothing and neither does the import.`,
    });
    return undefined;
  }
  if (!/(^|\/)page:num\/?$/.test(pattern)) {
    report.push({
      kind: 'leftover',
      file: configFile,
      message: `\`paginate_path: ${pattern}\`: this project numbers the blog's pages ${folder === '/' ? '' : folder}/page2/, so the old numbered pages are not served. Delete their lines from src/data/legacy-urls.txt, or rename paginate_path to …/page:num/ in the Jekyll site and import again.`,
    });
  }
  const published = posts.filter((post) => post.url !== undefined && post.values['published'] !== false && !post.path.split('/').includes('_drafts')).length;
  const total = Math.max(1, Math.ceil(published / perPage));
  const urls: string[] = [];
  for (let n = 2; n <= total; n++) {
    const url = pattern.replace(':num', String(n)).replace(/^\/*/, '/');
    urls.push(url.endsWith('/') ? url : `${url}/`);
  }
  return { page: page.path, perPage, pattern, urls };
}

/**
 * Files of the Jekyll site the plan neither writes nor mentions: each gets a line, so every file is
 * accounted for as imported, converted or left out. A report line about a folder (`_data/x/`) counts
 * for the files in it.
 */
function unaccounted(site: SourceSite, grouped: ReadonlySet<string>, files: readonly PlannedFile[], report: readonly ReportLine[]): ReportLine[] {
  const named = new Set<string>(grouped);
  for (const file of files) if (file.from !== undefined) named.add(file.from);
  const folders: string[] = [];
  for (const line of report) {
    if (line.file === undefined) continue;
    if (line.file.endsWith('/')) folders.push(line.file);
    else named.add(line.file);
  }
  const lines: ReportLine[] = [];
  for (const path of site.files) {
    if (named.has(path) || folders.some((folder) => path.startsWith(folder))) continue;
    lines.push({
      kind: 'skipped',
      file: path,
      message: 'is not imported: it is not a page, a post, a data file or a file Jekyll copied as it was, and nothing uses it.',
    });
  }
  return lines;
}

/** The files another one overwrote in Jekyll's output, each with the one that did, in Jekyll's write order. */
function overwritten(...groups: (readonly SourceDocument[])[]): Map<string, string> {
  const last = new Map<string, string>();
  const hidden = new Map<string, string>();
  for (const document of groups.flat()) {
    if (document.url === undefined || document.values['published'] === false || document.path.split('/').includes('_drafts')) continue;
    const file = outputFileForUrl(document.url, document.outputExt);
    const before = last.get(file);
    if (before !== undefined) hidden.set(before, document.path);
    last.set(file, document.path);
  }
  // A page hidden by one that was itself hidden names the one that stayed.
  for (const [path, by] of hidden) {
    let winner = by;
    while (hidden.has(winner)) winner = hidden.get(winner) ?? winner;
    hidden.set(path, winner);
  }
  return hidden;
}

/** The addresses jekyll-redirect-from wrote a redirect page at for a page: its `redirect_from`s. */
function redirectsOfDocument(document: SourceDocument): string[] {
  const from = document.values['redirect_from'];
  const list = typeof from === 'string' ? [from] : Array.isArray(from) ? from : [];
  return list
    .filter((item): item is string => typeof item === 'string' && item.startsWith('/'))
    .map(encodeUrlPath)
    .filter((item) => item !== document.url);
}

/** `work/../x.md` made plain; undefined when it leaves the site. */
function normalise(path: string): string | undefined {
  const trimmed = path.trim().replace(/^\.\//, '').replace(/^\/+/, '');
  const normalised = posix.normalize(trimmed);
  if (normalised === '..' || normalised.startsWith('../')) return undefined;
  return normalised;
}

/**
 * The header's links from `header_pages` (source paths, in order), as minima shows them: the page's
 * title and URL; a page whose permalink is a static file links that file; a page without a title is
 * left out, as minima leaves it out.
 */
function navigationFrom(setting: unknown, pages: readonly SourceDocument[], report: ReportLine[], configFile: string): LinkValue[] | undefined {
  if (!Array.isArray(setting)) return undefined;
  const links: LinkValue[] = [];
  for (const item of setting) {
    const path = typeof item === 'string' ? normalise(item) : undefined;
    const page = path === undefined ? undefined : pages.find((candidate) => candidate.path === path);
    if (!page || page.url === undefined) {
      report.push({
        kind: 'skipped',
        file: configFile,
        message: `header_pages lists ${showValue(item)}, which is not a page of the site, so it is not in the navigation. Add the link to \`navigation\` in src/site.config.ts if it should be.`,
      });
      continue;
    }
    const title = page.values['title'];
    if (typeof title !== 'string' && typeof title !== 'number') {
      report.push({
        kind: 'skipped',
        file: configFile,
        message: `header_pages lists ${page.path}, which has no title, so the theme left it out of the navigation and so does the import.`,
      });
      continue;
    }
    if (page.values['published'] === false) continue;
    links.push({ label: String(title), href: page.url });
  }
  return links;
}

/**
 * `_data/navigation.yml` as minimal-mistakes and academicpages read it: `main:` a list of `title` and
 * `url`. Those are the links the theme's header showed, in order.
 */
function menuFrom(value: unknown, report: ReportLine[], file: string | undefined): LinkValue[] | undefined {
  if (!isRecord(value) || !Array.isArray(value['main'])) return undefined;
  const links: LinkValue[] = [];
  for (const item of value['main']) {
    const title = isRecord(item) ? textSetting(item['title']) : undefined;
    const url = isRecord(item) ? textSetting(item['url']) : undefined;
    if (title === undefined || url === undefined) continue;
    const href = url.startsWith('/') ? url : /^http:\/\//.test(url) ? url.replace(/^http:/, 'https:') : /^https:\/\//.test(url) ? url : `/${url}`;
    links.push({ label: title, href });
  }
  report.push({
    kind: 'converted',
    file: file ?? '_data/navigation.yml',
    message: `its \`main\` menu is the header's navigation in src/site.config.ts (${links.map((link) => link.label).join(', ')}).`,
  });
  return links;
}

/** Two Jekyll files that would land on the same project file (`about.md` and `about.html`): the later one is renamed. */
function settleClashes(files: readonly PlannedFile[], report: ReportLine[]): PlannedFile[] {
  const seen = new Set<string>();
  const settled: PlannedFile[] = [];
  // Astro names a page by its path without the extension and a final `index`, in lower case:
  // `he.md` and `he/index.md` are one entry to it, and one would be lost.
  const entryIds = new Set<string>();
  const entryId = (path: string) =>
    path.startsWith(`${PAGES_DIR}/`)
      ? path
          .toLowerCase()
          .replace(/\.mdx?$/, '')
          .replace(/\/index$/, '')
          .replace(/\s+/g, '-')
      : undefined;
  for (const file of files) {
    let path = file.path;
    const id = entryId(path);
    if (id !== undefined && entryIds.has(id) && !seen.has(path)) {
      let n = 2;
      while (entryIds.has(`${id}-${n}`)) n++;
      path = `${path.replace(/(\/index)?\.mdx?$/, '')}-${n}.md`;
      report.push({
        kind: 'changed',
        file: file.from,
        message: `is written to ${path}: ${file.path} would be the same entry to Astro as another page's file. Its address stays as it was.`,
      });
    }
    const settledId = entryId(path);
    if (settledId !== undefined) entryIds.add(settledId);
    if (seen.has(path)) {
      const dot = path.lastIndexOf('.');
      let n = 2;
      while (seen.has(`${path.slice(0, dot)}-${n}${path.slice(dot)}`)) n++;
      path = `${path.slice(0, dot)}-${n}${path.slice(dot)}`;
      const slug = /^\d+-\d+-\d+-(.+)\.md$/.exec(file.path.slice(file.path.lastIndexOf('/') + 1))?.[1];
      report.push({
        kind: 'leftover',
        file: file.from,
        message:
          file.path.startsWith(`${POSTS_DIR}/`) && slug
            ? `would be written to the same file as another post, so it is ${path}. Its file name makes its address: add \`slug: ${slug}\` to its front matter to keep the old one.`
            : `would be written to the same file as another one, so it is ${path}. Merge the two if they are the same page.`,
      });
    }
    seen.add(path);
    settled.push({ ...file, path });
  }
  return settled.sort((a, b) => compareText(a.path, b.path));
}

function uniqueRefusals(refusals: readonly Refusal[]): Refusal[] {
  const seen = new Set<string>();
  return refusals.filter((refusal) => {
    const key = `${refusal.path}\n${refusal.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
