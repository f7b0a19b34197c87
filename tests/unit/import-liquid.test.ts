import { describe, expect, it } from 'vitest';
import { convertLiquid, keepLiquid, parseIncludeArguments, planIncludes, type LiquidOptions, type Lookup } from '../../scripts/import/liquid.ts';

const includes: Record<string, string> = {
  '_includes/contact.html': '<p class="contact">Write to <a href="mailto:{{ site.email }}">{{ site.email }}</a>.</p>\n',
  '_includes/note.html': '<aside class="note">{{ include.text }} ({{ include.who }})</aside>\n',
  '_includes/loop.html': '<ul>\n{% for item in site.data.work %}<li>{{ item[0] }}</li>{% endfor %}\n</ul>\n',
  '_includes/nested.html': '<div>{% include note.html text="inner" who="me" %}</div>',
  'work/snippet.html': '<em>relative</em>',
};

const links: Record<string, Lookup> = {
  'work/acme.md': { ok: true, value: '/work/acme' },
  'assets/files/resume.pdf': { ok: true, value: '/assets/files/resume.pdf' },
};

const options = (overrides: Partial<LiquidOptions> = {}): LiquidOptions => ({
  file: 'page.md',
  firstLine: 5,
  markdown: true,
  scope: {
    site: {
      title: 'Jane Doe',
      email: 'jane@example.org',
      url: 'https://www.janedoe.example',
      baseurl: '',
      author: { name: 'Jane' },
      data: { work: { 'Acme Queues': { summary: 'Engineer' } } },
    },
    page: { title: 'Acme Queues', url: '/work/acme', data: 'work' },
  },
  link: (path) => links[path] ?? { ok: false, message: `${path} is not a page, post or file of the Jekyll site.` },
  postUrl: (name) =>
    name === '2019-03-02-batching-writes' || name === 'programming/2019-03-02-batching-writes'
      ? { ok: true, value: '/programming/2019/03/02/batching-writes.html' }
      : { ok: false, message: `no post in _posts is named "${name}".` },
  include: (name, relative, from) => {
    if (name.includes('..')) return { ok: false, refused: true, message: `{% include ${name} %} reaches outside _includes/.` };
    const path = relative ? `${from.slice(0, from.lastIndexOf('/') + 1)}${name}` : `_includes/${name}`;
    const text = includes[path];
    return text === undefined ? { ok: false, message: `${path} is not in the Jekyll folder (it came from the theme).` } : { ok: true, file: { path, text } };
  },
  ...overrides,
});

describe('convertLiquid: what becomes plain text', () => {
  it.each([
    ['site variable', 'Mail [me](mailto:{{ site.email }}).', 'Mail [me](mailto:jane@example.org).'],
    ['nested site variable', 'By {{ site.author.name }}.', 'By Jane.'],
    ['site.data lookup', '{{ site.data.work["Acme Queues"].summary }}', 'Engineer'],
    ['site.baseurl is nothing', '[post]({{ site.baseurl }}/programming/x.html)', '[post](/programming/x.html)'],
    ['site.url before a path is nothing', '[home]({{ site.url }}/about)', '[home](/about)'],
    ['site.url before site.baseurl is nothing', '[home]({{ site.url }}{{ site.baseurl }}/about)', '[home](/about)'],
    ['site.url alone is its value', 'Visit {{ site.url }} today.', 'Visit https://www.janedoe.example today.'],
    ['relative_url', '<a href="{{ "/work/" | relative_url }}">', '<a href="/work/">'],
    ['relative_url adds the root slash', '{{ "assets/x.pdf" | relative_url }}', '/assets/x.pdf'],
    ['absolute_url is root-relative', '{{ "/feed.xml" | absolute_url }}', '/feed.xml'],
    ['page variable', '# {{ page.title }}', '# Acme Queues'],
    ['page.url through relative_url', '{{ page.url | relative_url }}', '/work/acme'],
    ['a safe filter', '{{ site.title | upcase }}', 'JANE DOE'],
    ['default on a missing value', '{{ page.subtitle | default: "none" }}', 'none'],
    ['link to a page', '[Acme]({% link work/acme.md %})', '[Acme](/work/acme)'],
    ['link to a static file', '[CV]({% link assets/files/resume.pdf %})', '[CV](/assets/files/resume.pdf)'],
    ['link after site.baseurl', '[Acme]({{ site.baseurl }}{% link work/acme.md %})', '[Acme](/work/acme)'],
    ['post_url', '[post]({% post_url 2019-03-02-batching-writes %})', '[post](/programming/2019/03/02/batching-writes.html)'],
    ['post_url with a subfolder', '[post]({% post_url programming/2019-03-02-batching-writes %})', '[post](/programming/2019/03/02/batching-writes.html)'],
    [
      'include of plain HTML with site variables',
      'Reach me:\n\n{% include contact.html %}\n',
      'Reach me:\n\n<p class="contact">Write to <a href="mailto:jane@example.org">jane@example.org</a>.</p>\n',
    ],
    ['include with parameters', '{% include note.html text="Hello" who=page.title %}', '<aside class="note">Hello (Acme Queues)</aside>'],
    ['include inside an include', '{% include nested.html %}', '<div><aside class="note">inner (me)</aside></div>'],
    ['include_relative', '{% include_relative snippet.html %}', '<em>relative</em>'],
    ['raw is unwrapped, its text kept', 'Use `{% raw %}{{ page.title }}{% endraw %}` in a layout.', 'Use `{{ page.title }}` in a layout.'],
    ['raw around a fenced block', '{% raw %}\n```liquid\n{{ page.title }}\n```\n{% endraw %}\n', '\n```liquid\n{{ page.title }}\n```\n\n'],
    ['fenced code is left alone', '```liquid\n{{ site.email }}\n```\n', '```liquid\n{{ site.email }}\n```\n'],
    ['inline code is left alone', 'Write `{{ site.email }}` here.', 'Write `{{ site.email }}` here.'],
    ['indented code is left alone', 'Text\n\n    {{ site.email }}\n', 'Text\n\n    {{ site.email }}\n'],
    ['whitespace control trims around converted tags', 'a   {{- site.title -}}   b', 'aJane Doeb'],
    ['comment blocks are removed', 'a{% comment %} hidden {{ x }} {% endcomment %}b', 'ab'],
    ['highlight becomes a fenced block', 'Code:\n\n{% highlight ruby %}\nputs 1\n{% endhighlight %}\n', 'Code:\n\n```ruby\nputs 1\n```\n'],
  ])('%s', (_, input, expected) => {
    const result = convertLiquid(input, options({ file: input.includes('snippet') ? 'work/page.md' : 'page.md' }));
    expect(result.text).toBe(expected);
    expect(result.leftovers).toEqual([]);
    expect(result.refusals).toEqual([]);
  });
});

