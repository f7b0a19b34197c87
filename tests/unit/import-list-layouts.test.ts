import { describe, expect, it } from 'vitest';
import { planImport } from '../../scripts/import/plan.ts';
import { memorySource } from '../../scripts/import/source.ts';

const HOME =
  '---\nlayout: default\n---\n<div class="home">{{ content }}<h2>{{ page.list_title | default: "Posts" }}</h2><ul>{%- for post in site.posts -%}<li><a href="{{ post.url }}">{{ post.title }}</a></li>{%- endfor -%}</ul></div>';

function written(files: Record<string, string>, path: string): string {
  const result = planImport(memorySource({ '_config.yml': 'title: Lee\ntheme: minima\n', ...files }));
  if (!result.ok) throw new Error(result.message);
  const file = result.plan.files.find((candidate) => candidate.path === path);
  return file && 'text' in file.content ? file.content.text : '';
}

describe("the site's own copy of a theme layout that lists", () => {
  it("gives an empty page away from / the copy's list, for the build's Liquid", () => {
    const text = written(
      { '_layouts/home.html': HOME, 'posts.md': '---\nlayout: home\ntitle: My Posts\npermalink: /posts\nlist_title: All Posts\n---\n' },
      'src/content/pages/posts.md',
    );
    expect(text).toContain('layout: page');
    expect(text).toContain('{%- for post in site.posts -%}');
    expect(text).toContain('{{ page.list_title | default: "Posts" }}');
  });

  it("gives an empty page the layout's text when the layout lists through an include, without {{ content }} (Hydeout's tags page)", () => {
    const files = {
      '_layouts/default.html': '<html><body>{% include sidebar.html %}{{ content }}</body></html>',
      '_layouts/tags.html': '---\nlayout: page\n---\n\n{% include tags-list.html %}',
      '_includes/tags-list.html': '<div>{% include tag-links.html %}</div>',
      '_includes/tag-links.html': '{% for tag in site.tags %}<a href="#{{ tag[0] | slugify }}">{{ tag[0] }}</a>{% endfor %}',
      '_includes/sidebar.html': '<nav><a href="/">Home</a></nav>',
      'tags.html': '---\nlayout: tags\ntitle: Tags\n---\n',
    };
    const text = written(files, 'src/content/pages/tags.md');
    expect(text).toContain('layout: page');
    expect(text).toContain('{% include tags-list.html %}');
    // An include that does not list, in a layout that does not print the page, adds nothing.
    const plain = { ...files, '_includes/tag-links.html': '<p>Tags</p>' };
    expect(written(plain, 'src/content/pages/tags.md')).not.toContain('{%');
  });

  it('adds nothing from a copy that only prints the page, nor from the theme itself', () => {
    const page = '---\nlayout: default\n---\n<article><h1>{{ page.title }}</h1>{{ content }}</article>';
    expect(written({ '_layouts/page.html': page, 'empty.md': '---\nlayout: page\ntitle: Empty\n---\n' }, 'src/content/pages/empty.md')).not.toContain('{{');
    expect(written({ 'posts.md': '---\nlayout: home\ntitle: My Posts\npermalink: /posts\n---\n' }, 'src/content/pages/posts.md')).not.toContain('{%');
  });

  it("keeps a page's own Markdown as written and puts the layout's list after it, printing the body where the layout printed {{ content }}", () => {
    const series =
      '---\nlayout: default\n---\n<div class="home"><div class="preface">{{ content }}</div><ul>{%- for post in site.categories[page.series] -%}<li>{{ post.title }}</li>{%- endfor -%}</ul></div>';
    const text = written(
      {
        '_layouts/series.html': series,
        'ai.md': '---\nlayout: series\ntitle: AI\nseries: ai\n---\nWithin a few years, *everything* changes.\n\nA second paragraph.\n',
      },
      'src/content/pages/ai.md',
    );
    const body = text.slice(text.indexOf('\n---\n', 4) + 5);
    expect(body).toMatch(
      /^\{% capture content %\}\nWithin a few years, \*everything\* changes\.\n\nA second paragraph\.\n\{% endcapture %\}\{% assign content = content \| markdownify %\}\n/,
    );
    expect(body).toContain('<div class="preface">{{ content }}</div>');
    expect(body).toContain('{%- for post in site.categories[page.series] -%}');
  });

  it('leaves a page with text of its own over a layout that only prints its fields as it is', () => {
    const bio = '---\nlayout: default\n---\n<section class="bio"><img src="{{ page.portrait }}"/><article>{{ content }}</article></section>';
    const text = written(
      { '_layouts/bio.html': bio, 'about.md': '---\nlayout: bio\ntitle: About\nportrait: /me.jpg\n---\nHello.\n' },
      'src/content/pages/about.md',
    );
    expect(text).not.toContain('{%');
    expect(text).toContain('Hello.');
  });
});
