import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planImport } from '../../scripts/import/plan.ts';
import { memorySource, readSource } from '../../scripts/import/source.ts';
import { FIXTURES } from '../helpers/site.ts';

/**
 * tests/fixtures/import/data-nav: a hand-made theme whose layout's `<nav>` loops over
 * `_data/menu.yml`, with `{% seo %}` in its head. Debian's Jekyll 4.3.1 writes the home page's nav as
 * Blog (`/index.html`), Projects (`/projects.html`), Talks (`/talks.html`, a page the site does not
 * have), Code (`http://git.example.org/mira`), then `#top` and a `mailto:` link.
 */
function imported(site: Record<string, string> | string): { config: string; report: string[] } {
  const result = planImport(typeof site === 'string' ? readSource(site) : memorySource(site));
  if (!result.ok) throw new Error(result.message);
  const file = result.plan.files.find((candidate) => candidate.path === 'src/site.config.ts');
  return {
    config: file && 'text' in file.content ? file.content.text : '',
    report: result.plan.report.map((line) => `${line.file ?? ''}: ${line.message}`),
  };
}

describe('the navigation of a theme the site made itself', () => {
  it('is the links its layout wrote for the home page, each at the address the site served', () => {
    const { config, report } = imported(join(FIXTURES, 'import', 'data-nav'));
    expect(config).toContain(
      [
        '  navigation: [',
        "    { label: 'Blog', href: '/' },",
        "    { label: 'Projects', href: '/projects.html' },",
        "    { label: 'Code', href: 'https://git.example.org/mira' },",
        '  ],',
      ].join('\n'),
    );
    expect(report).toContain(
      'index.html: its layout "default" showed a navigation (Blog, Projects, Code): it is the header\'s navigation in src/site.config.ts.',
    );
    // The navigation takes only https:, so it is written so, and the owner is told.
    expect(report).toContainEqual(
      expect.stringContaining(
        'index.html: its layout "default"\'s navigation links "Code" to http://git.example.org/mira: written https://git.example.org/mira',
      ),
    );
  });

  it('reads plain links in an include, and leaves the default when the layout has no <nav>', () => {
    const site = {
      '_config.yml': 'title: Lee\n',
      '_includes/header.html': '<header><nav><a href="{{ "/" | relative_url }}">Home</a> <a href="/about/">About <b>me</b></a></nav></header>',
      '_layouts/default.html': '<html><body>{% include header.html %}{{ content }}</body></html>',
      'index.md': '---\nlayout: default\n---\nHi.',
      'about.md': '---\nlayout: default\ntitle: About\npermalink: /about/\n---\nMe.',
    };
    expect(imported(site).config).toContain("    { label: 'Home', href: '/' },\n    { label: 'About me', href: '/about/' },\n");
    const plain = { ...site, '_includes/header.html': '<header><a href="/">Home</a></header>' };
    expect(imported(plain).config).not.toContain('navigation:');
  });

  it('gives way to _data/navigation.yml', () => {
    const site = {
      '_config.yml': 'title: Lee\n',
      '_data/navigation.yml': 'main:\n  - title: Notes\n    url: /notes/\n',
      '_layouts/default.html': '<html><body><nav><a href="/about/">About</a></nav>{{ content }}</body></html>',
      'index.md': '---\nlayout: default\n---\nHi.',
      'about.md': '---\nlayout: default\ntitle: About\npermalink: /about/\n---\nMe.',
      'notes.md': '---\nlayout: default\ntitle: Notes\npermalink: /notes/\n---\nN.',
    };
    const { config } = imported(site);
    expect(config).toContain("{ label: 'Notes', href: '/notes/' }");
    expect(config).not.toContain("label: 'About'");
  });
});

/**
 * Sites checked against Debian's Jekyll 4.3.1: a sidebar `<nav>` as Hyde and Lanyon write it (Home,
 * then every page with a title from `site.pages`, then fixed links) showed Home, About, Projects,
 * Download, GitHub project; a header as al-folio writes it (a variable assigned from `site.pages`
 * before its `<nav>`) showed the owner's name, then About and Projects.
 */
