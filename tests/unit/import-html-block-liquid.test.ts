import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Liquid } from 'liquidjs';
import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { htmlIncludeWithoutBlankLines, liquidLinesInHtmlBlocks } from '../../scripts/import/html-block-liquid.ts';
import { planImport } from '../../scripts/import/plan.ts';
import { memorySource } from '../../scripts/import/source.ts';

// The shape of a researcher-theme site's blog page: a list written in HTML inside Markdown, indented,
// with Liquid tags alone on their lines.
const BLOG = `---
layout: default
title: Blog
---
## blog

<ul class="recent-posts">
    {% assign blog_posts = site.posts | where: 'blog_post', true %}
    {% for post in blog_posts limit:3 %}
        <li class="posts-list">
            <small>{{ post.date }}</small>
            <a class="una" href="{{ post.url }}"><span>{{ post.title }}</span></a>
        </li>
    {% if forloop.last %}<hr class="end">{% endif %}
    {% endfor %}
</ul>

Some **Markdown** after the list.
`;

const SCOPE = {
  site: {
    posts: [
      { title: 'ghostway project', url: '/2024/10/09/ghostway-project.html', date: '2024-10-09', blog_post: true },
      { title: 'redirectors', url: '/2024/09/01/redirectors.html', date: '2024-09-01', blog_post: true },
      { title: 'draft notes', url: '/notes.html', date: '2024-01-01', blog_post: false },
    ],
  },
};

/** What the build shows: the body's Liquid run, then its Markdown. */
async function shown(body: string): Promise<string> {
  return markdownToHtml(await new Liquid().parseAndRender(body, SCOPE), { features: { gfm: true } }).html;
}

function imported(): string {
  const result = planImport(memorySource({ '_config.yml': 'title: Lee\n', 'blog.md': BLOG }));
  if (!result.ok) throw new Error(result.message);
  const file = result.plan.files.find((candidate) => candidate.path === 'src/content/pages/blog.md');
  const text = file && 'text' in file.content ? file.content.text : '';
  return text.slice(text.indexOf('\n---\n', 4) + 5);
}

describe('a Liquid tag alone on its line inside an HTML block of a Markdown page', () => {
  it('leaves no blank line once run, so the list stays HTML, as kramdown showed it', async () => {
    const html = await shown(imported());
    expect(html).toContain('<li class="posts-list">');
    expect(html).toContain('<a class="una" href="/2024/10/09/ghostway-project.html"><span>ghostway project</span></a>');
    expect(html).toContain('<span>redirectors</span>');
    expect(html.match(/<hr class="end">/g)).toHaveLength(1);
    expect(html).not.toContain('draft notes');
    expect(html).not.toContain('<pre');
    expect(html).toContain('<p>Some <strong>Markdown</strong> after the list.</p>');
    // As written, the blank lines the tags leave end the HTML block, and the indented rest shows as code.
    const before = await shown(BLOG.slice(BLOG.indexOf('\n---\n', 4) + 5));
    expect(before).toContain('<pre><code>');
    expect(before).toContain('&lt;li class="posts-list"&gt;');
  });

  it('changes only silent tags on lines of their own inside HTML blocks', () => {
    const body = [
      '{% if site.show %}',
      'A paragraph.',
      '{% endif %}',
      '',
      '<div>',
      '  {% include card.html %}',
      '  {% if a %}<b>x</b>{% endif %}',
      '  {%- unless b -%}',
      '  {% if a %}</li>{% endif %}',
      '  {% if a %}<b>{% endif %}',
      '</div>',
      '',
      '<pre>',
      '  {% if a %}',
      '</pre>',
      '',
      '    <div>',
      '    {% if a %}',
      '    </div>',
    ].join('\n');
    const lines = liquidLinesInHtmlBlocks(body).split('\n');
    // Outside HTML blocks a tag line's blank line may end a paragraph, as it did in kramdown: untouched.
    expect(lines[0]).toBe('{% if site.show %}');
    expect(lines[2]).toBe('{% endif %}');
    // An include writes something; a line with HTML on it is not blank; a tag already trimmed stays.
    expect(lines.slice(5, 8)).toEqual(['  {% include card.html %}', '  {% if a %}<b>x</b>{% endif %}', '  {%- unless b -%}']);
    // A line with only markup besides is blank when the condition fails.
    expect(lines.slice(8, 10)).toEqual(['  {%- if a %}</li>{% endif %}', '  {%- if a %}<b>{% endif %}']);
    // Line breaks show inside <pre>; an indented code block is code.
    expect(lines[13]).toBe('  {% if a %}');
    expect(lines[17]).toBe('    {% if a %}');
  });

  it('is applied to posts too', () => {
    const result = planImport(
      memorySource({
        '_config.yml': 'title: Lee\n',
        '_posts/2024-10-09-list.md': '---\ntitle: List\n---\n<ul>\n  {% for x in site.data.items %}\n  <li>{{ x }}</li>\n  {% endfor %}\n</ul>\n',
      }),
    );
    if (!result.ok) throw new Error(result.message);
    const file = result.plan.files.find((candidate) => candidate.path === 'src/content/posts/2024-10-09-list.md');
    expect(file && 'text' in file.content ? file.content.text : '').toContain(
      '<ul>\n  {%- for x in site.data.items %}\n  <li>{{ x }}</li>\n  {%- endfor %}\n</ul>',
    );
  });

  it('joins the lines of a paragraph of silent tags above the HTML it repeats, so each repetition stays HTML', async () => {
    // The shape of a minimal-mistakes portfolio page: rows of three cards, the row opened and closed by the loop.
    const grid = [
      '{% assign n = 0 %}',
      '{% for post in site.posts %}',
      '  {% if post.blog_post %}',
      '    {% assign n = n | plus: 1 %}',
      '    {% assign col = n | modulo: 3 %}',
      '    {% if col == 1 %}',
      '<div class="row">',
      '    <div class="card"><h5>{{ post.title }}</h5></div>',
      '    {% else %}',
      '    <div class="card"><h5>{{ post.title }}</h5></div>',
      '    {% endif %}',
      '  {% endif %}',
      '{% endfor %}',
      '</div>',
      '',
    ].join('\n');
    const before = await shown(grid);
    expect(before).toContain('<pre><code>');
    const after = await shown(liquidLinesInHtmlBlocks(grid));
    expect(after).not.toContain('<pre');
    expect(after.match(/<div class="card">/g)).toHaveLength(2);
  });

  it('keeps the blank lines that separate Markdown blocks around a paragraph of tags', async () => {
    const body = 'First paragraph.\n\n{% if site.posts %}\n\nSecond paragraph.\n\n{% endif %}\n\n- a list\n\n> {% if site.posts %}\n> quoted\n> {% endif %}\n';
    expect(await shown(liquidLinesInHtmlBlocks(body))).toBe(await shown(body));
    expect(liquidLinesInHtmlBlocks(body)).toContain('> {% if site.posts %}\n> quoted\n> {% endif %}');
  });
});

