import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSite, type ContentFile } from '../../src/lib/checks/site.ts';
import { listPageCount, paginatorOf, readsPaginator } from '../../src/lib/liquid/paginator.ts';
import { projectLiquid } from '../../src/lib/liquid/project.ts';
import { excerptSource } from '../../src/lib/liquid/site.ts';
import { paginationPath } from '../../src/lib/routing/pages.ts';

const PAGES = 'src/content/pages';
const POSTS = 'src/content/posts';
const pathOf = (page: number) => paginationPath('/blog/', page);
/** Posts named by number, newest first, as `site.posts` holds them. */
const posts = (count: number) => Array.from({ length: count }, (_, index) => `post ${count - index}`);

describe("the paginator's numbers, as jekyll-paginate 1.1's Pager computes them", () => {
  it('gives each page its posts, its neighbours and their paths', () => {
    expect([1, 2, 3].map((page) => paginatorOf(posts(5), 2, page, pathOf))).toEqual([
      {
        page: 1,
        per_page: 2,
        posts: ['post 5', 'post 4'],
        total_posts: 5,
        total_pages: 3,
        previous_page: null,
        previous_page_path: null,
        next_page: 2,
        next_page_path: '/blog/page2/',
      },
      {
        page: 2,
        per_page: 2,
        posts: ['post 3', 'post 2'],
        total_posts: 5,
        total_pages: 3,
        previous_page: 1,
        previous_page_path: '/blog/',
        next_page: 3,
        next_page_path: '/blog/page3/',
      },
      {
        page: 3,
        per_page: 2,
        posts: ['post 1'],
        total_posts: 5,
        total_pages: 3,
        previous_page: 2,
        previous_page_path: '/blog/page2/',
        next_page: null,
        next_page_path: null,
      },
    ]);
  });

  it('fills the last page when the posts are an exact multiple of the page size', () => {
    const last = paginatorOf(posts(4), 2, 2, pathOf);
    expect(last).toMatchObject({ posts: ['post 2', 'post 1'], total_pages: 2, next_page: null, next_page_path: null });
    expect(listPageCount(4, 2)).toBe(2);
    expect(paginatorOf(posts(4), 2, 3, pathOf)).toBeUndefined();
  });

  it('gives one post a page with `paginate: 1`', () => {
    expect([1, 2, 3].map((page) => paginatorOf(posts(3), 1, page, pathOf)?.posts)).toEqual([['post 3'], ['post 2'], ['post 1']]);
    expect(paginatorOf(posts(3), 1, 2, pathOf)).toMatchObject({ total_pages: 3, previous_page_path: '/blog/', next_page_path: '/blog/page3/' });
  });

  it('makes no paginator without posts, as jekyll-paginate makes no pager, though the index is still built', () => {
    expect(paginatorOf([], 2, 1, pathOf)).toBeUndefined();
    expect(listPageCount(0, 2)).toBe(1);
  });

  it('numbers the pages of a blog at the site root as jekyll-paginate does there', () => {
    expect(paginatorOf(posts(3), 2, 1, (page) => paginationPath('/', page))?.next_page_path).toBe('/page2/');
    expect(paginatorOf(posts(3), 2, 2, (page) => paginationPath('/', page))?.previous_page_path).toBe('/');
  });
});

describe('which bodies list the posts through `paginator`', () => {
  it.each([
    ['{% for post in paginator.posts %}{{ post.title }}{% endfor %}', true],
    ['{{ paginator.next_page_path }}', true],
    ['{%- if paginator.previous_page -%}newer{%- endif -%}', true],
    ['{% for post in site.posts %}{{ post.title }}{% endfor %}', false],
    ['The paginator of Jekyll is not used here.', false],
    ['{{ paginators }}', false],
  ])('%s: %s', (body, reads) => {
    expect(readsPaginator(body)).toBe(reads);
  });
});

const page = (front: string, body: string) => `---\n${front}\n---\n${body}\n`;
const post = (date: string, title: string): ContentFile => ({
  path: `${POSTS}/${date}-${title.toLowerCase().replace(/ /g, '-')}.md`,
  text: page(`title: ${title}`, 'Text.'),
});
const POST_FILES = [post('2019-01-01', 'First'), post('2020-01-01', 'Second'), post('2021-01-01', 'Third')];
const LIST = '{% for post in paginator.posts %}[{{ post.title }}]{% endfor %} {{ paginator.page }}/{{ paginator.total_pages }} {{ paginator.next_page_path }}';

function liquidFor(pageFiles: ContentFile[], perPage = 2) {
  return projectLiquid({
    root: mkdtempSync(join(tmpdir(), 'paginator-')),
    pageFiles,
    postFiles: POST_FILES,
    publicFiles: [],
    posts: { permalink: 'date', timezone: 'UTC', perPage },
    config: {},
    url: 'https://x.github.io',
    baseurl: '',
  });
}

