import { describe, expect, it } from 'vitest';
import {
  domainFrom,
  frontMatterDefaults,
  pluginsOf,
  readConfig,
  readRules,
  renderSiteConfig,
  siteConfigFrom,
  tsString,
  type JekyllConfig,
  type SiteConfigValues,
} from '../../scripts/import/config.ts';
import { planImport } from '../../scripts/import/plan.ts';
import { memorySource } from '../../scripts/import/source.ts';

const yaml = (text: string): JekyllConfig => {
  const read = readConfig(text);
  if (!read.ok) throw new Error(read.message);
  return read.config;
};
const values = (config: string, cname?: string) => siteConfigFrom({ config: yaml(config), cname }).values;

describe('the owner details from _config.yml', () => {
  it.each<[string, string, Partial<SiteConfigValues>]>([
    ['title is the name', 'title: Jane Doe\nauthor: Someone Else', { name: 'Jane Doe' }],
    ['author, without a title', 'author: Jane Doe', { name: 'Jane Doe' }],
    ['author as {name}', 'author:\n  name: Jane Doe\n  email: jane@example.org', { name: 'Jane Doe', email: 'jane@example.org' }],
    ['neither', 'lang: en', { name: 'Your Name' }],
    ["al-folio's title: blank and the name in parts", 'title: blank\nfirst_name: Jane\nmiddle_name: Q.\nlast_name: Doe', { name: 'Jane Q. Doe' }],
    ['a folded description on one line', 'title: J\ndescription: >-\n  Backend engineer\n  who writes.', { description: 'Backend engineer who writes.' }],
    ['no description', 'title: Jane Doe', { description: 'The portfolio of Jane Doe.' }],
    ['email', 'email: jane@example.org', { email: 'jane@example.org' }],
    ['an email that is not one', 'email: jane at example', { email: undefined }],
    ['lang', 'lang: en-GB', { lang: 'en-GB' }],
    ['the host of url', 'url: "https://www.janedoe.example"', { domain: 'www.janedoe.example' }],
    ['a github.io url is no domain', 'url: "https://janedoe.github.io"', { domain: undefined }],
    ['localhost is no domain', 'url: "http://localhost:4000"', { domain: undefined }],
    ['an empty baseurl', 'baseurl: ""', { basePath: undefined }],
    ['baseurl', 'baseurl: /blog', { basePath: '/blog' }],
    ['baseurl without its slash', 'baseurl: blog/', { basePath: '/blog' }],
    [
      'permalink, timezone and excerpt_separator',
      'permalink: pretty\ntimezone: Europe/Berlin\nexcerpt_separator: <!--more-->',
      { posts: { permalink: 'pretty', timezone: 'Europe/Berlin', excerptSeparator: '<!--more-->' } },
    ],
    ['no post settings', 'title: J', { posts: { permalink: undefined, timezone: undefined, excerptSeparator: undefined } }],
  ])('%s', (_, config, expected) => expect(values(config)).toMatchObject(expected));

  it('takes the domain from CNAME first', () => {
    expect(values('url: "https://old.example"', 'www.janedoe.example\n').domain).toBe('www.janedoe.example');
  });

  it.each([
    ['CNAME', 'jane.dev\n', undefined, 'jane.dev'],
    ['CNAME with a scheme', 'https://jane.dev/', undefined, 'jane.dev'],
    ['url', undefined, 'https://jane.dev/blog', 'jane.dev'],
    ['127.0.0.1', undefined, 'http://127.0.0.1:4000', undefined],
    ['no url', undefined, undefined, undefined],
  ])('domainFrom: %s', (_, cname, url, expected) => expect(domainFrom(cname, url)).toBe(expected));
});

