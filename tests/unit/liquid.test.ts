import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine, renderLiquid } from '../../src/lib/liquid/engine.ts';
import { JEKYLL_FILTERS } from '../../src/lib/liquid/filters.ts';
import { JEKYLL_TAGS } from '../../src/lib/liquid/tags.ts';
import { liquidSite } from '../../src/lib/liquid/site.ts';
import { hasLiquid, runsLiquid } from '../../src/lib/liquid/bodies.ts';

/** A project folder with one include, for the engine to read. */
const root = mkdtempSync(join(tmpdir(), 'liquid-unit-'));
mkdirSync(join(root, 'src', 'includes'), { recursive: true });
mkdirSync(join(root, 'src', 'content', 'pages'), { recursive: true });
writeFileSync(join(root, 'src', 'includes', 'card.html'), '<b>{{ include.title }}</b>{% if include.note %} ({{ include.note }}){% endif %}');
writeFileSync(join(root, 'src', 'includes', 'broken.html'), 'line one\n{{ x | no_such_filter }}');
writeFileSync(join(root, 'src', 'content', 'pages', 'beside.md'), 'Beside: {{ include.n }}');

const engine = createEngine({
  root,
  url: 'https://jane.github.io',
  baseurl: '/portfolio',
  linkTo: (path) => ({ 'about.md': '/about/', '_posts/2019-06-10-x.md': '/2019/06/10/x.html' })[path],
  postUrl: (name) => (name === '2019-06-10-x' ? '/2019/06/10/x.html' : undefined),
});

const FILE = 'src/content/pages/p.md';
const render = (body: string, scope: Record<string, unknown> = {}) => renderLiquid(engine, { file: FILE, bodyLine: 5, body, scope }, root);
const text = (body: string, scope: Record<string, unknown> = {}) => {
  const result = render(body, scope);
  if (!result.ok) throw new Error(result.problem.message);
  return result.text;
};

const items = [{ name: 'a', n: 2 }, { name: 'b' }, { name: 'c', n: 1 }];

describe('the filters this module adds, one row per case', () => {
  it.each([
    // relative_url: from the site root; the build adds the base path to every root-relative link.
    ['{{ "about/" | relative_url }}', '/about/'],
    ['{{ "/a b/ü" | relative_url }}', '/a%20b/%C3%BC'],
    ['{{ "" | relative_url }}', ''],
    ['{{ "https://x.org/y" | relative_url }}', 'https://x.org/y'],
    ['{{ nothing | relative_url }}', ''],
    ['{{ post | relative_url }}', '/2019/06/10/x.html'],
    // absolute_url: origin, base path and path, since nothing adds the base to an absolute URL.
    ['{{ "/about/" | absolute_url }}', 'https://jane.github.io/portfolio/about/'],
    ['{{ "mailto:a@b.c" | absolute_url }}', 'mailto:a@b.c'],
    // sort: items without the property first, or last when asked.
    ['{{ items | sort: "n" | map: "name" | join: "," }}', 'b,c,a'],
    ['{{ items | sort: "n", "last" | map: "name" | join: "," }}', 'c,a,b'],
    ['{{ words | sort | join: "," }}', 'apple,fig,pear'],
    ['{{ "It\'s -- done..." | smartify }}', 'It\u2019s \u2013 done\u2026'],
    ['{{ "*hi*" | markdownify }}', '<p><em>hi</em></p>\n'],
    ['{{ "Hello, World! Ünï" | slugify }}', 'hello-world-ünï'],
    ['{{ "Hello, World! Ünï" | slugify: "latin" }}', 'hello-world-uni'],
    ['{{ "Hello World" | slugify: "raw", true }}', 'Hello-World'],
    ['{{ q | xml_escape }}', 'a &amp; &quot;b&quot; &apos;c&apos; &lt;d&gt;'],
    ['{{ nothing | jsonify }}', 'null'],
    ['{{ items | jsonify }}', '[{"name":"a","n":2},{"name":"b"},{"name":"c","n":1}]'],
    ['[{{ "  a \n\t b  " | normalize_whitespace }}]', '[a b]'],
    ['{{ words | inspect }}', '[&quot;pear&quot;, &quot;apple&quot;, &quot;fig&quot;]'],
    ['{{ items.first | inspect }}', '{&quot;name&quot;=&gt;&quot;a&quot;, &quot;n&quot;=&gt;2}'],
    ['{{ nothing | inspect }}', 'nil'],
  ])('%s is %j', (liquid, expected) => {
    expect(text(liquid, { items, words: ['pear', 'apple', 'fig'], q: `a & "b" 'c' <d>`, post: { url: '/2019/06/10/x.html' } })).toBe(expected);
  });

  it('sort refuses nothing, as Jekyll does', () => {
    const result = render('{{ nothing | sort }}');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.message).toMatch(/^Cannot sort a null object\./);
  });

  it('has one row per filter and per tag, each a function of the site', () => {
    expect(Object.keys(JEKYLL_FILTERS).sort()).toEqual([
      'absolute_url',
      'divided_by',
      'inspect',
      'jsonify',
      'markdownify',
      'normalize_whitespace',
      'relative_url',
      'slugify',
      'smartify',
      'sort',
      'xml_escape',
    ]);
    expect(Object.keys(JEKYLL_TAGS).sort()).toEqual(['highlight', 'include_relative', 'link', 'post_url']);
  });
});

