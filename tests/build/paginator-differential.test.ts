/**
 * Differential test: Debian's Jekyll with jekyll-paginate (a plugin: not in `--safe` mode) builds
 * small blogs whose paginated index prints every field of `paginator`, and src/lib/liquid/ must write
 * the same for every page of the list, with as many pages. The blogs cover the edges of the pager's numbers: posts that fill the
 * last page exactly or not, one post a page, no posts at all, and an index at the site root.
 *
 * Needs `jekyll` on PATH (Debian: apt-get install -y jekyll ruby-jekyll-paginate). Without it the test is
 * skipped with one line saying so, except when REQUIRE_JEKYLL=1 (or CI) is set: then a missing Jekyll
 * is a failure.
 */
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectLiquid } from '../../src/lib/liquid/project.ts';
import { runJekyll, writeTree } from '../helpers/jekyll.ts';
import { toolAvailable } from '../helpers/tools.ts';

const OUTPUT = fileURLToPath(new URL('../.output/paginator-differential/', import.meta.url));

/** Skips with one line where Jekyll is missing; REQUIRE_JEKYLL=1 makes that a failure (tests/helpers/tools.ts). */
const jekyllAvailable = () => toolAvailable('Jekyll');

/** The index's Liquid: every field of the paginator, and whether there is one at all. */
const INDEX = `{% if paginator %}a paginator{% else %}no paginator{% endif %}
page={{ paginator.page }} per_page={{ paginator.per_page }} total_posts={{ paginator.total_posts }} total_pages={{ paginator.total_pages }}
previous_page={{ paginator.previous_page }} previous_page_path={{ paginator.previous_page_path }}
next_page={{ paginator.next_page }} next_page_path={{ paginator.next_page_path }}
posts={{ paginator.posts | size }}:{% for post in paginator.posts %} {{ post.title }} {{ post.url }} {{ post.date | date: "%Y-%m-%d" }};{% endfor %}
`;

interface Blog {
  name: string;
  posts: number;
  paginate: number;
  /** The folder of the paginated index, from the site root: `blog/` or `` (the root). */
  folder: string;
}

const BLOGS: Blog[] = [
  { name: 'five posts, two a page', posts: 5, paginate: 2, folder: 'blog/' },
  { name: 'four posts, two a page (an exact multiple)', posts: 4, paginate: 2, folder: 'blog/' },
  { name: 'three posts, one a page', posts: 3, paginate: 1, folder: 'blog/' },
  { name: 'no posts', posts: 0, paginate: 2, folder: 'blog/' },
  { name: 'fewer posts than a page, at the site root', posts: 3, paginate: 5, folder: '' },
  { name: 'an index at the site root', posts: 7, paginate: 3, folder: '' },
];

const postsOf = (count: number) =>
  Array.from({ length: count }, (_, index) => {
    const day = String(index + 1).padStart(2, '0');
    return { name: `2020-03-${day}-post-${index + 1}.md`, text: `---\ntitle: Post ${index + 1}\n---\n\nText ${index + 1}.\n` };
  });

/** Each page of the list, by number, as Jekyll wrote it: page n at `<folder>page<n>/index.html`, until one is missing. */
async function jekyllPages(site: string, folder: string): Promise<string[]> {
  const pages = [await readFile(join(site, folder, 'index.html'), 'utf8')];
  for (let page = 2; existsSync(join(site, folder, `page${page}`, 'index.html')); page++)
    pages.push(await readFile(join(site, folder, `page${page}`, 'index.html'), 'utf8'));
  return pages;
}

/** Each page of the list, by number, as our Liquid writes it for the same blog. */
async function ourPages(blog: Blog, root: string): Promise<string[]> {
  const pageFile = `src/content/pages/${blog.folder}index.md`;
  const files: Record<string, string> = { [pageFile]: `---\nlayout: blog\ntitle: Blog\npermalink: /${blog.folder}\n---\n${INDEX}` };
  for (const post of postsOf(blog.posts)) files[`src/content/posts/${post.name}`] = post.text;
  await writeTree(root, files);
  const entries = (prefix: string) =>
    Object.entries(files)
      .filter(([path]) => path.startsWith(prefix))
      .map(([path, text]) => ({ path, text }));
  const liquid = projectLiquid({
    root,
    pageFiles: entries('src/content/pages/'),
    postFiles: entries('src/content/posts/'),
    publicFiles: [],
    posts: { permalink: 'date', timezone: 'UTC', perPage: blog.paginate },
    config: { name: 'Pages' },
    url: 'https://example.org',
    baseurl: '',
  });
  return liquid.listPages(pageFile, INDEX).map((page) => {
    const result = liquid.render(pageFile, INDEX, 6, page);
    if (!result.ok) throw new Error(`our Liquid failed: ${JSON.stringify(result.problem)}`);
    return result.text;
  });
}

describe.runIf(jekyllAvailable())("jekyll-paginate's paginator: ours against Debian's Jekyll", () => {
  const jekyll = new Map<string, string[]>();
  const ours = new Map<string, string[]>();

  beforeAll(async () => {
    await rm(OUTPUT, { recursive: true, force: true });
    for (const [index, blog] of BLOGS.entries()) {
      const source = join(OUTPUT, `${index}`, 'jekyll');
      const files: Record<string, string> = {
        '_config.yml': `title: Pages\nurl: https://example.org\ntimezone: UTC\nplugins: [jekyll-paginate]\npaginate: ${blog.paginate}\npaginate_path: /${blog.folder}page:num/\n`,
        [`${blog.folder}index.html`]: `---\nlayout: null\ntitle: Blog\n---\n${INDEX}`,
      };
      for (const post of postsOf(blog.posts)) files[`_posts/${post.name}`] = post.text;
      await writeTree(source, files);
      const site = join(OUTPUT, `${index}`, 'jekyll-site');
      const built = await runJekyll(['build', '--source', source, '--destination', site], OUTPUT);
      if (built.code !== 0) throw new Error(`jekyll build failed:\n${built.output}`);
      jekyll.set(blog.name, await jekyllPages(site, blog.folder));
      ours.set(blog.name, await ourPages(blog, join(OUTPUT, `${index}`, 'ours')));
    }
  });

  it.each(BLOGS.map((blog) => blog.name))('%s: the same pages, each with the same paginator', (name) => {
    expect(ours.get(name)).toEqual(jekyll.get(name));
  });

  it('covers a list of several pages and a site without a paginator', () => {
    expect(jekyll.get('five posts, two a page')).toHaveLength(3);
    expect(jekyll.get('no posts')?.[0]).toMatch(/^no paginator/);
  });
});
