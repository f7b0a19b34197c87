import { describe, expect, it } from 'vitest';
import { legacyUrlsFile, staticFileUrl } from '../../scripts/import/urls.ts';
import { buildSite } from '../helpers/site.ts';

/**
 * A static file whose name holds a newline, `#` or `?` is listed by the importer in
 * src/data/legacy-urls.txt as a browser requests it; the very next build finds each one served.
 */
const NAMES = ['files/a\nb.txt', 'files/c#d.txt', 'files/e?f.txt'];

describe('old URLs of files with a newline, # or ? in their name', () => {
  it('pass the next build', async () => {
    const urls = NAMES.map((name) => ({ url: staticFileUrl(name), from: name, file: name }));
    const files = Object.fromEntries([...NAMES.map((name) => [`public/${name}`, 'x']), ['src/data/legacy-urls.txt', legacyUrlsFile(urls)]]);
    const { exitCode, output } = await buildSite('legacy-odd-names', { files });
    expect(exitCode, output).toBe(0);
    expect(output).toContain('Every old URL is still served.');
  }, 300_000);
});
