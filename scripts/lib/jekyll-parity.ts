/**
 * "Does our build serve what Jekyll served?", as pure functions over file lists and page text, for
 * `npm run parity` (scripts/jekyll-parity.mjs). Two measures:
 * - URLs: every file of the Jekyll build must be served by ours the way GitHub Pages serves files;
 * - words: on every page, the distinct words Jekyll showed in its main content that ours keeps.
 * HTML is read with the project's parser (parse5); nothing here touches the file system.
 */
import { attributesOf, elements, parseDocument, refreshUrl, type HtmlElement } from '../../src/lib/links/html.ts';
import type { DefaultTreeAdapterTypes } from 'parse5';

type Node = DefaultTreeAdapterTypes.Node;
type ParentNode = DefaultTreeAdapterTypes.ParentNode;

/** The share of words a page must keep. */
export const WORDS_THRESHOLD = 0.9;

/** Files GitHub Pages reads for itself rather than serving as part of the site. */
const PAGES_OWN_FILES = new Set(['CNAME', '.nojekyll']);

/**
 * What a file of the build is, for the report's count by kind: every one is a URL that counts alike
 * (a stylesheet compiled from the theme's Sass too: a link to it in the wild must keep working).
 */
const KINDS: readonly [FileKind, RegExp][] = [
  ['page', /\.x?html?$/i],
  ['stylesheet', /\.css(\.map)?$/i],
  ['script', /\.m?js(\.map)?$/i],
  ['font', /\.(woff2?|ttf|eot|otf)$/i],
];

export type FileKind = 'page' | 'stylesheet' | 'script' | 'font' | 'file' | 'pages-own';

/** The report's name of each kind, in its order. */
const KIND_NAMES: readonly [FileKind, string][] = [
  ['page', 'pages'],
  ['stylesheet', 'stylesheets and their source maps'],
  ['script', 'scripts'],
  ['font', 'fonts'],
  ['file', 'other files'],
];

/** How a file of the Jekyll build is counted: Pages' own files not at all, the rest as URLs of a kind. */
export function fileKind(path: string): FileKind {
  if (PAGES_OWN_FILES.has(path)) return 'pages-own';
  return KINDS.find(([, pattern]) => pattern.test(path))?.[0] ?? 'file';
}

/**
 * The URL a visitor uses for a file of the build, `path` relative to its root with `/` separators:
 * `blog/index.html` is `/blog/`, anything else its own path. Written percent-encoded, as a browser
 * sends it, so URLs with spaces or non-ASCII letters can be pasted.
 */
export function urlOfFile(path: string): string {
  const url = path === 'index.html' ? '/' : path.endsWith('/index.html') ? `/${path.slice(0, -'index.html'.length)}` : `/${path}`;
  // encodeURI leaves `#` and `?` alone, which would end the path.
  return encodeURI(url).replaceAll('#', '%23').replaceAll('?', '%3F');
}

export type Served = { status: 'file'; file: string } | { status: 'redirect'; file: string } | { status: 'missing' };

/**
 * How GitHub Pages answers `url` from a build holding `files` (paths relative to its root):
 * `/x/` is `x/index.html`; `/x` is the file `x`, else `x.html`, else a redirect to `/x/` when
 * `x/index.html` exists. `base` is the path the site is published under (`/` or `/repo/`), which
 * a URL carries and a build's file names do not.
 */
export function servedBy(url: string, files: ReadonlySet<string>, base = '/'): Served {
  let path: string;
  try {
    path = decodeURIComponent(url.split('#')[0]?.split('?')[0] ?? '');
  } catch {
    return { status: 'missing' };
  }
  const prefix = base.endsWith('/') ? base : `${base}/`;
  if (!`${path}/`.startsWith(prefix)) return { status: 'missing' };
  const relative = path.slice(prefix.length);
  // `/repo` is the site's root only through GitHub Pages' redirect to `/repo/`.
  if (relative === '' && !path.endsWith('/')) return files.has('index.html') ? { status: 'redirect', file: 'index.html' } : { status: 'missing' };
  if (relative === '' || relative.endsWith('/')) {
    const file = `${relative}index.html`;
    return files.has(file) ? { status: 'file', file } : { status: 'missing' };
  }
  if (files.has(relative)) return { status: 'file', file: relative };
  if (files.has(`${relative}.html`)) return { status: 'file', file: `${relative}.html` };
  if (files.has(`${relative}/index.html`)) return { status: 'redirect', file: `${relative}/index.html` };
  return { status: 'missing' };
}

/**
 * The page a visitor reaches from a link to a Jekyll file, through a redirect if need be: the file's
 * own URL, or for `x.html` also `/x` (which GitHub Pages answers from `x/index.html` by a redirect).
 * Words are compared on that page even when the URL itself counts as not served.
 */
