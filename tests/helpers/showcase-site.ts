import { buildOnce, buildSite, fixtureSite, type CommandResult, type Site } from './site.ts';

/**
 * tests/fixtures/showcase in place of the project's content: a portrait in the site config, five
 * records (three with images, two with generated placeholders), a body with its own `<style>` and an
 * owner's colour that fails contrast, entry bodies that start at `###`, three posts. Published at
 * the root of its address, as a user site is. Its own src/site.config.ts imports the project's schema
 * from where it lands in the site, so the type check leaves it out (tsconfig.json).
 */
export const SHOWCASE_ENV = { SITE_URL: 'https://ada-example.github.io', BASE_PATH: '' } as const;

/** The pages the showcase publishes, by file in dist/. */
export const SHOWCASE_PAGES = [
  'index.html',
  'work/index.html',
  'work/tidewater.html',
  'work/harbor-lights.html',
  'work/open-circuit.html',
  'work/state.html',
  'work/maker-week.html',
  'blog/index.html',
] as const;

/** The work index's tiles, in file order, and whether each has an image. */
export const SHOWCASE_TILES = [
  { name: 'Tidewater', summary: 'Staff Engineer, Streaming Platform', image: true },
  { name: 'Harbor Lights', summary: 'Software Engineer, Observability', image: true },
  { name: 'Open Circuit Collective', summary: 'Maintainer of an open hardware toolkit', image: false },
  { name: 'State University', summary: 'B.S. Computer Engineering', image: true },
  { name: 'Maker Week', summary: 'Mentor at a student hardware week', image: false },
] as const;

/** The showcase fixture built once per test run. */
export function showcaseSiteBuild(): Promise<Site & CommandResult> {
  return buildOnce('showcase', async () => {
    const { files } = await fixtureSite('showcase');
    return buildSite('showcase', { pages: {}, posts: {}, data: {}, files: files ?? {}, env: SHOWCASE_ENV });
  });
}
