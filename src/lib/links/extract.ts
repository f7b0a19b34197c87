import { cssUrls } from './css-urls.ts';
import { attributesOf, elements, javaScriptOnParsedElement, linkUrls, locationOf, namespaceOf, parseDocument } from './html.ts';

/** One URL a built page refers to. */
export interface PageLink {
  /** The element and attribute it came from, as `a[href]`. */
  source: string;
  url: string;
  /** The 1-based line of the page it is written on (1 when the page was read without locations). */
  line: number;
}

/** Something on a built page that would run JavaScript, and where. */
export interface PageJavaScript {
  /** `<script>`, `onclick attribute`, `javascript: link`, `data:text/html link`, `srcdoc attribute`. */
  what: string;
  /** The 1-based line of the page. */
  line: number;
}

/** What a link checker needs to know about one built page. */
export interface PageFacts {
  links: PageLink[];
  /** Every `id` (and legacy `a[name]`) on the page: the targets a `#fragment` may name. */
  ids: Set<string>;
  /** What on the page would run JavaScript: `<script>`, `onclick attribute`, `javascript: link`. */
  javascript: string[];
  /** The same, each with the line it is on. */
  javascriptAt: PageJavaScript[];
}

/**
 * Reads the links, the ids and anything that would run JavaScript on one page of HTML, with a parser
 * that reads it exactly as a browser does: comments like `<!-->`, raw text (`<textarea>`, `<style>`),
 * SVG and MathML, and every character reference (`&colon;`, `&Tab;`) decoded.
 */
export function extractPageFacts(html: string, { locations = true }: { locations?: boolean } = {}): PageFacts {
  // Without locations every line is 1: the build asks for them again only for a page with a problem.
  const document = parseDocument(html, { locations });
  const links: PageLink[] = [];
  const ids = new Set<string>();
  const javascriptAt: PageJavaScript[] = [];
  // One walk over the tree: a build reads every page.
  for (const element of elements(document)) {
    const list = attributesOf(element);
    for (const { what, line } of javaScriptOnParsedElement(element, list, html)) javascriptAt.push({ what, line });
    if (element.tagName === 'style') {
      const text = element.childNodes.map((child) => ('value' in child ? child.value : '')).join('');
      const line = locationOf(element)?.line ?? 1;
      for (const url of cssUrls(text)) links.push({ source: 'style', url, line });
    }
    if (list.length === 0) continue;
    const attributes = new Map(list.map(({ name, value }) => [name, value]));
    const id = attributes.get('id');
    if (id) ids.add(id);
    const anchorName = element.tagName === 'a' ? attributes.get('name') : undefined;
    if (anchorName) ids.add(anchorName);
    for (const { attribute, url } of linkUrls(element.tagName, namespaceOf(element), list)) {
      links.push({ source: `${element.tagName}[${attribute}]`, url, line: locationOf(element, attribute)?.line ?? 1 });
    }
  }
  return { links, ids, javascript: javascriptAt.map(({ what }) => what), javascriptAt };
}

/**
 * The site's stylesheet, as the layout inlines it in the first `<style>` of every page: the longest
 * text on each page, and the same on all of them.
 */
export function firstStylesheet(html: string): string | undefined {
  const style = [...elements(parseDocument(html, { locations: false }))].find((element) => element.tagName === 'style');
  const text = style?.childNodes[0] && 'value' in style.childNodes[0] ? style.childNodes[0].value : undefined;
  return text !== undefined && text.length > 256 ? text : undefined;
}

/**
 * The page with the site's own stylesheet left out of its `<style>`, so the scan does not read those
 * thousands of characters again on every page. Only the first copy in the `<head>` is taken: the
 * layout writes it before any content, and what remains is parsed exactly as the browser parses
 * the page (the stylesheet is text inside `<style>`, which holds no markup).
 */
export function withoutStylesheet(html: string, stylesheet: string | undefined): string {
  if (stylesheet === undefined) return html;
  const at = html.indexOf(stylesheet);
  const headEnd = html.indexOf('</head>');
  if (at === -1 || headEnd === -1 || at > headEnd || !html.slice(0, at).trimEnd().endsWith('>')) return html;
  return html.slice(0, at) + html.slice(at + stylesheet.length);
}
