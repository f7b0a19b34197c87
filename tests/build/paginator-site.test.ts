import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { attribute, hasClass, mainOf, select, textOf } from '../helpers/html-tree.ts';
import { buildOnce, buildSite, fixtureSite } from '../helpers/site.ts';

/**
 * tests/fixtures/paginator-site laid over the sample site, built under a base path: the blog's index
 * lists the posts itself through Liquid's `paginator` (jekyll-paginate's way), two a page, over three
 * posts. Each page of the list is the index's Liquid run for that page, and the blog layout adds no
 * list of its own.
 */
const ENV = { SITE_URL: 'https://x.github.io', BASE_PATH: '/portfolio' };

const build = () => buildOnce('paginator-site', async () => buildSite('paginator-site', { ...(await fixtureSite('paginator-site')), env: ENV }));

async function mainAt(file: string) {
  const site = await build();
  return mainOf(await readFile(join(site.dist, file), 'utf8'));
}

const links = (main: ReturnType<typeof mainOf>) =>
  select(main, (element) => element.tagName === 'a').map((element) => [textOf(element).trim(), attribute(element, 'href') ?? '']);

/** How many times a text appears in a page's main. */
const count = (text: string, part: string) => text.split(part).length - 1;

describe("a blog index that lists the posts through Liquid's paginator", () => {
  it('builds', async () => {
    const site = await build();
    expect(site.exitCode, site.output).toBe(0);
  });

  it('writes page 1 of the list at the index: the two newest posts and the way to page 2', async () => {
    const main = await mainAt('blog/index.html');
    const text = textOf(main).replace(/\s+/g, ' ');
    expect(text).toContain('Page 1 of 2: 3 posts, 2 a page.');
    expect(text).toContain('Previous: none at none.');
    expect(text).toContain('Next: 2 at /blog/page2/.');
    expect(links(main)).toEqual([
      ['Queues in summer', '/portfolio/2021/07/15/queues-in-summer.html'],
      ['Streams in spring', '/portfolio/2020/03/01/streams-in-spring.html'],
      ['Older posts', '/portfolio/blog/page2/'],
    ]);
    expect(text).toContain('Queues in summer, 15 Jul 2021');
  });

  it('writes page 2 at /blog/page2/, as jekyll-paginate did: the oldest post and the way back', async () => {
    const main = await mainAt('blog/page2/index.html');
    const text = textOf(main).replace(/\s+/g, ' ');
    expect(text).toContain('Page 2 of 2: 3 posts, 2 a page.');
    expect(text).toContain('Previous: 1 at /blog/.');
    expect(text).toContain('Next: none at none.');
    expect(links(main)).toEqual([
      ['What I learned shipping enhanced fan-out', '/portfolio/kinesis/2018/09/01/enhanced-fan-out.html'],
      ['Newer posts', '/portfolio/blog/'],
    ]);
  });

  it('shows each post once: the layout adds no list, no excerpts and no page links of its own', async () => {
    for (const [file, titles] of [
      ['blog/index.html', ['Queues in summer', 'Streams in spring']],
      ['blog/page2/index.html', ['What I learned shipping enhanced fan-out']],
    ] as const) {
      const main = await mainAt(file);
      const text = textOf(main);
      for (const title of titles) expect(count(text, title), `${title} on ${file}`).toBe(1);
      expect(select(main, (element) => hasClass(element, 'post-list') || hasClass(element, 'pagination'))).toEqual([]);
      expect(text).not.toContain('No posts yet.');
      // The excerpts are the layout's; this list shows none.
      expect(text).not.toContain('A post of');
    }
  });
});
