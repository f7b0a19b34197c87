import type { HastPluginDefinition } from 'satteri';
import { withBase } from '../url.ts';

/** The URL-valued attributes of the elements an entry body can contain, by tag name. */
const URL_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  a: ['href'],
  img: ['src'],
  source: ['src'],
  video: ['src', 'poster'],
  audio: ['src'],
};
const TAGS = Object.keys(URL_ATTRIBUTES);
const RAW_URL_ATTRIBUTE = /\b(href|src|poster)=(["'])(\/[^"']*)\2/g;

/**
 * A Sätteri hast plugin that prefixes root-relative links in entry bodies with the site's base, so
 * `[Georgia Tech](/work/gt)` written for the Jekyll site becomes `/portfolio/work/gt` on a GitHub
 * Pages project site. Astro 7's Markdown processor runs no remark/rehype plugins, so this is
 * written against Sätteri's own plugin API; it serves `.md` and `.mdx` (JSX `<a href>` included).
 */
export function baseLinksPlugin(base: string): HastPluginDefinition {
  const rewrite = (value: unknown): string | undefined => {
    if (typeof value !== 'string') return undefined;
    const rewritten = withBase(base, value);
    return rewritten === value ? undefined : rewritten;
  };
  return {
    name: 'portfolio-base-links',
    element: {
      filter: TAGS,
      visit(node, ctx) {
        for (const attribute of URL_ATTRIBUTES[node.tagName] ?? []) {
          const rewritten = rewrite(node.properties[attribute]);
          if (rewritten !== undefined) ctx.setProperty(node, attribute, rewritten);
        }
      },
    },
    mdxJsxTextElement: { filter: TAGS, visit: visitJsx },
    mdxJsxFlowElement: { filter: TAGS, visit: visitJsx },
    // Raw HTML written in a Markdown body stays a string: rewrite its URL attributes in place.
    raw(node, ctx) {
      const rewritten = node.value.replace(RAW_URL_ATTRIBUTE, (whole, name: string, quote: string, url: string) => {
        const prefixed = withBase(base, url);
        return prefixed === url ? whole : `${name}=${quote}${prefixed}${quote}`;
      });
      if (rewritten !== node.value) ctx.replaceNode(node, { type: 'raw', value: rewritten });
    },
  };

  function visitJsx(
    node: { name: string | null; attributes: ReadonlyArray<{ type: string; name?: string; value?: unknown }> },
    ctx: { setProperty(node: never, key: string, value: unknown): void },
  ): void {
    const wanted = URL_ATTRIBUTES[node.name ?? ''] ?? [];
    for (const attribute of node.attributes) {
      if (attribute.type !== 'mdxJsxAttribute' || !attribute.name || !wanted.includes(attribute.name)) continue;
      const rewritten = rewrite(attribute.value);
      if (rewritten !== undefined) ctx.setProperty(node as never, attribute.name, rewritten);
    }
  }
}
