import { describe, expect, it } from 'vitest';
import { markdownToHtml, mdxToJs } from 'satteri';
import { baseLinksPlugin } from '../../src/lib/markdown/base-links.ts';
import { codeHighlightPlugin } from '../../src/lib/markdown/code-highlight.ts';
import { combineHastPlugins } from '../../src/lib/markdown/combine.ts';
import { layoutKeyPlugin } from '../../src/lib/markdown/layout-key.ts';
import { newTabLinksPlugin, newTabRel } from '../../src/lib/markdown/new-tab-links.ts';

const render = async (markdown: string, base: string) => (await markdownToHtml(markdown, { hastPlugins: [baseLinksPlugin(base)] })).html.trim();

describe('baseLinksPlugin', () => {
  it.each([
    ['[Georgia Tech](/work/gt)', '/portfolio/', '<p><a href="/portfolio/work/gt">Georgia Tech</a></p>'],
    ['[Georgia Tech](/work/gt)', '/', '<p><a href="/work/gt">Georgia Tech</a></p>'],
    ['[top](/work/gt#intro)', '/portfolio/', '<p><a href="/portfolio/work/gt#intro">top</a></p>'],
    ['![logo](/images/logo.png)', '/portfolio/', '<p><img src="/portfolio/images/logo.png" alt="logo"></p>'],
    ['[AWS](https://aws.amazon.com/)', '/portfolio/', '<p><a href="https://aws.amazon.com/">AWS</a></p>'],
    ['[here](#section)', '/portfolio/', '<p><a href="#section">here</a></p>'],
    ['[ref][gt]\n\n[gt]: /work/gt', '/portfolio/', '<p><a href="/portfolio/work/gt">ref</a></p>'],
    ['<a href="/work/gt">raw</a>', '/portfolio/', '<p><a href="/portfolio/work/gt">raw</a></p>'],
    // Raw HTML is parsed as a browser reads it; only URL values change, the rest stays as written.
    ['<a href = "/work/gt">spaces</a>', '/portfolio/', '<p><a href = "/portfolio/work/gt">spaces</a></p>'],
    ["<A HREF='/work/gt'>caps</A>", '/portfolio/', "<p><A HREF='/portfolio/work/gt'>caps</A></p>"],
    ['<div><a href=/work/gt>bare</a></div>', '/portfolio/', '<div><a href="/portfolio/work/gt">bare</a></div>'],
    ['<a title=">" href="/work/gt">gt in quotes</a>', '/portfolio/', '<p><a title=">" href="/portfolio/work/gt">gt in quotes</a></p>'],
    ['<a data-href="/work/gt" href="/work/amazon">x</a>', '/portfolio/', '<p><a data-href="/work/gt" href="/portfolio/work/amazon">x</a></p>'],
    ['<p data-href="/work/gt">x</p>', '/portfolio/', '<p data-href="/work/gt">x</p>'],
    [
      '<div><a href="/work/gt?x=1&amp;y=2"  class=x >a&nbsp;b</a></div>',
      '/portfolio/',
      '<div><a href="/portfolio/work/gt?x=1&amp;y=2"  class=x >a&nbsp;b</a></div>',
    ],
    ['<a href="&#47;work/gt">entity</a>', '/portfolio/', '<p><a href="/portfolio/work/gt">entity</a></p>'],
    ['<a href="/portfolio/work/gt">written with the base</a>', '/portfolio/', '<p><a href="/portfolio/work/gt">written with the base</a></p>'],
    ['<a href="//cdn.example/x">x</a> <a href="https://x.dev/">y</a>', '/portfolio/', '<p><a href="//cdn.example/x">x</a> <a href="https://x.dev/">y</a></p>'],
    [
      '<img src="/a.png" srcset="/a.png 1x, /a@2x.png 2x" alt="">',
      '/portfolio/',
      '<img src="/portfolio/a.png" srcset="/portfolio/a.png 1x, /portfolio/a@2x.png 2x" alt="">',
    ],
    ["<img srcset='/a.png 1x,https://x.dev/b.png 2x'>", '/portfolio/', "<img srcset='/portfolio/a.png 1x,https://x.dev/b.png 2x'>"],
    ['<video src="/v.mp4" poster="/p.png"></video>', '/portfolio/', '<p><video src="/portfolio/v.mp4" poster="/portfolio/p.png"></video></p>'],
    ['<!-- <a href="/work/gt"> -->', '/portfolio/', '<!-- <a href="/work/gt"> -->'],
    ['<!--><a href="/work/gt">after an empty comment</a>', '/portfolio/', '<!--><a href="/portfolio/work/gt">after an empty comment</a>'],
    ['<textarea><a href="/work/gt"></textarea>', '/portfolio/', '<textarea><a href="/work/gt"></textarea>'],
    [
      '<div><svg><a xlink:href="/work/gt"><image href="/a.png"/></a><use href="#x"/></svg></div>',
      '/portfolio/',
      '<div><svg><a xlink:href="/portfolio/work/gt"><image href="/portfolio/a.png"/></a><use href="#x"/></svg></div>',
    ],
    // Inline, each tag is a raw node of its own: an SVG link is known by its xlink:href.
    ['<svg><a xlink:href="/work/gt"><text>x</text></a></svg>', '/portfolio/', '<p><svg><a xlink:href="/portfolio/work/gt"><text>x</text></a></svg></p>'],
  ])('%s (base %s)', async (markdown, base, html) => {
    expect(await render(markdown, base)).toBe(html);
  });

  // Folder pages (`/work/` is work/index.html) are linked with their slash, so no visitor meets a redirect.
  describe('directoryPaths', () => {
    const directoryPaths = () => new Set(['/work/', '/blog/2019/']);
    const renderWith = async (markdown: string, base: string) =>
      (await markdownToHtml(markdown, { hastPlugins: [baseLinksPlugin(base, { directoryPaths })] })).html.trim();

    it.each([
      ['[x](/work)', '/', '<p><a href="/work/">x</a></p>'],
      ['[x](/work)', '/portfolio/', '<p><a href="/portfolio/work/">x</a></p>'],
      ['[x](/work#jobs)', '/portfolio/', '<p><a href="/portfolio/work/#jobs">x</a></p>'],
      ['[x](/work?page=2#jobs)', '/', '<p><a href="/work/?page=2#jobs">x</a></p>'],
      ['[x](/portfolio/work)', '/portfolio/', '<p><a href="/portfolio/work/">x</a></p>'],
      ['[x](/blog/2019)', '/', '<p><a href="/blog/2019/">x</a></p>'],
      ['[x](/work/)', '/', '<p><a href="/work/">x</a></p>'],
      ['[x](/work/gt)', '/', '<p><a href="/work/gt">x</a></p>'],
      ['[x](/works)', '/', '<p><a href="/works">x</a></p>'],
      ['[x](work)', '/', '<p><a href="work">x</a></p>'],
      ['<a href="/work#jobs">raw</a>', '/portfolio/', '<p><a href="/portfolio/work/#jobs">raw</a></p>'],
      ['<img srcset="/work 1x, /blog/2019 2x">', '/', '<img srcset="/work/ 1x, /blog/2019/ 2x">'],
    ])('%s (base %s)', async (markdown, base, html) => expect(await renderWith(markdown, base)).toBe(html));

    it('applies to JSX in MDX too', async () => {
      const { code } = await mdxToJs('<a href="/work#jobs">Work</a> and [Blog](/blog/2019)', {
        hastPlugins: [baseLinksPlugin('/portfolio/', { directoryPaths })],
      });
      expect(code).toContain('"/portfolio/work/#jobs"');
      expect(code).toContain('"/portfolio/blog/2019/"');
    });
  });

  it('gives srcset the base in MDX JSX', async () => {
    const { code } = await mdxToJs('<img srcset="/a.png 1x, /b.png 2x" alt="" />', { hastPlugins: [baseLinksPlugin('/portfolio/')] });
    expect(code).toContain('"/portfolio/a.png 1x, /portfolio/b.png 2x"');
  });

  it('rewrites JSX anchors in MDX too', async () => {
    const { code } = await mdxToJs('<a href="/work/amazon">Amazon</a> and [GT](/work/gt)', {
      hastPlugins: [baseLinksPlugin('/portfolio/')],
    });
    expect(code).toContain('"/portfolio/work/amazon"');
    expect(code).toContain('"/portfolio/work/gt"');
    expect(code).not.toContain('"/work/');
  });
});

