import { defineCollection } from 'astro:content';
import { entriesLoader } from './lib/content/entries-loader.ts';
import { workEntrySchema } from './lib/schema/work-entry.ts';

/** One Markdown or MDX file per job or school. Each is served at its `permalink`, not its file name. */
const work = defineCollection({
  loader: entriesLoader({ pattern: '**/*.{md,mdx}', base: './src/content/work' }),
  // Astro's image() replaces the plain `image` path so the file is resolved and optimised at build time.
  schema: ({ image }) => workEntrySchema.safeExtend({ image: image().optional() }),
});

export const collections = { work };
