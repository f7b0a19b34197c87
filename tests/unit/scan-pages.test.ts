import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkProject, summarize } from '../../src/lib/checks/build-checks.ts';
import { extractPageFacts } from '../../src/lib/links/extract.ts';
import { scanPages } from '../../src/lib/links/scan-pages.ts';
import { SAMPLE_SITE } from '../helpers/site.ts';

/** The site's stylesheet as the layout inlines it: the same long `<style>` first in every head. */
const STYLESHEET = `body{margin:0}${'.x{color:red}'.repeat(40)}`;
const page = (body: string) =>
  `<!doctype html><html><head><style>${STYLESHEET}</style><link rel="icon" href="/favicon.svg"></head>\n<body>${body}</body></html>`;

const PAGES: Record<string, string> = {
  'index.html': page('<main id="main"><a href="/work/">Work</a><img src="/a.png" srcset="/a.png 1x, /a@2x.png 2x" alt=""></main>'),
  'work/index.html': page('<h1 id="jobs">Jobs</h1><a href="/#main">Home</a>'),
  // A page that would run script: its lines are wanted.
  'work/bad.html': page('<p>One</p>\n<p>Two</p>\n<img src=x onerror="alert(1)">'),
};

describe('scanPages: every built page read as a browser reads it', () => {
  let outDir: string;
  beforeAll(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'scan-pages-'));
    await mkdir(join(outDir, 'work'));
    for (const [file, html] of Object.entries(PAGES)) await writeFile(join(outDir, file), html);
  });
  afterAll(async () => {
    await rm(outDir, { recursive: true, force: true });
  });

  it('finds the links, ids and script of each page exactly as a full parse does, without the shared stylesheet', async () => {
    const scanned = scanPages(outDir, Object.keys(PAGES));
    expect([...scanned.keys()]).toEqual(Object.keys(PAGES));
    for (const [file, html] of Object.entries(PAGES)) {
      const full = extractPageFacts(html, { locations: false });
      const facts = scanned.get(file);
      expect(
        facts?.links.map(({ source, url }) => `${source} ${url}`),
        file,
      ).toEqual(full.links.map(({ source, url }) => `${source} ${url}`));
      expect(facts?.ids, file).toEqual(full.ids);
      expect(facts?.javascript, file).toEqual(full.javascript);
    }
  });

  it('gives the line of anything that would run script', async () => {
    const scanned = scanPages(outDir, ['work/bad.html']);
    expect(scanned.get('work/bad.html')?.javascriptAt).toEqual([{ what: 'onerror attribute', line: 4 }]);
  });
});

describe('checkProject: what a build keeps of its checks', () => {
  it('finds no problem in the sample site and gives every page its address', async () => {
    const summary = await checkProject({
      rootDir: SAMPLE_SITE,
      publicDir: join(SAMPLE_SITE, 'public'),
      routes: [],
      posts: { permalink: 'date', timezone: 'UTC' },
    });
    expect(summary.problems).toEqual([]);
    expect(summary.addressed).toEqual(expect.arrayContaining([{ file: 'src/content/pages/work/amazon.md', permalink: '/work/amazon', published: true }]));
  });

  it('keeps the problems, and the pages and posts that passed, with their addresses', () => {
    const problem = { file: 'src/content/pages/x.md', field: 'title', message: 'is empty' };
    const summary = summarize({
      problems: [problem],
      pages: [{ file: 'src/content/pages/work/gt.md', data: { permalink: '/work/gt' }, published: true, lineOf: () => undefined }],
      posts: [{ file: 'src/content/posts/2019-06-10-a.md', data: {}, facts: { permalink: '/2019/06/10/a.html' }, published: false, lineOf: () => undefined }],
      records: [],
    } as unknown as Parameters<typeof summarize>[0]);
    expect(summary).toEqual({
      problems: [problem],
      addressed: [
        { file: 'src/content/pages/work/gt.md', permalink: '/work/gt', published: true },
        { file: 'src/content/posts/2019-06-10-a.md', permalink: '/2019/06/10/a.html', published: false },
      ],
    });
  });
});
