/**
 * `_config.yml`: what Jekyll reads from it (excludes, front-matter defaults, collections, plugins) and
 * the owner's details it becomes in `src/site.config.ts`.
 */
import { parseDocument } from 'yaml';
import { documentExpansionProblem } from '../../src/lib/safe-yaml.ts';
import type { ReportLine } from './report.ts';
import { domainProblem } from '../../src/lib/github-pages.ts';

export type JekyllConfig = Record<string, unknown>;

export type ReadConfig = { ok: true; config: JekyllConfig } | { ok: false; message: string };

/** The config files Jekyll looks for, in its order (`Configuration#config_files`). */
export const CONFIG_FILES = ['_config.yml', '_config.yaml'] as const;

/** `_config.yml` as Jekyll reads it: YAML 1.1 (Ruby's Psych). An empty file is an empty config. */
export function readConfig(text: string): ReadConfig {
  const document = parseDocument(text, { version: '1.1', uniqueKeys: false, prettyErrors: false });
  const error = document.errors[0];
  if (error) {
    const line = text.slice(0, error.pos[0]).split('\n').length;
    return { ok: false, message: `is not valid YAML (line ${line}): ${error.message.split('\n')[0] ?? ''}` };
  }
  const expansion = documentExpansionProblem(document);
  if (expansion) return { ok: false, message: `(line ${lineAt(text, expansion.offset)}): ${expansion.message}` };
  // Measured above: the package's own alias limit would throw on a few hundred harmless aliases.
  const value = document.toJS({ maxAliasCount: -1 }) as unknown;
  if (value === null || value === undefined) return { ok: true, config: {} };
  if (!isRecord(value)) return { ok: false, message: 'is not a list of "key: value" settings.' };
  return { ok: true, config: value };
}