describe("a <nav> that lists the site's pages", () => {
  const pages = {
    '_config.yml': 'title: Lee\nurl: https://lee.example.org\n',
    'index.md': '---\nlayout: default\n---\nHi.',
    'about.md': '---\nlayout: default\ntitle: About\npermalink: /about/\n---\nMe.',
    'projects.md': '---\nlayout: default\ntitle: Projects\npermalink: /projects/\n---\nWork.',
    'download.md': '---\nlayout: default\npermalink: /download/\n---\nGet it.',
  };

  it("is the links it wrote from site.pages, in Jekyll's order, in an include or through a variable", () => {
    const hyde = {
      ...pages,
      '_includes/sidebar.html': [
        '<nav class="sidebar-nav">',
        '  <a href="{{ site.baseurl }}/">Home</a>',
        '  {% for node in site.pages %}{% if node.title %}<a href="{{ node.url }}">{{ node.title }}</a>{% endif %}{% endfor %}',
        '  <a href="{{ site.url }}/download/">Download</a>',
        '  <a href="http://github.com/lee/site">GitHub project</a>',
        '</nav>',
      ].join('\n'),
      '_layouts/default.html': '<html><body>{% include sidebar.html %}{{ content }}</body></html>',
    };
    const { config, report } = imported(hyde);
    expect(config).toContain(
      [
        "    { label: 'Home', href: '/' },",
        "    { label: 'About', href: '/about/' },",
        "    { label: 'Projects', href: '/projects/' },",
        "    { label: 'Download', href: '/download/' },",
        "    { label: 'GitHub project', href: 'https://github.com/lee/site' },",
      ].join('\n'),
    );
    expect(report).toContain(
      'index.md: its layout "default" showed a navigation (Home, About, Projects, Download, GitHub project): it is the header\'s navigation in src/site.config.ts.',
    );
    const alFolio = {
      ...pages,
      '_includes/header.html': [
        '{%- assign sorted_pages = site.pages | sort: "title" -%}',
        '<nav><a href="{{ site.url }}/">Lee</a>',
        '{%- for p in sorted_pages -%}{%- if p.title -%}<a href="{{ p.url | relative_url }}">{{ p.title }}</a>{%- endif -%}{%- endfor -%}',
        '</nav>',
      ].join('\n'),
      '_layouts/default.html': '<html><body>{% include_cached header.html %}{{ content }}</body></html>',
    };
    expect(imported(alFolio).config).toContain(
      ["    { label: 'Lee', href: '/' },", "    { label: 'About', href: '/about/' },", "    { label: 'Projects', href: '/projects/' },"].join('\n'),
    );
  });

  it("picks the pages as the theme did: Lanyon's `layout: page`, Hydeout's `sidebar_link` sorted by `sidebar_sort_order`", () => {
    const lanyon = {
      ...pages,
      'about.md': '---\nlayout: page\ntitle: About\n---\nMe.',
      '_layouts/page.html': '---\nlayout: default\n---\n<h1>{{ page.title }}</h1>{{ content }}',
      '_layouts/default.html': [
        '<html><body><nav class="sidebar-nav"><a href="{{ site.baseurl }}/">Home</a>',
        '{% assign pages_list = site.pages %}{% for node in pages_list %}{% if node.title != null %}{% if node.layout == "page" %}',
        '<a class="sidebar-nav-item{% if page.url == node.url %} active{% endif %}" href="{{ node.url }}">{{ node.title }}</a>',
        '{% endif %}{% endif %}{% endfor %}</nav>{{ content }}</body></html>',
      ].join(''),
    };
    expect(imported(lanyon).config).toContain("    { label: 'Home', href: '/' },\n    { label: 'About', href: '/about.html' },\n  ],");
    const hydeout = {
      ...pages,
      'about.md': '---\nlayout: default\ntitle: About\nsidebar_link: true\nsidebar_sort_order: 2\npermalink: /about/\n---\nMe.',
      'zines.md': '---\nlayout: default\ntitle: Zines\nsidebar_link: true\nsidebar_sort_order: 1\n---\nZ.',
      '_includes/page-links.html':
        '{% assign pages_list = site.pages|sort:"sidebar_sort_order" %}{% for node in pages_list %}{% if node.title != null %}{% if node.sidebar_link %}<a href="{{ node.url | relative_url }}">{{ node.title }}</a>{% endif %}{% endif %}{% endfor %}',
      '_layouts/default.html':
        '<html><body><nav id="sidebar-nav-links"><a class="home-link" href="{{ "/" | relative_url }}">Home</a>{% include page-links.html %}</nav>{{ content }}</body></html>',
    };
    expect(imported(hydeout).config).toContain(
      "    { label: 'Home', href: '/' },\n    { label: 'Zines', href: '/zines.html' },\n    { label: 'About', href: '/about/' },\n  ],",
    );
  });

  it('leaves the default header when the nav lists the posts, which the run does not have', () => {
    const site = {
      ...pages,
      '_layouts/default.html':
        '<html><body><nav><a href="/about/">About</a>{% for post in site.posts limit: 3 %}<a href="{{ post.url }}">{{ post.title }}</a>{% endfor %}</nav>{{ content }}</body></html>',
    };
    expect(imported(site).config).not.toContain('navigation:');
  });

  it("turns links to the site's own url back into its paths and writes other http: links https:", () => {
    const site = {
      ...pages,
      '_config.yml': 'title: Lee\nurl: https://lee.example.org\nbaseurl: /site\n',
      '_layouts/default.html': [
        '<html><body><nav>',
        '<a href="{{ site.url }}{{ site.baseurl }}/">Home</a>',
        '<a href="{{ site.url }}/about/">About</a>',
        '<a href="http://lee.example.org/site/projects/">Projects</a>',
        '<a href="http://code.example.org/lee">Code</a>',
        '</nav>{{ content }}</body></html>',
      ].join(''),
    };
    expect(imported(site).config).toContain(
      [
        "    { label: 'Home', href: '/' },",
        "    { label: 'About', href: '/about/' },",
        "    { label: 'Projects', href: '/projects/' },",
        "    { label: 'Code', href: 'https://code.example.org/lee' },",
      ].join('\n'),
    );
  });

  it('leaves the default header when the nav links only the home page', () => {
    const site = { ...pages, '_layouts/default.html': '<html><body><nav><a href="{{ site.url }}/">Lee</a></nav>{{ content }}</body></html>' };
    expect(imported(site).config).not.toContain('navigation:');
  });
});
