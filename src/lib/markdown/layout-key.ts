import type { MdastPluginDefinition } from 'satteri';

/**
 * Keeps Jekyll's `layout: work_page` from breaking MDX entries.
 *
 * Astro's MDX support treats a front-matter `layout` as a module to import and wrap the content in,
 * so `layout: work_page` would fail to resolve `"work_page"`. In this site `layout` names a page
 * template chosen by the route, so for MDX documents this plugin removes a known layout name from
 * the front matter the MDX compiler sees. The collection entry keeps it: the content layer parses
 * front matter on its own, and the schema still validates `layout`.
 */
export function layoutKeyPlugin(layoutNames: readonly string[]): MdastPluginDefinition {
  return {
    name: 'portfolio-layout-key',
    before(_root, ctx) {
      if (ctx.sourceFormat !== 'mdx') return;
      const astro = ctx.data['astro'] as { frontmatter?: Record<string, unknown> } | undefined;
      const layout = astro?.frontmatter?.['layout'];
      if (astro?.frontmatter && typeof layout === 'string' && layoutNames.includes(layout)) {
        const rest = { ...astro.frontmatter };
        delete rest['layout'];
        astro.frontmatter = rest;
      }
    },
  };
}
