import { describe, expect, it } from 'vitest';
import { currentState, defaultNavigation, pageSection } from '../../src/lib/routing/navigation.ts';
import { newestFirst, pageViews, paginationPath, routesOf, type PageLike, type PostListing, type RecordLike } from '../../src/lib/routing/pages.ts';
import type { PageData } from '../../src/lib/schema/page.ts';

const page = (id: string, data: Partial<PageData> & Pick<PageData, 'layout' | 'title' | 'permalink'>): PageLike => ({
  id,
  filePath: `src/content/pages/${id}`,
  data: { draft: false, ...data },
});
const record = (id: string, position: number, extra: Partial<RecordLike<string>['data']> = {}): RecordLike<string> => ({
  id,
  data: { position, links: [], press: [], awards: [], honors: [], ...extra },
});
const post = (title: string, day: string): PostListing<string> => ({
  post: title,
  title,
  facts: {
    permalink: `/${day.replaceAll('-', '/')}/${title.toLowerCase()}.html`,
    published: new Date(`${day}T00:00:00Z`),
    day,
    dateTime: `${day}T00:00:00+00:00`,
    categories: [],
  },
});

const PAGES = [
  page('work.md', { layout: 'work', title: 'Work', data: 'work', permalink: '/work/' }),
  page('work/b.md', { layout: 'work_page', title: 'Beta', data: 'work', permalink: '/work/b' }),
  page('work/a.md', { layout: 'work_page', title: 'Alpha', data: 'work', permalink: '/work/a.html' }),
  page('work/secret.md', { layout: 'work_page', title: 'Secret', data: 'work', permalink: '/work/secret', draft: true }),
  page('blog.md', { layout: 'blog', title: 'Blog', permalink: '/blog/' }),
];
const RECORDS = new Map([
  [
    'work',
    [
      record('Beta', 1, { page: 'b', summary: 'Second' }),
      record('Alpha', 0, { page: 'a', summary: 'First', links: [{ name: 'Site', ref: 'https://a.example' }] }),
      record('Gamma', 2),
    ],
  ],
]);

describe('pageViews', () => {
  const views = pageViews(PAGES, RECORDS, [post('Old', '2019-01-01'), post('New', '2020-01-01'), post('Mid', '2019-06-01')], 2);

  it("lists a group index's records in file order as tiles, each leading to its entry", () => {
    const index = views.find((view) => view.layout === 'work');
    expect(index?.layout === 'work' && index.tiles.map((tile) => [tile.name, tile.summary, tile.href])).toEqual([
      ['Alpha', 'First', '/work/a.html'],
      ['Beta', 'Second', '/work/b'],
      ['Gamma', undefined, undefined],
    ]);
  });

  it("gives an entry its record, with only the non-empty link lists, and its group's index", () => {
    const alpha = views.find((view) => view.permalink === '/work/a.html');
    expect(alpha?.layout === 'work_page' && [alpha.record?.summary, alpha.record?.lists, alpha.index]).toEqual([
      'First',
      [{ heading: 'Links', links: [{ name: 'Site', href: 'https://a.example' }] }],
      { title: 'Work', permalink: '/work/' },
    ]);
  });

  it('leaves drafts out and makes a home page when no page has "/"', () => {
    expect(views.map((view) => view.permalink)).not.toContain('/work/secret');
    expect(views.filter((view) => view.layout === 'default-home').map((view) => view.permalink)).toEqual(['/']);
  });

  it('pages the blog newest first, and links each post to the older and newer one', () => {
    const blog = views.filter((view) => view.layout === 'blog');
    expect(blog.map((view) => view.layout === 'blog' && [view.permalink, view.posts.map((listing) => listing.title), view.pagination])).toEqual([
      ['/blog/', ['New', 'Mid'], { current: 1, total: 2, previous: undefined, next: '/blog/page2/' }],
      ['/blog/page2/', ['Old'], { current: 2, total: 2, previous: '/blog/', next: undefined }],
    ]);
    const mid = views.find((view) => view.layout === 'post' && view.listing.title === 'Mid');
    expect(mid?.layout === 'post' && [mid.previous?.title, mid.next?.title]).toEqual(['Old', 'New']);
  });

  it('splits the views between the file route and the folder route', () => {
    expect(routesOf(views, 'folder').map((route) => route.params)).toEqual([{ folder: 'work' }, { folder: 'blog' }, { folder: 'blog/page2' }]);
    expect(routesOf(views, 'file').map((route) => route.params['permalink'])).toEqual([
      'work/b',
      'work/a',
      '2020/01/01/new',
      '2019/06/01/mid',
      '2019/01/01/old',
      undefined,
    ]);
  });
});

