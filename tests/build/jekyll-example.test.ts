import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseAtomFeed } from 'feedsmith';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveSitePath } from '../../src/lib/links/check.ts';
import { attribute, hasClass, mainOf, parseHtml, select, textOf, type Element } from '../helpers/html-tree.ts';
import { PORTFOLIO as EXAMPLE, PORTFOLIO_BUILT as BUILT, PORTFOLIO_URLS, unservedUrls } from '../helpers/jekyll-fixture.ts';
import { buildAstro, type CommandResult, createSite, listFiles, type Site } from '../helpers/site.ts';

/**
 * The Jekyll model this project is made for, checked on tests/fixtures/import/portfolio: its pages,
 * data files, posts and static files are copied into a copy of this project in the places the
 * project keeps them, with nothing else changed but the few Liquid expressions (converting those is
 * the importer's job). The build must serve every old URL and show what Jekyll's output showed.
 */
const SITE_URL = 'https://sam.example.net';

/** The example's Liquid, as the importer would write it. */
const LIQUID: readonly [string, string][] = [
  ['{{ site.baseurl }}', ''],
  ['{% link projects/kiln.md %}', '/projects/kiln'],
  ['{{ site.email }}', 'sam@example.net'],
];

async function copyExample(root: string): Promise<void> {
  // The sample content makes way for the example's, as the importer does.
  await rm(join(root, 'src/content/pages'), { recursive: true, force: true });
  await rm(join(root, 'src/data'), { recursive: true, force: true });
  await rm(join(root, 'src/content/posts'), { recursive: true, force: true });
  await cp(join(EXAMPLE, 'work'), join(root, 'src/content/pages/work'), { recursive: true });
  await cp(join(EXAMPLE, 'projects'), join(root, 'src/content/pages/projects'), { recursive: true });
  for (const page of ['work.md', 'projects.md', 'home.md', 'blog.md', 'contact.md']) {
    await cp(join(EXAMPLE, page), join(root, 'src/content/pages', page));
  }
  await cp(join(EXAMPLE, '_data'), join(root, 'src/data'), { recursive: true });
  await cp(join(EXAMPLE, '_posts'), join(root, 'src/content/posts'), { recursive: true });
  await cp(join(EXAMPLE, 'assets'), join(root, 'public/assets'), { recursive: true });
  const include = await readFile(join(EXAMPLE, '_includes/email.html'), 'utf8');
  for (const file of await listFiles(join(root, 'src/content'))) {
    const path = join(root, 'src/content', file);
    let text = await readFile(path, 'utf8');
    text = text.replaceAll('{% include email.html %}', include.trim());
    for (const [liquid, value] of LIQUID) text = text.replaceAll(liquid, value);
    await writeFile(path, text);
  }
}

/** Whitespace-folded text, for comparing what two sites say. */
const fold = (text: string) => text.replace(/\s+/g, ' ').trim();

let site: Site;
let build: CommandResult;
let files: Set<string>;
const ours = async (file: string) => readFile(join(site.root, 'dist', file), 'utf8');
const jekylls = async (file: string) => readFile(join(BUILT, file), 'utf8');

beforeAll(async () => {
  site = await createSite('jekyll-example');
  await copyExample(site.root);
  build = await buildAstro(site, { SITE_URL });
  files = new Set(await listFiles(join(site.root, 'dist')));
});

describe('the example site, copied in with nothing else changed', () => {
  it("builds, with no warning but the one about the owner's colour that fails contrast on the dark page", () => {
    expect(build.exitCode, build.output).toBe(0);
    const warnings = build.output.split('\n').filter((line) => /\[(WARN|ERROR)\]/.test(line));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /\[portfolio:colour-contrast\] src\/content\/pages\/work\/lakeside\.md:8: the text colour #2E6B8F .* color: light-dark\(#2e6b8f, #[0-9a-f]{6}\)$/,
    );
  });

  it('serves every URL the Jekyll site served, as GitHub Pages would', async () => {
    expect(await unservedUrls(join(site.root, 'dist'), PORTFOLIO_URLS)).toEqual([]);
  });

  it.each([
    ['/work/', 'work/index.html'],
    ['/work/harbor', 'work/harbor.html'],
    ['/work/lakeside', 'work/lakeside.html'],
    ['/projects/', 'projects/index.html'],
    ['/projects/kiln', 'projects/kiln.html'],
    ['/', 'index.html'],
    ['/blog/', 'blog/index.html'],
    ['/contact/', 'contact/index.html'],
    ['/data/2019/04/12/streaming-joins.html', 'data/2019/04/12/streaming-joins.html'],
    ['/data/ops/2020/02/03/notes-on-backfills.html', 'data/ops/2020/02/03/notes-on-backfills.html'],
  ])('writes %s as %s, the file Jekyll wrote', (url, file) => {
    expect(resolveSitePath(url, files)).toEqual({ file });
  });
});

