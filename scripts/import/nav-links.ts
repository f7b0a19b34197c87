/**
 * One link of the header navigation the importer writes, from wherever the Jekyll site named it (a
 * hand-made layout's `<nav>`, a menu in `_config.yml`): the address the site served (`/index.html`
 * is `/`, `{{ site.url }}{{ site.baseurl }}/about/` is `/about/`), or another site's `http(s):`
 * address as written. An address the site did not serve, `#…`, `mailto:` and other schemes cannot be
 * a navigation link: the build would refuse them.
 */
import { attributeOf, elements, parseHtmlFragment } from '../../src/lib/links/html.ts';
import { servedSitePaths } from './dead-links.ts';
import { liquidBlanked } from './liquid.ts';

/** Each form of an address the site served (`/about`, `/about/`, `/about/index.html`), to the one it served. */
export function servedForms(urls: readonly string[]): Map<string, string> {
  const served = new Map<string, string>();
  for (const url of urls) for (const path of servedSitePaths([url])) if (!served.has(path)) served.set(path, url);
  return served;
}

/** The site's own address as links may start with it, `url` + `baseurl` first, without the scheme: what follows is a path of the site. */
export function ownOrigins(url: unknown, baseurl: unknown): string[] {
  if (typeof url !== 'string' || !/^https?:\/\//i.test(url)) return [];
  const origin = url.replace(/^https?:/i, '').replace(/\/+$/, '');
  const base = typeof baseurl === 'string' ? baseurl.replace(/\/+$/, '') : '';
  return base === '' ? [origin] : [origin + (base.startsWith('/') ? base : `/${base}`), origin];
}

/** `"/x" | relative_url` is `/x`: links are written from the site root and the build adds the base path. */
export function rootRelative(value: unknown): string {
  const text = String(value ?? '');
  return /^[a-z][a-z0-9+.-]*:/i.test(text) || text.startsWith('//') || text.startsWith('#') ? text : `/${text.replace(/^\/+/, '')}`;
}

/** The ids a served page's own HTML gives its elements (`<section id="projects">`), by the URL it was served at. */
export type PageIds = ReadonlyMap<string, ReadonlySet<string>>;

/** Each page's ids, read from its source with the project's HTML parser, its Liquid blanked out. */
export function pageIds(pages: readonly { url?: string | undefined; split?: { body: string } | undefined }[]): Map<string, Set<string>> {
  const ids = new Map<string, Set<string>>();
  for (const page of pages) {
    if (page.url === undefined || page.split === undefined || !page.split.body.includes('id=')) continue;
    const found = new Set<string>();
    for (const element of elements(parseHtmlFragment(liquidBlanked(page.split.body)))) {
      const id = attributeOf(element, 'id');
      if (id !== undefined && id !== '') found.add(id);
    }
    if (found.size > 0) ids.set(page.url, found);
  }
  return ids;
}

/** What a written address is as a navigation link: its href, or why it cannot be one. */
export type NavigationHref = { href: string } | { dead: true } | { scheme: true };

/** Another site's `http:` address as the navigation holds it: `https:` (the build takes no other). */
export const securedHref = (href: string): string => href.replace(/^http:/i, 'https:');

/** What to tell the owner of an `http:` link written `https:`: the importer does not know that the other site serves it. */
export function securedHttpNote(label: string, written: string, where: string): string {
  return `${where} links "${label}" to ${written}: written ${securedHref(written)} in \`navigation\` in src/site.config.ts, since this project's navigation takes only https: addresses. If that site serves no https, change or delete the link there.`;
}

/**
 * A navigation link's href for an address as written: the address the site served it at, or an
 * `http(s):` address of another site as written; `dead` when it is a path the site did not serve,
 * `scheme` for `#…`, `//…`, `mailto:` and the like. A `#fragment` stays where the page's own HTML has
 * that id (`ids`), which the build's link check then finds: a one-page site's `/#projects`.
 */
export function navigationHref(written: string, served: ReadonlyMap<string, string>, origins: readonly string[], ids: PageIds = new Map()): NavigationHref {
  let address = written.trim();
  if (/^https?:\/\//i.test(address)) {
    const schemeless = address.replace(/^https?:/i, '');
    const own = origins.find((origin) => schemeless.toLowerCase().startsWith(origin.toLowerCase()) && /^($|[/?#])/.test(schemeless.slice(origin.length)));
    if (own === undefined) return { href: address };
    address = schemeless.slice(own.length) || '/';
  }
  if (address === '' || /^[a-z][a-z0-9+.-]*:/i.test(address) || address.startsWith('//') || address.startsWith('#')) return { scheme: true };
  const path = rootRelative(address.replace(/^\.\//, '')).split(/[?#]/)[0] ?? '';
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return { dead: true };
  }
  const url = served.get(decoded);
  if (url === undefined) return { dead: true };
  const fragment = address.includes('#') ? address.slice(address.indexOf('#') + 1) : '';
  let id = fragment;
  try {
    id = decodeURIComponent(fragment);
  } catch {
    // Kept as written: the page's id is compared with it as it is.
  }
  return { href: fragment !== '' && ids.get(url)?.has(id) === true ? `${url}#${fragment}` : url };
}
