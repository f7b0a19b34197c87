/**
 * Links and images in a page that led nowhere on the Jekyll site too (a file missing from the repository, a feed
 * the theme never wrote): the build refuses a link that does not resolve, so the link is taken out and
 * its text kept, and the report says so. Found on the Markdown syntax tree (`[text](/x)`) and in its
 * HTML with the project's HTML parser (`<a href="/x">`), never in code.
 */
import { markdownToMdast } from 'satteri';
import { attributesOf, elements, parseHtmlFragment } from '../../src/lib/links/html.ts';
import type { ReportLine } from './report.ts';

interface Node {
  type: string;
  url?: string;
  value?: string;
  children?: Node[];
  position?: { start: { offset: number }; end: { offset: number } };
}

/** The site paths the import serves, decoded, each with the other forms a static host serves it at. */
export function servedSitePaths(urls: readonly string[]): Set<string> {
  const paths = new Set<string>();
  for (const url of urls) {
    let path: string;
    try {
      path = decodeURIComponent(url.split(/[?#]/)[0] ?? url);
    } catch {
      path = url;
    }
    paths.add(path);
    if (path.endsWith('/')) {
      paths.add(`${path}index.html`);
      paths.add(path.slice(0, -1) || '/');
    } else if (path.endsWith('.html')) paths.add(path.slice(0, -'.html'.length));
    else paths.add(`${path}.html`);
  }
  return paths;
}

/** Whether a link is a site path the import does not serve. */
function leadsNowhere(href: string, served: ReadonlySet<string>): boolean {
  if (!href.startsWith('/') || href.startsWith('//')) return false;
  const path = href.split(/[?#]/)[0] ?? href;
  if (path === '') return false;
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return false;
  }
  return !served.has(decoded);
}

/**
 * The body with each Liquid output that only writes a site address (`{{ "/x" | relative_url }}`,
 * `{{ site.baseurl }}`) replaced by that address padded with spaces to the same length, so the
 * links it writes are read where they stand (a URL's surrounding spaces are dropped) and every
 * offset still points into the body as written. These are Liquid expressions, not HTML.
 */
export function addressesWritten(body: string): string {
  return body
    .replace(/\{\{-?\s*(['"])([^'"{}]*)\1\s*\|\s*(?:relative_url|absolute_url)\s*-?\}\}/g, (whole: string, _quote: string, path: string) => {
      const address = path.startsWith('/') || /^[a-z]+:/i.test(path) ? path : `/${path}`;
      return address.length <= whole.length ? address.padEnd(whole.length, ' ') : whole;
    })
    .replace(/\{\{-?\s*(?:site\.baseurl|base_path)\s*-?\}\}/g, (whole: string) => ' '.repeat(whole.length));
}

/**
 * A relative address (`_screenshots/a.png`, `../img/a.png`) read against the address Jekyll served the
 * page at, as the browser read it there: the site path it named (`/2019/08/01/_screenshots/a.png`),
 * its query and fragment kept. Undefined for an address that is not relative (`/x`, `https:`, `#top`,
 * `data:`), or when the page's address is unknown.
 */
export function resolvedAgainst(href: string, pageUrl: string | undefined): string | undefined {
  const trimmed = href.trim();
  // An address Liquid writes (`{{ page.image }}`) is known only when the build runs it.
  if (pageUrl === undefined || trimmed === '' || /^[a-z][a-z0-9+.-]*:|^[/\\#?]/i.test(trimmed) || /\{[{%]/.test(trimmed)) return undefined;
  try {
    const resolved = new URL(trimmed, new URL(pageUrl, 'https://jekyll.invalid'));
    return resolved.origin === 'https://jekyll.invalid' ? `${resolved.pathname}${resolved.search}${resolved.hash}` : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The body with links to unserved site paths turned into their text, and a line for each. With the
 * page's address (`pageUrl`), images written relative to it are read there too: Astro reads a
 * Markdown image's relative address as a file beside the Markdown file, and stops the build when
 * there is none, so one that named a served file is written from the site root, and one that led
 * nowhere is taken out, its alt text kept.
 */
export function withoutDeadLinks(
  written: string,
  served: ReadonlySet<string>,
  file: string,
  firstLine: number,
  pageUrl?: string,
): { text: string; report: ReportLine[] } {
  if (!written.includes('/') && pageUrl === undefined) return { text: written, report: [] };
  // Read with the addresses Liquid writes; cut from the body as written (the offsets are the same).
  const body = addressesWritten(written);
  let tree: Node;
  try {
    tree = markdownToMdast(body) as unknown as Node;
  } catch {
    return { text: body, report: [] };
  }
  const cuts: { start: number; end: number; text: string }[] = [];
  const dead: { offset: number; href: string }[] = [];
  const moved: { offset: number; href: string; to: string }[] = [];
  // An inline `<a href>` is its own HTML node, its `</a>` a later one: that one goes too.
  let openInline = 0;
  const visit = (node: Node) => {
    if (node.type === 'html' && openInline > 0 && node.position && /^<\/a\s*>$/i.test(node.value ?? '')) {
      cuts.push({ start: node.position.start.offset, end: node.position.end.offset, text: '' });
      openInline--;
      return;
    }
    if (node.type === 'code' || node.type === 'inlineCode') return;
    const at = node.position;
    // An image of a file the site does not have: its alt text stays.
    const fromRoot = node.type === 'image' && node.url !== undefined ? resolvedAgainst(node.url, pageUrl) : undefined;
    if (node.type === 'image' && at && node.url !== undefined && leadsNowhere(fromRoot ?? node.url, served)) {
      cuts.push({ start: at.start.offset, end: at.end.offset, text: (node as { alt?: string | null }).alt ?? '' });
      dead.push({ offset: at.start.offset, href: node.url });
      return;
    }
    if (fromRoot !== undefined && at && node.url !== undefined) {
      // The address as written, after the alt text's `](`: only it changes.
      const source = written.slice(at.start.offset, at.end.offset);
      const opening = source.lastIndexOf('](');
      const where = opening === -1 ? -1 : source.indexOf(node.url, opening);
      if (where !== -1) {
        const start = at.start.offset + where;
        cuts.push({ start, end: start + node.url.length, text: fromRoot });
        moved.push({ offset: at.start.offset, href: node.url, to: fromRoot });
      }
      return;
    }
    if (node.type === 'link' && at && node.url !== undefined && leadsNowhere(node.url, served)) {
      const first = node.children?.[0]?.position;
      const last = node.children?.at(-1)?.position;
      cuts.push({ start: at.start.offset, end: at.end.offset, text: first && last ? written.slice(first.start.offset, last.end.offset) : '' });
      dead.push({ offset: at.start.offset, href: node.url });
      return;
    }
    if (node.type === 'html' && at && node.value !== undefined && body.slice(at.start.offset, at.end.offset) === node.value && /<(a|img)\b/i.test(node.value)) {
      for (const element of elements(parseHtmlFragment(node.value))) {
        if (element.tagName === 'img') {
          const src = attributesOf(element)
            .find((attribute) => attribute.name === 'src')
            ?.value.trim();
          const location = element.sourceCodeLocation;
          if (src !== undefined && location && leadsNowhere(resolvedAgainst(src, pageUrl) ?? src, served)) {
            cuts.push({ start: at.start.offset + location.startOffset, end: at.start.offset + location.endOffset, text: '' });
            dead.push({ offset: at.start.offset + location.startOffset, href: src });
          }
          continue;
        }
        if (element.tagName !== 'a') continue;
        const href = attributesOf(element)
          .find((attribute) => attribute.name === 'href')
          ?.value.trim();
        const location = element.sourceCodeLocation;
        if (href === undefined || !location?.startTag || !leadsNowhere(href, served)) continue;
        cuts.push({ start: at.start.offset + location.startTag.startOffset, end: at.start.offset + location.startTag.endOffset, text: '' });
        if (location.endTag) cuts.push({ start: at.start.offset + location.endTag.startOffset, end: at.start.offset + location.endTag.endOffset, text: '' });
        else openInline++;
        dead.push({ offset: at.start.offset + location.startTag.startOffset, href });
      }
      return;
    }
    for (const child of node.children ?? []) visit(child);
    // An `<a>` never closed within its paragraph is not followed further.
    if (node.type === 'paragraph') openInline = 0;
  };
  visit(tree);
  if (cuts.length === 0) return { text: written, report: [] };
  let text = written;
  for (const cut of cuts.sort((a, b) => b.start - a.start)) text = text.slice(0, cut.start) + cut.text + text.slice(cut.end);
  const lineOf = (offset: number) => firstLine + (body.slice(0, offset).match(/\n/g)?.length ?? 0);
  const report = [
    ...dead.map(({ offset, href }): ReportLine => ({
      kind: 'changed',
      file,
      line: lineOf(offset),
      message: `its link to ${href} led nowhere on the Jekyll site either (no page or file there${
        resolvedAgainst(href, pageUrl) === undefined ? '' : `: read from the page's address ${pageUrl ?? ''}, it is ${resolvedAgainst(href, pageUrl) ?? ''}`
      }), and the build refuses a link that leads nowhere, so the link (or image) is taken out and its text kept. Link it again once the page or file is there.`,
    })),
    ...moved.map(({ offset, href, to }): ReportLine => ({
      kind: 'changed',
      file,
      line: lineOf(offset),
      message: `its image ${href} is written relative to the page's address, where it is ${to}: it is written ${to}, since the build reads a relative image as a file beside the Markdown file.`,
    })),
  ].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { text, report };
}