describe('each page shows what the Jekyll output shows', () => {
  const ENTRIES = ['work/harbor.html', 'work/lakeside.html', 'projects/kiln.html'];

  it.each(ENTRIES)('%s: the record (summary and date, link names) and the body', async (file) => {
    const jekyll = parseHtml(await jekylls(file));
    const main = fold(textOf(mainOf(await ours(file))));
    const summary = select(jekyll, (element) => element.tagName === 'h2')[0];
    expect(summary && fold(textOf(summary))).toBeTruthy();
    expect(main).toContain(fold(textOf(summary as Element)));
    const links = select(jekyll, (element) => hasClass(element, 'right')).flatMap((right) => select(right, (element) => element.tagName === 'a'));
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(main).toContain(fold(textOf(link)));
    const body = select(jekyll, (element) => hasClass(element, 'post-content'))[0];
    expect(main).toContain(fold(textOf(body as Element)));
  });

  it.each(['work/index.html', 'projects/index.html'])('%s: the intro, then every record as a tile, in data-file order, leading to its page', async (file) => {
    const jekyll = parseHtml(await jekylls(file));
    const page = parseHtml(await ours(file));
    const tiles = (root: ReturnType<typeof parseHtml>) =>
      select(root, (element) => hasClass(element, 'tile')).map((tile) => ({
        name: fold(textOf(select(tile, (element) => element.tagName === 'h2')[0] as Element)),
        text: fold(textOf(tile)),
        href: attribute(tile, 'href'),
      }));
    const expected = tiles(jekyll);
    const actual = tiles(page);
    expect(actual.map((tile) => tile.name)).toEqual(expected.map((tile) => tile.name));
    actual.forEach((tile, index) => {
      expect(tile.text).toBe(expected[index]?.text);
      // Jekyll's tiles link relatively (`harbor` from /work/); ours name the page's address.
      const jekyllTarget = new URL(expected[index]?.href ?? '', `${SITE_URL}/${file.replace('index.html', '')}`).pathname;
      expect(tile.href).toBe(jekyllTarget);
    });
    const intro = select(jekyll, (element) => hasClass(element, 'post-content'))[0];
    expect(fold(textOf(mainOf(await ours(file))))).toContain(fold(textOf(intro as Element)));
  });

  it('shows record images as optimised pictures, and keeps each original file at its address', async () => {
    const page = parseHtml(await ours('work/index.html'));
    const pictures = select(page, (element) => element.tagName === 'picture');
    expect(pictures).toHaveLength(2);
    for (const picture of pictures) {
      const types = select(picture, (element) => element.tagName === 'source').map((source) => attribute(source, 'type'));
      expect(types).toEqual(['image/avif', 'image/webp']);
      const img = select(picture, (element) => element.tagName === 'img')[0] as Element;
      expect(Number(attribute(img, 'width'))).toBeGreaterThan(0);
      expect(Number(attribute(img, 'height'))).toBeGreaterThan(0);
    }
    for (const image of ['harbor', 'lakeside', 'kiln']) expect(files.has(`assets/images/work/${image}.png`)).toBe(true);
  });

  it('writes body links to folder pages with their slash, so no visitor meets a redirect', async () => {
    const home = parseHtml(await ours('index.html'));
    const hrefs = select(home, (element) => element.tagName === 'a').map((a) => attribute(a, 'href'));
    const work = parseHtml(await ours('work/index.html'));
    const workHrefs = select(work, (element) => element.tagName === 'a').map((a) => attribute(a, 'href'));
    expect(workHrefs).toContain('/projects/');
    expect(workHrefs).not.toContain('/projects');
    expect(hrefs).toContain('/work/harbor');
  });

  it('keeps the coloured span and highlights code with classes, allowing the span by its hash', async () => {
    const html = await ours('work/lakeside.html');
    const document = parseHtml(html);
    const span = select(document, (element) => element.tagName === 'span' && attribute(element, 'style') !== undefined)[0];
    expect(span && attribute(span, 'style')).toBe('color:#2E6B8F');
    const csp = select(document, (element) => element.tagName === 'meta' && attribute(element, 'http-equiv') === 'content-security-policy')[0];
    expect(attribute(csp as Element, 'content')).toMatch(/style-src 'sha256-[^']+' 'unsafe-hashes' 'sha256-[^']+'/);
    const harbor = parseHtml(await ours('work/harbor.html'));
    expect(select(harbor, (element) => hasClass(element, 'token')).length).toBeGreaterThan(0);
    expect(select(harbor, (element) => attribute(element, 'style') !== undefined)).toEqual([]);
  });
});