describe('convertLiquid: what stays, reported with its line and what to do', () => {
  it.each([
    [
      'an if block',
      'Intro\n{% if site.show %}x{% endif %}',
      6,
      '"{% if site.show %}" is left as written: this site does not run Liquid. Keep the part you want, without the tags.',
    ],
    [
      'a for loop',
      '{% for p in site.posts %}{{ p.title }}{% endfor %}',
      5,
      '"{% for p in site.posts %}" is left as written: this site does not run Liquid loops.',
    ],
    [
      'an unknown variable',
      'Line\n\nHello {{ page.nickname }}',
      7,
      '"{{ page.nickname }}" is left as written: page.nickname is not set anywhere the importer can see',
    ],
    ['a filter it cannot run', '{{ site.title | date: "%Y" }}', 5, 'the importer does not run the "date" filter'],
    ['a plugin tag', '{% gist 12345 %}', 5, '"{% gist 12345 %}" is left as written: "gist" is a tag of Jekyll or one of its plugins'],
    ['a group of settings', '{{ site.author }}', 5, 'it is a list or a group of settings, not text'],
    ['an include of the theme', '{% include header.html %}', 5, '_includes/header.html is not in the Jekyll folder (it came from the theme)'],
    [
      'an include with Liquid it cannot run',
      '{% include loop.html %}',
      5,
      '_includes/loop.html has "{% for item in site.data.work %}" (its line 2), which the importer cannot run',
    ],
    ['a link to a missing page', '{% link missing.md %}', 5, 'missing.md is not a page, post or file of the Jekyll site'],
    ['a post_url to a missing post', '{% post_url 2000-01-01-nothing %}', 5, 'no post in _posts is named "2000-01-01-nothing"'],
    [
      'raw text outside code',
      '{% raw %}{{ braces }}{% endraw %}',
      5,
      'the text inside {% raw %} ("{{ braces }}") is kept as written, but outside code the build reads its braces as leftover Liquid',
    ],
    ['unreadable Liquid', 'Text\n{{ unclosed', 6, 'its Liquid cannot be read'],
  ])('%s', (_, input, line, message) => {
    const result = convertLiquid(input, options());
    expect(result.leftovers[0]).toMatchObject({ kind: 'leftover', file: 'page.md', line });
    expect(result.leftovers[0]?.message).toContain(message);
    if (!input.includes('raw')) expect(result.text).toBe(input);
  });

  it("leaves an if block's tags in place (reported once) and still converts what is inside", () => {
    const result = convertLiquid('{% if page.x %}{{ site.email }}{% endif %}', options());
    expect(result.text).toBe('{% if page.x %}jane@example.org{% endif %}');
    expect(result.leftovers).toHaveLength(1);
  });

  it('tells that Liquid inside code is now shown as written', () => {
    const result = convertLiquid('Before\n\n```\n{{ site.email }}\n```\n', options());
    expect(result.text).toBe('Before\n\n```\n{{ site.email }}\n```\n');
    expect(result.changes).toEqual([expect.objectContaining({ line: 8, message: expect.stringContaining('inside code, so it is now shown as written') })]);
  });

  it('lists what it converted, line by line', () => {
    const result = convertLiquid('[Send]({{ site.email }})\n\n[Acme]({% link work/acme.md %})', options());
    expect(result.converted.map((line) => [line.line, line.message])).toEqual([
      [5, '"{{ site.email }}" -> "jane@example.org"'],
      [7, '"{% link work/acme.md %}" -> "/work/acme"'],
    ]);
  });
});

