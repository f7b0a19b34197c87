import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planImport } from '../../scripts/import/plan.ts';
import { memorySource, readSource } from '../../scripts/import/source.ts';
import { siteConfigSchema } from '../../src/lib/schema/site-config.ts';
import { FIXTURES } from '../helpers/site.ts';

/**
 * tests/fixtures/import/minima-new: the shape `jekyll new` makes, minima from the gem with no
 * `header_pages` and no blog page. Debian's Jekyll 4.3.1 builds its home page with the header links
 * "About Bridges Contact" (every page with a title, by file name: `projects/bridges.md` between
 * `about.md` and `contact.md`) and lists all four posts under "Posts".
 */
function siteConfigOf(files: Record<string, string> | string): { text: string; report: string[] } {
  const result = planImport(typeof files === 'string' ? readSource(files) : memorySource(files));
  if (!result.ok) throw new Error(result.message);
  const file = result.plan.files.find((candidate) => candidate.path === 'src/site.config.ts');
  return {
    text: file && 'text' in file.content ? file.content.text : '',
    report: result.plan.report.map((line) => `${line.file ?? ''}: ${line.message}`),
  };
}

const MINIMA_NEW = join(FIXTURES, 'import', 'minima-new');
const HEADER = (links: string) =>
  `<header>{%- assign default_paths = site.pages | map: "path" -%}{%- assign page_paths = site.header_pages | default: default_paths -%}${links}</header>`;
const MINIMA_HEADER = HEADER(
  '{%- for path in page_paths -%}{%- assign my_page = site.pages | where: "path", path | first -%}{%- if my_page.title -%}<a href="{{ my_page.url }}">{{ my_page.title }}</a>{%- endif -%}{%- endfor -%}',
);
const POSTS = { '_posts/2020-01-01-one.md': '---\ntitle: One\n---\nOne.', '_posts/2021-01-01-two.md': '---\ntitle: Two\n---\nTwo.' };

describe("a minima site's home page, which listed every post", () => {
  it('lists every post on the home page, and says so', () => {
    const { text, report } = siteConfigOf(MINIMA_NEW);
    expect(text).toContain("home: { posts: 'all' },");
    expect(report).toContain("index.md: its layout listed every post, so the home page does too: `home: { posts: 'all' }` in src/site.config.ts.");
  });

  it("lists as many as the site's own copy of the layout did, and leaves a paginated list to the blog", () => {
    const home = (loop: string) => `---\nlayout: default\n---\n<div>{{ content }}<ul>{% for post in ${loop} %}<li>{{ post.title }}</li>{% endfor %}</ul></div>`;
    const site = (layout: string) => ({
      '_config.yml': 'title: Lee\ntheme: minima\n',
      'index.md': '---\nlayout: home\n---\n',
      '_layouts/home.html': layout,
      ...POSTS,
    });
    expect(siteConfigOf(site(home('site.posts limit: 2'))).text).toContain('home: { posts: 2 },');
    expect(siteConfigOf(site(home('site.posts'))).text).toContain("home: { posts: 'all' },");
    expect(siteConfigOf(site(home('paginator.posts'))).text).not.toContain('home:');
    // A layout that does not list the posts leaves the project's default.
    expect(siteConfigOf(site('---\nlayout: default\n---\n<div>{{ content }}</div>')).text).not.toContain('home:');
  });

  it('leaves the default when the loop picks among the posts, or lists them only in an outer layout', () => {
    // Debian's Jekyll 4.3.1 listed only the featured post (Two) for the first, and for the second only the newest, in the sidebar.
    const site = (layouts: Record<string, string>) => ({
      '_config.yml': 'title: Lee\n',
      'index.md': '---\nlayout: home\n---\n',
      '_posts/2020-01-01-one.md': '---\ntitle: One\n---\nOne.',
      '_posts/2021-01-01-two.md': '---\ntitle: Two\nfeatured: true\n---\nTwo.',
      ...layouts,
    });
    const featured = siteConfigOf(
      site({
        '_layouts/home.html': '<ul>{% for post in site.posts %}{% if post.featured %}<li>{{ post.title }}</li>{% endif %}{% endfor %}</ul>{{ content }}',
      }),
    );
    expect(featured.text).not.toContain('home:');
    expect(featured.report).toContain(
      "index.md: its layout listed only some posts (`{% for post in site.posts %}` with a condition inside): the home page lists the newest posts as this project's does; set `home: { posts: … }` in src/site.config.ts, or list them in the page's text.",
    );
    expect(featured.report.join('\n')).not.toContain('listed every post');
    for (const body of [
      '{% if forloop.index > 1 %}{% break %}{% endif %}<li>{{ post.title }}</li>',
      '{% unless post.featured %}<li>{{ post.title }}</li>{% endunless %}',
    ])
      expect(siteConfigOf(site({ '_layouts/home.html': `<ul>{% for post in site.posts %}${body}{% endfor %}</ul>{{ content }}` })).text).not.toContain('home:');
    const sidebar = site({
      '_layouts/default.html': '<aside>{% for post in site.posts limit: 1 %}<a href="{{ post.url }}">{{ post.title }}</a>{% endfor %}</aside>{{ content }}',
      '_layouts/home.html': '---\nlayout: default\n---\n<div>{{ content }}</div>',
    });
    expect(siteConfigOf(sidebar).text).not.toContain('home:');
  });

  it('counts a loop whose body includes a file for each post as listing every post', () => {
    const site = (body: string) => ({
      '_config.yml': 'title: Lee\n',
      'index.md': '---\nlayout: home\n---\n',
      '_includes/post-card.html': '<li><a href="{{ include.post.url }}">{{ include.post.title }}</a></li>',
      '_layouts/home.html': `<ul>{% for post in site.posts %}${body}{% endfor %}</ul>{{ content }}`,
      ...POSTS,
    });
    for (const body of ['{% include post-card.html post=post %}', '{% include_cached post-card.html post=post %}', '\n  {%- include post-card.html -%}\n']) {
      const { text, report } = siteConfigOf(site(body));
      expect(text).toContain("home: { posts: 'all' },");
      expect(report).toContain("index.md: its layout listed every post, so the home page does too: `home: { posts: 'all' }` in src/site.config.ts.");
      expect(report.join('\n')).not.toContain('only some posts');
    }
    // An include under a condition still picks.
    expect(siteConfigOf(site('{% if post.featured %}{% include post-card.html post=post %}{% endif %}')).report.join('\n')).toContain(
      'with a condition inside',
    );
  });

  it('says a loop it cannot read is not read, rather than naming a condition', () => {
    const { text, report } = siteConfigOf({
      '_config.yml': 'title: Lee\n',
      'index.md': '---\nlayout: home\n---\n',
      '_layouts/home.html': '<ul>{% for post in site.posts %}{% assign p = post %}<li>{{ p.title }}</li>{% endfor %}</ul>{{ content }}',
      ...POSTS,
    });
    expect(text).not.toContain('home:');
    expect(report).toContain(
      "index.md: its layout lists posts with `{% for post in site.posts %}` in a way this import does not read, so how many it showed is not known: the home page lists the newest posts as this project's does; set `home: { posts: … }` in src/site.config.ts, or list them in the page's text.",
    );
    expect(report.join('\n')).not.toContain('condition');
  });

  it("takes 'all' or a number of posts in the site config, and names the mistake otherwise", () => {
    expect(siteConfigSchema.parse({ name: 'Lee', description: 'Notes.', home: { posts: 'all' } }).home.posts).toBe('all');
    expect(siteConfigSchema.parse({ name: 'Lee', description: 'Notes.' }).home.posts).toBe(3);
    const wrong = siteConfigSchema.safeParse({ name: 'Lee', description: 'Notes.', home: { posts: 'every' } });
    expect(wrong.success).toBe(false);
    expect(wrong.error?.issues[0]?.message).toBe("must be a number of posts, like posts: 3, or 'all'.");
  });
});