describe('the blog', () => {
  it('lists every post newest first, with its date and excerpt', async () => {
    const main = mainOf(await ours('blog/index.html'));
    const titles = select(main, (element) => element.tagName === 'h2').map((heading) => fold(textOf(heading)));
    expect(titles).toEqual(['Notes on Backfills', 'Streaming Joins Without Tears']);
    const times = select(main, (element) => element.tagName === 'time').map((time) => attribute(time, 'datetime'));
    expect(times).toEqual(['2020-02-03', '2019-04-12']);
    expect(fold(textOf(main))).toContain('Joining two streams is easy until one of them is late. Here is how we bound the wait.');
  });

  it('shows a post as Jekyll did: title, date, body', async () => {
    const jekyll = parseHtml(await jekylls('data/2019/04/12/streaming-joins.html'));
    const main = fold(textOf(mainOf(await ours('data/2019/04/12/streaming-joins.html'))));
    expect(main).toContain('Streaming Joins Without Tears');
    expect(main).toContain('Apr 12, 2019');
    expect(main).toContain(fold(textOf(select(jekyll, (element) => hasClass(element, 'post-content'))[0] as Element)));
  });

  it("publishes /feed.xml as Atom: the two posts at their URLs, full content, the newest post's date", async () => {
    const xml = await ours('feed.xml');
    const feed = parseAtomFeed(xml);
    // RFC 4287's required elements: the feed's id, title and updated; each entry's id, title, updated, and an author.
    expect(feed.id).toBe(`${SITE_URL}/feed.xml`);
    expect(feed.title).toBeTruthy();
    expect(feed.updated).toBeTruthy();
    expect(feed.authors?.[0]?.name).toBeTruthy();
    expect(feed.entries?.map((entry) => entry.links?.[0]?.href)).toEqual([
      `${SITE_URL}/data/ops/2020/02/03/notes-on-backfills.html`,
      `${SITE_URL}/data/2019/04/12/streaming-joins.html`,
    ]);
    for (const entry of feed.entries ?? []) {
      expect(entry.id).toBeTruthy();
      expect(entry.title).toBeTruthy();
      expect(entry.updated).toBeTruthy();
    }
    expect(new Date(String(feed.updated)).toISOString()).toBe('2020-02-03T00:00:00.000Z');
    // Links inside the content are absolute: a feed reader reads the post away from the site.
    expect(xml).toContain(`${SITE_URL}/assets/posts/throughput.png`);
  });

  it('serves the sitemap at /sitemap.xml too, and every page links the feed', async () => {
    expect(files.has('sitemap.xml')).toBe(true);
    const head = parseHtml(await ours('work/harbor.html'));
    const alternate = select(head, (element) => element.tagName === 'link' && attribute(element, 'rel') === 'alternate')[0];
    expect(alternate && attribute(alternate, 'type')).toBe('application/atom+xml');
    expect(alternate && attribute(alternate, 'href')).toBe('/feed.xml');
  });
});
