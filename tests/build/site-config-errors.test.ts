import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { buildSite, SAMPLE_SITE } from '../helpers/site.ts';

/**
 * src/site.config.ts is the first file an owner edits. A mistake in it fails the build with the
 * site's own message, naming the file, once: not inside Astro's "Unable to load your Astro config"
 * frame, not with a stack trace, not as one broken link per page.
 */

/** The sample site's config with one piece of text replaced. */
async function configWith(from: string, to: string): Promise<string> {
  const text = await readFile(join(SAMPLE_SITE, 'src', 'site.config.ts'), 'utf8');
  if (!text.includes(from)) throw new Error(`tests/fixtures/sample/src/site.config.ts has no ${from}`);
  return text.replace(from, to);
}

const STACK_LINE = /^\s+at .+(:\d+:\d+\)?|\(native\))$/m;

describe.concurrent('a mistake in src/site.config.ts', () => {
  it('a wrong value (a domain written as a URL): the message alone, naming the value to write, no Astro frame, no stack trace', async ({ expect }) => {
    const site = await buildSite('config-domain', {
      files: { 'src/site.config.ts': await configWith("// domain: 'jane.dev',", "domain: 'https://jane.dev/',") },
      command: true,
    });
    expect(site.exitCode).toBe(1);
    expect(site.output).toContain(
      'The site config needs fixing (1 problem in 1 file):\n\nsrc/site.config.ts\n' +
        `  domain: "https://jane.dev/" is not a bare host name: write the domain only, with no https:// and no path, like domain: 'jane.dev'.`,
    );
    expect(site.output).not.toContain('Unable to load');
    expect(site.output).not.toMatch(STACK_LINE);
  });

  it('a file that does not parse: named, in its own words, without a trace', async ({ expect }) => {
    const config = await configWith("lang: 'en',", "lang: 'en'\n  lang2 'x',");
    const site = await buildSite('config-syntax', { files: { 'src/site.config.ts': config }, command: true });
    expect(site.exitCode).toBe(1);
    const line = config.split('\n').findIndex((text) => text.includes('lang2')) + 1;
    expect(site.output).toContain(`src/site.config.ts\n  file (line ${line}): cannot be loaded:`);
    expect(site.output).not.toContain('Unable to load');
    expect(site.output).not.toMatch(STACK_LINE);
  });

  it('a typo in the navigation: one problem, on src/site.config.ts, with the line and the address meant', async ({ expect }) => {
    const config = await configWith("{ label: 'Work', href: '/work/' }", "{ label: 'Work', href: '/wrok/' }");
    const site = await buildSite('config-navigation', { files: { 'src/site.config.ts': config }, command: true });
    expect(site.exitCode).toBe(1);
    const line = config.split('\n').findIndex((text) => text.includes("'/wrok/'")) + 1;
    expect(site.output).toContain(
      `Some links do not lead anywhere (1 problem in 1 file):\n\nsrc/site.config.ts\n  navigation link "/wrok/" (line ${line}): points to a page or file that does not exist; check the permalink or file name it should name. Did you mean "/work/"? It is in the header of every page.`,
    );
  });
});
