/**
 * beautiful-jekyll's header menu: `navbar-links:` in `_config.yml`, a map of label to address, where
 * an address may instead be a list of one-entry maps (a drop-down of child links). Its
 * `_includes/nav.html` writes each address through `relative_url`, so `about` is `/about`.
 * Each address is read as a hand-made `<nav>`'s is (`navigationHref`): `/about` is the page GitHub
 * Pages answered with (`/about/` or `/about.html`), the site's own `url` is a path, and an address
 * the site did not serve is left out and reported.
 * The header's navigation here has no drop-downs: a drop-down's children become links of their own,
 * in order, in its place.
 * https://github.com/daattali/beautiful-jekyll/blob/master/_includes/nav.html
 */
import type { LinkValue } from './config.ts';
import { navigationHref, ownOrigins, securedHref, securedHttpNote, servedForms, type PageIds } from './nav-links.ts';
import type { ReportLine } from './report.ts';

const KEY = 'navbar-links';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

/** The menu, or undefined when the config has no `navbar-links` map. `served`: the Jekyll site's page addresses. */
export function navbarLinksFrom(
  config: Readonly<Record<string, unknown>>,
  report: ReportLine[],
  configFile: string,
  served: readonly string[],
  ids?: PageIds,
): LinkValue[] | undefined {
  const menu = config[KEY];
  if (!isRecord(menu) || Object.keys(menu).length === 0) return undefined;
  const links: LinkValue[] = [];
  const forms = servedForms(served);
  const origins = ownOrigins(config['url'], config['baseurl']);
  /** Whether the link is kept. */
  const add = (label: string, address: unknown): boolean => {
    const written = text(address);
    const href = written === undefined ? { scheme: true as const } : navigationHref(written, forms, origins, ids);
    if ('href' in href) {
      links.push({ label, href: securedHref(href.href) });
      if (/^http:/i.test(href.href)) report.push({ kind: 'changed', file: configFile, message: securedHttpNote(label, href.href, `its \`${KEY}\` menu`) });
    } else if ('dead' in href)
      report.push({
        kind: 'dropped',
        file: configFile,
        message: `its \`${KEY}\` link "${label}" (${written ?? ''}) leads to nothing the site served, and the build refuses a link that leads nowhere, so it is left out. Add the page, then the link to \`navigation\` in src/site.config.ts.`,
      });
    else
      report.push({
        kind: 'dropped',
        file: configFile,
        message: `its \`${KEY}\` link "${label}" (${written ?? 'no address'}) is not an address the header's navigation can hold (one from the site's root or https:), so it is left out. Put it in src/site.config.ts if it should stay.`,
      });
    return 'href' in href;
  };
  for (const [label, value] of Object.entries(menu)) {
    if (!Array.isArray(value)) {
      add(label, value);
      continue;
    }
    const children = value.filter(isRecord).flatMap((child) => Object.entries(child));
    // Only the children kept are named: the others are reported as left out.
    const kept = children.filter(([childLabel, address]) => add(childLabel, address)).map(([childLabel]) => childLabel);
    if (kept.length > 0)
      report.push({
        kind: 'changed',
        file: configFile,
        message: `its \`${KEY}\` drop-down "${label}" is not kept as a drop-down: its links (${kept.join(', ')}) are links of the header's navigation in its place.`,
      });
  }
  // An empty navigation would leave the header without links; without one, it lists the site's own pages.
  if (links.length === 0) {
    report.push({
      kind: 'dropped',
      file: configFile,
      message: `its \`${KEY}\` menu has no link the header's navigation can hold, so the header lists the site's own pages.`,
    });
    return undefined;
  }
  report.push({
    kind: 'converted',
    file: configFile,
    message: `its \`${KEY}\` menu is the header's navigation in src/site.config.ts (${links.map((link) => link.label).join(', ')}).`,
  });
  return links;
}
