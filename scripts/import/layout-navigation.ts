/**
 * The header links of a theme the site made itself, when nothing else names them (no `header_pages`,
 * no `_data/navigation.yml`, no minima header): the `<nav>` its home page's layout wrote. Hand-made
 * layouts write it as plain links or as a loop over a data file (`{% for item in site.data.pages %}`
 * with `<a href="/{{ item.url }}">{{ item.name }}</a>`); the layout is run as Jekyll ran it for the
 * home page, with the site's data and includes, and the links are read off the HTML it writes with the
 * project's HTML parser. Only links that lead somewhere are kept: an address the site served, or an
 * `https:` one.
 */
import { Liquid } from 'liquidjs';
import { attributeOf, elements, parseDocument, textOf, type HtmlElement } from '../../src/lib/links/html.ts';
import type { LinkValue } from './config.ts';
import { servedSitePaths } from './dead-links.ts';
import { layoutChain, type LayoutFiles } from './layouts.ts';
import type { ReportLine } from './report.ts';

export interface LayoutNavigationInput {
  /** The home page's layout name (or `default` when it has none). */
  layout: unknown;
  layouts: LayoutFiles;
  /** The site's `_includes/` files, by name inside `_includes/` (`header.html`). */
  includes: ReadonlyMap<string, string>;
  /** `site`: the config's values and `data`. */
  site: Record<string, unknown>;
  /** `page`: the home page's front matter, `url` and `path`. */
  page: Record<string, unknown>;
  /** Every URL the Jekyll site served. */
  served: readonly string[];
  /** The home page's file, for the report. */
  file: string;
}

/** `"/x" | relative_url` is `/x`: links are written from the site root and the build adds the base path. */
const rootRelative = (value: unknown): string => {
  const text = String(value ?? '');
  return /^[a-z][a-z0-9+.-]*:/i.test(text) || text.startsWith('//') || text.startsWith('#') ? text : `/${text.replace(/^\/+/, '')}`;
};

/** The links of a `<nav>` a site's own layout wrote for its home page, or `undefined` when there is none. */
export function layoutNavigation(input: LayoutNavigationInput): { links: LinkValue[]; report: ReportLine[] } | undefined {
  const name = typeof input.layout === 'string' && input.layout !== '' ? input.layout : 'default';
  const chain = layoutChain(name, input.layouts);
  if (chain.length === 0) return undefined;
  const engine = new Liquid({
    jekyllInclude: true,
    dynamicPartials: false,
    ownPropertyOnly: true,
    templates: Object.fromEntries(input.includes),
  });
  engine.registerFilter('relative_url', rootRelative);
  engine.registerFilter('absolute_url', rootRelative);
  // The home page's layouts, innermost first, each printing the one before as `{{ content }}`. A
  // plugin's tag (`{% seo %}` in the head) writes nothing here: only the links are read.
  const render = (): string | undefined => {
    let html = '';
    for (const text of chain) html = String(engine.parseAndRenderSync(text, { site: input.site, page: input.page, content: html }));
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
  // Each form of an address the site served (`/about`, `/about/`, `/about/index.html`), to the one it served.
  const served = new Map<string, string>();
  for (const url of input.served) for (const path of servedSitePaths([url])) if (!served.has(path)) served.set(path, url);
  const links: LinkValue[] = [];
  for (const anchor of elements(nav)) {
    const link = linkOf(anchor, served);
    if (link !== undefined && !links.some((known) => known.href === link.href)) links.push(link);
  }
  if (links.length === 0) return undefined;
  return {
    links,
    report: [
      {
        kind: 'converted',
        file: input.file,
        message: `its layout "${name}" showed a navigation (${links.map((link) => link.label).join(', ')}): it is the header's navigation in src/site.config.ts.`,
      },
    ],
  };
}

/** A link of the navigation: its text and the address the site served it at (`/x/index.html` is `/x/`), or an `https:` one. */
function linkOf(anchor: HtmlElement, served: ReadonlyMap<string, string>): LinkValue | undefined {
  if (anchor.tagName !== 'a') return undefined;
  const label = textOf(anchor).replace(/\s+/g, ' ').trim();
  const written = attributeOf(anchor, 'href')?.trim();
  if (label === '' || written === undefined || written === '') return undefined;
  if (/^https?:\/\//i.test(written)) return { label, href: written.replace(/^http:/i, 'https:') };
  if (/^[a-z][a-z0-9+.-]*:/i.test(written) || written.startsWith('//') || written.startsWith('#')) return undefined;
  const path = rootRelative(written).split(/[?#]/)[0] ?? '';
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return undefined;
  }
  const url = served.get(decoded);
  return url === undefined ? undefined : { label, href: url };
}
