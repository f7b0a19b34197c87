import { describe, expect, it } from 'vitest';
import { linkProblemsToProblems } from '../../src/lib/links/report.ts';

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
        message: 'points to src/content/work/secret.md, which is not published (a draft, or a file whose name starts with "_"). Publish it, or remove the link.',
      },
    ],
  ] as const)('%#', (problem, base, expected) => {
    const unpublishedAt = (permalink: string) => (permalink === '/work/secret' ? 'src/content/work/secret.md' : undefined);
    expect(linkProblemsToProblems({ problems: [problem], sourceOf, unpublishedAt, pages, base })).toEqual([expected]);
  });
});