describe("a minima site's header without header_pages", () => {
  it('links every page with a title, ordered by file name as Jekyll sorts site.pages', () => {
    const { text, report } = siteConfigOf(MINIMA_NEW);
    expect(text).toContain(
      [
        '  navigation: [',
        "    { label: 'About', href: '/about/' },",
        "    { label: 'Bridges', href: '/projects/bridges.html' },",
        "    { label: 'Contact', href: '/contact.html' },",
        '  ],',
      ].join('\n'),
    );
    expect(report).toContain(
      "_config.yml: has no header_pages, so minima's header linked every page with a title, by file name: the header's navigation in src/site.config.ts (About, Bridges, Contact).",
    );
  });

  it("reads the site's own copy of minima's header, and only when a layout includes it", () => {
    const base = {
      '_config.yml': 'title: Lee\n',
      'index.md': '---\nlayout: default\n---\nHi.',
      'about.md': '---\nlayout: default\ntitle: About me\n---\nMe.',
      '_includes/header.html': MINIMA_HEADER,
    };
    const shown = { ...base, '_layouts/default.html': '<html><body>{%- include header.html -%}{{ content }}</body></html>' };
    expect(siteConfigOf(shown).text).toContain("{ label: 'About me', href: '/about.html' },");
    // jekyll-include-cache's tag includes it too.
    const cached = { ...base, '_layouts/default.html': '<html><body>{% include_cached header.html %}{{ content }}</body></html>' };
    expect(siteConfigOf(cached).text).toContain("{ label: 'About me', href: '/about.html' },");
    const hidden = { ...base, '_layouts/default.html': '<html><body>{{ content }}</body></html>' };
    expect(siteConfigOf(hidden).text).not.toContain('navigation:');
    // A header with its own links is not minima's fallback: the project's default navigation stays.
    const own = { ...shown, '_includes/header.html': '<header><a href="/">Home</a><a href="/about.html">About me</a></header>' };
    expect(siteConfigOf(own).text).not.toContain('navigation:');
  });

  it('leaves header_pages in charge when the site has it', () => {
    const withPages = siteConfigOf({
      '_config.yml': 'title: Lee\ntheme: minima\nheader_pages:\n  - contact.md\n',
      'about.md': '---\ntitle: About\n---\nA.',
      'contact.md': '---\ntitle: Contact\n---\nC.',
    });
    expect(withPages.text).toContain("{ label: 'Contact', href: '/contact.html' },");
    expect(withPages.text).not.toContain("label: 'About'");
  });
});