describe('layoutKeyPlugin', () => {
  // The document data Astro seeds before compiling: the front matter plus collected metadata.
  const frontmatter = (layout: string) => ({
    astro: { frontmatter: { layout, title: 'X' }, headings: [], localImagePaths: new Set<string>(), remoteImagePaths: new Set<string>() },
  });
  const astroFrontmatter = (data: Record<string, unknown>) => (data['astro'] as { frontmatter: unknown }).frontmatter;

  it('removes a site layout name from the front matter the MDX compiler sees', async () => {
    const result = await mdxToJs('Hello', { mdastPlugins: [layoutKeyPlugin(['work_page'])], data: frontmatter('work_page') });
    expect(astroFrontmatter(result.data)).toEqual({ title: 'X' });
  });

  it('leaves a real MDX layout path and plain Markdown alone', async () => {
    const mdx = await mdxToJs('Hello', { mdastPlugins: [layoutKeyPlugin(['work_page'])], data: frontmatter('../Layout.astro') });
    expect(astroFrontmatter(mdx.data)).toEqual({ layout: '../Layout.astro', title: 'X' });
    const md = await markdownToHtml('Hello', { mdastPlugins: [layoutKeyPlugin(['work_page'])], data: frontmatter('work_page') });
    expect(astroFrontmatter(md.data)).toEqual({ layout: 'work_page', title: 'X' });
  });
});