describe("the blog index's Liquid, once per page of the list", () => {
  const blog = { path: `${PAGES}/blog.md`, text: page('layout: blog\ntitle: Blog\npermalink: /blog/', LIST) };
  const plain = { path: `${PAGES}/about.md`, text: page('layout: page\ntitle: About\npermalink: /about/', LIST) };

  it('runs for each page with its paginator, posts newest first', () => {
    const liquid = liquidFor([blog, plain]);
    expect(liquid.listPages(blog.path, LIST)).toEqual([1, 2]);
    expect(liquid.listPages(blog.path, LIST).map((number) => liquid.render(blog.path, LIST, 5, number))).toEqual([
      { ok: true, text: '[Third][Second] 1/2 /blog/page2/' },
      { ok: true, text: '[First] 2/2 ' },
    ]);
  });

  it('gives no paginator to any other page, and runs it once', () => {
    const liquid = liquidFor([blog, plain]);
    expect(liquid.listPages(plain.path, LIST)).toEqual([1]);
    expect(liquid.render(plain.path, LIST, 5)).toEqual({ ok: true, text: ' / ' });
  });

  it('runs a blog index that does not read paginator once', () => {
    const liquid = liquidFor([blog]);
    expect(liquid.listPages(blog.path, '{{ site.posts.size }} posts')).toEqual([1]);
  });

  it('names the file, the line and the construct of a mistake in it', () => {
    const body = 'Posts:\n{% for post in paginator.posts %}{{ post.title | shout }}{% endfor %}';
    const result = liquidFor([{ path: blog.path, text: page('layout: blog\ntitle: Blog\npermalink: /blog/', body) }]).render(blog.path, body, 5, 2);
    expect(result).toMatchObject({ ok: false, problem: { file: blog.path, line: 6, field: 'Liquid {{ post.title | shout }}' } });
  });
});

describe("the checks of what the blog index's Liquid writes", () => {
  it('checks the text of every page of the list, and says which page a problem is on', () => {
    const body = '{% for post in paginator.posts %}{{ post.title }}{% endfor %}\n{% if paginator.page == 2 %}<script>alert(1)</script>{% endif %}';
    const result = checkSite({
      pagesDir: PAGES,
      pageFiles: [{ path: `${PAGES}/blog.md`, text: page('layout: blog\ntitle: Blog\npermalink: /blog/', body) }],
      postsDir: POSTS,
      postFiles: POST_FILES,
      posts: { permalink: 'date', timezone: 'UTC', perPage: 2 },
      dataFiles: [],
      routes: [],
      publicFiles: [],
      rootDir: mkdtempSync(join(tmpdir(), 'paginator-checks-')),
    });
    expect(result.problems.map((problem) => [problem.file, problem.line, problem.message.replace(/^[\s\S]*\(in/, '(in')])).toEqual([
      [`${PAGES}/blog.md`, 7, "(in what the page's Liquid writes for page 2 of the list, at its line 2)"],
    ]);
  });
  it('says which page of the list a Liquid mistake is on when the first page does not make it', () => {
    const body = '{% for post in paginator.posts %}{{ post.title }}{% endfor %}\n{% if paginator.page == 2 %}{% include missing.html %}{% endif %}';
    const result = checkSite({
      pagesDir: PAGES,
      pageFiles: [{ path: `${PAGES}/blog.md`, text: page('layout: blog\ntitle: Blog\npermalink: /blog/', body) }],
      postsDir: POSTS,
      postFiles: POST_FILES,
      posts: { permalink: 'date', timezone: 'UTC', perPage: 2 },
      dataFiles: [],
      routes: [],
      publicFiles: [],
      rootDir: mkdtempSync(join(tmpdir(), 'paginator-checks-')),
    });
    expect(result.problems.map((problem) => [problem.file, problem.message.endsWith('(for page 2 of the list)')])).toEqual([[`${PAGES}/blog.md`, true]]);
  });
});

describe("a post's excerpt, as the paginated list prints it", () => {
  it("keeps the footnote and link definitions of the rest that it uses, as Jekyll's excerpt does", () => {
    const body =
      '\nSaves space, but pays in latency[^1] and [more][docs].\n\nTerm\n: A definition.\n\n[^1]: Measured on 4 KB objects.\n[^2]: Not used above.\n[docs]: /docs/\n';
    expect(excerptSource(body, '\n\n')).toBe('Saves space, but pays in latency[^1] and [more][docs].\n\n[^1]: Measured on 4 KB objects.\n[docs]: /docs/');
    expect(excerptSource('One paragraph only.', '\n\n')).toBe('One paragraph only.');
  });

  it("ends the block tags a cut leaves open, as Jekyll's excerpt does, so its Liquid runs", () => {
    expect(excerptSource('{% if page.x %}\nIntro\n\nMore\n{% endif %}', '\n\n')).toBe('{% if page.x %}\nIntro\n{% endif %}');
    // The last opened is ended first; a block with its end in the excerpt, and a plain tag, are left as they are.
    expect(excerptSource('{% for p in site.posts %}{% if p.x %}{{ p.title }}{% endif %}{% assign n = 1 %}\n\nRest {% endfor %}', '\n\n')).toBe(
      '{% for p in site.posts %}{% if p.x %}{{ p.title }}{% endif %}{% assign n = 1 %}\n{% endfor %}',
    );
    expect(excerptSource('{% highlight ruby %}\nputs 1\n\nputs 2\n{% endhighlight %}', '\n\n')).toBe('{% highlight ruby %}\nputs 1\n{% endhighlight %}');
  });

  it("runs the post's Liquid first, with the post as `page`", () => {
    const liquid = projectLiquid({
      root: mkdtempSync(join(tmpdir(), 'paginator-excerpt-')),
      pageFiles: [],
      postFiles: [
        {
          path: `${POSTS}/2020-01-01-a.md`,
          text: page('title: A\ntags: [x, y]', 'Tagged {{ page.tags | size }} ways, one of {{ site.posts.size }}[^1].\n\nMore.\n\n[^1]: A note.'),
        },
      ],
      publicFiles: [],
      posts: { permalink: 'date', timezone: 'UTC' },
      config: {},
      url: '',
      baseurl: '',
    });
    const result = liquid.render(`${PAGES}/x.md`, '{{ site.posts.first.excerpt }}', 1);
    expect(result.ok && result.text).toMatch(/^<p>Tagged 2 ways, one of 1<sup>[\s\S]*A note\./);
  });
});
