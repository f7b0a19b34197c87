import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT, runAstro } from '../helpers/site.ts';

/**
 * `astro check` on the project itself: TypeScript (strictest) over `src`, the scripts and the
 * tests, and Astro's own checks of every `.astro` file. Run here, beside the other slow files,
 * rather than before the whole suite.
 */
describe('the project type-checks', () => {
  it('astro check reports no error and no warning', async () => {
    const { exitCode, output } = await runAstro({ root: PROJECT_ROOT, dist: '' }, ['check']);
    expect(exitCode, output).toBe(0);
    expect(output).toMatch(/^- 0 errors$/m);
    expect(output).toMatch(/^- 0 warnings$/m);
  });
});
