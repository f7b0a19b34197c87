import { describe, expect, it } from 'vitest';
import { planImport } from '../../scripts/import/plan.ts';
import { memorySource } from '../../scripts/import/source.ts';
import { validateSiteConfig } from '../../src/lib/schema/site-config.ts';

// A beautiful-jekyll site in small: its header menu and profile links live in _config.yml.
const CONFIG = [
  'title: A blog',
  'url: "https://example.com"',
  'navbar-links:',
  '  Home: "https://example.com"',
  '  About: "about"',
  '  Me: "/me"',
  '  Posts: "/posts"',
  '  Resources:',
  '    - Guide: "http://example.org/guide"',
  '    - Notes: "notes"',
  '  Mail: "mailto:me@example.com"',
  'social-network-links:',
  '  rss: false',
  '  email: "me@example.com"',
  '  facebook: janedoe',
  '  github: janedoe',
  '',
].join('\n');

const PAGES = {
  'index.md': '---\nlayout: default\n---\nHi.\n',
  'about.md': '---\nlayout: default\ntitle: About\n---\nAbout me.\n',
  'notes.md': '---\nlayout: default\ntitle: Notes\n---\nNotes.\n',
  'me.md': '---\nlayout: default\ntitle: Me\npermalink: /me/\n---\nMe.\n',
};

function plan(config: string) {
  const result = planImport(memorySource({ '_config.yml': config, ...PAGES }));
  if (!result.ok) throw new Error(result.message);
  const file = result.plan.files.find((planned) => planned.path === 'src/site.config.ts');
  const text = file && 'text' in file.content ? file.content.text : '';
  // The site config as the build reads it.
  const literal = text.slice(text.indexOf('{', text.indexOf('siteConfig')), text.lastIndexOf('};') + 1);
  const values = new Function(`return (${literal});`)() as Record<string, unknown>;
  return { report: result.plan.report, siteConfig: validateSiteConfig(values as never) };
}

describe("beautiful-jekyll's `navbar-links` in _config.yml", () => {
  it("becomes the header's navigation in order, addresses as relative_url writes them, a drop-down's links in its place", () => {
    const { siteConfig, report } = plan(CONFIG);
    expect(siteConfig.navigation).toEqual([
      // The site's own address is its root, wherever it moves.
      { label: 'Home', href: '/' },
      // about.md is served at /about.html (Jekyll's default permalink), me.md at /me/; GitHub Pages answered /about and /me with them.
      { label: 'About', href: '/about.html' },
      { label: 'Me', href: '/me/' },
      { label: 'Guide', href: 'https://example.org/guide' },
      { label: 'Notes', href: '/notes.html' },
    ]);
    expect(report).toContainEqual({
      kind: 'changed',
      file: '_config.yml',
      message: `its \`navbar-links\` drop-down "Resources" is not kept as a drop-down: its links (Guide, Notes) are links of the header's navigation in its place.`,
    });
    const dropped = report.filter((line) => line.kind === 'dropped' && line.file === '_config.yml').map((line) => line.message);
    expect(dropped).toEqual([
      expect.stringContaining('link "Posts" (/posts) leads to nothing the site served'),
      expect.stringContaining('link "Mail" (mailto:me@example.com)'),
    ]);
    expect(report).toContainEqual({
      kind: 'changed',
      file: '_config.yml',
      message:
        'its `navbar-links` menu links "Guide" to http://example.org/guide: written https://example.org/guide in `navigation` in src/site.config.ts, since this project\'s navigation takes only https: addresses. If that site serves no https, change or delete the link there.',
    });
  });

  it('gives way to _data/navigation.yml-style menus and header_pages', () => {
    const { siteConfig } = plan(`${CONFIG}header_pages:\n  - notes.md\n`);
    expect(siteConfig.navigation).toEqual([{ label: 'Notes', href: '/notes.html' }]);
  });
});

describe("beautiful-jekyll's `social-network-links` in _config.yml", () => {
  it('become the profile links, the email a mailto: link', () => {
    const { siteConfig } = plan(CONFIG);
    expect(siteConfig.links).toEqual(
      expect.arrayContaining([
        { label: 'GitHub', href: 'https://github.com/janedoe' },
        { label: 'Facebook', href: 'https://www.facebook.com/janedoe' },
        { label: 'Email', href: 'mailto:me@example.com' },
      ]),
    );
    expect(siteConfig.links).toHaveLength(3);
  });
});

describe('a `navbar-links` menu the header cannot hold', () => {
  it("is no navigation at all, so the header lists the site's own pages, and says so", () => {
    const { siteConfig, report } = plan('title: A blog\nnavbar-links:\n  Posts: "/posts"\n  Mail: "mailto:me@example.com"\n');
    expect(siteConfig.navigation).toBeUndefined();
    const lines = report.filter((line) => line.file === '_config.yml').map((line) => line.message);
    expect(lines).toContainEqual("its `navbar-links` menu has no link the header's navigation can hold, so the header lists the site's own pages.");
    expect(lines.some((line) => line.includes("menu is the header's navigation"))).toBe(false);
  });

  it("names in a drop-down's place only the links kept", () => {
    const { siteConfig, report } = plan('title: A blog\nnavbar-links:\n  Resources:\n    - Gone: "/gone"\n    - Notes: "notes"\n');
    expect(siteConfig.navigation).toEqual([{ label: 'Notes', href: '/notes.html' }]);
    expect(report).toContainEqual({
      kind: 'changed',
      file: '_config.yml',
      message: `its \`navbar-links\` drop-down "Resources" is not kept as a drop-down: its links (Notes) are links of the header's navigation in its place.`,
    });
  });
});
