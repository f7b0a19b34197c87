import { describe, expect, it } from 'vitest';
import { checkSite, type ContentFile, type SiteCheckInput } from '../../src/lib/checks/site.ts';

const PAGES = 'src/content/pages';
const POSTS = 'src/content/posts';
const page = (front: string, body = 'Body.') => `---\n${front}\n---\n\n${body}\n`;
const pageFile = (name: string, text: string): ContentFile => ({ path: `${PAGES}/${name}`, text });
const postFile = (day: number): ContentFile => ({ path: `${POSTS}/2020-01-${String(day).padStart(2, '0')}-post-${day}.md`, text: page(`title: Post ${day}`) });

function problems(input: Partial<SiteCheckInput>) {
  return checkSite({
    pagesDir: PAGES,
    pageFiles: [
      pageFile('index.md', page('layout: home\ntitle: Home\nheadline: Hi\npermalink: /')),
      pageFile('blog.md', page('layout: blog\ntitle: Blog\npermalink: /blog/')),
    ],
    postsDir: POSTS,
    postFiles: [],
    posts: { permalink: 'date', timezone: 'UTC', perPage: 2 },
    dataFiles: [],
    routes: [
      { path: '/404', file: 'src/pages/404.astro' },
      { path: '/feed.xml', file: 'src/pages/feed.xml.ts' },
    ],
    publicFiles: ['favicon.svg'],
    ...input,
  }).problems.map((p) => `${p.file} ${p.field}${p.line ? `:${p.line}` : ''}: ${p.message}`);
}

describe('a clash with a page the site makes fails and names both sides', () => {
  it('passes a site without one', () => {
    expect(problems({ postFiles: [1, 2, 3].map(postFile) })).toEqual([]);
  });

  it.each([
    ['404.html', 'src/pages/404.astro'],
    ['feed.xml', 'src/pages/feed.xml.ts'],
    ['sitemap.xml', 'crawler-files.ts'],
    ['sitemap-index.xml', '@astrojs/sitemap'],
    ['Sitemap-0.XML', '@astrojs/sitemap'],
  ])('public/%s', (file, maker) => {
    const found = problems({ publicFiles: ['favicon.svg', file] });
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(`public/${file} file: would replace a page the site makes`);
    expect(found[0]).toContain(maker);
  });

  it('public/atom.xml, where posts.feeds serves the feed too', () => {
    const found = problems({ posts: { permalink: 'date', timezone: 'UTC', perPage: 2, feeds: ['/atom.xml'] }, publicFiles: ['atom.xml'] });
    expect(found).toEqual([
      'public/atom.xml file: would replace a page the site makes at the same address: the Atom feed at another address (posts.feeds in src/site.config.ts). Remove or rename public/atom.xml.',
    ]);
  });

  it("a page at the blog's second page", () => {
    const found = problems({
      postFiles: [1, 2, 3].map(postFile),
      pageFiles: [
        pageFile('index.md', page('layout: home\ntitle: Home\nheadline: Hi\npermalink: /')),
        pageFile('blog.md', page('layout: blog\ntitle: Blog\npermalink: /blog/')),
        pageFile('old.md', page('layout: page\ntitle: Old\npermalink: /blog/page2/')),
      ],
    });
    expect(found).toEqual([
      `${PAGES}/old.md permalink:4: "/blog/page2/" is the address of a page the site makes: page 2 of the blog's list (${PAGES}/blog.md). Choose another permalink.`,
    ]);
  });

  it("a public file at the blog's second page, only once there is one", () => {
    expect(problems({ postFiles: [1, 2].map(postFile), publicFiles: ['blog/page2/index.html'] })).toEqual([]);
    expect(problems({ postFiles: [1, 2, 3].map(postFile), publicFiles: ['blog/page2/index.html'] })).toEqual([
      `public/blog/page2/index.html file: would replace a page the site makes at the same address: page 2 of the blog's list (${PAGES}/blog.md). Remove or rename public/blog/page2/index.html.`,
    ]);
  });

  it('a public index.html while the site makes its default home page', () => {
    const found = problems({ pageFiles: [pageFile('blog.md', page('layout: blog\ntitle: Blog\npermalink: /blog/'))], publicFiles: ['index.html'] });
    expect(found).toEqual([expect.stringContaining('public/index.html file: would replace a page the site makes at the same address: the default home page')]);
  });
});
