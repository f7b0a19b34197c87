import { createRequire } from 'node:module';

/**
 * The collections are defined in src/lib/content/collections.ts. A build loads that module with
 * Node's own `require`, not through Vite: the integrations have already loaded it and everything it
 * imports (the schemas, the loaders, Astro's `glob()` and `file()`), and through Vite the build
 * evaluated a second copy of all of them, and of Astro's content runtime: about 0.5 s of a build of
 * 1,000 entries. `astro dev` still loads it through Vite: there, with Node's copy, a page fixed after
 * a mistake sometimes stayed missing until a restart (tests/e2e/dev-errors.test.ts failed 3 runs
 * in 12 under load), and an edited schema takes effect without a restart.
 */
const { siteCollections } = import.meta.env.DEV
  ? await import('./lib/content/collections.ts')
  : (createRequire(import.meta.url)('./lib/content/collections.ts') as typeof import('./lib/content/collections.ts'));

export const collections = siteCollections();
