import { describe, expect, it } from 'vitest';
import { addressAsWritten, permalinkProblems, permalinkRoute, permalinkToFile, servedPaths, suggestPermalink } from '../../src/lib/routing/permalink.ts';

describe('valid permalinks: every address Jekyll wrote that GitHub Pages serves', () => {
  it.each([
    '/',
    '/work/amazon',
    '/work/',
    '/old_projects/',
    '/archived_work/asml',
    '/work/2019/summer-research',
    '/programming/2019/03/02/batching-writes.html',
    '/about.html',
    '/CV.html',
    '/Work/Amazon',
    '/a1/b-2/c',
    '/work/a--b',
    '/v1.2/notes',
    '/~jane/',
  ])('%s', (permalink) => {
    expect(permalinkProblems(permalink)).toEqual([]);
  });
});

describe('each broken rule has its own message and a fix', () => {
  it.each([
    ['work/amazon', 'must start with "/"', 'Write "/work/amazon".'],
    ['/work/summer research', 'must not contain spaces', 'Write "/work/summer-research".'],
    ['/work/../secret', 'must not contain "." or ".." segments', 'Write "/work/secret".'],
    ['/work//amazon', 'must not contain "//"', 'Write "/work/amazon".'],
    ['/work/amazon?tab=1', 'must not contain "?" or "#"', 'Write "/work/amazon".'],
    ['/work/amazon#top', 'must not contain "?" or "#"', 'Write "/work/amazon".'],
    ['/work/zürich', 'must use ASCII characters only', 'Write "/work/zurich".'],
    ['/work/a^b', 'may only use letters, digits, "-", "_", ".", "~" and percent escapes (%20)', 'Write "/work/a-b".'],
    ['/work/%2E%2E/x', 'has a percent escape that is not UTF-8 text', 'Write "/work/2E-2E/x".'],
    ['/work/index', "names the folder's own page", 'write the folder\'s address "/work/"'],
    ['/work/index.html', "names the folder's own page", 'write the folder\'s address "/work/"'],
    ['/index', "names the folder's own page", '"/"'],
    ['/assets/files/resume.pdf', 'ends in ".pdf", but a page is written as HTML', 'put it in public/assets/files/resume.pdf'],
    ['/_astro/x', '"/_astro/" is where the build writes', 'Choose another address.'],
    ['/page.HTML', 'must end in ".html" in lowercase', 'Write'],
  ])('%s', (permalink, rule, fix) => {
    const problems = permalinkProblems(permalink);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.some((problem) => problem.includes(rule) && problem.includes(fix))).toBe(true);
  });

  it('reports several broken rules at once', () => {
    expect(permalinkProblems('work/summer research?x')).toHaveLength(3);
  });

  it('says an empty permalink is empty', () => {
    expect(permalinkProblems('')).toEqual(['is empty. Write an address like "/work/amazon".']);
  });
});

describe('suggestPermalink', () => {
  it.each([
    ['/Work/Zürich Office', '/Work/Zurich-Office'],
    ['work//a/../b', '/work/a/b'],
    ['/work/', '/work/'],
    ['???', undefined],
  ])('%s → %s', (permalink, suggestion) => {
    expect(suggestPermalink(permalink)).toBe(suggestion);
  });
});

describe('the file each permalink is written to, and the route that builds it', () => {
  it.each([
    ['/', 'index.html', { route: 'file', param: undefined }],
    ['/work/', 'work/index.html', { route: 'folder', param: 'work' }],
    ['/a/b/', 'a/b/index.html', { route: 'folder', param: 'a/b' }],
    ['/work/amazon', 'work/amazon.html', { route: 'file', param: 'work/amazon' }],
    [
      '/programming/2019/03/02/batching-writes.html',
      'programming/2019/03/02/batching-writes.html',
      { route: 'file', param: 'programming/2019/03/02/batching-writes' },
    ],
  ])('%s', (permalink, file, route) => {
    expect(permalinkToFile(permalink)).toBe(file);
    expect(permalinkRoute(permalink)).toEqual(route);
  });
});

describe('the paths a static host serves a permalink at without a redirect', () => {
  it.each([
    ['/work/acme', ['/work/acme.html', '/work/acme']],
    ['/work/', ['/work/', '/work/index.html']],
    ['/a/b.html', ['/a/b.html', '/a/b']],
  ])('%s', (permalink, paths) => {
    expect(servedPaths(permalink)).toEqual(paths);
  });
});

describe('addressAsWritten: a page named as its permalink writes it, for the sitemap', () => {
  const permalinks = new Set(['/', '/work/', '/work/amazon', '/blog/post.html', '/about.html']);
  const folders = new Set(['/blog/page2']);
  it.each([
    ['/', '/'],
    ['/work', '/work/'],
    ['/work/amazon', '/work/amazon'],
    ['/blog/post', '/blog/post.html'],
    ['/about', '/about.html'],
    ['/blog/page2', '/blog/page2/'],
    ['/unknown', '/unknown'],
  ])('%s → %s', (path, written) => {
    expect(addressAsWritten(path, permalinks, (folder) => folders.has(folder))).toBe(written);
  });
});

describe('addresses as Jekyll wrote them: sub-delimiters and percent escapes', () => {
  it.each([
    ['/edu&inv/', 'edu&inv/index.html', { route: 'folder', param: 'edu&inv' }],
    ['/caf%C3%A9/', 'café/index.html', { route: 'folder', param: 'café' }],
    ['/notes/my%20page', 'notes/my page.html', { route: 'file', param: 'notes/my page' }],
    ['/a+b.html', 'a+b.html', { route: 'file', param: 'a+b' }],
  ])('%s is valid, written to %s', (permalink, file, route) => {
    expect(permalinkProblems(permalink)).toEqual([]);
    expect(permalinkToFile(permalink)).toBe(file);
    expect(permalinkRoute(permalink)).toEqual(route);
  });
});
