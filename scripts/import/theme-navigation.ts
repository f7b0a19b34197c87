/**
 * The header links minima showed when the site names none (no `header_pages`, no `minima.nav_pages`):
 * its `_includes/header.html` falls back to every page of `site.pages` (`site.pages | map: "path"`)
 * and links each one that has a title, in `site.pages`' order, which Jekyll sorts by file name
 * (`Reader#sort_files!`: `site.pages.sort_by!(&:name)`). Without them, a `jekyll new` site's About
 * page would be linked from nowhere.
 * https://github.com/jekyll/minima/blob/v2.5.1/_includes/header.html
 */
import { Tokenizer, TypeGuards } from 'liquidjs';
import type { LinkValue } from './config.ts';
import { includedNames, jekyllPageOrder } from './layout-navigation.ts';
import type { SourceDocument } from './pages.ts';
import type { ReportLine } from './report.ts';

/** Theme gems whose header lists the site's pages that have a title when `header_pages` is not set. */
const PAGES_HEADER_THEMES = new Set(['minima', 'jekyll-theme-minima']);

/** Whether a header's Liquid falls back to `site.pages` for the page paths it links, as minima's does. */
export function headerListsPages(text: string): boolean {
  let tokens;
  try {
    tokens = new Tokenizer(text).readTopLevelTokens();
  } catch {
    return false;
  }
  const assigns = tokens
    .filter((token) => TypeGuards.isTagToken(token) && token.name === 'assign')
    .map((token) => (TypeGuards.isTagToken(token) ? token.args : ''));
  return assigns.some((args) => /\bsite\.pages\b/.test(args)) && assigns.some((args) => /\b(header_pages|nav_pages)\b/.test(args));
}

export interface ThemeNavigationInput {
  /** The config's `theme`. */
  theme: unknown;
  /** The site's own `_includes/header.html`, if it has one. */
  header: string | undefined;
  /** The site's own layouts, by name (`default`), as text. */
  layouts: ReadonlyMap<string, string>;
  pages: readonly SourceDocument[];
  configFile: string;
}

/**
 * minima's fallback navigation, or `undefined` when the site's header is not minima's (or no layout
 * of the site's shows it).
 */
export function themeNavigation({ theme, header, layouts, pages, configFile }: ThemeNavigationInput): { links: LinkValue[]; report: ReportLine[] } | undefined {
  const gemHeader = typeof theme === 'string' && PAGES_HEADER_THEMES.has(theme);
  if (header === undefined ? !gemHeader : !headerListsPages(header)) return undefined;
  // The theme's own `default` layout includes its header; a site's own layouts must include it themselves.
  const shown = (!layouts.has('default') && gemHeader) || [...layouts.values()].some((text) => includedNames(text).includes('header.html'));
  if (!shown) return undefined;
  const listed = jekyllPageOrder(
    pages.filter((page) => page.url !== undefined && page.error === undefined && page.values['published'] !== false && page.collection === undefined),
  );
  const links: LinkValue[] = [];
  for (const page of listed) {
    const title = page.values['title'];
    // An empty title made an empty link, which no one can click.
    if (title === undefined || title === null || title === false || String(title).trim() === '' || page.url === undefined) continue;
    links.push({ label: String(title), href: page.url });
  }
  if (links.length === 0) return undefined;
  return {
    links,
    report: [
      {
        kind: 'converted',
        file: configFile,
        message: `has no header_pages, so minima's header linked every page with a title, by file name: the header's navigation in src/site.config.ts (${links.map((link) => link.label).join(', ')}).`,
      },
    ],
  };
}
