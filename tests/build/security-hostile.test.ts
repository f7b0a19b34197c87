import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, fixtureSite, hostileAllowedSite } from '../helpers/site.ts';

/**
 * Hostile fixture sites (tests/fixtures/hostile): each way of bringing script onto the site's own
 * address, or of replacing a page the site makes, fails the build with the file and line; the allowed
 * site (consented script, clean SVG, a refresh to it) builds, and tests/e2e/security-hostile.test.ts
 * opens every file it serves in Chromium.
 */
describe('hostile fixture sites', () => {
  it('fails before building on a public file that replaces a page the site makes, and on markup inside <select>', async () => {
    const { exitCode, output } = await buildSite('security-refused-before', { ...(await fixtureSite('hostile/refused-before')), command: true });
    expect(exitCode).toBe(1);
    expect(output).toContain('public/404.html\n  file: would replace a page the site makes at the same address: src/pages/404.astro.');
    expect(output).toContain('public/feed.xml\n  file: would replace a page the site makes at the same address: src/pages/feed.xml.ts.');
    expect(output).toMatch(/src\/content\/pages\/chart\.md\n {2}body \(line 11\): markup inside <select>/);
  }, 300_000);

  it('fails after building on script in any file public/ serves, and on links in SVG and CSS that lead nowhere', async () => {
    const { exitCode, output } = await buildSite('security-refused-after', { ...(await fixtureSite('hostile/refused-after')), command: true });
    expect(exitCode).toBe(1);
    expect(output).toContain('public/evil.svg\n  file (line 3): has a <script>');
    expect(output).toContain('public/evil.htm\n  file (line 2): has an onerror attribute');
    expect(output).toContain('public/evil.xhtml\n  file (line 3): has a <script>');
    expect(output).toMatch(/public\/pick\.html\n {2}file \(line 4\): markup inside <select>/);
    for (const missing of ['/missing-svg-link', '/missing-image.png', '/missing-background.png']) expect(output).toContain(missing);
  }, 300_000);

  it('builds the allowed site: a consented script, a clean SVG and a refresh to it', async () => {
    const { exitCode, output, dist } = await hostileAllowedSite();
    expect(output).not.toContain('conflicts with');
    expect(exitCode, output).toBe(0);
    // The site config's consent: the page that carries its script allows exactly that one; the others none of it.
    const scriptSrc = async (file: string) => /script-src ([^;"]*)/.exec(await readFile(join(dist, file), 'utf8'))?.[1];
    expect(await scriptSrc('everywhere.html')).toBe("'sha256-BsNlr66BreoNkuzxgfdicnQX7i/Yg/MvieNwTvRytEA='");
    expect(await scriptSrc('chart.html')).toBe("'sha256-JZxvIueS0pe2rRbRC+gyieroIszHZ/DdenByEuilBq0='");
    expect(await scriptSrc('links.html')).toBe("'none'");
  }, 300_000);
});