describe('profile links from social handles', () => {
  it.each<[string, string, { label: string; href: string }[]]>([
    [
      'top-level handles, in a fixed order',
      'linkedin: janedoe\ngithub: janedoe',
      [
        { label: 'GitHub', href: 'https://github.com/janedoe' },
        { label: 'LinkedIn', href: 'https://www.linkedin.com/in/janedoe' },
      ],
    ],
    [
      'minima 2 usernames',
      'github_username: jd\ntwitter_username: jd_tweets',
      [
        { label: 'GitHub', href: 'https://github.com/jd' },
        { label: 'Twitter', href: 'https://twitter.com/jd_tweets' },
      ],
    ],
    ['x', 'x: janedoe', [{ label: 'X', href: 'https://twitter.com/janedoe' }]],
    ['jekyll-seo-tag twitter', 'twitter:\n  username: jd', [{ label: 'Twitter', href: 'https://twitter.com/jd' }]],
    [
      'minima.social_links as handles, email among them',
      'minima:\n  social_links:\n    github: jd\n    email: jd@example.org',
      [
        { label: 'GitHub', href: 'https://github.com/jd' },
        { label: 'Email', href: 'mailto:jd@example.org' },
      ],
    ],
    [
      'social_links as a list of platforms',
      'social_links:\n  - { platform: github, user_url: "https://github.com/jd" }\n  - { platform: linkedin, user_url: "https://www.linkedin.com/in/jd" }',
      [
        { label: 'GitHub', href: 'https://github.com/jd' },
        { label: 'LinkedIn', href: 'https://www.linkedin.com/in/jd' },
      ],
    ],
    [
      'minima 3 social_links as {title, icon, url}',
      'minima:\n  social_links:\n    - { title: Code, icon: github, url: "https://github.com/jd" }\n    - { title: Posts, icon: x-twitter, url: "https://x.com/jd" }',
      [
        { label: 'GitHub', href: 'https://github.com/jd' },
        { label: 'X', href: 'https://x.com/jd' },
      ],
    ],
    ['mastodon', 'mastodon: "@jd@fosstodon.org"', [{ label: 'Mastodon', href: 'https://fosstodon.org/@jd' }]],
    ['a handle given as an address', 'github: https://github.com/jd', [{ label: 'GitHub', href: 'https://github.com/jd' }]],
    ['the site email is not a profile link', 'email: jd@example.org', []],
    ["Poole's author.url at a profile", 'author:\n  name: Jane\n  url: https://github.com/jd', [{ label: 'GitHub', href: 'https://github.com/jd' }]],
    ['an author.url of a home page is no profile link', 'author:\n  name: Jane\n  url: https://jane.example.org/', []],
  ])('%s', (_, config, links) => expect(values(config).links).toEqual(links));
});

describe('src/site.config.ts', () => {
  it('is written in the form the build imports, with the keys that are set', () => {
    const text = renderSiteConfig({
      name: 'Jane Doe',
      description: 'Backend engineer.',
      email: 'jane@example.org',
      links: [{ label: 'GitHub', href: 'https://github.com/janedoe' }],
      lang: 'en',
      domain: 'www.janedoe.example',
      basePath: '/blog',
      navigation: [{ label: 'Work', href: '/work/' }],
      posts: { permalink: 'date', timezone: 'UTC', excerptSeparator: '\n\n' },
    });
    expect(text).toBe(
      [
        "import { validateSiteConfig, type SiteConfigInput } from './lib/schema/site-config.ts';",
        '',
        "/** Imported from the Jekyll site's _config.yml by `npm run import`. Edit it freely: the build validates it. */",
        'const siteConfig: SiteConfigInput = {',
        "  name: 'Jane Doe',",
        "  description: 'Backend engineer.',",
        "  email: 'jane@example.org',",
        '  links: [',
        "    { label: 'GitHub', href: 'https://github.com/janedoe' },",
        '  ],',
        "  lang: 'en',",
        "  domain: 'www.janedoe.example',",
        "  basePath: '/blog',",
        '  navigation: [',
        "    { label: 'Work', href: '/work/' },",
        '  ],',
        "  posts: { permalink: 'date', timezone: 'UTC', excerptSeparator: '\\n\\n' },",
        '};',
        '',
        'export default validateSiteConfig(siteConfig);',
        '',
      ].join('\n'),
    );
  });

  it('leaves out what is not set, and writes links: [] when there are none', () => {
    const text = renderSiteConfig({ name: 'J', description: 'D', links: [], posts: {} });
    expect(text).toContain('  links: [],\n};');
    expect(text).not.toMatch(/email|lang|domain|basePath|navigation|posts/);
  });

  it.each([
    ["O'Brien", "'O\\'Brien'"],
    ['say "hi"', `'say "hi"'`],
    ['line\nbreak', "'line\\nbreak'"],
    ['back\\slash', "'back\\\\slash'"],
    ['\u2028', "'\\u2028'"],
  ])('quotes %j as %s', (value, expected) => {
    expect(tsString(value)).toBe(expected);
    // It reads back as the same text.
    expect(new Function(`return ${tsString(value)};`)()).toBe(value);
  });
});

