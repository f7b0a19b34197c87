import { describe, expect, it } from 'vitest';
import { planImport } from '../../scripts/import/plan.ts';
import { memorySource } from '../../scripts/import/source.ts';
import { validateSiteConfig } from '../../src/lib/schema/site-config.ts';

const PAGES = {
  'index.md': '---\nlayout: default\n---\nHi.\n',
  'whoami.md': '---\nlayout: default\n---\nAbout me.\n',
  'blog.md': '---\nlayout: default\n---\nPosts.\n',
};

function plan(config: string, files: Record<string, string> = {}) {
  const result = planImport(memorySource({ '_config.yml': config, ...PAGES, ...files }));
  if (!result.ok) throw new Error(result.message);
  const siteConfig = result.plan.files.find((file) => file.path === 'src/site.config.ts');
  return { plan: result.plan, siteConfig: siteConfig && 'text' in siteConfig.content ? siteConfig.content.text : '' };
}

/** The navigation the imported site config gives, read as the build reads it. */
function navigationOf(siteConfigText: string): unknown {
  const literal = siteConfigText.slice(siteConfigText.indexOf('{', siteConfigText.indexOf('siteConfig')), siteConfigText.lastIndexOf('};') + 1);
  const values = new Function(`return (${literal});`)() as Record<string, unknown>;
  return validateSiteConfig(values as never).navigation;
}

describe("a menu written in _config.yml, as the researcher theme's `nav:` of name and link", () => {
  it("becomes the header's navigation, in order, each at the address the site served it at", () => {
    const { plan: result, siteConfig } = plan(
      'title: brmk\nnav:\n - name: "home"\n   link: "/"\n - name: "whoami"\n   link: "/whoami"\n - name: "blog"\n   link: "blog"\n - name: "Resume"\n   link: "https://example.com/resume.pdf"\n - name: "mail"\n   link: "mailto:me@example.com"\n',
    );
    // Jekyll served whoami.md at /whoami.html; GitHub Pages answered /whoami with it too.
    expect(navigationOf(siteConfig)).toEqual([
      { label: 'home', href: '/' },
      { label: 'whoami', href: '/whoami.html' },
      { label: 'blog', href: '/blog.html' },
      { label: 'Resume', href: 'https://example.com/resume.pdf' },
    ]);
    expect(result.report).toContainEqual({
      kind: 'converted',
      file: '_config.yml',
      message: "its `nav` menu is the header's navigation in src/site.config.ts (home, whoami, blog, Resume).",
    });
    expect(result.report.find((line) => line.kind === 'dropped' && line.file === '_config.yml')?.message).toContain(
      'links "mail" to mailto:me@example.com, which the header\'s navigation cannot hold',
    );
  });

  it('reads `navigation:` of title and url too, and leaves a list of something else alone', () => {
    expect(navigationOf(plan('title: T\nnavigation:\n  - title: Blog\n    url: /blog\n').siteConfig)).toEqual([{ label: 'Blog', href: '/blog.html' }]);
    expect(navigationOf(plan('title: T\nnav:\n  - title: Blog\n  - just a word\n').siteConfig)).toBeUndefined();
  });

  it('gives way to _data/navigation.yml and header_pages', () => {
    const data = plan('title: T\nnav:\n  - name: Blog\n    link: /blog\n', { '_data/navigation.yml': 'main:\n  - title: Who\n    url: /whoami\n' });
    expect(navigationOf(data.siteConfig)).toEqual([{ label: 'Who', href: '/whoami' }]);
  });
});

