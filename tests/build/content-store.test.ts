import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { attribute, parseHtml, select } from '../helpers/html-tree.ts';
import { createSite, runAstro, type Site } from '../helpers/site.ts';

/**
 * Astro keeps the content it synced (validated data, rendered Markdown) between runs. The code that
 * renders it lives in src/lib: after that code changes, a build must not publish what the old code
 * rendered. Judged by the built page, whatever clears the store.
 */

const PAGE = '---\nlayout: page\ntitle: Links\npermalink: /links\n---\n\nSee <a href="https://example.com/" target="_blank">the example</a>.\n';
const PLUGIN = join('src', 'lib', 'markdown', 'new-tab-links.ts');

async function relOnPage(site: Site): Promise<string | undefined> {
  const { exitCode, output } = await runAstro(site, ['build']);
  expect(exitCode, output).toBe(0);
  const page = parseHtml(await readFile(join(site.root, 'dist', 'links.html'), 'utf8'));
  const [link] = select(page, (element) => element.tagName === 'a' && attribute(element, 'href') === 'https://example.com/');
  return link && attribute(link, 'rel');
}

describe('the stored content and the code that made it', () => {
  it('is made again after the code in src/lib that renders it changes', async () => {
    const site = await createSite('content-store', { files: { 'src/content/pages/links.md': PAGE } });
    expect(await relOnPage(site)).toBe('noopener noreferrer');
    // The Markdown plugin that writes `rel` on new-tab links now writes one word more.
    const plugin = join(site.root, PLUGIN);
    const code = await readFile(plugin, 'utf8');
    expect(code).toContain("const NEW_TAB_REL = 'noopener noreferrer';");
    await writeFile(plugin, code.replace("const NEW_TAB_REL = 'noopener noreferrer';", "const NEW_TAB_REL = 'noopener noreferrer external';"));
    expect(await relOnPage(site)).toBe('noopener noreferrer external');
  });
});
