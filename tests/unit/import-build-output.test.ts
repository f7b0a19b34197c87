import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planImport } from '../../scripts/import/plan.ts';
import { readSource } from '../../scripts/import/source.ts';

/** A Jekyll site whose owner committed what `jekyll build` wrote (as Forestry.io sites often did). */
function siteWithOutput(): string {
  const root = mkdtempSync(join(tmpdir(), 'build-output-'));
  const files: Record<string, string> = {
    '_config.yml': 'title: Ana\n',
    'index.md': '---\ntitle: Home\n---\nHello.\n',
    '_layouts/default.html': '<html><body>{{ content }}</body></html>',
    '_site/index.html': '<html><body><p>Hello.</p></body></html>',
    '.jekyll-cache/Jekyll/Cache/x': 'cache',
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe("what an earlier Jekyll build left in the site's folder", () => {
  it('is said to be build output, not theme, and is not read', () => {
    const result = planImport(readSource(siteWithOutput()));
    if (!result.ok) throw new Error(result.message);
    const { report, files } = result.plan;
    expect(report.filter((line) => line.kind === 'theme').map((line) => line.message)).toEqual(['_config.yml', '_layouts/']);
    expect(report.map((line) => line.message)).toContain(
      ".jekyll-cache/, _site/: what an earlier Jekyll build wrote (its output and caches), not part of the site's source: not read, since the build makes its own.",
    );
    expect(files.filter((file) => file.from?.startsWith('_site/') || file.from?.startsWith('.jekyll-cache/'))).toEqual([]);
  });
});
