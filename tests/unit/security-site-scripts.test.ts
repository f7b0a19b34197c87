import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkSite } from '../../src/lib/checks/site.ts';
import { validateSiteConfig } from '../../src/lib/schema/site-config.ts';

const INLINE = 'document.title = "chart";';
const HASH = `sha256-${createHash('sha256').update(INLINE).digest('base64')}`;
const CDN = 'https://cdn.example.org/plot-2.min.js';
const BODY = `Intro.\n\n<script>${INLINE}</script>\n\n<script src="${CDN}"></script>\n`;
const CONFIG = { name: 'Jane', description: 'A portfolio.' };

/** The problems of a site of one page (front matter `front`) and one post, both with `BODY`, under the site config's `scripts`. */
const problems = (siteScripts: string[] | undefined, front = '') =>
  checkSite({
    pagesDir: 'src/content/pages',
    pageFiles: [{ path: 'src/content/pages/chart.md', text: `---\nlayout: page\ntitle: Chart\npermalink: /chart\n${front}---\n\n${BODY}` }],
    postsDir: 'src/content/posts',
    postFiles: [{ path: 'src/content/posts/2017-07-24-gist.md', text: `---\ntitle: Gist\n---\n\n${BODY}` }],
    posts: { permalink: 'date', timezone: 'UTC' },
    dataFiles: [],
    routes: [],
    publicFiles: [],
    siteScripts,
  }).problems.map((problem) => `${problem.file} ${problem.field}:${problem.line ?? ''}`);

describe('scripts: in the site config consents to those scripts on every page', () => {
  it("is a list of the same entries as a page's, empty when left out", () => {
    expect(validateSiteConfig(CONFIG).scripts).toEqual([]);
    expect(validateSiteConfig({ ...CONFIG, scripts: [HASH, CDN] }).scripts).toEqual([HASH, CDN]);
  });

  it('a bad entry fails with the file, the field and the form to write', () => {
    expect(() => validateSiteConfig({ ...CONFIG, scripts: [CDN, 'http://cdn.example.org/x.js'] })).toThrow(
      /src\/site\.config\.ts\n {2}scripts\.1: "http:\/\/cdn\.example\.org\/x\.js" is not a script: write the exact https:\/\/ URL of an external script, or sha256-<base64> of an inline one/,
    );
    expect(() => validateSiteConfig({ ...CONFIG, scripts: 'https://cdn.example.org/x.js' as unknown as string[] })).toThrow(
      /src\/site\.config\.ts\n {2}scripts: must be a list of scripts/,
    );
  });

  it('lets every page and post carry the listed scripts, and no others', () => {
    expect(problems(undefined)).toHaveLength(4);
    expect(problems([HASH, CDN])).toEqual([]);
    // Only the inline one listed: each page still fails on the external one.
    expect(problems([HASH])).toEqual(['src/content/posts/2017-07-24-gist.md body:9', 'src/content/pages/chart.md body:11']);
    // The page's own list adds to the site's.
    expect(problems([HASH], `scripts: ["${CDN}"]\n`)).toEqual(['src/content/posts/2017-07-24-gist.md body:9']);
  });
});
