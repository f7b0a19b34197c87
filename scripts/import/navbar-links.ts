/**
 * beautiful-jekyll's header menu: `navbar-links:` in `_config.yml`, a map of label to address, where
 * an address may instead be a list of one-entry maps (a drop-down of child links). Its
 * `_includes/nav.html` writes each address through `relative_url`, so `about` is `/about`.
 * GitHub Pages answered `/about` with the page at `/about/` (or `/about.html`); the build accepts
 * only a page's own address, so an address that names a page that way is written as that page's.
 * The header's navigation here has no drop-downs: a drop-down's children become links of their own,
 * in order, in its place.
 * https://github.com/daattali/beautiful-jekyll/blob/master/_includes/nav.html
 */
import { headerHref } from './config-menu.ts';
import type { LinkValue } from './config.ts';
import type { ReportLine } from './report.ts';

const KEY = 'navbar-links';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

/** The served address a site-root address names: itself, or with a final `/` or `.html`. */
function servedAddress(href: string, served: readonly string[]): string {
  if (!href.startsWith('/') || served.includes(href) || /[?#]/.test(href)) return href;
  const bare = href.replace(/\/+$/, '');
  return [`${bare}/`, `${bare}.html`, bare].find((candidate) => served.includes(candidate)) ?? href;
}

/** The menu, or undefined when the config has no `navbar-links` map. `served`: the Jekyll site's page addresses. */
export function navbarLinksFrom(
  config: Readonly<Record<string, unknown>>,
  report: ReportLine[],
  configFile: string,
  served: readonly string[],
): LinkValue[] | undefined {
  const menu = config[KEY];
  if (!isRecord(menu) || Object.keys(menu).length === 0) return undefined;
  const links: LinkValue[] = [];
  const add = (label: string, address: unknown) => {
    const written = text(address);
    const href = written === undefined ? undefined : headerHref(written);
    if (href !== undefined) links.push({ label, href: servedAddress(href, served) });
    else
      report.push({
        kind: 'dropped',
        file: configFile,
        message: `its \`${KEY}\` link "${label}" (${written ?? 'no address'}) is not an address the header's navigation can hold (one from the site's root or https:), so it is left out. Put it in src/site.config.ts if it should stay.`,
      });
  };
  for (const [label, value] of Object.entries(menu)) {
    if (!Array.isArray(value)) {
      add(label, value);
      continue;
    }
    const children = value.filter(isRecord).flatMap((child) => Object.entries(child));
    for (const [childLabel, address] of children) add(childLabel, address);
    report.push({
      kind: 'changed',
      file: configFile,
      message: `its \`${KEY}\` drop-down "${label}" is not kept as a drop-down: its links (${children.map(([childLabel]) => childLabel).join(', ')}) are links of the header's navigation in its place.`,
    });
  }
  report.push({
    kind: 'converted',
    file: configFile,
    message: `its \`${KEY}\` menu is the header's navigation in src/site.config.ts (${links.map((link) => link.label).join(', ')}).`,
  });
  return links;
}