describe("liquidjs's own Jekyll filters, as the engine is set up", () => {
  it.each([
    ['{{ items | where: "n", 2 | map: "name" | join }}', 'a'],
    ['{{ tagged | where: "tags", "red" | map: "name" | join: "," }}', 'x'],
    ['{{ items | where_exp: "i", "i.n >= 1" | map: "name" | join: "," }}', 'a,c'],
    ['{% assign g = items | group_by: "n" %}{{ g | map: "name" | join: "," }}', '2,,1'],
    ['{{ items | find: "name", "c" | map: "n" }}', '1'],
    ['{{ d | date_to_string }}', '10 Jun 2019'],
    ['{{ d | date_to_long_string: "ordinal", "US" }}', 'June 10th, 2019'],
    ['{{ d | date_to_xmlschema }}', '2019-06-10T10:00:00+00:00'],
    ['{{ "a b&c" | cgi_escape }}', 'a+b%26c'],
    ['{{ "a b/é" | uri_escape }}', 'a%20b/%C3%A9'],
    ['{{ "one two  three" | number_of_words }}', '3'],
    ['{{ words | array_to_sentence_string }}', 'pear, apple, and fig'],
    [
      '{{ words | push: "z" | join: "," }}|{{ words | pop | join: "," }}|{{ words | shift | join: "," }}|{{ words | unshift: "z" | join: "," }}',
      'pear,apple,fig,z|pear,apple|apple,fig|z,pear,apple,fig',
    ],
  ])('%s is %j', (liquid, expected) => {
    expect(
      text(liquid, {
        items,
        words: ['pear', 'apple', 'fig'],
        tagged: [
          { name: 'x', tags: ['red', 'blue'] },
          { name: 'y', tags: ['blue'] },
        ],
        d: new Date('2019-06-10T10:00:00Z'),
      }),
    ).toBe(expected);
  });
});

describe("dates in the site's time zone, as Jekyll's `timezone`", () => {
  it.each([
    ['UTC', '2019-06-10 02:00 +0000'],
    ['America/New_York', '2019-06-09 22:00 -0400'],
    ['Asia/Tokyo', '2019-06-10 11:00 +0900'],
  ])('%s', (timezone, expected) => {
    const zoned = createEngine({ root, url: '', baseurl: '', timezone, linkTo: () => undefined, postUrl: () => undefined });
    const result = renderLiquid(
      zoned,
      { file: FILE, bodyLine: 1, body: '{{ d | date: "%Y-%m-%d %H:%M %z" }}', scope: { d: new Date('2019-06-10T02:00:00Z') } },
      root,
    );
    expect(result).toEqual({ ok: true, text: expected });
  });
});

describe('the tags', () => {
  it.each([
    ['{% link about.md %}', '/about/'],
    ['{% link {{ which }} %}', '/about/'],
    ['{% post_url 2019-06-10-x %}', '/2019/06/10/x.html'],
    ['{% include card.html title="Paper" note=n %}', '<b>Paper</b> (7)'],
    ['{% include card.html title=page.title %}', '<b>Home</b>'],
    ['{% include_relative beside.md n=3 %}', 'Beside: 3'],
    ['{% raw %}{{ kept }}{% endraw %}', '{{ kept }}'],
    ['{% highlight Ruby linenos %}\nputs "{{ n }}"\n{% endhighlight %}', '\n```ruby\nputs "7"\n```\n'],
    ['{% highlight sh %}\n```\n{% endhighlight %}', '\n````sh\n```\n````\n'],
  ])('%s writes %j', (liquid, expected) => {
    expect(text(liquid, { which: 'about.md', n: 7, page: { title: 'Home' } })).toBe(expected);
  });
});