describe('convertLiquid: paths outside the site are refused', () => {
  it.each([
    ['an include with ..', '{% include ../../secret.html %}'],
    ['an include_relative with ..', '{% include_relative ../../../etc/passwd %}'],
  ])('%s', (_, input) => {
    const result = convertLiquid(input, options());
    expect(result.refusals).toHaveLength(1);
    expect(result.refusals[0]?.path).toBe('page.md line 5');
    expect(result.text).toBe(input);
  });

  it('a link with .. is refused', () => {
    const result = convertLiquid(
      '{% link ../outside.md %}',
      options({ link: () => ({ ok: false, refused: true, message: 'points outside the Jekyll site' }) }),
    );
    expect(result.refusals).toEqual([{ path: 'page.md line 5', message: 'points outside the Jekyll site' }]);
  });
});

describe('parseIncludeArguments', () => {
  it.each([
    ['contact.html', { name: 'contact.html', params: [] }],
    [
      'note.html text="Hi there" who=page.title',
      {
        name: 'note.html',
        params: [
          ['text', 'Hi there', 'text'],
          ['who', 'page.title', 'variable'],
        ],
      },
    ],
    ["'quoted.html' a='b'", { name: 'quoted.html', params: [['a', 'b', 'text']] }],
  ])('%s', (args, expected) => expect(parseIncludeArguments(args)).toEqual(expected));
});

describe('keepLiquid: a body the build runs keeps its Liquid', () => {
  it.each([
    ['{{ site.email }} and {{ page.title | upcase }}', '{{ site.email }} and {{ page.title | upcase }}'],
    ['{% for item in site.data.work %}- {{ item[0] }}\n{% endfor %}', '{% for item in site.data.work %}- {{ item[0] }}\n{% endfor %}'],
    ['{% include note.html text="hi" who=page.title %}', '{% include note.html text="hi" who=page.title %}'],
    ['{% raw %}{% gist 123 %}{{ x | plugin_filter }}{% endraw %}', '{% raw %}{% gist 123 %}{{ x | plugin_filter }}{% endraw %}'],
    // The files these name move in the import: their addresses are written instead.
    ['[Acme]({% link work/acme.md %})', '[Acme](/work/acme)'],
    ['[Post]({% post_url 2019-03-02-batching-writes %})', '[Post](/programming/2019/03/02/batching-writes.html)'],
    // The page moves away from the file include_relative reads: its text is put in place, Liquid and all.
    ['{% include_relative snippet.html %}', '<em>relative</em>'],
  ])('%j becomes %j, with nothing to report', (input, expected) => {
    const result = keepLiquid(input, options({ file: 'work/page.md' }));
    expect(result.text).toBe(expected);
    expect(result.leftovers).toEqual([]);
  });

  it.each([
    ['{% seo %}', 'is kept, but "seo" is a tag of a Jekyll plugin, which the build does not run'],
    ['{{ page.date | timeago }}', 'is kept, but "timeago" is a filter of a Jekyll plugin'],
    [
      '{% include theme-only.html %}',
      'is kept, but _includes/theme-only.html is not in the Jekyll folder (it came from the theme): copy the file into src/includes/',
    ],
    ['[x]({% link nowhere.md %})', 'is kept, but the build will stop on it: nowhere.md is not a page'],
    ['{% include_relative snippet.html x=1 %}', 'is kept, but it passes parameters (x)'],
    ['{% if x %', 'its Liquid cannot be read'],
  ])('%j is reported at its line', (input, message) => {
    const result = keepLiquid(`\n${input}`, options({ file: 'work/page.md' }));
    expect(result.leftovers).toHaveLength(1);
    expect(result.leftovers[0]?.message).toContain(message);
    expect(result.leftovers[0]?.line).toBe(input.startsWith('{% if x %') ? 5 : 6);
  });

  it('is what convertLiquid does for a body the build runs', () => {
    expect(convertLiquid('{{ site.email }}', options({ keep: true })).text).toBe('{{ site.email }}');
    expect(convertLiquid('{{ site.email }}', options()).text).toBe('jane@example.org');
  });

  it('copies _includes/ to src/includes/', () => {
    expect(planIncludes(['_includes/a.html', '_includes/sub/b.html', '_layouts/x.html'])).toEqual([
      { path: 'src/includes/a.html', content: { copy: '_includes/a.html' }, from: '_includes/a.html' },
      { path: 'src/includes/sub/b.html', content: { copy: '_includes/sub/b.html' }, from: '_includes/sub/b.html' },
    ]);
  });
});
