import { execFileSync, spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { attribute, mainOf, parseHtml, select, textOf } from '../helpers/html-tree.ts';
import { buildAstro, type CommandResult, createSite, FIXTURES, listFiles, PROJECT_ROOT, type Site } from '../helpers/site.ts';
import { toolAvailable } from '../helpers/tools.ts';

/**
 * An academicpages-shaped Jekyll site (tests/fixtures/import/academic: collections, defaults,
 * redirects, a navigation menu, a paginated blog, an undated draft, a 404 page, kramdown markup)
 * imported into a fresh copy of the project and built. Every file Debian's Jekyll wrote for it
 * (academic.jekyll-files.txt) must be in the build, except the OS junk Jekyll copied.
 */
const SOURCE = join(FIXTURES, 'import', 'academic');
const JEKYLL_FILES = join(FIXTURES, 'import', 'academic.jekyll-files.txt');
const OS_JUNK = /(^|\/)(Thumbs\.db|\.DS_Store|desktop\.ini)$/;

let site: Site;
let imported: { status: number | null; output: string };
let build: CommandResult;
let jekyllFiles: string[];

const ours = (file: string) => readFile(join(site.dist, file), 'utf8');

beforeAll(async () => {
  jekyllFiles = (await readFile(JEKYLL_FILES, 'utf8')).split('\n').filter((line) => line !== '' && !line.startsWith('#'));
  site = await createSite('import-shapes-academic');
  await cp(join(PROJECT_ROOT, 'scripts'), join(site.root, 'scripts'), { recursive: true });
  const git = (...args: string[]) => execFileSync('git', args, { cwd: site.root, stdio: 'ignore' });
  git('init', '-q');
  git('add', '-A');
  git('-c', 'user.name=Test', '-c', 'user.email=test@example.org', 'commit', '-q', '-m', 'fresh clone');
  const run = spawnSync(process.execPath, ['scripts/import/main.ts', SOURCE], { cwd: site.root, encoding: 'utf8' });
  imported = { status: run.status, output: `${run.stdout}${run.stderr}` };
  build = await buildAstro(site);
});

describe('an academicpages-shaped site, imported and built', () => {
  it('imports, and the site checks it ends with pass', () => {
    expect(imported.status, imported.output).toBe(0);
    expect(imported.output).toContain('Site checks (the ones npm run build runs first): passed.');
    expect(imported.output).not.toContain('Left in place');
  });

  it('builds', () => {
    expect(build.exitCode, build.output).toBe(0);
  });

  it('writes every file Jekyll wrote, at the same path, and no OS junk', async () => {
    const built = new Set(await listFiles(site.dist));
    const missing = jekyllFiles.filter((file) => !OS_JUNK.test(file) && !built.has(file));
    expect(missing).toEqual([]);
    expect([...built].filter((file) => OS_JUNK.test(file))).toEqual([]);
    // Every one of them is guarded by the old URL list.
    expect(await readFile(join(site.root, 'src/data/legacy-urls.txt'), 'utf8')).toContain('\n/blog/page2/\n');
  });

  it('redirects with a meta refresh, a canonical link and a visible link, and no script', async () => {
    for (const [file, target] of [
      ['about.html', '/'],
      ['about/index.html', '/'],
      ['group/index.html', 'https://group.example.org/'],
    ] as const) {
      const document = parseHtml(await ours(file));
      const refresh = select(document, (element) => element.tagName === 'meta' && attribute(element, 'http-equiv') === 'refresh')[0];
      expect(refresh && attribute(refresh, 'content'), file).toBe(`0; url=${target}`);
      const canonical = select(document, (element) => element.tagName === 'link' && attribute(element, 'rel') === 'canonical')[0];
      expect(canonical && attribute(canonical, 'href'), file).toMatch(target.startsWith('https:') ? target : /^http:\/\/localhost:4321\/$/);
      expect(
        select(document, (element) => element.tagName === 'a').map((a) => attribute(a, 'href')),
        file,
      ).toEqual([target]);
      expect(
        select(document, (element) => element.tagName === 'script'),
        file,
      ).toEqual([]);
    }
    const json = JSON.parse(await ours('redirects.json')) as Record<string, string>;
    expect(Object.keys(json).sort()).toEqual(['/about.html', '/about/', '/group/']);
    expect(json['/group/']).toBe('https://group.example.org/');
  });

  it("shows the fields the theme's layout printed, under the layout's own words, an address as a link", async () => {
    const main = mainOf(await ours('publication/2019-gradual-dataflow.html'));
    const text = textOf(main);
    for (const words of [
      'Published in',
      'Workshop on Typed Pipelines',
      'Download paper here',
      'Date',
      '2019',
      'Recommended citation',
      'Sample, R. (2019). "Gradual dataflow." Workshop on Typed Pipelines.',
    ]) {
      expect(text).toContain(words);
    }
    expect(select(main, (element) => element.tagName === 'a').map((a) => attribute(a, 'href'))).toContain('/files/gradual.pdf');
    expect(textOf(mainOf(await ours('talks/2021-keynote.html')))).toContain('Data Languages Day');
  });

  it("keeps a page's text inside its own list layout, which lists the posts with their own variables", async () => {
    const main = mainOf(await ours('research/index.html'));
    expect(select(main, (element) => element.tagName === 'em').map(textOf)).toContain('research');
    const text = textOf(main);
    for (const words of [
      'Notes from my research on effects, listed below.',
      'Posts on research',
      'Notes on effect systems',
      '(Read at the PL reading group)',
    ]) {
      expect(text).toContain(words);
    }
  });

  it("makes the 404 page the site's own, and pages the blog as jekyll-paginate did", async () => {
    expect(textOf(mainOf(await ours('404.html')))).toContain('Sorry, nothing lives at this address.');
    expect(textOf(mainOf(await ours('blog/index.html')))).toContain('Teaching types with pipelines');
    expect(textOf(mainOf(await ours('blog/page2/index.html')))).toContain('Why pipelines need types');
    // The Jekyll page named itself with its own <h1>, which the layout does not repeat.
    for (const page of ['blog/index.html', 'blog/page2/index.html'])
      expect(select(parseHtml(await ours(page)), (element) => element.tagName === 'h1').map(textOf)).toEqual(['Blog']);
  });

  it('keeps the title its layout printed above a body that opens with a heading of its own (the CV), as Jekyll did', async () => {
    expect(select(parseHtml(await ours('cv/index.html')), (element) => element.tagName === 'h1').map(textOf)).toEqual(['CV', 'Education', 'Work experience']);
  });

  it('renders kramdown footnotes and definition lists and shows none of its markup as text', async () => {
    const notes = mainOf(await ours('research/2021/05/17/effects-notes.html'));
    expect(select(notes, (element) => element.tagName === 'dt').map(textOf)).toEqual(['Effect']);
    expect(textOf(notes)).toContain('Reading and writing, mostly.');
    const why = textOf(mainOf(await ours('2020/02/10/why-types.html')));
    expect(why).toContain('A stage wrote dates as text');
    expect(why).not.toContain('{:');
    expect(why).not.toContain('TOC');
  });

  it('takes the navigation from _data/navigation.yml and the profile links from author:', async () => {
    const config = await readFile(join(site.root, 'src/site.config.ts'), 'utf8');
    expect(config).toContain("{ label: 'Publications', href: '/publications/' }");
    expect(config).toContain("{ label: 'GitHub', href: 'https://github.com/rosa-sample' }");
    expect(config).toContain("{ label: 'ORCID', href: 'https://orcid.org/0000-0002-1825-0097' }");
    // rosa-sample.github.io is GitHub's address, not a custom domain.
    expect(config).not.toContain('domain:');
  });
});

describe('the fixture against Jekyll itself', () => {
  // Skips with one line where Jekyll is missing; REQUIRE_JEKYLL=1 makes that a failure (tests/helpers/tools.ts).
  it.runIf(toolAvailable('Jekyll'))('academic.jekyll-files.txt is what Jekyll writes', async () => {
    const out = await mkdtemp(join(tmpdir(), 'jekyll-academic-'));
    try {
      const result = spawnSync('jekyll', ['build', '--disable-disk-cache', '-s', SOURCE, '-d', out], { encoding: 'utf8' });
      expect(result.status, result.stderr).toBe(0);
      expect(await listFiles(out)).toEqual([...jekyllFiles].sort());
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});
