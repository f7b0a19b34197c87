import { describe, expect, it } from 'vitest';
import { mapLayout, type LayoutFiles } from '../../scripts/import/layouts.ts';

const files: LayoutFiles = new Map([
  ['default', '<html><body>{{ content }}</body></html>'],
  ['project', '---\nlayout: default\n---\n{% assign work = site.data[page.data][page.title] %}<h2>{{ work.summary }}</h2>{{ content }}'],
  ['projects', '---\nlayout: default\n---\n{{ content }}{% for item in site.data[page.data] %}<a>{{ item[0] }}</a>{% endfor %}'],
  ['writing', '---\nlayout: default\n---\n{{ content }}{% for post in site.posts %}{{ post.title }}{% endfor %}'],
  ['article', '---\nlayout: default\n---\n<article><h1>{{ page.title }}</h1>{{ content }}</article>'],
  ['redirect', '<meta http-equiv="refresh" content="0; url={{ page.redirect_to }}">'],
  ['home', '---\nlayout: default\n---\n{{ content }}<ul>{%- for post in site.posts -%}<li>{{ post.title }}</li>{%- endfor -%}</ul>'],
]);

describe('layout names and what they become', () => {
  it.each([
    // name, the page's URL, whether it names a group, the layout, unsure
    ['work_page', '/work/acme', true, 'work_page', false],
    ['work', '/work/', true, 'work', false],
    ['home', '/', false, 'home', false],
    ['page', '/contact/', false, 'page', false],
    ['blog', '/blog/', false, 'blog', false],
    ['default', '/about.html', false, 'page', false],
    ['post', '/notes.html', false, 'page', false],
    [undefined, '/about.html', false, 'page', false],
    [null, '/about.html', false, 'page', false],
    ['none', '/raw.html', false, 'page', false],
    ['homepage', '/', false, 'home', false],
    ['landing', '/', false, 'home', false],
    ['home', '/welcome/', false, 'page', false],
    ['archive', '/archive/', false, 'page', false],
    ['writing', '/writing/', false, 'blog', false],
    ['project', '/projects/robot', true, 'work_page', false],
    ['projects', '/projects/', true, 'work', false],
    ['project', '/projects/robot', false, 'page', false],
    ['article', '/notes/', false, 'page', false],
    ['single', '/about/', false, 'page', false],
    ['splashy', '/x/', false, 'page', true],
    ['redirect', '/old/', false, 'page', true],
  ])('%s at %s (data: %s) -> %s', (name, url, hasData, layout, unsure) => {
    const choice = mapLayout(name, { url, hasData, files });
    expect(choice.layout).toBe(layout);
    expect(choice.unsure).toBe(unsure);
  });

  it('says why, for the report', () => {
    expect(mapLayout('default', { url: '/a.html', hasData: false, files }).reason).toBe('shows the title and the content');
    expect(mapLayout('home', { url: '/x/', hasData: false, files }).reason).toContain(`this project's home layout is only for "/"`);
    expect(mapLayout('home', { url: '/', hasData: false, files }).reason).toBe(
      "its layout also listed the posts, and so does this project's home page (home.posts in src/site.config.ts)",
    );
    expect(mapLayout('splashy', { url: '/x/', hasData: false, files }).reason).toContain('not in _layouts (it came from the theme)');
  });
});
