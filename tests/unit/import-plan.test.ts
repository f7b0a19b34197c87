import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planImport, type ImportPlan } from '../../scripts/import/plan.ts';
import { sortReport } from '../../scripts/import/report.ts';
import { memorySource, readSource } from '../../scripts/import/source.ts';
import { PORTFOLIO, PORTFOLIO_URLS } from '../helpers/jekyll-fixture.ts';

const CONFIG = 'title: Jane Doe\nemail: jane@example.org\nplugins: [jekyll-feed, jekyll-sitemap]\n';

function plan(files: Record<string, string>): ImportPlan {
  const result = planImport(memorySource({ '_config.yml': CONFIG, ...files }));
  if (!result.ok) throw new Error(result.message);
  return result.plan;
}

const text = (plan: ImportPlan, path: string): string | undefined => {
  const file = plan.files.find((candidate) => candidate.path === path);
  return file === undefined ? undefined : 'text' in file.content ? file.content.text : `(copy of ${file.content.copy})`;
};
const messages = (plan: ImportPlan, kind?: string) =>
  sortReport(plan.report.filter((line) => kind === undefined || line.kind === kind)).map((line) => `${line.file ?? ''}: ${line.message}`);
const liveUrls = (plan: ImportPlan) => [...new Set(plan.urls.filter((url) => !url.retired).map((url) => url.url))].sort();

