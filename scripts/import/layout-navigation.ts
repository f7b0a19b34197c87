/**
 * The header links of a theme the site made itself, when nothing else names them (no `header_pages`,
 * no `_data/navigation.yml`, no minima header): the `<nav>` its home page's layout wrote. Hand-made
 * layouts write it as plain links or as a loop over a data file (`{% for item in site.data.pages %}`
 * with `<a href="/{{ item.url }}">{{ item.name }}</a>`); the layout is run as Jekyll ran it for the
 * home page, with the site's data and includes, and the links are read off the HTML it writes with the
 * project's HTML parser. Only links that lead somewhere are kept: an address the site served (also
 * when written with the site's own `url`), or an `http(s):` one, as written. The run has the site's
 * pages as `site.pages`, in Jekyll's order, so a sidebar that lists them (Hyde's and Lanyon's
 * `{% for node in site.pages %}{% if node.layout == "page" %}`, Hydeout's `sidebar_link: true`) gives
 * the links it showed. A `<nav>` whose Liquid reads the posts or a collection is not read: this run
 * has none to give it, so it would show only its fixed links.
 */
import { posix } from 'node:path';
import { Liquid, Tokenizer, TypeGuards } from 'liquidjs';
import { attributeOf, elements, parseDocument, parseHtmlFragment, textOf, type HtmlElement } from '../../src/lib/links/html.ts';
import type { LinkValue } from './config.ts';
import { layoutChain, type LayoutFiles } from './layouts.ts';
import { navigationHref, ownOrigins, rootRelative, securedHref, securedHttpNote, servedForms, type PageIds } from './nav-links.ts';
import type { ReportLine } from './report.ts';

export interface LayoutNavigationInput {
  /** The home page's layout name (or `default` when it has none). */
  layout: unknown;
  layouts: LayoutFiles;
  /** The site's `_includes/` files, by name inside `_includes/` (`header.html`). */
  includes: ReadonlyMap<string, string>;
  /** `site`: the config's values and `data`. */
  site: Record<string, unknown>;
  /** The config's `baseurl` (`site` has it empty: links are written from the root). */
  baseurl: string;
  /** `page`: the home page's front matter, `url` and `path`. */
  page: Record<string, unknown>;
  /** Every URL the Jekyll site served. */
  served: readonly string[];
  /** The ids of each served page's own HTML: a link to one of them keeps its `#fragment`. */
  ids?: PageIds | undefined;
  /** `site.pages`: each page's front matter with `url`, `path` and `name`, in Jekyll's order (`jekyllPageOrder`). */
  pages?: readonly Record<string, unknown>[] | undefined;
  /** The home page's file, for the report. */
  file: string;
}

/** The links of a `<nav>` a site's own layout wrote for its home page, or `undefined` when there is none. */
export function layoutNavigation(input: LayoutNavigationInput): { links: LinkValue[]; report: ReportLine[] } | undefined {
  const name = typeof input.layout === 'string' && input.layout !== '' ? input.layout : 'default';
  const chain = layoutChain(name, input.layouts);
  if (chain.length === 0) return undefined;
  const pages = input.pages;
  if (navReadsSiteLists(chain, input.includes, collectionLabels(input.site['collections']), pages !== undefined)) return undefined;
  const site = pages === undefined ? input.site : { ...input.site, pages, html_pages: pages.filter(isHtmlPage) };
  const engine = new Liquid({
    jekyllInclude: true,
    dynamicPartials: false,
    ownPropertyOnly: true,
    templates: Object.fromEntries(input.includes),
  });
  engine.registerFilter('relative_url', rootRelative);
  engine.registerFilter('absolute_url', rootRelative);
  // jekyll-include-cache's tag writes what `include` writes (al-folio's header).
  const includeTag = engine.tags['include'];
  if (includeTag !== undefined) engine.registerTag('include_cached', includeTag);
  // The home page's layouts, innermost first, each printing the one before as `{{ content }}`. A
  // plugin's tag (`{% seo %}` in the head) writes nothing here: only the links are read.
  const render = (): string | undefined => {
    let html = '';
    for (const text of chain) html = String(engine.parseAndRenderSync(text, { site, page: input.page, content: html }));
    return html;
  };
  let html: string | undefined;
  for (let attempt = 0; attempt < 10 && html === undefined; attempt++) {
    try {
      html = render();
    } catch (error) {
      const unknown = /^tag "([\w-]+)" not found/.exec(error instanceof Error ? error.message : '')?.[1];
      if (unknown === undefined) return undefined;
      engine.registerTag(unknown, { parse() {}, render: () => '' });
    }
  }
  if (html === undefined) return undefined;
  const document = parseDocument(html, { locations: false });
  const nav = [...elements(document)].find((element) => element.tagName === 'nav');
  if (nav === undefined) return undefined;
  const served = servedForms(input.served);
  const origins = ownOrigins(input.site['url'], input.baseurl);
  const links: LinkValue[] = [];
  for (const anchor of elements(nav)) {
    const link = linkOf(anchor, served, origins, input.ids);
    if (link !== undefined && !links.some((known) => known.href === link.href)) links.push(link);
  }
  // A link home alone is no navigation: the default header has it, and more.
  if (links.length === 0 || (links.length === 1 && links[0]?.href === '/')) return undefined;
  return {
    links: links.map((link) => ({ ...link, href: securedHref(link.href) })),
    report: [
      {
        kind: 'converted',
        file: input.file,
        message: `its layout "${name}" showed a navigation (${links.map((link) => link.label).join(', ')}): it is the header's navigation in src/site.config.ts.`,
      },
      ...links
        .filter((link) => /^http:/i.test(link.href))
        .map((link): ReportLine => ({
          kind: 'changed',
          file: input.file,
          message: securedHttpNote(link.label, link.href, `its layout "${name}"'s navigation`),
        })),
    ],
  };
}