describe('navigation from header_pages', () => {
  const site = (headerPages: string) =>
    memorySource({
      '_config.yml': `title: Jane\nheader_pages:\n${headerPages}`,
      'work.md': '---\nlayout: work\ntitle: Work\ndata: work\npermalink: /work/\n---\n',
      'blog.md': '---\nlayout: blog\ntitle: Blog\npermalink: /blog/\n---\n',
      'resume.md': '---\nlayout: page\ntitle: Resume\npermalink: /assets/files/resume.pdf\n---\n',
      'untitled.md': '---\nlayout: page\n---\n',
      'about.md': '---\nlayout: page\ntitle: About\n---\n',
      'assets/files/resume.pdf': '%PDF-1.4',
      '_data/work.yml': 'Acme:\n  summary: x\n',
    });
  const configText = (headerPages: string) => {
    const result = planImport(site(headerPages));
    if (!result.ok) throw new Error(result.message);
    const file = result.plan.files.find((candidate) => candidate.path === 'src/site.config.ts');
    return { text: file && 'text' in file.content ? file.content.text : '', report: result.plan.report };
  };

  it('lists each page in order with its title and URL; a page whose permalink is a static file links the file', () => {
    expect(configText('  - work.md\n  - blog.md\n  - about.md\n  - resume.md\n').text).toContain(
      [
        '  navigation: [',
        "    { label: 'Work', href: '/work/' },",
        "    { label: 'Blog', href: '/blog/' },",
        "    { label: 'About', href: '/about.html' },",
        "    { label: 'Resume', href: '/assets/files/resume.pdf' },",
        '  ],',
      ].join('\n'),
    );
  });

  it('leaves out a page without a title and a path that is not a page, and says so', () => {
    const { text, report } = configText('  - untitled.md\n  - missing.md\n  - work.md\n');
    expect(text).toContain("  navigation: [\n    { label: 'Work', href: '/work/' },\n  ],");
    expect(report.map((line) => line.message)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('header_pages lists untitled.md, which has no title'),
        expect.stringContaining('header_pages lists missing.md, which is not a page of the site'),
      ]),
    );
  });

  it("reads minima 3's minima.nav_pages the same way", () => {
    const result = planImport(
      memorySource({ '_config.yml': 'title: J\nminima:\n  nav_pages: [about.md]\n', 'about.md': '---\nlayout: page\ntitle: About\npermalink: /about/\n---\n' }),
    );
    const file = result.ok ? result.plan.files.find((candidate) => candidate.path === 'src/site.config.ts') : undefined;
    expect(file && 'text' in file.content ? file.content.text : '').toContain("  navigation: [\n    { label: 'About', href: '/about/' },\n  ],");
  });

  it('is left out without header_pages (the build then makes its own)', () => {
    const result = planImport(memorySource({ '_config.yml': 'title: Jane\n' }));
    const file = result.ok ? result.plan.files.find((candidate) => candidate.path === 'src/site.config.ts') : undefined;
    expect(file && 'text' in file.content ? file.content.text : '').not.toContain('navigation');
  });
});

describe('what Jekyll reads', () => {
  it.each([
    ['exclude by name', 'exclude: [notes]', 'notes/todo.md', true],
    ['exclude is a plain prefix, as in Jekyll', 'exclude: [README]', 'README.md', true],
    ['exclude by glob', 'exclude: ["*.sh"]', 'deploy.sh', true],
    ['Gemfile always', 'title: x', 'Gemfile', true],
    ['vendor/bundle always', 'title: x', 'vendor/bundle/x.rb', true],
    ['include lets an excluded path through', 'exclude: [notes]\ninclude: [notes]', 'notes/todo.md', false],
    ['a page', 'title: x', 'about.md', false],
  ])('%s', (_, config, path, excluded) => expect(readRules(yaml(config)).isExcluded(path)).toBe(excluded));

  it.each([
    ['.htaccess is included by default', 'title: x', '.htaccess', false],
    ['a dotfile', 'title: x', '.env', true],
    ['an underscore folder', 'title: x', '_notes/a.md', true],
    ['include: [.well-known]', 'include: [.well-known]', '.well-known/security.txt', false],
  ])('hidden: %s', (_, config, path, hidden) => expect(readRules(yaml(config)).isHidden(path)).toBe(hidden));

  it('merges front-matter defaults, the more specific scope winning', () => {
    const config = yaml(
      [
        'defaults:',
        '  - scope: { path: "" }',
        '    values: { layout: default, author: Jane }',
        '  - scope: { path: "work", type: pages }',
        '    values: { layout: work_page, data: work }',
        '  - scope: { path: "", type: posts }',
        '    values: { layout: post }',
      ].join('\n'),
    );
    expect(frontMatterDefaults(config, 'work/acme.md', 'pages')).toEqual({ layout: 'work_page', author: 'Jane', data: 'work' });
    expect(frontMatterDefaults(config, 'about.md', 'pages')).toEqual({ layout: 'default', author: 'Jane' });
    expect(frontMatterDefaults(config, '_posts/2019-01-01-x.md', 'posts')).toEqual({ layout: 'post', author: 'Jane' });
    expect(frontMatterDefaults(config, 'workshop.md', 'pages')).toEqual({ layout: 'default', author: 'Jane' });
  });

  it.each([
    ['plugins', 'plugins: [jekyll-feed, jekyll-sitemap]', undefined, ['jekyll-feed', 'jekyll-sitemap']],
    ['gems, the old name', 'gems: [jekyll-feed]', undefined, ['jekyll-feed']],
    [
      "the Gemfile's jekyll_plugins group",
      'title: x',
      'source "https://rubygems.org"\ngroup :jekyll_plugins do\n  gem "jekyll-feed", "~> 0.12"\nend\n',
      ['jekyll-feed'],
    ],
  ])('plugins: %s', (_, config, gemfile, expected) => expect([...pluginsOf(yaml(config), gemfile)].sort()).toEqual(expected));
});
