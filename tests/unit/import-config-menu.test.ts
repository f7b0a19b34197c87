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
  it("becomes the header's navigation, in order, with addresses from the site's root", () => {
    const { plan: result, siteConfig } = plan(
      'title: brmk\nnav:\n - name: "home"\n   link: "/"\n - name: "whoami"\n   link: "/whoami"\n - name: "blog"\n   link: "blog"\n - name: "Resume"\n   link: "http://example.com/resume.pdf"\n - name: "mail"\n   link: "mailto:me@example.com"\n',
    );
    expect(navigationOf(siteConfig)).toEqual([
      { label: 'home', href: '/' },
      { label: 'whoami', href: '/whoami' },
      { label: 'blog', href: '/blog' },
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
    expect(navigationOf(plan('title: T\nnavigation:\n  - title: Blog\n    url: /blog\n').siteConfig)).toEqual([{ label: 'Blog', href: '/blog' }]);
    expect(navigationOf(plan('title: T\nnav:\n  - title: Blog\n  - just a word\n').siteConfig)).toBeUndefined();
  });

  it('gives way to _data/navigation.yml and header_pages', () => {
    const data = plan('title: T\nnav:\n  - name: Blog\n    link: /blog\n', { '_data/navigation.yml': 'main:\n  - title: Who\n    url: /whoami\n' });
    expect(navigationOf(data.siteConfig)).toEqual([{ label: 'Who', href: '/whoami' }]);
  });
});
