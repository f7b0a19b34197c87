import { describe, expect, it } from 'vitest';
import { planImport } from '../../scripts/import/plan.ts';
import { memorySource } from '../../scripts/import/source.ts';
import { legacyUrlsFile } from '../../scripts/import/urls.ts';
import { resolveSitePath } from '../../src/lib/links/check.ts';
import { checkLegacyUrls, parseLegacyUrls } from '../../src/lib/routing/legacy-urls.ts';

/**
 * A static file whose name holds a newline, `#` or `?` is served under that name; the list of old URLs
 * must name it as a browser requests it, so the next build's check of that list finds it.
 */
const NAMES = ['files/a\nb.txt', 'files/c#d.txt', 'files/e?f.txt', 'files/g #h?.txt', 'files/lines\n.pdf'];

describe('static files with a newline, # or ? in their name', () => {
  const result = planImport(memorySource({ '_config.yml': 'title: T\n', ...Object.fromEntries(NAMES.map((name) => [name, 'x'])) }));
  if (!result.ok) throw new Error(result.message);
  const text = legacyUrlsFile(result.plan.urls);

  it('are listed percent-encoded, one line each', () => {
    expect(parseLegacyUrls(text).map(({ url }) => url)).toEqual([
      '/files/a%0Ab.txt',
      '/files/c%23d.txt',
      '/files/e%3Ff.txt',
      '/files/g%20%23h%3F.txt',
      '/files/lines%0A.pdf',
    ]);
  });

  it('each line is served by the build that copies the files', () => {
    const built = new Set([...NAMES, 'index.html']);
    expect(checkLegacyUrls({ urls: parseLegacyUrls(text), resolve: (path) => resolveSitePath(path, built), unpublished: new Map(), served: [] })).toEqual([]);
    // The files themselves are copied under their own names.
    expect(
      result.plan.files
        .map((file) => file.path)
        .filter((path) => path.startsWith('public/files/'))
        .sort(),
    ).toEqual(NAMES.map((name) => `public/${name}`).sort());
  });
});