export function reachedBy(file: string, files: ReadonlySet<string>): string | undefined {
  const served = servedBy(urlOfFile(file), files);
  if (served.status !== 'missing') return served.file;
  if (!file.endsWith('.html') || file === 'index.html' || file.endsWith('/index.html')) return undefined;
  const bare = servedBy(urlOfFile(file.slice(0, -'.html'.length)), files);
  return bare.status === 'missing' ? undefined : bare.file;
}

export interface UrlEntry {
  url: string;
  /** The Jekyll file it comes from. */
  file: string;
  kind: Exclude<FileKind, 'pages-own'>;
  served: Served;
}

export interface UrlParity {
  /** Every URL of the Jekyll build (Pages' own files apart). */
  urls: UrlEntry[];
}

/**
 * Each file of the Jekyll build as a URL, and how ours serves it. A Jekyll file is served only when
 * ours has that very file: `x.html` in ours answers both `/x` and `/x.html`, which links in the wild
 * use, whereas `x/index.html` answers `/x` only through a redirect and `/x.html` not at all.
 * Both builds are read from their roots: neither writes its base path into its file names.
 */
export function urlParity(jekyllFiles: readonly string[], ourFiles: ReadonlySet<string>): UrlParity {
  const urls: UrlEntry[] = [];
  for (const file of [...jekyllFiles].sort()) {
    const kind = fileKind(file);
    if (kind === 'pages-own') continue;
    const url = urlOfFile(file);
    const served = servedBy(url, ourFiles);
    // The same file, not merely the same URL: see above.
    urls.push({ url, file, kind, served: served.status === 'file' && served.file !== file ? { status: 'redirect', file: served.file } : served });
  }
  return { urls };
}

/**
 * What is chrome rather than content inside a theme's main element: navigation and footers, plus
 * the sidebars, share buttons, comment boxes and "related posts" that minimal-mistakes and
 * academicpages put beside the article. Matched by tag, role and class. A `<header>` inside the main
 * element holds the page's title and facts (minima's post header, our entry's "summary (date)"), so
 * it counts; the site's header does not, being outside it (or a `role="banner"`).
 */
const CHROME_TAGS = new Set(['nav', 'footer', 'aside', 'script', 'style', 'noscript', 'template', 'button', 'form']);
const CHROME_ROLES = new Set(['banner', 'navigation', 'contentinfo', 'complementary', 'search']);
const CHROME_CLASSES = new Set(['sidebar', 'page__share', 'page__related', 'page__comments', 'pagination', 'skip-link', 'masthead']);
/** The element that holds a page's content, in order of preference. */
const MAIN_CANDIDATES: readonly ((element: HtmlElement) => boolean)[] = [
  (element) => element.tagName === 'main',
  (element) => attribute(element, 'role') === 'main',
  (element) => element.tagName === 'article',
  (element) => ['content', 'page-content', 'post-content', 'main-content'].some((name) => attribute(element, 'id') === name || classes(element).has(name)),
];
/** Elements that do not break a word: `<b>Jek</b>yll` reads as one word. */
const INLINE = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'code',
  'data',
  'del',
  'dfn',
  'em',
  'i',
  'ins',
  'kbd',
  'mark',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'var',
]);

function attribute(element: HtmlElement, name: string): string | undefined {
  return attributesOf(element).find((candidate) => candidate.name === name)?.value;
}

function classes(element: HtmlElement): Set<string> {
  return new Set((attribute(element, 'class') ?? '').split(/\s+/).filter(Boolean));
}

function isChrome(element: HtmlElement): boolean {
  if (CHROME_TAGS.has(element.tagName)) return true;
  const role = attribute(element, 'role');
  if (role !== undefined && CHROME_ROLES.has(role)) return true;
  if (attribute(element, 'hidden') !== undefined) return true;
  for (const name of classes(element)) if (CHROME_CLASSES.has(name)) return true;
  return false;
}

/** The text of `root` without its chrome; `siteHeader` also leaves out `<header>` (when root is the whole body). */
function textOf(root: ParentNode, siteHeader: boolean): string {
  const parts: string[] = [];
  const walk = (node: Node): void => {
    if (node.nodeName === '#text' && 'value' in node) {
      parts.push(node.value);
      return;
    }
    if (!('tagName' in node)) return;
    if (isChrome(node) || (siteHeader && node.tagName === 'header')) return;
    const block = !INLINE.has(node.tagName);
    if (block) parts.push(' ');
    for (const child of node.childNodes) walk(child);
    if (block) parts.push(' ');
  };
  for (const child of root.childNodes) walk(child);
  return parts.join('');
}

