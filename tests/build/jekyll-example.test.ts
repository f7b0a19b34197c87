import { spawnSync } from 'node:child_process';
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAtomFeed } from 'feedsmith';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveSitePath } from '../../src/lib/links/check.ts';
import { attribute, hasClass, mainOf, parseHtml, select, textOf, type Element } from '../helpers/html-tree.ts';
import { createSite, listFiles, runAstro, type CommandResult, type Site } from '../helpers/site.ts';

/**
 * The owner's Jekyll model, checked on the shared example site: its pages, data files, posts and
 * static files are copied into a copy of this project in the places the project keeps them, with
 * nothing else changed but the few Liquid expressions (converting those is the importer's job).
 * The build must serve every old URL and show what Jekyll's output showed.
 */
const SHARED = fileURLToPath(new URL('../../../shared/', import.meta.url));
const EXAMPLE = join(SHARED, 'jekyll-example');
const BUILT = join(SHARED, 'jekyll-example-built');

/** The example's Liquid, as the importer would write it. */
const LIQUID: readonly [string, string][] = [
  ['{{ site.baseurl }}', ''],
  ['{% link work/acme.md %}', '/work/acme'],
  ['{{ site.email }}', 'jane@example.org'],
];

async function copyExample(root: string): Promise<void> {
  // The project's sample content makes way for the example's, as the importer does.
  await rm(join(root, 'src/content/pages'), { recursive: true, force: true });
  await rm(join(root, 'src/data'), { recursive: true, force: true });
  await rm(join(root, 'src/content/posts'), { recursive: true, force: true });
  await cp(join(EXAMPLE, 'work'), join(root, 'src/content/pages/work'), { recursive: true });
  await cp(join(EXAMPLE, 'old_projects'), join(root, 'src/content/pages/old_projects'), { recursive: true });
  for (const page of ['work.md', 'old_projects.md', 'home.md', 'blog.md', 'contact.md']) {
    await cp(join(EXAMPLE, page), join(root, 'src/content/pages', page));
  }
  await cp(join(EXAMPLE, '_data'), join(root, 'src/data'), { recursive: true });
  await cp(join(EXAMPLE, '_posts'), join(root, 'src/content/posts'), { recursive: true });
  await cp(join(EXAMPLE, 'assets'), join(root, 'public/assets'), { recursive: true });
  const include = await readFile(join(EXAMPLE, '_includes/contact.html'), 'utf8');
  for (const file of await listFiles(join(root, 'src/content'))) {
    const path = join(root, 'src/content', file);
    let text = await readFile(path, 'utf8');
    text = text.replaceAll('{% include contact.html %}', include.trim());
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
  build = await runAstro(site, ['build'], { SITE_URL: 'https://www.janedoe.example' });
  files = new Set(await listFiles(join(site.root, 'dist')));
});

describe('the example site, copied in with nothing else changed', () => {
  it("builds, with no warning but the one about the owner's colour that fails contrast on the light page", () => {
    expect(build.exitCode, build.output).toBe(0);
    const warnings = build.output.split('\n').filter((line) => /\[(WARN|ERROR)\]/.test(line));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/\[portfolio:colour-contrast\] src\/content\/pages\/work\/state\.md:\d+: the text colour #B3A369 .* color: light-dark\(#[0-9a-f]{6}, #b3a369\)$/);
  });

  it('serves every URL the Jekyll site served, as GitHub Pages would, without a redirect', () => {
    const parity = spawnSync(process.execPath, [join(SHARED, 'tools/url-parity.mjs'), join(site.root, 'dist'), join(SHARED, 'jekyll-example.urls')], { encoding: 'utf8' });
    expect(parity.stdout.trim().split('\n').at(-1)).toBe('25 of 25 old URLs served');
    expect(parity.status).toBe(0);
  });

  it.each([
    ['/work/', 'work/index.html'],
    ['/work/acme', 'work/acme.html'],
    ['/work/nimbus', 'work/nimbus.html'],
    ['/work/state', 'work/state.html'],
    ['/old_projects/', 'old_projects/index.html'],
    ['/old_projects/robot', 'old_projects/robot.html'],
    ['/old_projects/compiler', 'old_projects/compiler.html'],
    ['/', 'index.html'],
    ['/blog/', 'blog/index.html'],
    ['/contact/', 'contact/index.html'],
    ['/programming/2019/03/02/batching-writes.html', 'programming/2019/03/02/batching-writes.html'],
    ['/programming/bash/2019/06/10/useful-shell-aliases.html', 'programming/bash/2019/06/10/useful-shell-aliases.html'],
    ['/operations/2020/01/15/why-i-write-runbooks.html', 'operations/2020/01/15/why-i-write-runbooks.html'],
  ])('writes %s as %s, the file Jekyll wrote', (url, file) => {
    expect(resolveSitePath(url, files)).toEqual({ file });
  });
});

