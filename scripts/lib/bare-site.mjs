/**
 * The baseline for `npm run bench`: the smallest Astro site that publishes the same pages at their
 * permalinks, each with its record from `src/data/work.yml` (Astro's `file()` loader), with the same
 * integrations and output format, and nothing else (no strict schema, no layouts or navigation, no
 * validation or link checking). Our build time is reported against it.
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
  build: { format: 'preserve' },
  integrations: [mdx(), sitemap()],
  devToolbar: { enabled: false },
});
`,
  'src/content.config.ts': `import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { z } from 'astro/zod';

const pages = defineCollection({
  loader: glob({ pattern: '**/*.{md,mdx}', base: './src/content/pages' }),
  schema: z.looseObject({ title: z.string(), permalink: z.string() }),
});

const records = defineCollection({
  loader: file('src/data/work.yml'),
  schema: z.looseObject({ summary: z.string().optional(), date: z.union([z.string(), z.number()]).optional() }),
});

export const collections = { pages, records };
`,
  'src/pages/[...permalink].astro': `---
import { getCollection, render } from 'astro:content';

export async function getStaticPaths() {
  const entries = (await getCollection('pages')).filter((entry) => !entry.data.permalink.endsWith('/'));
  const records = new Map((await getCollection('records')).map((record) => [record.id, record.data]));
  return entries.map((entry) => ({
    params: { permalink: entry.data.permalink === '/' ? undefined : entry.data.permalink.slice(1) },
    props: { entry, record: records.get(entry.data.title) },
  }));
}

const { entry, record } = Astro.props;
const { Content } = await render(entry);
---

<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>{entry.data.title}</title>
  </head>
  <body>
    <h1>{entry.data.title}</h1>
    {record && <p>{record.summary} ({record.date})</p>}
    <Content />
  </body>
</html>
`,
};
