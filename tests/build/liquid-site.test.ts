import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { attribute, mainOf, select, textOf } from '../helpers/html-tree.ts';
import { buildOnce, buildSite, fixtureSite } from '../helpers/site.ts';

/**
 * tests/fixtures/liquid-site laid over the owner's site, built under a base path: pages whose Liquid
 * loops over `site.data` (a list in a subfolder, and the work records), over a collection
 * (`collection: publications`) and over the posts, an include with parameters, `{% link %}`,
 * `{% post_url %}`, `{% raw %}` and `{% highlight %}`. Liquid runs first, then Markdown, so what the
 * Liquid wrote is rendered, highlighted and base-aware like any Markdown.
 */
const ENV = { SITE_URL: 'https://x.github.io', BASE_PATH: '/portfolio' };

const build = () => buildOnce('liquid-site', async () => buildSite('liquid-site', { ...(await fixtureSite('liquid-site')), env: ENV }));

async function mainText(file: string): Promise<string> {
  const site = await build();
  return textOf(mainOf(await readFile(join(site.dist, file), 'utf8')));
}

async function links(file: string): Promise<string[]> {
  const site = await build();
  const main = mainOf(await readFile(join(site.dist, file), 'utf8'));
  return select(main, (element) => element.tagName === 'a').map((element) => attribute(element, 'href') ?? '');
}

describe('a site whose pages use Liquid', () => {
  it('builds', async () => {
    const site = await build();
    expect(site.exitCode, site.output).toBe(0);
  });

  it('runs {% for %} over a data list in a subfolder, and over the records of a data file', async () => {
    const text = await mainText('liquid.html');
    expect(text).toContain('Streams at scale at Strange Loop (2019)');
    expect(text).toContain('Fan-out, measured at re:Invent (2018)');
    expect(text).toContain('An untitled year at Local meetup');
    expect(text).not.toContain('Local meetup (');
    expect(text).toContain('Amazon: Software Development Engineer II, Software Engineering Intern');
    expect(text).toContain('Georgia Tech: M.S. in Computer Science');
  });

  it('lists the posts newest first, with their dates, as Markdown links made base-aware', async () => {
    const text = await mainText('liquid.html');
    expect(text).toMatch(/A post with Liquid on 10 Jun 2019 .*What I learned shipping enhanced fan-out on 01 Sep 2018/);
    expect(await links('liquid.html')).toEqual(
      expect.arrayContaining(['/portfolio/notes/2019/06/10/liquid-post.html', '/portfolio/kinesis/2018/09/01/enhanced-fan-out.html']),
    );
  });

  it('resolves {% link %} and {% post_url %}, keeps {% raw %} as text, and highlights {% highlight %} like a fence', async () => {
    expect(await links('liquid.html')).toEqual(expect.arrayContaining(['/portfolio/publications/paper-one', '/portfolio/notes/2019/06/10/liquid-post.html']));
    const text = await mainText('liquid.html');
    expect(text).toContain('Templates write {{ braces }}.');
    expect(text).toContain('puts "HI"');
    expect(text).toContain('Find me on GitHub as jane.');
    // Jekyll's sort puts the talk without a year first.
    expect(text).toContain('Sorted: An untitled year; Fan-out, measured; Streams at scale.');
    const site = await build();
    const main = mainOf(await readFile(join(site.dist, 'liquid.html'), 'utf8'));
    expect(select(main, (element) => element.tagName === 'code' && (attribute(element, 'class') ?? '').includes('language-ruby'))).toHaveLength(1);
  });

  it('lists a collection through an include with parameters, reversed', async () => {
    const text = await mainText('publications/index.html');
    expect(text).toMatch(/The second paper Conference on Queues The first paper Journal of Streams/);
    expect(await links('publications/index.html')).toEqual(expect.arrayContaining(['/portfolio/publications/paper-two', '/portfolio/publications/paper-one']));
  });

  it("reads a document's own fields as page.<key>", async () => {
    expect(await mainText('publications/paper-one.html')).toContain('Published in Journal of Streams. Cite it as: Doe, J. (2018). The first paper.');
    expect(await mainText('publications/paper-two.html')).toContain('The second paper, 2020.');
  });

  it('runs the Liquid of a post, with the site it is part of', async () => {
    expect(await mainText('notes/2019/06/10/liquid-post.html')).toContain('This post is number 2 of the blog, tagged liquid and jekyll.');
  });

  it("lists a post with an excerpt of its own (Jekyll's front matter `excerpt`, kept under fields) by that excerpt, as Liquid's post.excerpt", async () => {
    const text = await mainText('blog/index.html');
    expect(text).toContain("How a post's own excerpt is listed.");
    expect(text).not.toContain('This post is number');
  });
});