describe('a Liquid mistake is one problem: file, line, construct, what to do', () => {
  it.each([
    ['\n\nOur {{ t | shout }}', 'Liquid {{ t | shout }}', 7, '"shout" is not a Liquid filter this site knows'],
    ['{% gallery x %}', 'Liquid {% gallery x %}', 5, '{% gallery %} is not a Liquid tag this site knows'],
    ['a\n{% for x in y %}', 'Liquid {% for x in y %}', 6, 'tag {% for x in y %} not closed. Fix the Liquid, or write "liquid: false"'],
    ['{% if %}x{% endif %}', 'Liquid {% if %}', 5, 'invalid value expression'],
    ['{% include nope.html %}', 'Liquid {% include nope.html %}', 5, 'the file to include "nope.html" is not in src/includes/'],
    ['{% link missing.md %}', 'Liquid {% link missing.md %}', 5, 'Could not find a page, post or file at "missing.md"'],
    ['{% post_url 2000-01-01-no %}', 'Liquid {% post_url 2000-01-01-no %}', 5, 'Could not find a post named "2000-01-01-no"'],
    ['{% highlight %}x{% endhighlight %}', 'Liquid {% highlight %}', 5, '{% highlight %} needs the language'],
  ])('%j', (body, field, line, message) => {
    const result = render(body);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem).toMatchObject({ file: FILE, field, line });
    expect(result.problem.message).toContain(message);
  });

  it('names the include and its own line when the mistake is in the include', () => {
    const result = render('{% include broken.html %}');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toMatchObject({ file: 'src/includes/broken.html', line: 2, field: 'Liquid {{ x | no_such_filter }}' });
    if (!result.ok) expect(result.problem.message).toContain(`(included from ${FILE})`);
  });
});

describe('which bodies run Liquid', () => {
  it.each([
    ['a.md', {}, 'plain text', false],
    ['a.md', {}, 'a {{ x }}', true],
    ['a.md', {}, 'a {% if x %}y{% endif %}', true],
    ['a.md', { liquid: false }, 'a {{ x }}', false],
    ['a.mdx', {}, 'a {{ x }}', false],
    ['a.md', {}, 'only { braces }', false],
  ] as const)('%s %j %j: %s', (file, data, body, expected) => {
    expect(runsLiquid(file, data, body)).toBe(expected);
    if (file.endsWith('.md') && !('liquid' in data)) expect(hasLiquid(body)).toBe(expected);
  });
});

describe("the site's variables", () => {
  const time = new Date('2024-01-01T00:00:00Z');
  const site = liquidSite({
    config: { name: 'Jane', email: 'j@example.org' },
    url: 'https://jane.github.io',
    data: { work: { Acme: { summary: 'Engineer' } } },
    time,
    pages: [
      { file: 'p/about.md', path: 'about.md', data: { title: 'About', permalink: '/about/' }, body: 'About.', url: '/about/', published: true },
      {
        file: 'p/pubs/b.md',
        path: 'pubs/b.md',
        data: { title: 'B', collection: 'pubs', fields: { date: new Date('2020-01-01'), venue: 'V' } },
        body: 'B body.\n\nMore.',
        url: '/pubs/b',
        published: true,
      },
      {
        file: 'p/pubs/a.md',
        path: 'pubs/a.md',
        data: { title: 'A', collection: 'pubs', fields: { date: new Date('2018-01-01') } },
        body: 'A.',
        url: '/pubs/a',
        published: true,
      },
      { file: 'p/pubs/undated.md', path: 'pubs/undated.md', data: { title: 'U', collection: 'pubs' }, body: 'U.', url: '/pubs/u', published: true },
      { file: 'p/draft.md', path: 'draft.md', data: { title: 'Draft', draft: true }, body: '', url: '/draft', published: false },
    ],
    posts: [
      {
        file: 'q/2019-01-01-old.md',
        path: '2019-01-01-old.md',
        data: { title: 'Old', tags: 'x y' },
        body: 'Old one.',
        url: '/2019/old.html',
        published: true,
        date: new Date('2019-01-01'),
        categories: ['c'],
      },
      {
        file: 'q/2021-01-01-new.md',
        path: '2021-01-01-new.md',
        data: { title: 'New', tags: ['x'] },
        body: 'New one.',
        url: '/2021/new.html',
        published: true,
        date: new Date('2021-01-01'),
        categories: [],
      },
      {
        file: 'q/2022-01-01-hidden.md',
        path: '2022-01-01-hidden.md',
        data: { title: 'Hidden', published: false },
        body: '',
        url: '/2022/hidden.html',
        published: false,
        date: new Date('2022-01-01'),
        categories: [],
      },
    ],
  });
  const titles = (list: unknown) => (list as { title: string }[]).map((item) => item.title);

  it.each([
    ['posts, newest first, published only', () => titles(site.site['posts']), ['New', 'Old']],
    ['pages, without collection documents or drafts', () => titles(site.site['pages']), ['About']],
    ['a collection, by date then path, an undated document at the build time', () => titles(site.site['pubs']), ['A', 'B', 'U']],
    [
      'tags',
      () => Object.fromEntries(Object.entries(site.site['tags'] as Record<string, unknown>).map(([tag, posts]) => [tag, titles(posts)])),
      { x: ['New', 'Old'], y: ['Old'] },
    ],
    ['categories', () => Object.keys(site.site['categories'] as object), ['c']],
    [
      'the config, with `title` from `name`',
      () => [site.site['title'], site.site['email'], site.site['url'], site.site['baseurl']],
      ['Jane', 'j@example.org', 'https://jane.github.io', ''],
    ],
    ['data', () => (site.site['data'] as { work: { Acme: { summary: string } } }).work.Acme.summary, 'Engineer'],
    ['fields as page.<key>', () => site.pageOf('p/pubs/b.md')?.['venue'], 'V'],
    ['a page its url and path', () => [site.pageOf('p/pubs/b.md')?.['url'], site.pageOf('p/pubs/b.md')?.['path']], ['/pubs/b', 'pubs/b.md']],
    ['an excerpt: the first paragraph, as HTML', () => site.pageOf('p/pubs/b.md')?.['excerpt'], '<p>B body.</p>\n'],
    ['a post its excerpt', () => site.pageOf('q/2019-01-01-old.md')?.['excerpt'], '<p>Old one.</p>\n'],
    // As Jekyll 4: a page outside collections has no excerpt (its body may hold the page's scripts).
    ['a plain page no excerpt', () => site.pageOf('p/about.md')?.['excerpt'], undefined],
    [
      'a post its id, slug and path',
      () => {
        const post = site.pageOf('q/2021-01-01-new.md');
        return [post?.['id'], post?.['slug'], post?.['path']];
      },
      ['/2021/new', 'new', '_posts/2021-01-01-new.md'],
    ],
    ['time', () => site.site['time'], time],
  ])('%s', (_name, read, expected) => {
    expect(read()).toEqual(expected);
  });
});

