import { appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSite, runAstro } from '../helpers/site.ts';

/**
 * Astro keeps the content it synced (validated data, rendered Markdown) between runs, and clears it
 * only when its config or the content config file changes. The code that makes that content lives
 * in src/lib, which the config carries a digest of: content stored by other code is made again, and
 * content stored by the same code is reused.
 */
describe('the stored content and the code that made it', () => {
  it('is reused while the code is the same, and made again after src/lib changes', async () => {
    const site = await createSite('content-store');
    const sync = async () => {
      const { exitCode, output } = await runAstro(site, ['sync']);
      expect(exitCode, output).toBe(0);
      expect(output).toContain('Synced content');
      return output;
    };
    await sync();
    expect(await sync()).not.toContain('Clearing content store');
    await appendFile(join(site.root, 'src', 'lib', 'schema', 'page.ts'), '\n// A change to a schema.\n');
    const afterChange = await sync();
    expect(afterChange).toContain('Astro config changed');
    expect(afterChange).toContain('Clearing content store');
  });
});
