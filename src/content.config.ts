import { createRequire } from 'node:module';
import { astroCommand } from './integrations/content/astro-command.ts';

/**
 * The collections are defined in src/integrations/content/collections.ts. `astro build` and `astro sync` load
 * that module with Node's own `require`, not through Vite: Node has already loaded what it imports
 * (the schemas, the loaders, Astro's `glob()` and `file()`) for the integrations, and through Vite a
 * build evaluated a second copy of all of them, and of Astro's content runtime: about 0.5 s of a
 * build of 1,000 entries. `astro dev` loads it through Vite, as before: there, with Node's copy, a
 * page fixed after a mistake stayed missing more often (tests/e2e/dev-errors.test.ts). Either way, a
 * change to src/lib takes a restart of `astro dev`; the content stored by the code before it is then
 * made again (see `codeDigest`).
 */
const command = astroCommand();
const { siteCollections } =
  command === undefined || command === 'dev'
    ? await import('./integrations/content/collections.ts')
    : (createRequire(import.meta.url)('./integrations/content/collections.ts') as typeof import('./integrations/content/collections.ts'));

export const collections = siteCollections();
