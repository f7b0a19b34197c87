import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { devTolerant } from './lib/content/dev-tolerant.ts';
import { workEntrySchema } from './lib/schema/work-entry.ts';

/** One Markdown or MDX file per job or school. Each is served at its `permalink`, not its file name. */
const work = defineCollection({
  loader: devTolerant(glob({ pattern: '**/*.{md,mdx}', base: './src/content/work' })),
  // Astro's image() replaces the plain `image` path so the file is resolved and optimised at build time.
  schema: ({ image }) => workEntrySchema.safeExtend({ image: image().optional() }),
});

export const collections = { work };
