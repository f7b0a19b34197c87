import { describe, expect, it } from 'vitest';
import {
  entryRoutes,
  FULL_NAVIGATION_LIMIT,
  isPublished,
  navigationFor,
  NAVIGATION_NEIGHBOURS,
  publishedInOrder,
  type EntryLike,
} from '../../src/lib/routing/entries.ts';
import type { WorkEntryData } from '../../src/lib/schema/work-entry.ts';

function entry(file: string, data: Partial<WorkEntryData> & { title: string; permalink: string }): EntryLike {
  return {
    id: file.replace(/\.mdx?$/, ''),
    filePath: `src/content/work/${file}`,
    data: { layout: 'work_page', data: 'work', draft: false, ...data },
  };
}

describe('isPublished', () => {
  it.each([
    [entry('amazon.md', { title: 'A', permalink: '/a' }), true],
    [entry('amazon.md', { title: 'A', permalink: '/a', draft: true }), false],
    [entry('_notes.md', { title: 'A', permalink: '/a' }), false],
    [entry('2019/_wip.mdx', { title: 'A', permalink: '/a' }), false],
    [entry('_drafts/startup.md', { title: 'A', permalink: '/a' }), false],
  ])('%#', (candidate, expected) => expect(isPublished(candidate)).toBe(expected));
});

describe('publishedInOrder', () => {
  it('puts explicit order first, then current positions, then newest first, then by title', () => {
    const entries = [
      entry('old.md', { title: 'Old', permalink: '/old', start: '2010', end: '2012' }),
      entry('pinned.md', { title: 'Pinned', permalink: '/pinned', order: 1, start: '2001', end: '2002' }),
      entry('current.md', { title: 'Current', permalink: '/current', start: '2019' }),
      entry('recent.md', { title: 'Recent', permalink: '/recent', start: '2016', end: '2019-05' }),
      entry('b.md', { title: 'Beta', permalink: '/b' }),
      entry('a.md', { title: 'Alpha', permalink: '/a' }),
      entry('draft.md', { title: 'Draft', permalink: '/draft', draft: true }),
    ];
    expect(publishedInOrder(entries).map((e) => e.data.title)).toEqual(['Pinned', 'Current', 'Recent', 'Old', 'Alpha', 'Beta']);
  });
});

describe('entryRoutes', () => {
  it('builds each published entry at its permalink, not its file name', () => {
    const routes = entryRoutes([
      entry('2018-internship.md', { title: 'AWS intern', permalink: '/work/aws-intern' }),
      entry('draft.md', { title: 'Draft', permalink: '/work/draft', draft: true }),
    ]);
    expect(routes.map((route) => route.params)).toEqual([{ permalink: 'work/aws-intern' }]);
  });

  it('gives every page the navigation of its data group, shared between the pages', () => {
    const routes = entryRoutes([
      entry('a.md', { title: 'Amazon', permalink: '/work/amazon' }),
      entry('g.md', { title: 'Georgia Tech', permalink: '/work/gt' }),
      entry('d.md', { title: 'Hidden', permalink: '/work/hidden', draft: true }),
    ]);
    const [first, second] = routes;
    expect(first?.props.navigation).toEqual({
      links: [
        { title: 'Amazon', permalink: '/work/amazon' },
        { title: 'Georgia Tech', permalink: '/work/gt' },
      ],
      total: 2,
    });
    expect(second?.props.navigation.links).toBe(first?.props.navigation.links);
  });
});

describe('navigationFor', () => {
  const group = (size: number) => Array.from({ length: size }, (_, i) => ({ title: `E${i}`, permalink: `/work/e${i}` }));
  const window = (size: number, index: number) => {
    const { links, total } = navigationFor(group(size), index);
    return { first: links[0]?.title, last: links.at(-1)?.title, count: links.length, total };
  };

  it('lists a portfolio-sized group whole', () => {
    const whole = group(FULL_NAVIGATION_LIMIT);
    expect(navigationFor(whole, 3).links).toBe(whole);
  });

  it.each([
    [100, 50, { first: 'E40', last: 'E60', count: 21, total: 100 }],
    [100, 0, { first: 'E0', last: 'E20', count: 21, total: 100 }],
    [100, 99, { first: 'E79', last: 'E99', count: 21, total: 100 }],
    [26, 25, { first: 'E5', last: 'E25', count: 21, total: 26 }],
  ])('a group of %i at %i shows its neighbours', (size, index, expected) => {
    expect(NAVIGATION_NEIGHBOURS).toBe(10);
    expect(window(size, index)).toEqual(expected);
  });
});