/** The headings (`<h1>`…`<h6>`) of `root` without its chrome, as `textOf` reads it: their text, spaces collapsed, case-folded. */
function headingsOf(root: ParentNode, siteHeader: boolean): string[] {
  const headings: string[] = [];
  const walk = (node: Node): void => {
    if (!('tagName' in node) || isChrome(node) || (siteHeader && node.tagName === 'header')) return;
    if (/^h[1-6]$/.test(node.tagName)) {
      const text = textOf(node, false).normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
      if (text !== '') headings.push(text);
      return;
    }
    for (const child of node.childNodes) walk(child);
  };
  for (const child of root.childNodes) walk(child);
  return headings;
}

/** The distinct words of a text: runs of letters and digits (any script), case-folded. */
export function distinctWords(text: string): Set<string> {
  return new Set(
    text
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu) ?? [],
  );
}

export interface PageReading {
  /** Where a `<meta http-equiv="refresh">` sends the visitor, if the page is a redirect. */
  redirect?: string;
  /** The distinct words of the main content, chrome left out. */
  words: Set<string>;
  /** The headings of the main content, chrome left out (see `headingsOf`). */
  headings?: string[];
}

/** Reads a built page: is it a redirect, and which words does its main content show? */
export function readPage(html: string): PageReading {
  const document = parseDocument(html, { locations: false });
  let main: HtmlElement | undefined;
  let body: HtmlElement | undefined;
  let redirect: string | undefined;
  const all = [...elements(document)];
  for (const element of all) {
    if (element.tagName === 'body') body ??= element;
    if (element.tagName === 'meta' && attribute(element, 'http-equiv')?.trim().toLowerCase() === 'refresh') {
      redirect ??= refreshUrl(attribute(element, 'content') ?? '');
    }
  }
  for (const candidate of MAIN_CANDIDATES) {
    main = all.find(candidate);
    if (main) break;
  }
  const root = main ?? body ?? document;
  // Only the root's children are judged: the root itself may carry a chrome-like class.
  const words = distinctWords(textOf(root, main === undefined));
  const headings = headingsOf(root, main === undefined);
  return redirect === undefined ? { words, headings } : { redirect, words, headings };
}

/** The path a redirect leads to, whatever origin it is written with, for comparing two redirects. */
export function redirectTarget(url: string): string {
  try {
    const parsed = new URL(url, 'https://site.invalid/');
    return decodeURI(parsed.pathname) + parsed.search + parsed.hash;
  } catch {
    return url;
  }
}

export interface WordsComparison {
  /** Distinct words of Jekyll's main content. */
  total: number;
  /** Of those, the ones ours shows. */
  kept: number;
  share: number;
  /** Jekyll's words ours lacks, in the order Jekyll showed them. */
  lost: string[];
}

export function compareWords(jekyll: ReadonlySet<string>, ours: ReadonlySet<string>): WordsComparison {
  const lost = [...jekyll].filter((word) => !ours.has(word));
  const total = jekyll.size;
  const kept = total - lost.length;
  return { total, kept, share: total === 0 ? 1 : kept / total, lost };
}

export type PageVerdict =
  | { kind: 'page'; url: string; words: WordsComparison; ours: 'page' | 'redirect' | 'missing'; lostHeadings?: string[] }
  | { kind: 'redirect'; url: string; target: string; ours: { target?: string; status: 'same' | 'other' | 'not-a-redirect' | 'missing' } };

/**
 * Compares one page of each build. `ours` is undefined when ours does not serve the URL. A Jekyll
 * redirect (jekyll-redirect-from's stub) is kept when ours redirects to the same path; a page is
 * judged by its words, and one that ours turned into a redirect keeps none.
 */
export function comparePage(url: string, jekyll: PageReading, ours: PageReading | undefined): PageVerdict {
  if (jekyll.redirect !== undefined) {
    const target = redirectTarget(jekyll.redirect);
    if (!ours) return { kind: 'redirect', url, target, ours: { status: 'missing' } };
    if (ours.redirect === undefined) return { kind: 'redirect', url, target, ours: { status: 'not-a-redirect' } };
    const ourTarget = redirectTarget(ours.redirect);
    return { kind: 'redirect', url, target, ours: { target: ourTarget, status: sameTarget(ourTarget, target) ? 'same' : 'other' } };
  }
  if (!ours) return { kind: 'page', url, words: compareWords(jekyll.words, new Set()), ours: 'missing' };
  if (ours.redirect !== undefined) return { kind: 'page', url, words: compareWords(jekyll.words, new Set()), ours: 'redirect' };
  // A section heading Jekyll showed and ours does not, as a heading: a whole section lost, which the
  // share of words can hide on a long page (a CV's sidebar, 6 % of its words).
  const ourHeadings = new Set(ours.headings ?? []);
  const lostHeadings = [...new Set(jekyll.headings ?? [])].filter((heading) => !ourHeadings.has(heading));
  return { kind: 'page', url, words: compareWords(jekyll.words, ours.words), ours: 'page', lostHeadings };
}

