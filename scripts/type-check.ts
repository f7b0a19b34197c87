/**
 * `npm run typecheck`: `astro check` on the generator's code, TypeScript (strictest) over `src`, the
 * scripts and the tests, and Astro's own checks of every `.astro` file. It runs in a copy of the
 * project with the sample site (tests/fixtures/sample) in place of the owner's content and site
 * config, so an owner's broken entry, which `npm run build` reports, is not taken for a type error.
 * CI runs it as its own step (.github/workflows/ci.yml), beside the tests.
 */
import { cp, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createSite, OUTPUT_ROOT, PROJECT_ROOT, runAstro } from '../tests/helpers/site.ts';

const site = await createSite('type-check');
await cp(join(PROJECT_ROOT, 'scripts'), join(site.root, 'scripts'), { recursive: true });
// tests/.output holds this very copy: each entry of tests/ but that one.
for (const entry of await readdir(join(PROJECT_ROOT, 'tests'))) {
  if (join(PROJECT_ROOT, 'tests', entry) !== OUTPUT_ROOT) await cp(join(PROJECT_ROOT, 'tests', entry), join(site.root, 'tests', entry), { recursive: true });
}
const { exitCode, output } = await runAstro(site, ['check']);
process.stdout.write(output.replaceAll(`${site.root}/`, ''));
// `astro check` exits 0 on warnings; the project keeps none.
const clean = exitCode === 0 && /^- 0 errors$/m.test(output) && /^- 0 warnings$/m.test(output);
if (!clean) console.error('\nThe type check found problems (above).');
process.exit(clean ? 0 : 1);