describe('site.data: groups of records and plain data for Liquid', () => {
  it('reads src/data/liquid/ at the top of site.data, the groups by name, other folders nested; a group wins over plain data of its name', async () => {
    const { readSiteData } = await import('../../src/lib/liquid/project.ts');
    const project = mkdtempSync(join(tmpdir(), 'liquid-data-'));
    mkdirSync(join(project, 'src', 'data', 'liquid', 'menus'), { recursive: true });
    mkdirSync(join(project, 'src', 'data', 'lists'), { recursive: true });
    writeFileSync(join(project, 'src', 'data', 'work.yml'), 'Acme:\n  summary: x\n');
    writeFileSync(join(project, 'src', 'data', 'lists', 'talks.yml'), '- title: T\n');
    writeFileSync(join(project, 'src', 'data', 'liquid', 'cv.yml'), 'education:\n  - degree: PhD\n');
    writeFileSync(join(project, 'src', 'data', 'liquid', 'work.yml'), 'plain: true\n');
    writeFileSync(join(project, 'src', 'data', 'liquid', 'menus', 'main.json'), '[{"title":"Home"}]');
    expect(readSiteData(project)).toEqual({
      cv: { education: [{ degree: 'PhD' }] },
      menus: { main: [{ title: 'Home' }] },
      lists: { talks: [{ title: 'T' }] },
      work: { Acme: { summary: 'x' } },
    });
    const site = liquidSite({
      config: {},
      url: 'https://jane.dev',
      pages: [],
      posts: [],
      data: readSiteData(project),
      time: new Date(0),
      excerptSeparator: '\n\n',
    });
    expect(text('{% for e in site.data.cv.education %}{{ e.degree }}{% endfor %}', { site: site.site })).toBe('PhD');
  });

  it("reads the old site's settings from src/data/liquid/_config.yml as site.<key>, below the site config, never as site.data", async () => {
    const { readLiquidConfig, readSiteData } = await import('../../src/lib/liquid/project.ts');
    const project = mkdtempSync(join(tmpdir(), 'liquid-config-'));
    mkdirSync(join(project, 'src', 'data', 'liquid'), { recursive: true });
    writeFileSync(
      join(project, 'src', 'data', 'liquid', '_config.yml'),
      'title: Old\nauthor:\n  googlescholar: https://scholar.example/j\nseries_meta:\n  ai: {title: AI}\n',
    );
    expect(readSiteData(project)).toEqual({});
    const site = liquidSite({
      config: { ...readLiquidConfig(project), name: 'Jane' },
      url: 'https://jane.dev',
      pages: [],
      posts: [],
      data: {},
      time: new Date(0),
      excerptSeparator: '\n\n',
    });
    expect(text('{{ site.author.googlescholar }} {{ site.series_meta.ai.title }} {{ site.name }}', { site: site.site })).toBe(
      'https://scholar.example/j AI Jane',
    );
  });
});