describe('newTabLinksPlugin', () => {
  const renderNewTab = async (markdown: string) => (await markdownToHtml(markdown, { hastPlugins: [newTabLinksPlugin()] })).html.trim();

  it.each([
    ['<a href="https://x.dev" target="_blank">x</a>', '<p><a rel="noopener noreferrer" href="https://x.dev" target="_blank">x</a></p>'],
    ['<a href="https://x.dev" target="_blank" rel="me">x</a>', '<p><a href="https://x.dev" target="_blank" rel="me noopener noreferrer">x</a></p>'],
    ['<a href="https://x.dev">same tab</a>', '<p><a href="https://x.dev">same tab</a></p>'],
    // The tag is parsed, not matched: a `>` inside quotes, any case, any quoting.
    [
      '<a title="a > b" href="https://x.dev" target="_blank">x</a>',
      '<p><a rel="noopener noreferrer" title="a > b" href="https://x.dev" target="_blank">x</a></p>',
    ],
    ['<div><a href=https://x.dev target=_BLANK>x</a></div>', '<div><a rel="noopener noreferrer" href=https://x.dev target=_BLANK>x</a></div>'],
    ['<a href="https://x.dev" target="_blank" rel = \'me\'>x</a>', '<p><a href="https://x.dev" target="_blank" rel = \'me noopener noreferrer\'>x</a></p>'],
    [
      '<a href="https://x.dev" target="_blank" rel="noopener noreferrer">x</a>',
      '<p><a href="https://x.dev" target="_blank" rel="noopener noreferrer">x</a></p>',
    ],
    ['<a href="https://x.dev" data-target="_blank">x</a>', '<p><a href="https://x.dev" data-target="_blank">x</a></p>'],
    [`<a href="https://x.dev" title='target="_blank"'>x</a>`, `<p><a href="https://x.dev" title='target="_blank"'>x</a></p>`],
    ['<!-- <a href="https://x.dev" target="_blank"> -->', '<!-- <a href="https://x.dev" target="_blank"> -->'],
  ])('%s', async (markdown, html) => expect(await renderNewTab(markdown)).toBe(html));

  it('works after the base plugin, as the site runs them', async () => {
    const { html } = await markdownToHtml('<a href="/work/gt" target="_blank" title="a > b">x</a>', {
      hastPlugins: [baseLinksPlugin('/portfolio/'), newTabLinksPlugin()],
    });
    expect(html.trim()).toBe('<p><a rel="noopener noreferrer" href="/portfolio/work/gt" target="_blank" title="a > b">x</a></p>');
  });

  it('adds rel to JSX anchors in MDX', async () => {
    const { code } = await mdxToJs('<a href="https://x.dev" target="_blank">x</a>', { hastPlugins: [newTabLinksPlugin()] });
    expect(code).toContain('rel: "noopener noreferrer"');
  });

  it.each([
    [undefined, 'noopener noreferrer'],
    ['me', 'me noopener noreferrer'],
    [['nofollow', 'noopener'], 'nofollow noopener noreferrer'],
  ])('newTabRel(%j)', (rel, expected) => expect(newTabRel(rel)).toBe(expected));
});