describe('each page shows what the Jekyll output shows', () => {
  const ENTRIES = ['work/acme.html', 'work/nimbus.html', 'work/state.html', 'old_projects/robot.html', 'old_projects/compiler.html'];

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

  it.each(['work/index.html', 'old_projects/index.html'])('%s: the intro, then every record as a tile, in data-file order, leading to its page', async (file) => {
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
      // Jekyll's tiles link relatively (`acme` from /work/); ours name the page's address.
      const jekyllTarget = new URL(expected[index]?.href ?? '', `https://www.janedoe.example/${file.replace('index.html', '')}`).pathname;
      expect(tile.href).toBe(jekyllTarget);
    });
    const intro = select(jekyll, (element) => hasClass(element, 'post-content'))[0];
    expect(fold(textOf(mainOf(await ours(file))))).toContain(fold(textOf(intro as Element)));
  });

  it('shows record images as optimised pictures, and keeps each original file at its address', async () => {
    const page = parseHtml(await ours('work/index.html'));
    const pictures = select(page, (element) => element.tagName === 'picture');
    expect(pictures).toHaveLength(3);
    for (const picture of pictures) {
      const types = select(picture, (element) => element.tagName === 'source').map((source) => attribute(source, 'type'));
      expect(types).toEqual(['image/avif', 'image/webp']);
      const img = select(picture, (element) => element.tagName === 'img')[0] as Element;
      expect(Number(attribute(img, 'width'))).toBeGreaterThan(0);
      expect(Number(attribute(img, 'height'))).toBeGreaterThan(0);
    }
    for (const image of ['acme', 'nimbus', 'state', 'robot', 'compiler']) expect(files.has(`assets/images/work/${image}.png`)).toBe(true);
  });

  it('writes body links to folder pages with their slash, so no visitor meets a redirect', async () => {
    const home = parseHtml(await ours('index.html'));
    const hrefs = select(home, (element) => element.tagName === 'a').map((a) => attribute(a, 'href'));
    expect(hrefs).toContain('/work/');
    expect(hrefs).toContain('/old_projects/');
    expect(hrefs).not.toContain('/work');
  });

  it('keeps the coloured span and highlights code with classes, allowing the span by its hash', async () => {
    const html = await ours('work/state.html');
    const document = parseHtml(html);
    const span = select(document, (element) => element.tagName === 'span' && attribute(element, 'style') !== undefined)[0];
    expect(span && attribute(span, 'style')).toBe('color:#B3A369');
    const csp = select(document, (element) => element.tagName === 'meta' && attribute(element, 'http-equiv') === 'content-security-policy')[0];
    expect(attribute(csp as Element, 'content')).toMatch(/style-src 'sha256-[^']+' 'unsafe-hashes' 'sha256-[^']+'/);
    const acme = parseHtml(await ours('work/acme.html'));
    expect(select(acme, (element) => hasClass(element, 'token')).length).toBeGreaterThan(0);
    expect(select(acme, (element) => attribute(element, 'style') !== undefined)).toEqual([]);
  });
});

describe('the blog', () => {
  it('lists every post newest first, with its date and excerpt', async () => {
    const main = mainOf(await ours('blog/index.html'));
    const titles = select(main, (element) => element.tagName === 'h2').map((heading) => fold(textOf(heading)));
    expect(titles).toEqual(['Why I Write Runbooks', 'Useful Shell Aliases', 'Batching Writes: Halving Queue Latency']);
    const times = select(main, (element) => element.tagName === 'time').map((time) => attribute(time, 'datetime'));
    expect(times).toEqual(['2020-01-15', '2019-06-10', '2019-03-02']);
    expect(fold(textOf(main))).toContain('Every enqueue used to write to storage on its own. Batching them changed the latency curve.');
  });

  it('shows a post as Jekyll did: title, date, body', async () => {
    const jekyll = parseHtml(await jekylls('programming/2019/03/02/batching-writes.html'));
    const main = fold(textOf(mainOf(await ours('programming/2019/03/02/batching-writes.html'))));
    expect(main).toContain('Batching Writes: Halving Queue Latency');
    expect(main).toContain('Mar 2, 2019');
    expect(main).toContain(fold(textOf(select(jekyll, (element) => hasClass(element, 'post-content'))[0] as Element)));
  });

  it('publishes /feed.xml as Atom: the three posts at their URLs, full content, the newest post\'s date', async () => {
    const xml = await ours('feed.xml');
    const feed = parseAtomFeed(xml);
    // RFC 4287's required elements: the feed's id, title and updated; each entry's id, title, updated, and an author.
    expect(feed.id).toBe('https://www.janedoe.example/feed.xml');
    expect(feed.title).toBeTruthy();
    expect(feed.updated).toBeTruthy();
    expect(feed.authors?.[0]?.name).toBeTruthy();
    expect(feed.entries?.map((entry) => entry.links?.[0]?.href)).toEqual([
      'https://www.janedoe.example/operations/2020/01/15/why-i-write-runbooks.html',
      'https://www.janedoe.example/programming/bash/2019/06/10/useful-shell-aliases.html',
      'https://www.janedoe.example/programming/2019/03/02/batching-writes.html',
    ]);
    for (const entry of feed.entries ?? []) {
      expect(entry.id).toBeTruthy();
      expect(entry.title).toBeTruthy();
      expect(entry.updated).toBeTruthy();
    }
    expect(new Date(String(feed.updated)).toISOString()).toBe('2020-01-15T00:00:00.000Z');
    // Links inside the content are absolute: a feed reader reads the post away from the site.
    expect(xml).toContain('https://www.janedoe.example/assets/posts/latency.png');
  });

  it('serves the sitemap at /sitemap.xml too, and every page links the feed', async () => {
    expect(files.has('sitemap.xml')).toBe(true);
    const head = parseHtml(await ours('work/acme.html'));
    const alternate = select(head, (element) => element.tagName === 'link' && attribute(element, 'rel') === 'alternate')[0];
    expect(alternate && attribute(alternate, 'type')).toBe('application/atom+xml');
    expect(alternate && attribute(alternate, 'href')).toBe('/feed.xml');
  });
});