/** A link of the navigation: its text and its address as `navigationHref` gives it, or undefined when it has none. */
function linkOf(anchor: HtmlElement, served: ReadonlyMap<string, string>, origins: readonly string[], ids?: PageIds): LinkValue | undefined {
  if (anchor.tagName !== 'a') return undefined;
  // The link's name as a screen reader reads it: its `aria-label`, its text, else its `title` (an icon's link has no text).
  const label =
    [attributeOf(anchor, 'aria-label') ?? '', textOf(anchor), attributeOf(anchor, 'title') ?? '']
      .map((text) => text.replace(/\s+/g, ' ').trim())
      .find((text) => text !== '') ?? '';
  const written = attributeOf(anchor, 'href')?.trim();
  if (label === '' || written === undefined || written === '') return undefined;
  const href = navigationHref(written, served, origins, ids);
  return 'href' in href ? { label, href: href.href } : undefined;
}

/** The names of the config's collections (`collections:` as a map or a list). */
function collectionLabels(collections: unknown): string[] {
  if (Array.isArray(collections)) return collections.map(String);
  return collections !== null && typeof collections === 'object' ? Object.keys(collections) : [];
}

/** Liquid's tags and outputs in a text, or none when it does not tokenize. */
function liquidTokens(text: string) {
  try {
    return new Tokenizer(text).readTopLevelTokens();
  } catch {
    return [];
  }
}

/** The includes a text's Liquid names (`{% include nav.html %}`, `include_cached`), read with liquidjs' tokenizer. */
export function includedNames(text: string): string[] {
  return liquidTokens(text).flatMap((token) =>
    TypeGuards.isTagToken(token) && (token.name === 'include' || token.name === 'include_cached') ? [token.args.trim().split(/\s+/)[0] ?? ''] : [],
  );
}

/**
 * Whether the Liquid of a `<nav>` in the home page's layouts or their includes reads `site.posts` or
 * a collection (or `site.pages`, when the run has no pages to give), directly or through a variable
 * assigned from one: the links it wrote from them cannot be given back here.
 */
function navReadsSiteLists(chain: readonly string[], includes: ReadonlyMap<string, string>, collections: readonly string[], hasPages: boolean): boolean {
  // Every text the layouts reach, through includes of includes.
  const texts = [...chain];
  const reached = new Set<string>();
  for (let index = 0; index < texts.length; index++)
    for (const name of includedNames(texts[index] ?? '')) {
      const text = includes.get(name);
      if (text !== undefined && !reached.has(name)) {
        reached.add(name);
        texts.push(text);
      }
    }
  const lists = [...(hasPages ? [] : ['pages', 'html_pages']), 'posts', 'collections', 'documents', ...collections].map((label) =>
    label.replace(/[^\w-]/g, ''),
  );
  const siteList = new RegExp(`\\bsite\\s*(\\[|\\.\\s*(${lists.join('|')})\\b)`);
  const expressions = (text: string) =>
    liquidTokens(text).flatMap((token) =>
      TypeGuards.isTagToken(token) ? [`${token.name} ${token.args}`] : TypeGuards.isOutputToken(token) ? [token.content] : [],
    );
  // Variables assigned from a site list anywhere (`{% assign sorted = site.pages | sort: "nav_order" %}`).
  const names = texts.flatMap(expressions).flatMap((expression) => {
    const match = /^assign\s+([\w-]+)\s*=(.*)$/s.exec(expression);
    return match?.[1] !== undefined && siteList.test(match[2] ?? '') ? [match[1]] : [];
  });
  const reads = (text: string) =>
    expressions(text).some((expression) => siteList.test(expression) || names.some((name) => new RegExp(`(^|[^\\w.-])${name}\\b`).test(expression)));
  for (const text of texts)
    for (const nav of [...elements(parseHtmlFragment(text))].filter((element) => element.tagName === 'nav')) {
      const location = nav.sourceCodeLocation;
      if (!location) continue;
      const region = text.slice(location.startOffset, location.endOffset);
      const inside = [region, ...includedNames(region).flatMap((name) => includes.get(name) ?? [])];
      if (inside.some(reads)) return true;
    }
  return false;
}

/** Jekyll's `html_pages`: the pages written as HTML (`about.md`, `blog/index.html`), not `feed.xml`. */
function isHtmlPage(page: Record<string, unknown>): boolean {
  const url = typeof page['url'] === 'string' ? page['url'] : '';
  return url.endsWith('/') || url.endsWith('.html') || !/\.[^/]*$/.test(url);
}

/**
 * The pages in `site.pages`' order: Jekyll sorts them by file name (`Reader#sort_files!`:
 * `site.pages.sort_by!(&:name)`), the order read kept among equal names.
 * https://github.com/jekyll/jekyll/blob/v4.3.1/lib/jekyll/reader.rb
 */
export function jekyllPageOrder<T extends { path: string }>(pages: readonly T[]): T[] {
  return pages
    .map((page, index) => ({ page, index, name: posix.basename(page.path) }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.index - b.index))
    .map(({ page }) => page);
}
