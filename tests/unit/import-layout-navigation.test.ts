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