/** `/a/b.html`, `/a/b` and `/a/b/` name the same page here: each build serves it in the form it wrote. */
function sameTarget(a: string, b: string): boolean {
  const strip = (path: string) => path.replace(/(?:\/index)?\.html$/, '').replace(/\/+$/, '');
  return a === b || strip(a) === strip(b);
}

export interface ParityReport {
  lines: string[];
  /** True when every URL is served, every page keeps enough words and every redirect is kept. */
  ok: boolean;
}

/**
 * The addresses the project's URL list retires on purpose, with the reason it gives: its comment
 * lines `# /old/  (reason)` (src/data/legacy-urls.txt, as the importer writes it).
 */
export function retiredUrls(legacyUrls: string): Map<string, string> {
  const retired = new Map<string, string>();
  for (const line of legacyUrls.split('\n')) {
    const match = /^#\s*(\/\S*)\s+\((.+)\)\s*$/.exec(line);
    if (match?.[1] && match[2]) retired.set(match[1], match[2]);
  }
  return retired;
}

const percent = (share: number) => `${Math.floor(share * 100)}%`;

/** The report `npm run parity` prints: problems first, then the four summary lines. */
export function formatReport(urls: UrlParity, pages: readonly PageVerdict[], { lostShown = 12, retired = new Map<string, string>() } = {}): ParityReport {
  const lines: string[] = [];
  const notServed = urls.urls.filter((entry) => entry.served.status !== 'file');
  for (const entry of notServed) {
    // Still not served, and counted so; the owner's URL list says why.
    const reason = retired.get(entry.url);
    const why = reason === undefined ? '' : ` (retired in src/data/legacy-urls.txt: ${reason})`;
    lines.push(
      entry.served.status === 'redirect'
        ? `not served ${entry.url} (ours has ${entry.served.file} instead of ${entry.file})${why}`
        : `not served ${entry.url}${why}`,
    );
  }
  const wordPages = pages.filter((page): page is Extract<PageVerdict, { kind: 'page' }> => page.kind === 'page');
  const under = wordPages.filter((page) => page.words.share < WORDS_THRESHOLD).sort((a, b) => a.words.share - b.words.share);
  for (const page of under) {
    const { total, kept, lost } = page.words;
    const why = page.ours === 'missing' ? ' (not served)' : page.ours === 'redirect' ? ' (ours redirects)' : '';
    const sample = lost.slice(0, lostShown).join(' ') + (lost.length > lostShown ? ' ...' : '');
    lines.push(`under 90% ${percent(page.words.share)} ${page.url}${why}: kept ${kept} of ${total} words; lost: ${sample}`);
  }
  // Reported, not judged: a theme's own sections (Related Posts, Comments) are lost on purpose.
  const headingsLost = wordPages.filter((page) => (page.lostHeadings ?? []).length > 0);
  for (const page of headingsLost) lines.push(`headings lost ${page.url}: ${(page.lostHeadings ?? []).map((heading) => `"${heading}"`).join(', ')}`);
  const redirects = pages.filter((page): page is Extract<PageVerdict, { kind: 'redirect' }> => page.kind === 'redirect');
  const redirectsLost = redirects.filter((page) => page.ours.status !== 'same');
  for (const page of redirectsLost) {
    const ours =
      page.ours.status === 'other'
        ? `ours redirects to ${page.ours.target}`
        : page.ours.status === 'missing'
          ? 'ours does not serve it'
          : 'ours serves a page, not a redirect';
    lines.push(`redirect ${page.url} -> ${page.target}: ${ours}`);
  }
  const byKind = KIND_NAMES.flatMap(([kind, name]) => {
    const all = urls.urls.filter((entry) => entry.kind === kind);
    return all.length === 0 ? [] : [`${all.filter((entry) => entry.served.status === 'file').length} of ${all.length} ${name}`];
  });
  if (byKind.length > 0) lines.push(`URLs by kind: ${byKind.join(', ')}`);
  lines.push(`${urls.urls.length - notServed.length} of ${urls.urls.length} URLs served`);
  lines.push(`${under.length} of ${wordPages.length} pages under 90% of words`);
  lines.push(`${headingsLost.length} of ${wordPages.length} pages lost a heading Jekyll showed (reported, not judged)`);
  lines.push(`${redirects.length - redirectsLost.length} of ${redirects.length} redirects kept`);
  return { lines, ok: notServed.length === 0 && under.length === 0 && redirectsLost.length === 0 };
}
