/**
 * A menu written in `_config.yml` as a list of links, the way many small themes read it for their
 * header (the researcher theme's `nav:` of `name` and `link`, others' `navigation:` or `menu:` of
 * `title` and `url`): the header's navigation, in order, when neither `header_pages` nor
 * `_data/navigation.yml` gave one.
 */
import type { LinkValue } from './config.ts';
import type { ReportLine } from './report.ts';

/** The `_config.yml` keys such a menu is found under, in the order they are tried. */
export const CONFIG_MENU_KEYS = ['nav', 'navigation', 'menu', 'main_menu', 'nav_links'] as const;
const LABEL_KEYS = ['name', 'title', 'text', 'label'] as const;
const ADDRESS_KEYS = ['link', 'url', 'href'] as const;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

/** An address as the header writes it: from the site's root, `https:` for a full one; undefined for another scheme (`mailto:`). */
export function headerHref(address: string): string | undefined {
  if (address.startsWith('/') || /^https:\/\//i.test(address)) return address;
  if (/^http:\/\//i.test(address)) return address.replace(/^http:/i, 'https:');
  if (/^[a-z][a-z0-9+.-]*:/i.test(address)) return undefined;
  return `/${address.replace(/^\.\//, '')}`;
}

/** The menu, or undefined when the config has none of this shape. */
export function configMenuFrom(config: Readonly<Record<string, unknown>>, report: ReportLine[], configFile: string): LinkValue[] | undefined {
  for (const key of CONFIG_MENU_KEYS) {
    const list = config[key];
    if (!Array.isArray(list) || list.length === 0) continue;
    const items: { label: string; address: string }[] = [];
    for (const item of list) {
      if (!isRecord(item)) break;
      const label = LABEL_KEYS.map((name) => text(item[name])).find((value) => value !== undefined);
      const address = ADDRESS_KEYS.map((name) => text(item[name])).find((value) => value !== undefined);
      if (label === undefined || address === undefined) break;
      items.push({ label, address });
    }
    // Every item a link, or it is some other list.
    if (items.length !== list.length) continue;
    const links: LinkValue[] = [];
    for (const { label, address } of items) {
      const href = headerHref(address);
      if (href !== undefined) links.push({ label, href });
      else
        report.push({
          kind: 'dropped',
          file: configFile,
          message: `its \`${key}\` menu links "${label}" to ${address}, which the header's navigation cannot hold (an address from the site's root or https:), so it is left out. Put it in your profile links in src/site.config.ts if it should stay.`,
        });
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