describe("combineHastPlugins: the site's plugins in one walk", () => {
  const folders = new Set(['/work/']);
  const plugins = () => [codeHighlightPlugin(), baseLinksPlugin('/portfolio/', { directoryPaths: () => folders }), newTabLinksPlugin()];
  const bodies = [
    '[Work](/work) and [GT](/work/gt#top), ![logo](/logo.png)',
    // Raw HTML both plugins edit: the base goes into href, and rel is added, in the same tag.
    '<a href="/work/gt" target="_blank" title="a > b">x</a> and <A HREF=/work TARGET=_blank>y</A>',
    '<div><img src="/a.png" srcset="/a.png 1x, /b.png 2x" alt=""><a href="https://x.dev" target="_blank" rel="me">z</a></div>',
    '```js\nconst a = "<a href=\\"/x\\">";\n```\n\n    indented <code>',
    '<!-- <a href="/work/gt" target="_blank"> --> text',
  ];

  it.each(bodies)('renders %j as the plugins one after another do', async (body) => {
    const sequential = await markdownToHtml(body, { hastPlugins: plugins() });
    const combined = await markdownToHtml(body, { hastPlugins: [combineHastPlugins('combined', plugins())] });
    expect(combined.html).toBe(sequential.html);
  });

  it('renders MDX JSX as the plugins one after another do', async () => {
    const body = '<a href="/work" target="_blank">x</a>\n\n<img src="/a.png" srcSet="/a.png 1x, /b.png 2x" alt="" />';
    const sequential = await mdxToJs(body, { hastPlugins: plugins() });
    const combined = await mdxToJs(body, { hastPlugins: [combineHastPlugins('combined', plugins())] });
    expect(combined.code).toBe(sequential.code);
    expect(combined.code).toContain('"/portfolio/work/"');
  });

  it('refuses a plugin with a visitor it would not run', () => {
    expect(() => combineHastPlugins('x', [{ name: 'with-text', text: () => undefined }])).toThrow('with-text has text');
  });
});

describe('names every object inherits', () => {
  it('leave the plugins working: an element or attribute called constructor is just a name', async () => {
    const folders = new Set(['/work/']);
    const plugins = [
      combineHastPlugins('site', [codeHighlightPlugin(), baseLinksPlugin('/portfolio/', { directoryPaths: () => folders }), newTabLinksPlugin()]),
    ];
    const { html } = await markdownToHtml('<constructor href="/x">a</constructor> <a href="/work" constructor="y">b</a>', { hastPlugins: plugins });
    expect(html).toContain('<constructor href="/x">');
    expect(html).toContain('href="/portfolio/work/"');
    const { code } = await mdxToJs('<a constructor="y" toString="z" href="/work">b</a>', { hastPlugins: plugins });
    expect(code).toContain('"/portfolio/work/"');
  });
});
