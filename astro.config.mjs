// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import { resolveDeployment } from './src/lib/deploy-env.ts';
import { baseLinksPlugin } from './src/lib/markdown/base-links.ts';
import { layoutKeyPlugin } from './src/lib/markdown/layout-key.ts';
import { LAYOUT_NAMES } from './src/lib/schema/work-entry.ts';

// SITE_URL and BASE_PATH come from the environment so one checkout builds a user site, a project
// site under /<repo>/ or a local preview without edits.
const { site, base } = resolveDeployment(process.env);

export default defineConfig({
  site,
  base,
  // `/work/amazon` is written as work/amazon.html, which GitHub Pages serves at /work/amazon with no
  // redirect, exactly as the Jekyll site did.
  build: { format: 'file' },
  trailingSlash: 'ignore',
  markdown: {
    processor: satteri({
      mdastPlugins: [layoutKeyPlugin(LAYOUT_NAMES)],
      hastPlugins: [baseLinksPlugin(base)],
    }),
  },
  integrations: [mdx(), sitemap()],
  devToolbar: { enabled: false },
});
