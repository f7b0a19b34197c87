/**
 * A menu written in `_config.yml` as a list of links, the way many small themes read it for their
 * header (the researcher theme's `nav:` of `name` and `link`, others' `navigation:` or `menu:` of
 * `title` and `url`): the header's navigation, in order, when neither `header_pages` nor
 * `_data/navigation.yml` gave one. Each address is read as a hand-made `<nav>`'s is
 * (`navigationHref`): one the site did not serve, `mailto:` and an item's `children:` (the header
 * has no submenus) are left out and reported.
 */
import type { LinkValue } from './config.ts';
import { navigationHref, ownOrigins, securedHref, securedHttpNote, servedForms, type PageIds } from './nav-links.ts';
import type { ReportLine } from './report.ts';

/** The `_config.yml` keys such a menu is found under, in the order they are tried. */
export const CONFIG_MENU_KEYS = ['nav', 'navigation', 'menu', 'main_menu', 'nav_links'] as const;
const LABEL_KEYS = ['name', 'title', 'text', 'label'] as const;
const ADDRESS_KEYS = ['link', 'url', 'href'] as const;
const CHILDREN_KEYS = ['children', 'sublinks', 'submenu', 'items'] as const;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

export interface ConfigMenuSite {
  /** Every URL the Jekyll site served. */
  served: readonly string[];
  /** The config's `url` and `baseurl`: a link starting with them is a path of the site. */
  url: unknown;
  baseurl: unknown;
  /** The ids of each served page's own HTML: a link to one of them keeps its `#fragment`. */
  ids?: PageIds | undefined;
}

/** The menu, or undefined when the config has none of this shape, or none of its links can be kept. */
export function configMenuFrom(
  config: Readonly<Record<string, unknown>>,
  report: ReportLine[],
  configFile: string,
  site: ConfigMenuSite = { served: [], url: config['url'], baseurl: config['baseurl'] },
): LinkValue[] | undefined {
  for (const key of CONFIG_MENU_KEYS) {
    const list = config[key];
    if (!Array.isArray(list) || list.length === 0) continue;
    const items: { label: string; address: string | undefined; children: string[] }[] = [];
    for (const item of list) {
      if (!isRecord(item)) break;
      const label = LABEL_KEYS.map((name) => text(item[name])).find((value) => value !== undefined);
      const address = ADDRESS_KEYS.map((name) => text(item[name])).find((value) => value !== undefined);
      const nested = CHILDREN_KEYS.map((name) => item[name]).find((value) => Array.isArray(value) && value.length > 0) as unknown[] | undefined;
      const children = (nested ?? []).map((child) =>
        isRecord(child) ? (LABEL_KEYS.map((name) => text(child[name])).find((value) => value !== undefined) ?? '?') : String(child),
      );
      if (label === undefined || (address === undefined && children.length === 0)) break;
      items.push({ label, address, children });
    }
    // Every item a link (or a submenu), or it is some other list.
    if (items.length !== list.length) continue;
    const served = servedForms(site.served);
    const origins = ownOrigins(site.url, site.baseurl);
    const links: LinkValue[] = [];
    const drop = (message: string) => report.push({ kind: 'dropped', file: configFile, message: `its \`${key}\` menu ${message}` });
    for (const { label, address, children } of items) {
      if (children.length > 0)
        drop(
          `item "${label}" has ${children.length === 1 ? 'an item' : 'items'} under it (${children.join(', ')}), and the header's navigation has no submenus, so ${children.length === 1 ? 'it is' : 'they are'} left out${address === undefined ? ', and so is "' + label + '", which links nowhere itself' : ''}. Add ${children.length === 1 ? 'it' : 'them'} to \`navigation\` in src/site.config.ts as links of ${children.length === 1 ? 'its' : 'their'} own if ${children.length === 1 ? 'it' : 'they'} should stay.`,
        );
      if (address === undefined) continue;
      const href = navigationHref(address, served, origins, site.ids);
      if ('href' in href) {
        links.push({ label, href: securedHref(href.href) });
        if (/^http:/i.test(href.href)) report.push({ kind: 'changed', file: configFile, message: securedHttpNote(label, href.href, `its \`${key}\` menu`) });
      } else if ('dead' in href)
        drop(
          `links "${label}" to ${address}, which the site does not serve (no page or file there), and the build refuses a link that leads nowhere, so it is left out. Add the page or file, then the link to \`navigation\` in src/site.config.ts.`,
        );
      else
        drop(
          `links "${label}" to ${address}, which the header's navigation cannot hold (an address from the site's root or http(s):), so it is left out. Put it in your profile links in src/site.config.ts if it should stay.`,
        );
    }
    if (links.length === 0) {
      drop("has no link the header's navigation can hold, so the header lists the site's own pages.");
      return undefined;
    }
    report.push({
      kind: 'converted',
      file: configFile,
      message: `its \`${key}\` menu is the header's navigation in src/site.config.ts (${links.map((link) => link.label).join(', ')}).`,
    });
    return links;
  }
  return undefined;
}