describe('a _config.yml menu with links the header cannot hold', () => {
  const config = [
    'title: Lee',
    'url: http://lee.github.io',
    'baseurl: /site',
    'nav:',
    ' - name: Blog',
    '   link: http://lee.github.io/site/blog/',
    ' - name: Publications',
    '   link: /publications/',
    ' - name: CV',
    '   link: /assets/cv.pdf',
    ' - name: Old site',
    '   link: http://old.example.org/',
    ' - name: More',
    '   link: /whoami',
    '   children:',
    '    - name: Talks',
    '      link: /talks/',
    '    - name: Code',
    '      link: /code/',
    '',
  ].join('\n');
  const { plan: result, siteConfig } = plan(config, { 'blog/index.md': '---\nlayout: default\n---\nPosts.\n' });
  const lines = result.report.filter((line) => line.file === '_config.yml').map((line) => `${line.kind}: ${line.message}`);

  it("keeps what the site served, its own url + baseurl as a path, another site's http: written https:", () => {
    expect(siteConfig).toContain(
      [
        '  navigation: [',
        "    { label: 'Blog', href: '/blog/' },",
        "    { label: 'Old site', href: 'https://old.example.org/' },",
        "    { label: 'More', href: '/whoami.html' },",
        '  ],',
      ].join('\n'),
    );
    expect(lines).toContainEqual("converted: its `nav` menu is the header's navigation in src/site.config.ts (Blog, Old site, More).");
    expect(lines).toContainEqual(
      expect.stringMatching(/^changed: its `nav` menu links "Old site" to http:\/\/old\.example\.org\/: written https:\/\/old\.example\.org\/ in `navigation`/),
    );
  });

  it('leaves out and reports the links the site did not serve', () => {
    for (const [label, address] of [
      ['Publications', '/publications/'],
      ['CV', '/assets/cv.pdf'],
    ])
      expect(lines).toContainEqual(
        expect.stringContaining(`dropped: its \`nav\` menu links "${label}" to ${address}, which the site does not serve (no page or file there)`),
      );
  });

  it("reports an item's children, which the header cannot nest", () => {
    expect(lines).toContainEqual(expect.stringContaining('dropped: its `nav` menu item "More" has items under it (Talks, Code)'));
  });

  it('leaves the default header, and says so, when no link can be kept', () => {
    const none = plan('title: T\nnav:\n  - name: Gone\n    link: /gone/\n');
    expect(none.siteConfig).not.toContain('navigation:');
    expect(none.plan.report.map((line) => line.message)).toContainEqual(expect.stringContaining("menu has no link the header's navigation can hold"));
  });
});

describe('a menu of a one-page site, its links to sections of the home page (`/#projects`)', () => {
  const HOME = { 'index.md': '---\nlayout: default\n---\n<section id="about">About.</section>\n\n<section id="projects">Projects.</section>\n' };

  it('keeps each #fragment the page’s own HTML has as an id, so the links stay apart', () => {
    const { siteConfig } = plan('title: t\nnavigation:\n - title: About\n   url: /#about\n - title: Projects\n   url: "/index.html#projects"\n', HOME);
    expect(navigationOf(siteConfig)).toEqual([
      { label: 'About', href: '/#about' },
      { label: 'Projects', href: '/#projects' },
    ]);
  });

  it('links the page alone where it has no such id, as the build would refuse the fragment', () => {
    const { siteConfig } = plan('title: t\nnavigation:\n - title: Talks\n   url: /#talks\n - title: Blog\n   url: /blog\n', HOME);
    expect(navigationOf(siteConfig)).toEqual([
      { label: 'Talks', href: '/' },
      { label: 'Blog', href: '/blog.html' },
    ]);
  });

  it('keeps the fragment in a hand-made layout’s <nav> too', () => {
    const { siteConfig } = plan('title: t\n', {
      ...HOME,
      '_layouts/default.html': '<html><body><nav><a href="/#about">About</a> <a href="/#projects">Projects</a></nav>{{ content }}</body></html>',
    });
    expect(navigationOf(siteConfig)).toEqual([
      { label: 'About', href: '/#about' },
      { label: 'Projects', href: '/#projects' },
    ]);
  });
});

describe("a hand-made layout's <nav> of icons", () => {
  it('labels each link by its name as a screen reader reads it: aria-label, its text, else its title', () => {
    const { siteConfig } = plan('title: t\n', {
      '_layouts/default.html':
        '<html><body><nav><a href="/whoami" aria-label="About me"><svg></svg></a> <a href="/blog" title="The blog"><svg></svg></a> <a href="/"><svg></svg></a></nav>{{ content }}</body></html>',
    });
    expect(navigationOf(siteConfig)).toEqual([
      { label: 'About me', href: '/whoami.html' },
      { label: 'The blog', href: '/blog.html' },
    ]);
  });
});
