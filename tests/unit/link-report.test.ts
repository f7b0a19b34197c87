import { describe, expect, it } from 'vitest';
import { LINK_PROBLEMS } from '../../src/lib/links/check.ts';
import { lineOfLink, linkProblemsToProblems } from '../../src/lib/links/report.ts';

describe('linkProblemsToProblems', () => {
  const pages = ['index.html', 'work.html', 'work/amazon.html', 'work/gt.html'];
  const sourceOf = (page: string) => (page === 'work/amazon.html' ? 'src/content/work/amazon.md' : undefined);

  it.each([
    [
      { kind: 'missing-page', page: 'work/amazon.html', url: '/work/gtt', source: 'a[href]' },
      '/',
      { file: 'src/content/work/amazon.md', field: 'link "/work/gtt"', message: expect.stringContaining('Did you mean "/work/gt"?') },
    ],
    [
      { kind: 'missing-page', page: 'work/amazon.html', url: '/portfolio/work/gt-x#a', source: 'a[href]' },
      '/portfolio/',
      { file: 'src/content/work/amazon.md', field: 'link "/work/gt-x#a"', message: expect.stringContaining('Did you mean "/work/gt"?') },
    ],
    [
      { kind: 'missing-fragment', page: 'work.html', url: '/work/gt#x', source: 'a[href]' },
      '/',
      { file: 'dist/work.html', field: 'link "/work/gt#x"', message: expect.stringContaining('(on the page /work)') },
    ],
    [
      { kind: 'missing-page', page: 'work/amazon.html', url: '/zzzzzzzzzz', source: 'a[href]' },
      '/',
      { file: 'src/content/work/amazon.md', field: 'link "/zzzzzzzzzz"', message: expect.not.stringContaining('Did you mean') },
    ],
    [
      { kind: 'missing-page', page: 'work/amazon.html', url: '/portfolio/work/secret', source: 'a[href]' },
      '/portfolio/',
      {
        file: 'src/content/work/amazon.md',
        field: 'link "/work/secret"',
        message:
          'points to src/content/work/secret.md, which is not published (a draft, or a file whose name starts with "_"). Publish it, or remove the link.',
      },
    ],
    [
      { kind: 'malformed-url', page: 'work/amazon.html', url: '/work/gt#100%', source: 'a[href]' },
      '/',
      { file: 'src/content/work/amazon.md', field: 'link "/work/gt#100%"', message: `${LINK_PROBLEMS['malformed-url']} Write "/work/gt#100%25".` },
    ],
    [
      { kind: 'malformed-url', page: 'work/amazon.html', url: '/portfolio/work/%C3%28', source: 'a[href]' },
      '/portfolio/',
      { file: 'src/content/work/amazon.md', field: 'link "/work/%C3%28"', message: LINK_PROBLEMS['malformed-url'] },
    ],
    [
      { kind: 'malformed-url', page: 'work.html', url: '/a%', source: 'a[href]', line: 12 },
      '/',
      { file: 'dist/work.html', field: 'link "/a%"', message: `${LINK_PROBLEMS['malformed-url']} Write "/a%25". (on the page /work)`, line: 12 },
    ],
  ] as const)('%#', (problem, base, expected) => {
    const unpublishedAt = (permalink: string) => (permalink === '/work/secret' ? 'src/content/work/secret.md' : undefined);
    expect(linkProblemsToProblems({ problems: [problem], sourceOf, unpublishedAt, pages, base })).toEqual([expected]);
  });

  // A line of the built page means nothing in an entry's Markdown: there the link is looked up.
  it.each([
    ['a page with no source file keeps the line of the built page', 'work.html', 7, undefined, 7],
    ['an entry without its text has no line', 'work/amazon.html', 7, undefined, undefined],
    ['an entry with its text gets the line the link is written on', 'work/amazon.html', 7, '---\ntitle: A\n---\n\nSee [GT](/work/gtt).\n', 5],
    ['a link not found as written in the entry has no line', 'work/amazon.html', 7, '---\ntitle: A\n---\n\nSee [GT][ref].\n', undefined],
  ])('%s', (_name, page, line, text, expected) => {
    const [problem] = linkProblemsToProblems({
      problems: [{ kind: 'missing-page', page, url: '/work/gtt', source: 'a[href]', line }],
      sourceOf,
      pages,
      base: '/',
      sourceTextOf: (file) => (file === 'src/content/work/amazon.md' ? text : undefined),
    });
    expect(problem?.line).toBe(expected);
  });
});

describe('lineOfLink', () => {
  it.each([
    ['one\ntwo [x](/a)\n', '/a', 2],
    ['[x](/a)', '/a', 1],
    ['no link here', '/a', undefined],
    ['anything', '', undefined],
  ])('%j, %s', (text, link, expected) => expect(lineOfLink(text, link)).toBe(expected));
});

describe('a missing image in a body', () => {
  it('gets the hint a record’s image gets: a file of public/, where to put it, and the file probably meant', () => {
    const [problem] = linkProblemsToProblems({
      problems: [{ kind: 'missing-page', page: 'work/amazon.html', url: '/portfolio/images/team.png', source: 'img[src]', line: 40 }],
      sourceOf: () => 'src/content/pages/work/amazon.md',
      pages: ['work/amazon.html'],
      files: ['work/amazon.html', 'images/team.jpg', 'favicon.svg'],
      base: '/portfolio/',
      sourceTextOf: () => '---\ntitle: Amazon\n---\n\n![Team](/images/team.png)\n',
    });
    expect(problem).toEqual({
      file: 'src/content/pages/work/amazon.md',
      field: 'image "/images/team.png"',
      line: 5,
      message: 'is not a file in public/. Put the image at public/images/team.png, or fix the path. Did you mean "/images/team.jpg"?',
    });
  });
});
