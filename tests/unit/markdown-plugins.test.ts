import { describe, expect, it } from 'vitest';
import { markdownToHtml, mdxToJs } from 'satteri';
import { baseLinksPlugin } from '../../src/lib/markdown/base-links.ts';
import { layoutKeyPlugin } from '../../src/lib/markdown/layout-key.ts';
import { newTabLinksPlugin, newTabRel } from '../../src/lib/markdown/new-tab-links.ts';

const render = async (markdown: string, base: string) =>
  (await markdownToHtml(markdown, { hastPlugins: [baseLinksPlugin(base)] })).html.trim();

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
  ])('%s (base %s)', async (markdown, base, html) => {
    expect(await render(markdown, base)).toBe(html);
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
  const renderNewTab = async (markdown: string) =>
    (await markdownToHtml(markdown, { hastPlugins: [newTabLinksPlugin()] })).html.trim();

  it.each([
    ['<a href="https://x.dev" target="_blank">x</a>', '<p><a rel="noopener noreferrer" href="https://x.dev" target="_blank">x</a></p>'],
    ['<a href="https://x.dev" target="_blank" rel="me">x</a>', '<p><a href="https://x.dev" target="_blank" rel="me noopener noreferrer">x</a></p>'],
    ['<a href="https://x.dev">same tab</a>', '<p><a href="https://x.dev">same tab</a></p>'],
  ])('%s', async (markdown, html) => expect(await renderNewTab(markdown)).toBe(html));

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
