import { execFileSync, spawnSync } from 'node:child_process';
import { cp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse, parseDocument } from 'yaml';
import { attribute, hasClass, mainOf, parseHtml, select, textOf } from '../helpers/html-tree.ts';
import { PORTFOLIO as EXAMPLE, PORTFOLIO_BUILT as BUILT, PORTFOLIO_URLS, unservedUrls } from '../helpers/jekyll-fixture.ts';
import { buildAstro, type CommandResult, createSite, listFiles, PROJECT_ROOT, runAstro, type Site } from '../helpers/site.ts';

/**
 * The importer end to end: `node scripts/import/main.ts tests/fixtures/import/portfolio` in a fresh
 * copy of this project (the sample site committed), then `astro build`. The built site must serve
 * every old URL and say what Jekyll's output said, and the old URL list must keep guarding those URLs
 * afterwards.
 */

/** Whitespace-folded text, for comparing what two sites say. */
const fold = (text: string) => text.replace(/\s+/g, ' ').trim();

let site: Site;
let imported: { status: number | null; output: string };
let build: CommandResult;

const ours = (file: string) => readFile(join(site.dist, file), 'utf8');

beforeAll(async () => {
  site = await createSite('import-example');
  // The importer writes into the checkout it belongs to, so the copy gets its own.
  await cp(join(PROJECT_ROOT, 'scripts'), join(site.root, 'scripts'), { recursive: true });
  // A fresh clone: the sample content is committed, so the importer knows it may replace it.
  const git = (...args: string[]) => execFileSync('git', args, { cwd: site.root, stdio: 'ignore' });
  git('init', '-q');
  git('add', '-A');
  git('-c', 'user.name=Test', '-c', 'user.email=test@example.org', 'commit', '-q', '-m', 'fresh clone');
  const run = spawnSync(process.execPath, ['scripts/import/main.ts', EXAMPLE], { cwd: site.root, encoding: 'utf8' });
  imported = { status: run.status, output: `${run.stdout}${run.stderr}` };
  build = await buildAstro(site);
});

describe('the worked example, imported and built', () => {
  it('imports without a refusal or anything left for the owner', () => {
    expect(imported.status, imported.output).toBe(0);
    expect(imported.output).not.toContain('Left in place');
    expect(imported.output).toMatch(/^ {2}\/work\/harbor +-> work\/harbor\.html$/m);
  });

  it('builds', () => {
    expect(build.exitCode, build.output).toBe(0);
  });

  it('serves every URL the Jekyll site served', async () => {
    expect(PORTFOLIO_URLS).toHaveLength(18);
    expect(await unservedUrls(site.dist, PORTFOLIO_URLS)).toEqual([]);
  });

  it('shows the text of every page Jekyll wrote', async () => {
    const pages = (await listFiles(BUILT)).filter((file) => file.endsWith('.html'));
    const compared: string[] = [];
    for (const file of pages) {
      const content = select(parseHtml(await readFile(join(BUILT, file), 'utf8')), (element) => hasClass(element, 'post-content'))[0];
      if (!content) continue;
      const main = textOf(mainOf(await ours(file)));
      expect(main, `${file}: the text of Jekyll's .post-content is not in our <main>`).toContain(fold(textOf(content)));
      compared.push(file);
    }
    // Every page with content was compared (the 404 page has none).
    expect(compared).toHaveLength(pages.length - 1);
  });

  it('shows the 404 page with the one heading Jekyll showed, and titles the page with it', async () => {
    const headings = (html: string) => select(parseHtml(html), (element) => element.tagName === 'h1').map((h1) => fold(textOf(h1)));
    const jekyll = await readFile(join(BUILT, '404.html'), 'utf8');
    const page = await ours('404.html');
    expect(headings(jekyll)).toEqual(['Not here']);
    expect(headings(page)).toEqual(['Not here']);
    expect(textOf(select(parseHtml(page), (element) => element.tagName === 'title')[0]!)).toMatch(/^Not here · /);
  });

  it('shows each entry its record, and each group index its records', async () => {
    for (const group of ['work', 'projects']) {
      const records = parse(await readFile(join(EXAMPLE, '_data', `${group}.yml`), 'utf8')) as Record<string, Record<string, unknown>>;
      const index = textOf(mainOf(await ours(`${group}/index.html`)));
      for (const [title, record] of Object.entries(records)) {
        const entry = textOf(mainOf(await ours(`${group}/${String(record['page'])}.html`)));
        const facts = [String(record['summary']), String(record['date'])];
        for (const list of ['links', 'press', 'awards', 'honors']) {
          for (const link of (record[list] as { name: string }[] | null) ?? []) facts.push(link.name);
        }
        for (const fact of facts) expect(entry, `${group}/${String(record['page'])}: ${fact}`).toContain(fold(fact));
        expect(index, `${group}/ lists ${title}`).toContain(title);
        expect(index, `${group}/ shows ${title}'s summary`).toContain(fold(String(record['summary'])));
      }
    }
  });

  it('has the Liquid it kept run by the build: the email, the {% link %} target and the include', async () => {
    const links = (html: string) => select(mainOf(html), (element) => element.tagName === 'a').map((element) => attribute(element, 'href'));
    expect(links(await ours('index.html'))).toContain('mailto:sam@example.net');
    expect(links(await ours('index.html'))).toContain('/projects/kiln');
    expect(links(await ours('work/harbor.html'))).toContain('/data/2019/04/12/streaming-joins.html');
    const contact = mainOf(await ours('contact/index.html'));
    expect(textOf(contact)).toContain('Mail sam@example.net, I answer within a week.');
    expect(select(contact, (element) => hasClass(element, 'email'))).toHaveLength(1);
    // The pages keep their Liquid; the built pages show what it wrote.
    expect(await readFile(join(site.root, 'src', 'content', 'pages', 'contact.md'), 'utf8')).toContain('{% include email.html %}');
    for (const file of ['index.html', 'contact/index.html', 'work/harbor.html', 'work/lakeside.html']) {
      expect(textOf(mainOf(await ours(file))), file).not.toMatch(/\{\{|\{%/);
    }
  });

  it('leaves none of the sample content behind', async () => {
    expect((await readdir(join(site.root, 'src', 'content', 'pages', 'work'))).sort()).toEqual(['harbor.md', 'lakeside.md']);
  });
});

describe('the old URL list, after the import', () => {
  it('fails the build when an imported entry is deleted (its page and its record), naming the old URL', async () => {
    await rm(join(site.root, 'src', 'content', 'pages', 'work', 'lakeside.md'));
    const data = parseDocument(await readFile(join(site.root, 'src', 'data', 'work.yml'), 'utf8'));
    data.delete('Lakeside College');
    await writeFile(join(site.root, 'src', 'data', 'work.yml'), data.toString());
    const again = await runAstro(site, ['build']);
    expect(again.exitCode).not.toBe(0);
    expect(again.output).toMatch(/src\/data\/legacy-urls\.txt\n\s+old URL "\/work\/lakeside" \(line \d+\): is not served any more/);
  });
});