describe('the example site (tests/fixtures/import/portfolio)', () => {
  const result = planImport(readSource(PORTFOLIO));
  if (!result.ok) throw new Error(result.message);
  const example = result.plan;

  it('lists exactly the URLs Jekyll served', () => {
    const written = text(example, 'src/data/legacy-urls.txt') ?? '';
    // The URL list names pages as the site links them, without ".html"; the import writes Jekyll's own URL.
    const asLinked = (url: string) => url.replace(/\.html$/, '');
    expect(
      written
        .split('\n')
        .filter((line) => line !== '' && !line.startsWith('#'))
        .map(asLinked),
    ).toEqual(PORTFOLIO_URLS.map(asLinked));
    expect(written).toMatch(/^# .*\n# Every build checks that each one is still served/);
  });

  it('writes each page at its relative path with its exact permalink', () => {
    expect(example.files.map((file) => file.path).filter((path) => path.startsWith('src/content/'))).toEqual([
      'src/content/pages/404.md',
      'src/content/pages/blog.md',
      'src/content/pages/contact.md',
      'src/content/pages/home.md',
      'src/content/pages/projects.md',
      'src/content/pages/projects/kiln.md',
      'src/content/pages/work.md',
      'src/content/pages/work/harbor.md',
      'src/content/pages/work/lakeside.md',
      'src/content/posts/2019-04-12-streaming-joins.md',
      'src/content/posts/2020-02-03-notes-on-backfills.md',
    ]);
    expect(text(example, 'src/content/pages/work/harbor.md')).toMatch(
      /^---\nlayout: work_page\ntitle: Harbor Data\ndata: work\npermalink: \/work\/harbor\n---\n/,
    );
    // Liquid is kept for the build to run; the include it reads is copied to src/includes/.
    expect(text(example, 'src/content/pages/work/harbor.md')).toContain(
      '[my post on streaming joins]({{ site.baseurl }}/data/2019/04/12/streaming-joins.html)',
    );
    expect(text(example, 'src/content/pages/contact.md')).toContain('{% include email.html %}');
    expect(text(example, 'src/includes/email.html')).toBe('(copy of _includes/email.html)');
    expect(text(example, 'src/content/pages/home.md')).toContain('[email me](mailto:{{ site.email }})');
    expect(text(example, 'src/content/pages/home.md')).toContain('[Kiln](/projects/kiln)');
  });

  it('copies data files and static files as they are', () => {
    expect(text(example, 'src/data/work.yml')).toBe(readFileSync(`${PORTFOLIO}/_data/work.yml`, 'utf8'));
    expect(text(example, 'src/data/projects.yml')).toBe(readFileSync(`${PORTFOLIO}/_data/projects.yml`, 'utf8'));
    expect(text(example, 'public/assets/images/work/harbor.png')).toBe('(copy of assets/images/work/harbor.png)');
    expect(text(example, 'public/robots.txt')).toBe('(copy of robots.txt)');
  });

  it('keeps posts as written, without a permalink', () => {
    expect(text(example, 'src/content/posts/2020-02-03-notes-on-backfills.md')).toBe(
      readFileSync(`${PORTFOLIO}/_posts/2020-02-03-notes-on-backfills.md`, 'utf8'),
    );
  });

  it('reports the 404 page and the theme, and leaves nothing for the owner', () => {
    expect(messages(example, 'changed')).toContain(
      "404.html: is the site's 404 page (shown for every address the site does not serve), at /404.html as on the Jekyll site.",
    );
    expect(text(example, 'src/content/pages/404.md')).toMatch(/^---\npermalink: \/404\.html\nlayout: page\n/);
    expect(messages(example, 'skipped')).toEqual([]);
    expect(messages(example, 'theme')).toEqual([': _config.yml', ': _layouts/']);
    expect(messages(example, 'leftover')).toEqual([]);
    expect(example.refusals).toEqual([]);
  });
});

describe('pages', () => {
  it.each([
    ['about.md', 'src/content/pages/about.md', '/about.html', '---\nlayout: page\ntitle: About\n---\nHi'],
    ['about.markdown', 'src/content/pages/about.md', '/about.html', '---\nlayout: page\ntitle: About\n---\nHi'],
    ['team/index.md', 'src/content/pages/team/index.md', '/team/', '---\nlayout: page\ntitle: Team\n---\nHi'],
    ['index.md', 'src/content/pages/index.md', '/', '---\nlayout: home\ntitle: Home\n---\nHi'],
    ['work/acme.md', 'src/content/pages/work/acme.md', '/work/acme', '---\nlayout: page\ntitle: Acme\npermalink: /work/acme\n---\nHi'],
    ['notes.html', 'src/content/pages/notes.md', '/notes.html', '---\nlayout: page\ntitle: Notes\n---\n<p>Hi</p>'],
  ])('%s -> %s at %s', (path, target, url, source) => {
    const result = plan({ [path]: source });
    expect(text(result, target)).toContain(`\npermalink: ${url}\n---\n`);
    expect(liveUrls(result)).toContain(url);
  });

  it("keeps the theme's own variables under fields:, drops what clashes with this project's keys, and says what and where", () => {
    const result = plan({
      'about.md': '---\nlayout: default\ntitle: About\ncomments: true # on\nheadline: Hi\ndata: work\nsitemap: false\n---\nHi\n',
    });
    expect(text(result, 'src/content/pages/about.md')).toBe(
      '---\nlayout: page\ntitle: About\npermalink: /about.html\nfields:\n  comments: true # on\n  sitemap: false\n---\nHi\n',
    );
    expect(messages(result, 'dropped')).toEqual([
      'about.md: dropped `data: work`: only the work_page and work layouts read it, and this page is "page".',
      'about.md: dropped `headline: Hi`: only the home layout shows a headline.',
    ]);
    expect(messages(result, 'layout')).toEqual([': "default" (about.md) -> page: shows the title and the content']);
  });

  it('titles a page without one after its file name, and unpublished pages become drafts', () => {
    const result = plan({ 'about-me.md': '---\nlayout: page\npublished: false\n---\nHi\n' });
    expect(text(result, 'src/content/pages/about-me.md')).toBe('---\nlayout: page\ndraft: true\ntitle: About Me\npermalink: /about-me.html\n---\nHi\n');
    expect(liveUrls(result)).not.toContain('/about-me.html');
    expect(messages(result, 'changed')).toEqual(
      expect.arrayContaining(['about-me.md: has no title, so it is titled "About Me" after its file name. Change it if another title fits.']),
    );
  });

  it.each([
    [
      'an HTML page',
      '404.html',
      '---\npermalink: /404.html\nlayout: default\n---\n<style>h1 { color: red; }</style>\n<div class="container">\n  <h1>Page   not found</h1>\n  <p>Sorry.</p>\n</div>\n',
      'Page not found',
    ],
    ['a Markdown heading with emphasis', 'about.md', '---\nlayout: page\n---\n# About *me*\n\nHi\n', 'About me'],
  ])('titles a page without one after the heading its body opens with: %s', (_case, file, source, title) => {
    const result = plan({ [file]: source });
    const written = text(result, `src/content/pages/${file.replace(/\.html$/, '.md')}`);
    expect(written).toContain(`\ntitle: ${title}\n`);
    expect(messages(result, 'changed')).toEqual(
      expect.arrayContaining([
        `${file}: has no title, so it is titled "${title}" after the heading its body opens with, which the page shows once. Change it if another title fits.`,
      ]),
    );
  });

  // The page shows its heading with the site's smart punctuation, as kramdown did: the title reads the same.
  it('titles a page after its heading as the page shows it, quotes and dashes made typographic', () => {
    const result = plan({ 'about.md': "---\nlayout: page\n---\n# Don't panic -- it's fine\n\nHi\n" });
    expect(text(result, 'src/content/pages/about.md')).toContain('\ntitle: "Don\u2019t panic \u2013 it\u2019s fine"\n');
  });

  it("titles the home page without a title, and without a heading to open it, with the site's title", () => {
    const result = plan({
      '_config.yml': 'title: Shawn Mix\n',
      'index.html': '---\nlayout: default\n---\n<p>Hello.</p>\n',
      'about-me.md': '---\nlayout: page\n---\nHi\n',
    });
    expect(text(result, 'src/content/pages/index.md')).toContain('\ntitle: Shawn Mix\n');
    expect(text(result, 'src/content/pages/about-me.md')).toContain('\ntitle: About Me\n');
    expect(messages(result, 'changed')).toEqual(
      expect.arrayContaining([
        'index.html: has no title, so it is titled "Shawn Mix" after the site\'s title, as Jekyll\'s <title> showed it. Change it if another title fits.',
      ]),
    );
  });

  it.each([
    ['text before the heading', '---\nlayout: page\n---\nHello.\n\n# Later\n'],
    ['a heading Liquid writes', '---\nlayout: page\n---\n# {{ site.title }}\n'],
    ['an h2 first', '---\nlayout: page\n---\n## Section\n'],
  ])('keeps the file name as the title of an untitled page with %s', (_case, source) => {
    const result = plan({ 'about-me.md': source });
    expect(text(result, 'src/content/pages/about-me.md')).toContain('\ntitle: About Me\n');
  });

  it('writes values from front-matter defaults into the page', () => {
    const result = planImport(
      memorySource({
        '_config.yml': 'title: J\ndefaults:\n  - scope: { path: work }\n    values: { layout: work_page, data: work }\n',
        '_data/work.yml': 'Acme:\n  summary: x\n',
        'work/acme.md': '---\ntitle: Acme\n---\nHi\n',
      }),
    );
    if (!result.ok) throw new Error(result.message);
    expect(text(result.plan, 'src/content/pages/work/acme.md')).toBe('---\ntitle: Acme\ndata: work\nlayout: work_page\npermalink: /work/acme.html\n---\nHi\n');
  });

  it('turns an HTML page into one HTML block Markdown passes through', () => {
    const result = plan({ 'projects.html': '---\nlayout: page\ntitle: Projects\n---\n<div class="grid">\n\n    <p>One</p>\n\n<pre>a\n\nb</pre>\n</div>\n' });
    expect(text(result, 'src/content/pages/projects.md')).toBe(
      '---\nlayout: page\ntitle: Projects\npermalink: /projects.html\n---\n\n<div>\n<div class="grid">\n    <p>One</p>\n<pre>a\n<!---->\nb</pre>\n</div>\n</div>\n',
    );
  });

  it('keeps the Liquid of an HTML page for the build to run, indented or not', () => {
    const result = plan({
      'links.html': '---\nlayout: page\ntitle: Links\n---\n<ul>\n        <li><a href="mailto:{{ site.email }}">{{ page.title }}</a></li>\n</ul>\n',
    });
    expect(text(result, 'src/content/pages/links.md')).toContain('        <li><a href="mailto:{{ site.email }}">{{ page.title }}</a></li>');
  });

  it('takes a page out of a folder starting with "_" (included by the config), which this project would not publish', () => {
    const result = planImport(
      memorySource({ '_config.yml': 'title: J\ninclude: [_pages]\n', '_pages/about.md': '---\nlayout: page\ntitle: About\npermalink: /\n---\nHi\n' }),
    );
    if (!result.ok) throw new Error(result.message);
    expect(text(result.plan, 'src/content/pages/pages/about.md')).toBe('---\nlayout: page\ntitle: About\npermalink: /\n---\nHi\n');
    expect(messages(result.plan, 'changed')).toContain(
      '_pages/about.md: is written to src/content/pages/pages/about.md: this project never publishes files under a name starting with "_".',
    );
  });

  it('takes out kramdown-only markup, and reports a work page without its record', () => {
    const result = plan({
      '_data/work.yml': 'Acme:\n  summary: x\n',
      'work/other.md': '---\nlayout: work_page\ntitle: Other\ndata: work\n---\nText\n{: .lead}\n',
    });
    expect(messages(result, 'leftover')).toEqual([
      'work/other.md: src/data/work.yml has no record titled "Other", so the page shows no record. Add one under that title, or retitle the page.',
    ]);
    expect(messages(result, 'converted')).toEqual([
      `work/other.md: kramdown's "{: .lead}" set attributes (a class or an id) for the old theme's styles; it is left out.`,
    ]);
    expect(text(result, 'src/content/pages/work/other.md')).toMatch(/---\nText\n$/);
  });

  it('works out a text file with front matter, and keeps Sass that does not compile out of the URL list as a comment', () => {
    // No `theme: minima`, so there is no "minima" to import.
    const result = plan({
      'humans.txt': '---\n---\nBy {{ site.title }}\n',
      'assets/main.scss': '---\n---\n@import "minima";\n',
    });
    expect(text(result, 'public/humans.txt')).toBe('By Jane Doe\n');
    expect(liveUrls(result)).toContain('/humans.txt');
    expect(text(result, 'src/data/legacy-urls.txt')).toContain(
      '# /assets/main.css  (compiled by Jekyll from assets/main.scss, whose Sass stops here: see the import report)',
    );
    expect(messages(result, 'skipped')).toContain(
      'assets/main.scss: is not compiled: Sass stops here with "Can\'t find stylesheet to import.". Its URL /assets/main.css is retired (a comment in src/data/legacy-urls.txt) until you fix it and run the import again.',
    );
  });
});

describe('posts', () => {
  it.each([
    ['_posts/2019-03-02-x.md', 'src/content/posts/2019-03-02-x.md', '/2019/03/02/x.html'],
    ['_posts/2019-03-02-x.markdown', 'src/content/posts/2019-03-02-x.md', '/2019/03/02/x.html'],
    ['programming/_posts/2019-03-02-x.md', 'src/content/posts/programming/2019-03-02-x.md', '/programming/2019/03/02/x.html'],
    ['_posts/2019/march/2019-03-02-x.md', 'src/content/posts/2019-03-02-x.md', '/2019/03/02/x.html'],
    ['_drafts/2019-03-02-x.md', 'src/content/posts/_drafts/2019-03-02-x.md', undefined],
  ])('%s -> %s', (path, target, url) => {
    const result = plan({ [path]: '---\nlayout: post\ntitle: X\n---\nText\n' });
    expect(text(result, target)).toBe('---\nlayout: post\ntitle: X\n---\nText\n');
    const urls = liveUrls(result).filter((candidate) => candidate.endsWith('x.html'));
    expect(urls).toEqual(url === undefined ? [] : [url]);
  });

  it('keeps the fields posts have, its own variables under fields:, drops the other layout, and never writes a permalink', () => {
    const result = plan({
      '_posts/2019-03-02-x.md':
        '---\nlayout: single\ntitle: X\ndate: 2019-03-02 10:00:00 +0000\ncategories: [a, b]\ntags: t\nconference: PyCon US\ndate_str: 2 Mar. 2019\nexcerpt_separator: <!--more-->\nredirect_from: /old/\n---\nText\n',
    });
    expect(text(result, 'src/content/posts/2019-03-02-x.md')).toBe(
      '---\ntitle: X\ndate: 2019-03-02 10:00:00 +0000\ncategories: [a, b]\ntags: t\nexcerpt_separator: <!--more-->\nfields:\n  conference: PyCon US\n  date_str: 2 Mar. 2019\n---\nText\n',
    );
    expect(messages(result, 'dropped')).toEqual([
      '_posts/2019-03-02-x.md: dropped `layout: single`: posts have one layout, "post".',
      '_posts/2019-03-02-x.md: dropped `redirect_from: /old/`: this project has no such field.',
    ]);
    expect(liveUrls(result)).toContain('/a/b/2019/03/02/x.html');
  });

  it('finds a post in a category folder for {% post_url %} by its name alone, as Jekyll does', () => {
    const result = plan({
      'programming/_posts/2019-03-02-x.md': '---\ntitle: X\n---\nText\n',
      'about.md': '---\nlayout: page\ntitle: About\n---\n[x]({% post_url 2019-03-02-x %}) [y]({% post_url programming/2019-03-02-x %})\n',
    });
    expect(text(result, 'src/content/pages/about.md')).toContain('[x](/programming/2019/03/02/x.html) [y](/programming/2019/03/02/x.html)');
  });

  it("names an undated draft with its own date, else the newest post's", () => {
    const own = plan({ '_drafts/x.md': '---\ntitle: X\ndate: 2021-05-06\n---\nText\n' });
    expect(text(own, 'src/content/posts/_drafts/2021-05-06-x.md')).toBe('---\ntitle: X\ndate: 2021-05-06\n---\nText\n');
    const newest = plan({
      '_drafts/code.md': '---\ntitle: Code\n---\n',
      '_posts/2019-03-02-a.md': '---\ntitle: A\n---\n',
      '_posts/2020-01-01-b.md': '---\ntitle: B\n---\n',
    });
    expect(newest.files.map((file) => file.path)).toContain('src/content/posts/_drafts/2020-01-01-code.md');
    expect(messages(newest, 'changed')).toContain(
      '_drafts/code.md: is a draft without a date in its name; it is src/content/posts/_drafts/2020-01-01-code.md (dated like the newest post). Rename it with the day you publish it.',
    );
  });

  it('names files below the top whose names start with "_" for that, not as hidden files', () => {
    const result = plan({
      'assets/vendor/scss/_variables.scss': '$x: 1;\n',
      'assets/vendor/scss/all.scss': '$y: 2;\n',
      'assets/vendor/.travis.yml': 'language: node\n',
      'assets/_drafts-old/a.txt': 'a\n',
    });
    expect(messages(result, 'skipped')).toEqual([
      ': files and folders whose names start with "_" (assets/_drafts-old/, assets/vendor/scss/_variables.scss): Jekyll does not publish them, so neither does the import.',
      ': hidden files and folders (assets/vendor/.travis.yml): Jekyll does not publish them, so neither does the import.',
    ]);
    expect(result.files.map((file) => file.path)).toContain('public/assets/vendor/scss/all.scss');
  });

  it('keeps only the post Jekyll wrote last when two have one address, and reports the other', () => {
    const result = plan({ '_posts/a/2019-03-02-x.md': '---\ntitle: A\n---\n', '_posts/b/2019-03-02-x.md': '---\ntitle: B\n---\n' });
    expect(result.files.filter((file) => file.path.startsWith('src/content/posts/')).map((file) => file.from)).toEqual(['_posts/b/2019-03-02-x.md']);
    expect(messages(result, 'skipped')).toContain(
      '_posts/a/2019-03-02-x.md: has the same address as _posts/b/2019-03-02-x.md, which Jekyll wrote after it, so it was never served; it is not imported. Give it its own permalink in the Jekyll site and import again if you want it.',
    );
  });

  it('keeps two posts that land on the same file apart, and says how to keep the address', () => {
    const result = plan({ '_posts/a/2019-03-02-x.md': '---\ntitle: A\ncategories: [a]\n---\n', '_posts/b/2019-03-02-x.md': '---\ntitle: B\n---\n' });
    expect(result.files.map((file) => file.path).filter((path) => path.startsWith('src/content/posts/'))).toEqual([
      'src/content/posts/2019-03-02-x-2.md',
      'src/content/posts/2019-03-02-x.md',
    ]);
    expect(messages(result, 'leftover')).toEqual([
      '_posts/b/2019-03-02-x.md: would be written to the same file as another post, so it is src/content/posts/2019-03-02-x-2.md. Its file name makes its address: add `slug: x` to its front matter to keep the old one.',
    ]);
  });

  it('titles a post without one as Jekyll did, and lists no URL for an unpublished post', () => {
    const result = plan({ '_posts/2019-03-02-batching-writes.md': '---\npublished: false\n---\nText\n' });
    expect(text(result, 'src/content/posts/2019-03-02-batching-writes.md')).toBe('---\npublished: false\ntitle: Batching Writes\n---\nText\n');
    expect(liveUrls(result).filter((url) => url.includes('batching'))).toEqual([]);
  });
});

describe('data, static files and collections', () => {
  it('imports the YAML data files pages name in `data:` as groups, and every other data file as plain data for Liquid', () => {
    const result = plan({
      '_data/work.yml': '# comment\nAcme:\n  summary: x\n',
      '_data/projects.yaml': 'Robot:\n  summary: y\n',
      '_data/skills.json': '["a"]',
      '_data/nested/x.yml': 'A:\n  b: 1\n',
      '_data/navigation.yml': '- title: Home\n  url: /\n',
      '_data/cv.yml': 'education:\n  - degree: PhD\n',
      'work.md': '---\nlayout: work\ntitle: Work\ndata: work\npermalink: /work/\n---\n',
      'projects.md': '---\nlayout: work\ntitle: Projects\ndata: projects\npermalink: /projects/\n---\n',
    });
    expect(text(result, 'src/data/work.yml')).toBe('# comment\nAcme:\n  summary: x\n');
    expect(text(result, 'src/data/projects.yml')).toBe('Robot:\n  summary: y\n');
    // Not groups of records: where `site.data` reads them and the record checks do not.
    expect(text(result, 'src/data/navigation.yml')).toBeUndefined();
    expect(text(result, 'src/data/cv.yml')).toBeUndefined();
    expect(text(result, 'src/data/liquid/cv.yml')).toBe('education:\n  - degree: PhD\n');
    expect(text(result, 'src/data/liquid/navigation.yml')).toBe('- title: Home\n  url: /\n');
    expect(text(result, 'src/data/liquid/skills.json')).toBe('["a"]');
    expect(text(result, 'src/data/liquid/nested/x.yml')).toBe('A:\n  b: 1\n');
    // The Jekyll settings as written, for the pages' `site.<key>`.
    expect(text(result, 'src/data/liquid/_config.yml')).toBe(CONFIG);
    // Said once, by the listing of what is written.
    expect(messages(result).filter((message) => message.startsWith('_data/'))).toEqual([]);
  });

  it("copies static files to public/ and lists their URLs; the feed and sitemap are the project's own", () => {
    const result = plan({ 'assets/a b.pdf': 'x', 'favicon.ico': 'x', CNAME: 'jane.dev\n', 'README.md': '# Readme\n', 'feed.xml': '<feed/>' });
    expect(result.files.map((file) => file.path).filter((path) => path.startsWith('public/'))).toEqual([
      'public/CNAME',
      'public/README.md',
      'public/assets/a b.pdf',
      'public/favicon.ico',
    ]);
    expect(liveUrls(result)).toEqual(['/README.md', '/assets/a%20b.pdf', '/favicon.ico', '/feed.xml', '/robots.txt', '/sitemap.xml']);
    expect(messages(result, 'changed')).toContain(
      'README.md: has no front matter, so Jekyll served it as a plain file (not a page) and so does the import: public/README.md. If it should be a page, add front matter (title, permalink) in the Jekyll site and run the import again.',
    );
  });

  it('imports the documents of a collection Jekyll wrote as pages under its name', () => {
    const result = planImport(
      memorySource({
        '_config.yml': 'title: J\ncollections:\n  projects:\n    output: true\n  notes:\n    output: false\n',
        '_projects/robot.md': '---\nlayout: page\ntitle: Robot\n---\nBeep\n',
        '_projects/robot.png': 'png',
        '_notes/a.md': '---\ntitle: A\n---\n',
      }),
    );
    if (!result.ok) throw new Error(result.message);
    expect(text(result.plan, 'src/content/pages/projects/robot.md')).toBe(
      '---\nlayout: page\ntitle: Robot\ncollection: projects\npermalink: /projects/robot.html\n---\nBeep\n',
    );
    expect(text(result.plan, 'public/projects/robot.png')).toBe('(copy of _projects/robot.png)');
    expect(liveUrls(result.plan)).toEqual(['/projects/robot.html', '/projects/robot.png']);
    expect(messages(result.plan, 'skipped')).toEqual([expect.stringMatching(/^_notes\/: the collection "notes" has no `output: true`/)]);
  });

  it('is not a Jekyll site without _config.yml', () => {
    expect(planImport(memorySource({ 'index.html': '<p>hi</p>' }))).toEqual({
      ok: false,
      message: 'The folder has no _config.yml, so it is not a Jekyll site. Give the path of the folder that holds _config.yml.',
    });
  });
});