// The shape of minimal-mistakes' archive-single.html: blank lines and tags alone on their lines,
// included once for each post inside a page's HTML.
const CARD = `{% assign base = site.url %}

<div class="list__item">
  <article class="archive__item">
    {% if post.teaser %}
      <img src="{{ post.teaser }}" alt="">
    {% endif %}
    <h2 class="archive__item-title">
      <a href="{{ post.url }}">{{ post.title }}</a>
    </h2>

    {% if post.excerpt %}<p class="archive__item-excerpt">{{ post.excerpt }}</p>{% endif %}
  </article>
</div>
`;

describe('an HTML include run inside a Markdown page', () => {
  const page = '## Projects\n\n<div class="grid">\n{%- for post in site.posts %}\n  {% include card.html %}\n{%- endfor %}\n</div>\n';

  async function shownWith(include: string): Promise<string> {
    const root = mkdtempSync(join(tmpdir(), 'html-include-'));
    writeFileSync(join(root, 'card.html'), include);
    const liquid = new Liquid({ root: [root], partials: [root], extname: '', jekyllInclude: true });
    return markdownToHtml(await liquid.parseAndRender(page, SCOPE), { features: { gfm: true } }).html;
  }

  it('loses its blank lines and has its lone tags written {%-, so each copy stays HTML', async () => {
    const written = htmlIncludeWithoutBlankLines('_includes/card.html', CARD) ?? '';
    expect(written).toBe(
      [
        '{% assign base = site.url %}',
        '<div class="list__item">',
        '  <article class="archive__item">',
        '    {%- if post.teaser %}',
        '      <img src="{{ post.teaser }}" alt="">',
        '    {%- endif %}',
        '    <h2 class="archive__item-title">',
        '      <a href="{{ post.url }}">{{ post.title }}</a>',
        '    </h2>',
        '    {% if post.excerpt %}<p class="archive__item-excerpt">{{ post.excerpt }}</p>{% endif %}',
        '  </article>',
        '</div>',
        '',
      ].join('\n'),
    );
    expect(await shownWith(CARD)).toContain('<pre><code>');
    const html = await shownWith(written);
    expect(html).not.toContain('<pre');
    expect(html.match(/<h2 class="archive__item-title">/g)).toHaveLength(3);
  });

  it('is left alone when it is not HTML, shows its line breaks, or makes Markdown of what it captures', () => {
    expect(htmlIncludeWithoutBlankLines('_includes/group-by-array', '{% assign a = 1 %}\n\n<!-- x -->\n')).toBe('{% assign a = 1 %}\n<!-- x -->\n');
    expect(htmlIncludeWithoutBlankLines('_includes/notice.md', 'One.\n\nTwo.\n')).toBeUndefined();
    expect(htmlIncludeWithoutBlankLines('_includes/code.html', '<pre>\n\n  x\n</pre>\n')).toBeUndefined();
    expect(htmlIncludeWithoutBlankLines('_includes/note.html', '{% capture t %}\n*a*\n\n*b*\n{% endcapture %}{{ t | markdownify }}\n')).toBeUndefined();
    expect(htmlIncludeWithoutBlankLines('_includes/plain.html', '<p>as it is</p>\n')).toBeUndefined();
  });
});