/** The 1-based line of an offset in a text (line 1 when there is none). */
export function lineAt(text: string, offset: number | undefined): number {
  return offset === undefined ? 1 : text.slice(0, offset).split('\n').length;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** A setting as text, when it is text (or a number); undefined when missing or blank. */
export function textSetting(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

function listSetting(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

// ---------------------------------------------------------------------------------------------
// Which files Jekyll reads

/** Always excluded by Jekyll 4 (`Configuration::DEFAULT_EXCLUDES`), whatever `exclude` says. */
const DEFAULT_EXCLUDES = [
  '.sass-cache',
  '.jekyll-cache',
  'gemfiles',
  'Gemfile',
  'Gemfile.lock',
  'node_modules',
  'vendor/bundle/',
  'vendor/cache/',
  'vendor/gems/',
  'vendor/ruby/',
];

/** `File.fnmatch?` without flags: `*` also crosses `/`. */
function fnmatch(pattern: string, path: string): boolean {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i] ?? '';
    if (char === '*') source += '.*';
    else if (char === '?') source += '.';
    else if (char === '[') {
      const close = pattern.indexOf(']', i + 1);
      if (close === -1) source += '\\[';
      else {
        source += `[${pattern
          .slice(i + 1, close)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else source += char.replace(/[.+^${}()|\\/]/g, '\\$&');
  }
  return new RegExp(`^${source}$`).test(path);
}

/** Jekyll's `EntryFilter#glob_include?`: a glob, a plain prefix, or a folder name with a slash. */
function matchesAny(patterns: readonly string[], path: string): boolean {
  return patterns.some((raw) => {
    const pattern = raw.replace(/^\/+/, '');
    return pattern !== '' && (fnmatch(pattern, path) || path.startsWith(pattern));
  });
}

export interface ReadRules {
  /** Whether `exclude` (or Jekyll's default excludes) leaves this path out. */
  isExcluded(path: string): boolean;
  /** Whether a folder or file name on the path starts with `.`, `_` or `#` (or ends in `~`) and is not `include`d. */
  isHidden(path: string): boolean;
}

export function readRules(config: JekyllConfig): ReadRules {
  const include = [...listSetting(config['include']), '.htaccess'];
  const exclude = [...listSetting(config['exclude']), ...DEFAULT_EXCLUDES].filter((pattern) => !include.includes(pattern));
  // Jekyll filters folder by folder: each name on the path is checked on its own and with its folders.
  const included = (prefix: string, name: string) => matchesAny(include, prefix) || matchesAny(include, name);
  return {
    isExcluded: (path) => {
      const segments = path.split('/');
      return segments.some((_, index) => {
        const prefix = segments.slice(0, index + 1).join('/');
        return matchesAny(exclude, prefix) && !included(prefix, segments[index] ?? '');
      });
    },
    isHidden: (path) => {
      const segments = path.split('/');
      return segments.some((name, index) => isSpecialName(name) && !included(segments.slice(0, index + 1).join('/'), name));
    },
  };
}

/** Names Jekyll never reads unless `include`d: `.hidden`, `_private`, `#emacs#`, `backup~`. */
export function isSpecialName(name: string): boolean {
  return /^[._#]/.test(name) || name.endsWith('~');
}

// ---------------------------------------------------------------------------------------------
// Front-matter defaults, collections, plugins

export type DocumentType = 'pages' | 'posts' | 'drafts' | string;

/**
 * The front-matter defaults for a file (`defaults:` in `_config.yml`), merged as Jekyll does: every
 * matching scope, the more specific ones (longer path, then with a type) winning.
 * https://jekyllrb.com/docs/configuration/front-matter-defaults/
 */
export function frontMatterDefaults(config: JekyllConfig, path: string, type: DocumentType): Record<string, unknown> {
  const sets = Array.isArray(config['defaults']) ? config['defaults'] : [];
  const matching: { depth: number; typed: number; index: number; values: Record<string, unknown> }[] = [];
  sets.forEach((set: unknown, index) => {
    if (!isRecord(set) || !isRecord(set['values'])) return;
    const scope = isRecord(set['scope']) ? set['scope'] : {};
    const scopeType = typeof scope['type'] === 'string' ? scope['type'] : undefined;
    // Drafts are documents of the posts collection: a `posts` scope applies to them too.
    if (scopeType !== undefined && scopeType !== type && !(type === 'drafts' && scopeType === 'posts')) return;
    const scopePath = (typeof scope['path'] === 'string' ? scope['path'] : '').replace(/^\.?\/+/, '').replace(/\/+$/, '');
    if (scopePath !== '') {
      const matches = scopePath.includes('*')
        ? fnmatch(scopePath, path) || fnmatch(`${scopePath}/*`, path)
        : path === scopePath || path.startsWith(`${scopePath}/`);
      if (!matches) return;
    }
    matching.push({ depth: scopePath === '' ? 0 : scopePath.split('/').length, typed: scopeType ? 1 : 0, index, values: set['values'] });
  });
  matching.sort((a, b) => a.depth - b.depth || a.typed - b.typed || a.index - b.index);
  return Object.assign({}, ...matching.map((set) => set.values)) as Record<string, unknown>;
}

export interface CollectionConfig {
  name: string;
  /** Whether Jekyll wrote a page for each document. */
  output: boolean;
  /** The collection's own permalink pattern, if set. */
  permalink?: string | undefined;
}

/** `collections:` as a map or a list of names; `posts` is built in and handled on its own. */
export function collectionsOf(config: JekyllConfig): CollectionConfig[] {
  const raw = config['collections'];
  const entries: [string, unknown][] = Array.isArray(raw)
    ? raw.filter((name): name is string => typeof name === 'string').map((name) => [name, {}])
    : isRecord(raw)
      ? Object.entries(raw)
      : [];
  return entries
    .filter(([name]) => name !== 'posts')
    .map(([name, settings]) => {
      const options = isRecord(settings) ? settings : {};
      return { name, output: options['output'] === true, permalink: textSetting(options['permalink']) };
    });
}

/** Where collections live (`collections_dir`), as a prefix such as `my_collections/`, or ''. */
export function collectionsDir(config: JekyllConfig): string {
  const dir = textSetting(config['collections_dir'])?.replace(/^\/+|\/+$/g, '');
  return dir ? `${dir}/` : '';
}

/**
 * The plugins a site runs: `plugins:` (or the older `gems:`) and the Gemfile's `jekyll_plugins` group,
 * which Jekyll loads without being listed.
 */
export function pluginsOf(config: JekyllConfig, gemfile: string | undefined): Set<string> {
  const plugins = new Set([...listSetting(config['plugins']), ...listSetting(config['gems'])]);
  for (const group of gemfile?.matchAll(/group\s+:jekyll_plugins\s+do([\s\S]*?)^\s*end\b/gm) ?? []) {
    for (const gem of (group[1] ?? '').matchAll(/^\s*gem\s+["']([^"']+)["']/gm)) plugins.add(gem[1] ?? '');
  }
  return plugins;
}

// ---------------------------------------------------------------------------------------------
// src/site.config.ts

export interface LinkValue {
  label: string;
  href: string;
}

export interface SiteConfigValues {
  name: string;
  description: string;
  email?: string | undefined;
  links: LinkValue[];
  lang?: string | undefined;
  domain?: string | undefined;
  basePath?: string | undefined;
  navigation?: LinkValue[] | undefined;
  /** How many posts the home page lists, when its Jekyll layout listed them (home-posts.ts). */
  home?: { posts: number | 'all' } | undefined;
  posts: {
    permalink?: string | undefined;
    timezone?: string | undefined;
    excerptSeparator?: string | undefined;
    perPage?: number | undefined;
    feeds?: string[] | undefined;
  };
}

/** Profile platforms, in the order the links are written: handle to address. */
const PLATFORMS: readonly { keys: readonly string[]; label: string; href: (handle: string) => string | undefined }[] = [
  { keys: ['github'], label: 'GitHub', href: (h) => `https://github.com/${h}` },
  { keys: ['gitlab'], label: 'GitLab', href: (h) => `https://gitlab.com/${h}` },
  { keys: ['linkedin'], label: 'LinkedIn', href: (h) => `https://www.linkedin.com/in/${h}` },
  { keys: ['twitter'], label: 'Twitter', href: (h) => `https://twitter.com/${h}` },
  { keys: ['x'], label: 'X', href: (h) => `https://twitter.com/${h}` },
  {
    keys: ['mastodon'],
    label: 'Mastodon',
    // `@jane@fosstodon.org` or `jane@fosstodon.org`: the account lives on its server.
    href: (h) => {
      const account = /^@?([^@\s]+)@([^@\s/]+)$/.exec(h);
      return account ? `https://${account[2]}/@${account[1]}` : undefined;
    },
  },
  { keys: ['stackoverflow'], label: 'Stack Overflow', href: (h) => `https://stackoverflow.com/users/${h}` },
  { keys: ['keybase'], label: 'Keybase', href: (h) => `https://keybase.io/${h}` },
  { keys: ['dribbble'], label: 'Dribbble', href: (h) => `https://dribbble.com/${h}` },
  { keys: ['devto'], label: 'DEV', href: (h) => `https://dev.to/${h}` },
  { keys: ['medium'], label: 'Medium', href: (h) => `https://medium.com/@${h.replace(/^@/, '')}` },
  { keys: ['instagram'], label: 'Instagram', href: (h) => `https://www.instagram.com/${h}` },
  { keys: ['facebook'], label: 'Facebook', href: (h) => `https://www.facebook.com/${h}` },
  { keys: ['youtube'], label: 'YouTube', href: (h) => `https://www.youtube.com/${h}` },
  { keys: ['telegram'], label: 'Telegram', href: (h) => `https://t.me/${h}` },
  // academicpages / minimal-mistakes keep these under `author:`.
  {
    keys: ['googlescholar', 'google_scholar', 'scholar'],
    label: 'Google Scholar',
    href: (h) => `https://scholar.google.com/citations?user=${encodeURIComponent(h)}`,
  },
  { keys: ['orcid'], label: 'ORCID', href: (h) => `https://orcid.org/${h.replace(/^https?:\/\/orcid\.org\//, '')}` },
  { keys: ['researchgate'], label: 'ResearchGate', href: (h) => `https://www.researchgate.net/profile/${h}` },
  { keys: ['bluesky'], label: 'Bluesky', href: (h) => `https://bsky.app/profile/${h}` },
  { keys: ['pubmed'], label: 'PubMed', href: () => undefined },
  { keys: ['impactstory'], label: 'Impactstory', href: (h) => `https://profiles.impactstory.org/u/${h}` },
  { keys: ['email'], label: 'Email', href: (h) => `mailto:${h.replace(/^mailto:/, '')}` },
];

/** `author:` keys that are about the owner, not a profile elsewhere. */
const AUTHOR_DETAILS = new Set(['name', 'avatar', 'bio', 'location', 'employer', 'uri', 'home', 'email', 'links', 'url', 'image', 'picture', 'description']);

/** The platform (`github`) whose profiles live at the address's host (`https://github.com/jane`), if any. */
function profilePlatform(address: string): string | undefined {
  let host: string;
  try {
    host = new URL(address).host.replace(/^www\./, '');
  } catch {
    return undefined;
  }
  for (const platform of PLATFORMS) {
    const example = platform.href('jane');
    if (example === undefined || !/^https:/.test(example) || platform.keys[0] === 'email') continue;
    if (new URL(example).host.replace(/^www\./, '') === host && new URL(address).pathname.length > 1) return platform.keys[0];
  }
  return undefined;
}

/** A handle, or a full address written in its place. */
function linkFor(platform: (typeof PLATFORMS)[number], handle: string): string | undefined {
  if (/^https:\/\//.test(handle) || (platform.label === 'Email' && handle.startsWith('mailto:'))) return handle;
  if (/^http:\/\//.test(handle)) return handle.replace(/^http:/, 'https:');
  return platform.href(handle.replace(/^@(?=[^@]*$)/, ''));
}

/**
 * Profile handles wherever Jekyll themes keep them: `github: jane`, `github_username: jane` (minima 2),
 * `minima.social_links` / `social_links` as a map of handles or a list of `{platform, user_url}`
 * (minima 3), beautiful-jekyll's `social-network-links` map, `twitter: {username}` (jekyll-seo-tag).
 */
function socialHandles(config: JekyllConfig): Map<string, string> {
  const handles = new Map<string, string>();
  const add = (key: string, value: unknown) => {
    const platform = key.toLowerCase().replace(/_username$/, '');
    const handle = textSetting(value) ?? (isRecord(value) ? textSetting(value['username']) : undefined);
    if (handle !== undefined && !handles.has(platform)) handles.set(platform, handle);
  };
  const minima = isRecord(config['minima']) ? config['minima'] : {};
  // jekyll-now: `footer-links: {github: jane, email: jane@example.org, rss: x}` (rss is a switch for its feed icon);
  // beautiful-jekyll: `social-network-links: {email: me@example.com, github: jane}`.
  for (const links of [minima['social_links'], config['social_links'], config['footer-links'], config['social-network-links']]) {
    if (isRecord(links)) for (const [key, value] of Object.entries(links)) if (key !== 'rss') add(key, value);
    if (Array.isArray(links)) {
      for (const item of links) {
        if (!isRecord(item)) continue;
        // minima 3: `{platform, user_url}` early on, `{title, icon, url}` (a Font Awesome icon name) now.
        const platform =
          textSetting(item['platform']) ??
          textSetting(item['icon'])
            ?.replace(/^fa-/, '')
            .replace(/^x-twitter$/, 'x');
        if (platform !== undefined) add(platform, item['user_url'] ?? item['url'] ?? item['username'] ?? item['handle']);
      }
    }
  }
  for (const platform of PLATFORMS) {
    for (const key of platform.keys) {
      if (key === 'email') continue; // the site's `email` is its own field, not a profile link
      add(key, config[key]);
      add(key, config[`${key}_username`]);
    }
  }
  // minimal-mistakes and academicpages: `author: {github: jane, linkedin: jane, googlescholar: <url>}`.
  const author = isRecord(config['author']) ? config['author'] : {};
  // Poole's themes (Hyde, Lanyon, Hydeout): `author: {name, url}`, the url often a profile (`https://github.com/jane`).
  const authorUrl = textSetting(author['url']);
  const profile = authorUrl === undefined ? undefined : profilePlatform(authorUrl);
  if (profile !== undefined && authorUrl !== undefined) add(profile, authorUrl);
  for (const [key, value] of Object.entries(author)) {
    if (AUTHOR_DETAILS.has(key.toLowerCase()) || value === null || value === '') continue;
    const platform = PLATFORMS.find((known) => known.keys.includes(key.toLowerCase()));
    add(platform?.keys[0] ?? key, value);
  }
  return handles;
}

export interface ConfigInput {
  config: JekyllConfig;
  /** The `CNAME` file's text, if the site has one. */
  cname?: string | undefined;
  /** The header's links, worked out from `header_pages` (pages' titles and addresses). */
  navigation?: LinkValue[] | undefined;
}

/** The owner's details from `_config.yml` and `CNAME`, with a report line for each thing left out. */
export function siteConfigFrom({ config, cname, navigation }: ConfigInput): { values: SiteConfigValues; report: ReportLine[] } {
  const report: ReportLine[] = [];
  const file = '_config.yml';
  const author = isRecord(config['author']) ? textSetting(config['author']['name']) : textSetting(config['author']);
  // al-folio writes `title: blank` and the owner's name in first_name / middle_name / last_name.
  const parts = ['first_name', 'middle_name', 'last_name'].map((key) => textSetting(config[key])).filter((part) => part !== undefined);
  const title = textSetting(config['title']);
  // jekyll-now prints `site.name` where other themes print `site.title`.
  const name = (title === 'blank' ? undefined : title) ?? author ?? (parts.length > 0 ? parts.join(' ') : undefined) ?? textSetting(config['name']);
  if (name === undefined) {
    report.push({ kind: 'changed', file, message: 'has no `title` or `author`: the name is "Your Name". Write yours in src/site.config.ts.' });
  }
  let description = textSetting(config['description'])?.replace(/\s+/g, ' ');
  if (description === undefined) {
    description = `The portfolio of ${name ?? 'Your Name'}.`;
    report.push({ kind: 'changed', file, message: `has no \`description\`: it is "${description}". Write a sentence about yourself in src/site.config.ts.` });
  } else if (description.length > 300) {
    report.push({
      kind: 'leftover',
      file,
      message: `\`description\` is ${description.length} characters; the site allows 300. Shorten it in src/site.config.ts.`,
    });
  }

  let email = textSetting(config['email']) ?? (isRecord(config['author']) ? textSetting(config['author']['email']) : undefined);
  if (email !== undefined && !/^[^\s@]+@[^\s@]+$/.test(email)) {
    report.push({
      kind: 'skipped',
      file,
      message: `\`email: ${email}\` is not an email address; left out of src/site.config.ts. Write it there if you want it shown.`,
    });
    email = undefined;
  }

  const handles = socialHandles(config);
  const links: LinkValue[] = [];
  for (const platform of PLATFORMS) {
    const handle = platform.keys.map((key) => handles.get(key)).find((value) => value !== undefined);
    if (handle === undefined) continue;
    const href = linkFor(platform, handle);
    if (href && !links.some((link) => link.href === href)) links.push({ label: platform.label, href });
    else if (!href)
      report.push({
        kind: 'skipped',
        file,
        message: `the ${platform.label} handle "${handle}" is not one the importer can turn into an address. Add the link in src/site.config.ts.`,
      });
  }
  for (const [platform, handle] of handles) {
    if (!PLATFORMS.some((known) => known.keys.includes(platform))) {
      if (/^https:\/\//.test(handle)) links.push({ label: platform.charAt(0).toUpperCase() + platform.slice(1), href: handle });
      else
        report.push({
          kind: 'skipped',
          file,
          message: `the ${platform} handle "${handle}" has no address the importer knows. Add the link in src/site.config.ts.`,
        });
    }
  }

  const lang = textSetting(config['lang']);
  let domain = domainFrom(cname, textSetting(config['url']));
  // The build refuses what it cannot serve on (GitHub's own hosts, a host with a port...): never write one.
  const domainIssue = domain === undefined ? undefined : domainProblem(domain);
  if (domain !== undefined && domainIssue !== undefined) {
    report.push({
      kind: 'skipped',
      file: cname ? 'CNAME' : file,
      message: `the site's address ${domain} is not written as \`domain\` in src/site.config.ts: ${domainIssue}`,
    });
    domain = undefined;
  }
  const basePath = basePathOf(config);
  const posts = {
    permalink: textSetting(config['permalink']),
    timezone: textSetting(config['timezone']),
    excerptSeparator: typeof config['excerpt_separator'] === 'string' && config['excerpt_separator'] !== '' ? config['excerpt_separator'] : undefined,
  };
  return {
    values: { name: name ?? 'Your Name', description, email, links, lang, domain, basePath, navigation, posts },
    report,
  };
}

/** The path the site is served under, `/lee`, from `baseurl` as Jekyll's `relative_url` reads it (`lee/` too); undefined for none. */
export function basePathOf(config: JekyllConfig): string | undefined {
  const baseurl = textSetting(config['baseurl'])?.replace(/\/+$/, '');
  return baseurl ? (baseurl.startsWith('/') ? baseurl : `/${baseurl}`) : undefined;
}

/** The `CNAME` file's host, else the host of `url` unless it is GitHub's own or a local address. */
export function domainFrom(cname: string | undefined, url: string | undefined): string | undefined {
  const fromCname = cname
    ?.split(/\r?\n/)
    .map((line) => line.trim())
    .find((line) => line !== '');
  const cnameHost = fromCname
    ?.replace(/^https?:\/\//, '')
    .replace(/\/.*$/, '')
    .toLowerCase();
  if (cnameHost) return cnameHost.endsWith('.github.io') ? undefined : cnameHost;
  if (url === undefined) return undefined;
  let host: string;
  try {
    host = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `https://${url}`).hostname;
  } catch {
    return undefined;
  }
  if (host === '' || host.endsWith('.github.io') || host === 'localhost' || /^127\.|^\[?::1\]?$|^0\.0\.0\.0$/.test(host)) return undefined;
  return host;
}

/** A string as a single-quoted TypeScript literal, escaped as JSON escapes it. */
export function tsString(value: string): string {
  const json = JSON.stringify(value).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'");
  return `'${json.replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')}'`;
}

function linkList(key: string, links: readonly LinkValue[]): string[] {
  if (links.length === 0) return [`  ${key}: [],`];
  return [`  ${key}: [`, ...links.map((link) => `    { label: ${tsString(link.label)}, href: ${tsString(link.href)} },`), '  ],'];
}

/** `src/site.config.ts`, in the form the build imports: a typed object, validated once. */
export function renderSiteConfig(values: SiteConfigValues): string {
  const lines = [
    "import { validateSiteConfig, type SiteConfigInput } from './lib/schema/site-config.ts';",
    '',
    "/** Imported from the Jekyll site's _config.yml by `npm run import`. Edit it freely: the build validates it. */",
    'const siteConfig: SiteConfigInput = {',
    `  name: ${tsString(values.name)},`,
    `  description: ${tsString(values.description)},`,
  ];
  if (values.email !== undefined) lines.push(`  email: ${tsString(values.email)},`);
  lines.push(...linkList('links', values.links));
  if (values.lang !== undefined) lines.push(`  lang: ${tsString(values.lang)},`);
  if (values.domain !== undefined) lines.push(`  domain: ${tsString(values.domain)},`);
  if (values.basePath !== undefined) lines.push(`  basePath: ${tsString(values.basePath)},`);
  if (values.navigation !== undefined) lines.push(...linkList('navigation', values.navigation));
  if (values.home !== undefined) lines.push(`  home: { posts: ${values.home.posts === 'all' ? "'all'" : values.home.posts} },`);
  const posts = [
    values.posts.permalink === undefined ? undefined : `permalink: ${tsString(values.posts.permalink)}`,
    values.posts.timezone === undefined ? undefined : `timezone: ${tsString(values.posts.timezone)}`,
    values.posts.excerptSeparator === undefined ? undefined : `excerptSeparator: ${tsString(values.posts.excerptSeparator)}`,
    values.posts.perPage === undefined ? undefined : `perPage: ${values.posts.perPage}`,
    values.posts.feeds === undefined ? undefined : `feeds: [${values.posts.feeds.map(tsString).join(', ')}]`,
  ].filter((part) => part !== undefined);
  if (posts.length > 0) lines.push(`  posts: { ${posts.join(', ')} },`);
  lines.push('};', '', 'export default validateSiteConfig(siteConfig);', '');
  return lines.join('\n');
}
