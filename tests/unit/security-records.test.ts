import { describe, expect, it } from 'vitest';
import { checkSite } from '../../src/lib/checks/site.ts';
import { readDataFile } from '../../src/lib/data/data-file.ts';

const PAGES = 'src/content/pages';
const page = (front: string) => `---\n${front}\n---\n\nBody.\n`;

/** The problems of a site with one work group whose data file is `work`. */
function problems(work: string): string[] {
  return checkSite({
    pagesDir: PAGES,
    pageFiles: [
      { path: `${PAGES}/work.md`, text: page('layout: work\ntitle: Work\ndata: work\npermalink: /work/') },
      { path: `${PAGES}/work/acme.md`, text: page('layout: work_page\ntitle: Acme\ndata: work\npermalink: /work/acme') },
    ],
    postsDir: 'src/content/posts',
    postFiles: [],
    posts: { permalink: 'date', timezone: 'UTC' },
    dataFiles: [{ path: 'src/data/work.yml', text: work }],
    routes: [],
    publicFiles: [],
  }).problems.map((p) => `${p.file} ${p.field}${p.line ? ` (line ${p.line})` : ''}: ${p.message}`);
}

describe('a record is blamed for what is wrong in it', () => {
  it.each([' JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', 'VBSCRIPT:x'])(
    'a link ref %j that runs script, on the data file, the record and links.0.ref',
    (ref) => {
      const found = problems(`Acme:\n  summary: Engineer\n  date: 2020\n  page: acme\n  links:\n    - name: Home\n      ref: ${JSON.stringify(ref)}\n`);
      expect(found).toEqual([
        expect.stringMatching(/^src\/data\/work\.yml "Acme" links\.0\.ref \(line 7\): ".*" is a "(javascript|vbscript):" link, which would run JavaScript/),
      ]);
    },
  );

  it('an http:// image is refused, not upgraded', () => {
    expect(problems('Acme:\n  summary: Engineer\n  date: 2020\n  page: acme\n  image: http://example.org/a.png\n')).toEqual([
      'src/data/work.yml "Acme" image (line 5): "http://example.org/a.png" is an http:// address; the page\'s Content-Security-Policy would block it, so it would never show. Write its https:// address, or put the image in public/ and write its path.',
    ]);
  });

  it('a key written twice inside a record is reported as such', () => {
    const result = readDataFile('Acme:\n  summary: A\n  date: 2020\n  summary: B\nBeta:\n  summary: C\n');
    expect(result).toEqual({
      ok: false,
      problems: [{ line: 4, field: '"Acme" summary', record: 'Acme', message: 'is written twice in the record "Acme". Keep one.' }],
    });
  });

  it('a record written twice is still reported as a record', () => {
    const result = readDataFile('Acme:\n  summary: A\nAcme:\n  summary: B\n');
    expect(result.ok ? [] : result.problems.map((problem) => problem.message)).toEqual([
      'is written twice (lines 1 and 3). Keep one record under each title, or rename one of them.',
    ]);
  });
});

describe('a record image that is not an image names the data file and field', () => {
  const site = (head: Uint8Array | undefined) =>
    checkSite({
      pagesDir: PAGES,
      pageFiles: [
        { path: `${PAGES}/work.md`, text: page('layout: work\ntitle: Work\ndata: work\npermalink: /work/') },
        { path: `${PAGES}/work/acme.md`, text: page('layout: work_page\ntitle: Acme\ndata: work\npermalink: /work/acme') },
      ],
      postsDir: 'src/content/posts',
      postFiles: [],
      posts: { permalink: 'date', timezone: 'UTC' },
      dataFiles: [{ path: 'src/data/work.yml', text: 'Acme:\n  summary: Engineer\n  date: 2020\n  page: acme\n  image: /logo.png\n' }],
      routes: [],
      publicFiles: ['logo.png'],
      readPublicHead: (path) => (path === 'logo.png' ? head : undefined),
    }).problems.map((p) => `${p.file} ${p.field}${p.line ? ` (line ${p.line})` : ''}: ${p.message}`);

  it('a Git LFS pointer', () => {
    expect(site(new TextEncoder().encode('version https://git-lfs.github.com/spec/v1\noid sha256:abc\nsize 12\n'))).toEqual([
      'src/data/work.yml "Acme" image (line 5): "/logo.png" is a Git LFS pointer, not the image: git has not fetched it. Run "git lfs pull" (or commit the image itself, without LFS).',
    ]);
  });
  it('text that is not an image', () => {
    expect(site(new TextEncoder().encode('Not found\n'))).toEqual([expect.stringContaining('"/logo.png" is not an image the site can show')]);
  });
  it('a PNG passes', () => {
    expect(site(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toEqual([]);
  });
});
