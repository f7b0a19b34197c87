import { cp, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSite, OUTPUT_ROOT, PROJECT_ROOT, runAstro } from '../helpers/site.ts';

/**
 * `astro check` on the project's code: TypeScript (strictest) over `src`, the scripts and the tests,
 * and Astro's own checks of every `.astro` file. It runs in a copy with the sample site in place of
 * the owner's content and site config, which `npm run build` checks. Run here, beside the other slow
 * files, rather than before the whole suite.
 */
describe('the project type-checks', () => {
  it('astro check reports no error and no warning', async () => {
    const site = await createSite('type-check');
    await cp(join(PROJECT_ROOT, 'scripts'), join(site.root, 'scripts'), { recursive: true });
    // tests/.output holds this very copy: each entry of tests/ but that one.
    for (const entry of await readdir(join(PROJECT_ROOT, 'tests'))) {
      if (join(PROJECT_ROOT, 'tests', entry) !== OUTPUT_ROOT) await cp(join(PROJECT_ROOT, 'tests', entry), join(site.root, 'tests', entry), { recursive: true });
    }
    const { exitCode, output } = await runAstro(site, ['check']);
    expect(exitCode, output).toBe(0);
    expect(output).toMatch(/^- 0 errors$/m);
    expect(output).toMatch(/^- 0 warnings$/m);
  });
});