describe('paginationPath', () => {
  it.each([
    ['/blog/', 1, '/blog/'],
    ['/blog/', 3, '/blog/page3/'],
    ['/notes.html', 2, '/notes/page2/'],
  ])('%s page %i is %s', (blog, page, path) => {
    expect(paginationPath(blog, page)).toBe(path);
  });
});

describe('navigation', () => {
  it('defaults to the home page, each group index and the blog', () => {
    expect(defaultNavigation(pageViews(PAGES, RECORDS, [], 10))).toEqual([
      { label: 'Home', href: '/' },
      { label: 'Work', href: '/work/' },
      { label: 'Blog', href: '/blog/' },
    ]);
  });

  it('lists posts of one moment as Jekyll did: the later path first', () => {
    const listed = (title: string, day: string) => ({ ...post(title, day), path: `${day}-${title}.md` });
    const posts = [listed('Part3', '2021-06-13'), listed('Part4', '2021-06-13'), listed('Part2', '2021-06-05'), listed('Part5', '2021-06-26')];
    expect(newestFirst(posts).map((entry) => entry.title)).toEqual(['Part5', 'Part4', 'Part3', 'Part2']);
    const blog = pageViews([page('blog.md', { layout: 'blog', title: 'Blog', permalink: '/blog/' })], new Map(), posts, 2);
    expect(blog.flatMap((view) => (view.layout === 'blog' ? [view.posts.map((entry) => entry.title)] : []))).toEqual([
      ['Part5', 'Part4'],
      ['Part3', 'Part2'],
    ]);
  });

  it('links a blog at the site root once, as the home page', () => {
    const pages = [
      page('index.md', { layout: 'blog', title: 'Home', permalink: '/' }),
      page('about.md', { layout: 'page', title: 'About', permalink: '/about' }),
    ];
    expect(defaultNavigation(pageViews(pages, new Map(), [post('Hello', '2024-01-02')], 5))).toEqual([{ label: 'Home', href: '/' }]);
  });

  it.each([
    ['/work/', '/work/', 'page'],
    ['/work', '/work/', 'page'],
    ['/work/', '/work/a.html', 'true'],
    ['/', '/work/a', undefined],
    ['/', '/', 'page'],
    ['/assets/files/resume.pdf', '/work/', undefined],
    ['https://example.com', '/', undefined],
  ])('a link to %s on the page %s is current: %s', (href, path, state) => {
    expect(currentState(href, path)).toBe(state);
  });
});

describe('the section a page belongs to', () => {
  const views = pageViews(PAGES, RECORDS, [post('Hello', '2019-06-10')], 10);

  it('marks the blog current on a post, whose address is outside /blog/', () => {
    const section = pageSection(views, '/2019/06/10/hello.html');
    expect(section).toBe('/blog/');
    expect(currentState('/blog/', '/2019/06/10/hello.html', section)).toBe('true');
    expect(currentState('/work/', '/2019/06/10/hello.html', section)).toBeUndefined();
  });

  it('marks the group index current on its entries, and nothing on a plain page', () => {
    expect(pageSection(views, '/work/b')).toBe('/work/');
    expect(pageSection(views, '/blog/')).toBeUndefined();
    expect(pageSection(views, '/nowhere')).toBeUndefined();
  });
});
