import type { HastPluginDefinition } from 'satteri';
import { lookupTable } from '../lookup.ts';
import { editRawHtml, LINK_ATTRIBUTES, rawStartTags, srcsetUrls, trimUrl, type RawEdit } from '../links/html.ts';
import { isRootRelative, withBase, withoutBase } from '../url.ts';

/** The URL-valued attributes of the elements a body can contain: the same the link checker reads. */
const URL_ATTRIBUTES = LINK_ATTRIBUTES;
const TAGS = Object.keys(URL_ATTRIBUTES);
/** The same in SVG, whose links and images may name their target either way. */
const SVG_URL_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = lookupTable({
  a: ['href', 'xlink:href'],
  image: ['href', 'xlink:href'],
});
/** MathML and other namespaces: no attribute this plugin rewrites. */
const NO_URL_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = lookupTable({});
/** hast (and React-style JSX) spell some attributes in camelCase. */
const PROPERTY_NAMES: Readonly<Record<string, string>> = lookupTable({ srcSet: 'srcset' });
const attributeName = (property: string) => PROPERTY_NAMES[property] ?? property.toLowerCase();

export interface BaseLinksOptions {
  /**
   * The addresses of the pages served at a folder address, ending in "/" and without the base
   * (`/work/`). A link written without the slash (`/work`, `/work#jobs`) gets it (`/work/`,
   * `/work/#jobs`), so no visitor meets GitHub Pages' redirect. Called whenever a link is rewritten:
   * keep it cheap (return a set built once).
   */
  directoryPaths?: (() => ReadonlySet<string>) | undefined;
}

/**
 * A Sätteri hast plugin that prefixes root-relative links in entry bodies with the site's base, so
 * `[Georgia Tech](/work/gt)` written for the Jekyll site becomes `/portfolio/work/gt` on a GitHub
 * Pages project site. Astro 7's Markdown processor runs no remark/rehype plugins, so this is
 * written against Sätteri's own plugin API; it serves `.md` and `.mdx` (JSX `<a href>` included)
 * and raw HTML, whose tags are read with the HTML parser and rewritten attribute by attribute.
 */
export function baseLinksPlugin(base: string, options: BaseLinksOptions = {}): HastPluginDefinition {
  /** The link with the folder slash (when it names a folder page) and the base; `undefined` if unchanged. */
  const rewriteUrl = (written: string): string | undefined => {
    // The browser drops surrounding spaces and controls before reading the URL; so does the rewrite.
    const url = trimUrl(written);
    if (!isRootRelative(url)) return undefined;
    const rewritten = withBase(base, withFolderSlash(url));
    return rewritten === written ? undefined : rewritten;
  };

  const withFolderSlash = (url: string): string => {
    const folders = options.directoryPaths?.();
    if (!folders || folders.size === 0) return url;
    // Decide on the path as the author meant it, with or without the base written by hand.
    const bare = withoutBase(base, url);
    const pathEnd = bare.search(/[?#]/);
    const path = pathEnd === -1 ? bare : bare.slice(0, pathEnd);
    if (path.endsWith('/') || !folders.has(`${path}/`)) return url;
    const rest = bare.length - path.length;
    return `${url.slice(0, url.length - rest)}/${url.slice(url.length - rest)}`;
  };

  /** Every URL of a `srcset` rewritten, descriptors and commas as written. */
  const rewriteSrcset = (value: string): string | undefined => {
    let result = value;
    for (const { url, start } of srcsetUrls(value).reverse()) {
      const rewritten = rewriteUrl(url);
      if (rewritten !== undefined) result = result.slice(0, start) + rewritten + result.slice(start + url.length);
    }
    return result === value ? undefined : result;
  };

  const rewrite = (attribute: string, value: unknown): string | undefined => {
    if (typeof value === 'string') return attribute === 'srcset' ? rewriteSrcset(value) : rewriteUrl(value);
    // hast keeps a comma-separated srcset as a list of candidates.
    if (attribute === 'srcset' && Array.isArray(value)) return rewriteSrcset(value.map(String).join(', '));
    return undefined;
  };

  return {
    name: 'portfolio-base-links',
    element: {
      filter: TAGS,
      visit(node, ctx) {
        const wanted = URL_ATTRIBUTES[node.tagName] ?? [];
        for (const [property, value] of Object.entries(node.properties)) {
          const attribute = attributeName(property);
          if (!wanted.includes(attribute)) continue;
          const rewritten = rewrite(attribute, value);
          if (rewritten !== undefined) ctx.setProperty(node, property, rewritten);
        }
      },
    },
    mdxJsxTextElement: { filter: TAGS, visit: visitJsx },
    mdxJsxFlowElement: { filter: TAGS, visit: visitJsx },
    // Raw HTML written in a Markdown body stays a string: its tags are parsed as a browser would, and
    // only the URL values change; every other character stays as written.
    raw(node, ctx) {
      const edits: RawEdit[] = [];
      for (const tag of rawStartTags(node.value)) {
        // Inline HTML comes one tag per raw node, parsed without the <svg> around it: an HTML <a>
        // may be an SVG link, known by its xlink:href.
        const svg = tag.namespace === 'svg' || (tag.tagName === 'a' && tag.spans.has('xlink:href'));
        const wanted = (svg ? SVG_URL_ATTRIBUTES : tag.namespace === 'html' ? URL_ATTRIBUTES : NO_URL_ATTRIBUTES)[tag.tagName] ?? [];
        for (const { name, value } of tag.attributes) {
          const rewritten = wanted.includes(name) ? rewrite(name, value) : undefined;
          if (rewritten !== undefined) edits.push({ tag, attribute: name, value: rewritten });
        }
      }
      if (edits.length > 0) ctx.replaceNode(node, { type: 'raw', value: editRawHtml(node.value, edits) });
    },
  };

  function visitJsx(
    node: { name: string | null; attributes: ReadonlyArray<{ type: string; name?: string; value?: unknown }> },
    ctx: { setProperty(node: never, key: string, value: unknown): void },
  ): void {
    const wanted = URL_ATTRIBUTES[node.name ?? ''] ?? [];
    for (const attribute of node.attributes) {
      if (attribute.type !== 'mdxJsxAttribute' || !attribute.name || !wanted.includes(attributeName(attribute.name))) continue;
      const rewritten = rewrite(attributeName(attribute.name), attribute.value);
      if (rewritten !== undefined) ctx.setProperty(node as never, attribute.name, rewritten);
    }
  }
}
