/**
 * The baseline for `npm run bench`: the smallest Astro site that publishes the same entries at their
 * permalinks with the same integrations and output format, and nothing else (no strict schema, no
 * layouts or navigation, no validation or link checking). Our build time is reported against it.
 */

/** File path (relative to the site root) to text. The entries are added by the bench. */
export const BARE_SITE_FILES = {
  'package.json': `${JSON.stringify({ name: 'bench-bare', private: true, type: 'module' }, null, 2)}\n`,
  'tsconfig.json': `${JSON.stringify({ extends: 'astro/tsconfigs/base', include: ['.astro/types.d.ts', '**/*'], exclude: ['dist'] }, null, 2)}\n`,
  'astro.config.mjs': `import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';

export default defineConfig({
  site: 'http://localhost:4321',
  build: { format: 'file' },
  integrations: [mdx(), sitemap()],
  devToolbar: { enabled: false },
});
`,
  'src/content.config.ts': `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

const work = defineCollection({
  loader: glob({ pattern: '**/*.{md,mdx}', base: './src/content/work' }),
  schema: z.looseObject({ title: z.string(), permalink: z.string() }),
});

export const collections = { work };
`,
  'src/pages/[...permalink].astro': `---
import { getCollection, render } from 'astro:content';

export async function getStaticPaths() {
  const entries = await getCollection('work');
  return entries.map((entry) => ({ params: { permalink: entry.data.permalink.slice(1) }, props: { entry } }));
}

const { entry } = Astro.props;
const { Content } = await render(entry);
---

<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>{entry.data.title}</title>
  </head>
  <body>
    <h1>{entry.data.title}</h1>
    <Content />
  </body>
</html>
`,
};
