// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import { entryChecks } from './src/integrations/entry-checks.ts';
import { githubPages } from './src/integrations/github-pages.ts';
import { crawlerFiles } from './src/integrations/crawler-files.ts';
import { ogCards } from './src/integrations/og-cards.ts';
import { colourContrast } from './src/integrations/colour-contrast.ts';
import { resolveDeployment } from './src/lib/deploy-env.ts';
import { addressAsWritten, folderPermalinks } from './src/lib/routing/permalink.ts';
import { withoutBase, withBase } from './src/lib/url.ts';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { codeDigest } from './src/lib/content/code-digest.ts';
import { sitePermalinks } from './src/lib/content/folder-permalinks.ts';
import { baseLinksPlugin } from './src/lib/markdown/base-links.ts';
import { codeHighlightPlugin } from './src/lib/markdown/code-highlight.ts';
import { combineHastPlugins } from './src/lib/markdown/combine.ts';
import { layoutKeyPlugin } from './src/lib/markdown/layout-key.ts';
import { newTabLinksPlugin } from './src/lib/markdown/new-tab-links.ts';
import { LAYOUT_NAMES } from './src/lib/schema/page.ts';
import { loadSiteConfig } from './src/integrations/site-config.ts';

// A mistake in the site config stops here with its message alone (see loadSiteConfig).
const siteConfig = await loadSiteConfig(() => import('./src/site.config.ts'));

// SITE_URL and BASE_PATH come from the environment so one checkout builds a user site, a project
// site under /<repo>/ or a local preview without edits; a `domain` in the site config is the default
// site when SITE_URL is unset.
const { site, base } = resolveDeployment(process.env, { domain: siteConfig.domain, basePath: siteConfig.basePath });

// The folder addresses (`/work/`): a link written `/work` is written `/work/`, as GitHub Pages would
// redirect it. Read now, and kept current in `astro dev` by the checks, which read every page anyway.
const permalinks = sitePermalinks(process.cwd(), siteConfig.posts);
const folders = folderPermalinks(permalinks);
const baseLinks = baseLinksPlugin(base, { directoryPaths: () => folders });
// Code is highlighted by codeHighlightPlugin: Prism's classes, coloured in the one stylesheet for
// light and dark. Shiki's inline style attributes would each need allowing in the
// Content-Security-Policy, and Astro's Prism step writes code of an unknown language as HTML.
// The three run as one plugin, so each body's tree is walked once. Astro compares its config to
// decide whether the content it stored (rendered Markdown, validated data) is still current, so the
// plugin's name carries what that content depends on beyond the config: the folder list, so a folder
// page that comes or goes renders the links again, and a digest of the code that makes the content
// (the collections and loaders in src/integrations/content, the schemas and plugins in src/lib), so content stored by other code is
// made again.
const contentCode = codeDigest(process.cwd(), ['src/lib', 'src/integrations/content', 'src/content.config.ts']);
const hastPlugins = [
  combineHastPlugins(`portfolio-body ${contentCode} ${[...folders].sort().join(' ')}`, [codeHighlightPlugin(), baseLinks, newTabLinksPlugin()]),
];

// A plain object, typed, rather than `defineConfig()`, which Astro's docs call optional: importing
// 'astro/config' loads modules no build here uses (the SVG optimiser, font providers, session
// drivers), about 0.5 s of processor time per build (docs/performance.md).
/** @type {import('astro').AstroUserConfig} */
export default {
  site,
  base,
  // As Jekyll wrote them: `/work/amazon` is work/amazon.html, which GitHub Pages serves at /work/amazon
  // with no redirect, and the folder address `/work/` is work/index.html (src/pages/[...folder]/index.astro).
  // Pages render a few at a time, so one page's render overlaps another's write to disk. The
  // rendering keeps no per-page state outside the page (src/site-content.ts memoises one promise).
  build: { format: 'preserve', concurrency: 4 },
  trailingSlash: 'ignore',
  markdown: {
    syntaxHighlight: false,
    // Definition lists (`Term` then `: definition`), as kramdown and Jekyll rendered them.
    processor: satteri({ hastPlugins, features: { definitionList: true } }),
  },
  // entryChecks comes after the integrations that write pages and files (sitemap, crawler files, social
  // cards), so its link check sees them; githubPages after it adds only .nojekyll and CNAME, which no page links.
  integrations: [
    // MDX entries get the same plugins, and one more: MDX alone reads `layout` as a module to import.
    mdx({ processor: satteri({ mdastPlugins: [layoutKeyPlugin(LAYOUT_NAMES)], hastPlugins, features: { definitionList: true } }) }),
    sitemap({
      // The sitemap lists each page at its address as written, the one its canonical URL names.
      serialize(item) {
        const url = new URL(item.url);
        const path = withoutBase(base, url.pathname);
        const written = addressAsWritten(path, permalinks, (folder) => existsSync(join(process.cwd(), 'dist', folder, 'index.html')));
        return { ...item, url: new URL(withBase(base, written), url).href };
      },
    }),
    crawlerFiles(),
    ogCards(),
    colourContrast(),
    entryChecks({ posts: siteConfig.posts, folders, navigation: siteConfig.navigation, siteConfig }),
    githubPages({ domain: siteConfig.domain }),
  ],
  devToolbar: { enabled: false },
  vite: {
    server: {
      watch: {
        // Each save is reported once it is written whole. Without this, the watcher (chokidar) drops a
        // change that comes within 50 ms of the last one to the same file, and `astro dev` would keep
        // the file's earlier text: a page fixed right after it broke stayed broken until the next save.
        awaitWriteFinish: { stabilityThreshold: 60, pollInterval: 15 },
      },
    },
    build: {
      rolldownOptions: {
        // A normal build prints no warning nobody has looked at. This one is Astro's own MDX output:
        // the bundler notes it cannot keep the "use astro:head-inject" directive, which Astro only
        // reads before bundling, so MDX entries render correctly (tests/build/site.test.ts checks them).
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
};
