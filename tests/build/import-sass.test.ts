import { execFileSync, spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileString } from 'sass';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planImport } from '../../scripts/import/plan.ts';
import { sassSettings } from '../../scripts/import/sass.ts';
import { readSource } from '../../scripts/import/source.ts';
import { buildAstro, type CommandResult, createSite, FIXTURES, listFiles, PROJECT_ROOT, type Site } from '../helpers/site.ts';
import { runJekyll, writeTree } from '../helpers/jekyll.ts';
import { LOAD_PATH_PATTERNS, PATTERN_PARTIALS, PATTERN_STYLESHEET } from '../helpers/sass-load-paths.ts';
import { toolAvailable } from '../helpers/tools.ts';

/**
 * The stylesheets Jekyll compiled from Sass: the importer compiles them again (scripts/import/sass.ts).
 * Against Debian's Jekyll (jekyll-sass-converter 2.2 with libsass) on two fixtures the tests own, the
 * same files are written and, where no Sass function computes a colour, the same stylesheet; then one
 * of them is imported into a fresh copy of the project and built, and the build serves the old URLs.
 */
const SASS_SITE = join(FIXTURES, 'import', 'sass');
const MINIMA_SITE = join(FIXTURES, 'import', 'sass-minima');
/** The fixture's stylesheet that does not compile: Jekyll stops the whole build on it, so its run leaves it out. */
const BROKEN = 'assets/css/broken.scss';

/**
 * A site the test writes, with what a review found the importer did otherwise than Jekyll: Liquid
 * reading the base path, the address, the time in the site's zone, the site's own settings and data;
 * patterns in `sass.load_paths`; an `@import` looked for from the site's root, not beside the file; an
 * empty stylesheet.
 */
const GENERATED: Record<string, string> = {
  '_config.yml': [
    'title: Lee',
    'baseurl: "lee/"',
    'url: "https://example.org/"',
    'timezone: Asia/Kolkata',
    'palette:',
    '  accent: "#abcdef"',
    'sass:',
    `  load_paths: ${LOAD_PATH_PATTERNS}`,
    '',
  ].join('\n'),
  ...PATTERN_PARTIALS,
  'assets/css/globs.scss': PATTERN_STYLESHEET,
  '_sass/_near.scss': '.sass-near{a:b}\n',
  'assets/css/_near.scss': '.beside-near{a:b}\n',
  'assets/css/_beside.scss': '.beside{a:b}\n',
  'assets/css/empty.scss': '---\n---\n',
  'assets/css/rooted.scss': '---\n---\n@import "near", "assets/css/beside";\n.rooted{a:b}\n',
  '_includes/accent.scss': '$accent: {{ site.palette.accent }};\n',
  '_data/fonts.yml': 'body: "Inter, sans-serif"\n',
  'assets/img/bg.png': 'not really a picture\n',
  '_posts/2024-01-02-hello.md': '---\ntitle: Hello\n---\nHello.\n',
  'assets/css/liquid.scss': [
    '---',
    'wide: 60rem',
    '---',
    '{% include accent.scss %}',
    `.a::after { content: "{{ site.baseurl }}|{{ site.url }}|{{ '/img/x.png' | relative_url }}|{{ '' | relative_url }}|{{ 'x' | absolute_url }}"; }`,
    // The zone's offset: the time itself is each build's own.
    `.b::after { content: "{{ site.time | date: '%z' }}|{{ site.title }}|{{ page.url }}|{{ page.dir }}|{{ page.name }}|{{ page.path }}"; }`,
    '.c { color: $accent; max-width: {{ page.wide }}; font-family: {{ site.data.fonts.body }}; }',
    '.d::after { content: "{% link assets/img/bg.png %}|{% post_url 2024-01-02-hello %}"; }',
    '',
  ].join('\n'),
};

/** The stylesheets and source maps the importer plans for a site, by path below public/. */
function planned(source: string): Map<string, string> {
  const result = planImport(readSource(source), { now: new Date() });
  if (!result.ok) throw new Error(result.message);
  const files = new Map<string, string>();
  for (const file of result.plan.files)
    if (/^public\/.*\.css(\.map)?$/.test(file.path) && 'text' in file.content) files.set(file.path.slice('public/'.length), file.content.text);
  return files;
}

/** A stylesheet written the same way whoever compiled it: compressed by one compiler, comments and all spacing gone. */
const normalised = (css: string) => compileString(css, { syntax: 'css', style: 'compressed' }).css;

/** Each rule's selector, in order: what the two compilers agree on even where they write a value otherwise. */
const selectors = (css: string) =>
  normalised(css)
    .split('}')
    .map((rule) => rule.slice(0, rule.lastIndexOf('{')).replace(/^@media[^{]*\{/, ''))
    .filter((selector) => selector !== '');

describe.runIf(toolAvailable('Jekyll'))('the compiled stylesheets against Jekyll itself', () => {
  const out: Record<string, string> = {};
  let work: string;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'jekyll-sass-'));
    await cp(SASS_SITE, join(work, 'sass'), { recursive: true, filter: (path) => !path.endsWith(BROKEN) });
    await writeTree(join(work, 'generated'), GENERATED);
    for (const [name, source] of [
      ['sass', join(work, 'sass')],
      ['sass-minima', MINIMA_SITE],
      ['generated', join(work, 'generated')],
    ] as const) {
      out[name] = join(work, `${name}-out`);
      const result = await runJekyll(['build', '--disable-disk-cache', '-s', source, '-d', out[name]], work);
      expect(result.code, result.output).toBe(0);
    }
  });
  afterAll(() => rm(work, { recursive: true, force: true }));

  const jekyllStylesheets = async (name: string) => (await listFiles(out[name] ?? '')).filter((file) => /\.css(\.map)?$/.test(file)).sort();

  it('writes the stylesheets and source maps Jekyll wrote; the broken one, on which Jekyll stops, neither; an empty one without its map', async () => {
    const ours = planned(SASS_SITE);
    expect([...ours.keys()].sort()).toEqual(await jekyllStylesheets('sass'));
    expect([...planned(MINIMA_SITE).keys()].sort()).toEqual(await jekyllStylesheets('sass-minima'));
    expect([...planned(join(work, 'generated')).keys()].sort()).toEqual(await jekyllStylesheets('generated'));
  });

  it('compiles the same stylesheet as libsass did, the partial and the Liquid value included', async () => {
    const ours = planned(SASS_SITE);
    const css = await readFile(join(out['sass'] ?? '', 'assets/css/site.css'), 'utf8');
    expect(normalised(ours.get('assets/css/site.css') ?? '')).toBe(normalised(css));
    expect(normalised(css)).toContain('.card{border:1px solid #0b6e4f;padding:12px}');
  });

  it("runs the stylesheet's Liquid as Jekyll did: base path, address, time zone, the site's settings, data and page, link and post_url", async () => {
    const ours = planned(join(work, 'generated'));
    const css = await readFile(join(out['generated'] ?? '', 'assets/css/liquid.css'), 'utf8');
    expect(normalised(ours.get('assets/css/liquid.css') ?? '')).toBe(normalised(css));
    expect(normalised(css)).toContain('.a::after{content:"lee/|https://example.org/|/lee/img/x.png|/lee|https://example.org//lee/x"}');
    expect(normalised(css)).toContain('.b::after{content:"+0530|Lee|/assets/css/liquid.css|/assets/css/|liquid.scss|assets/css/liquid.scss"}');
    expect(normalised(css)).toContain('.d::after{content:"/lee/assets/img/bg.png|/lee/2024/01/02/hello.html"}');
  });

  it('expands the patterns of sass.load_paths as Jekyll did: the same partials found, in the same folders', async () => {
    const ours = planned(join(work, 'generated'));
    const css = await readFile(join(out['generated'] ?? '', 'assets/css/globs.css'), 'utf8');
    expect(normalised(ours.get('assets/css/globs.css') ?? '')).toBe(normalised(css));
    expect(normalised(css)).toBe('.grid-one{a:b}.order-Zed{a:b}.brace-b{a:b}.deep{a:b}.shallow{a:b}.root{a:b}');
  });

  it("looks for the stylesheet's own imports from the site's root, as libsass did, and names the sources so in the map", async () => {
    const ours = planned(join(work, 'generated'));
    const css = await readFile(join(out['generated'] ?? '', 'assets/css/rooted.css'), 'utf8');
    expect(normalised(ours.get('assets/css/rooted.css') ?? '')).toBe(normalised(css));
    expect(normalised(css)).toBe('.sass-near{a:b}.beside{a:b}.rooted{a:b}');
    const theirs = JSON.parse(await readFile(join(out['generated'] ?? '', 'assets/css/rooted.css.map'), 'utf8')) as { sources: string[] };
    const mine = JSON.parse(ours.get('assets/css/rooted.css.map') ?? '{}') as { sources: string[] };
    expect([...mine.sources].sort()).toEqual([...theirs.sources].sort());
  });

  it("compiles minima's stylesheets to the same rules, in the same order", async () => {
    const ours = planned(MINIMA_SITE);
    for (const file of ['assets/main.css', 'assets/css/style.css']) {
      const theirs = selectors(await readFile(join(out['sass-minima'] ?? '', file), 'utf8'));
      // dart-sass writes a declaration that follows a nested rule as a rule of its own after it, where
      // libsass merged it into the first: the same selectors in the same order, some of them twice.
      expect([...new Set(selectors(ours.get(file) ?? ''))], file).toEqual([...new Set(theirs)]);
      expect(theirs.length).toBeGreaterThan(50);
    }
  });

  it('names the same sources in each source map, for the same output file', async () => {
    const ours = planned(SASS_SITE);
    const theirs = JSON.parse(await readFile(join(out['sass'] ?? '', 'assets/css/site.css.map'), 'utf8')) as { file: string; sources: string[] };
    const mine = JSON.parse(ours.get('assets/css/site.css.map') ?? '{}') as { file: string; sources: string[] };
    expect(mine.file).toBe(theirs.file);
    expect([...mine.sources].sort()).toEqual([...theirs.sources].sort());
  });
});

/** Folders, each holding a file, for the patterns below: capitals, a dash, an accent, hidden ones, depth. */
const GLOB_TREE = [
  'a/sass',
  'a/b/sass',
  'a/Z/sass',
  'a/b/c/sass',
  'a/x/y',
  'B/sass',
  'b/sass',
  'b/x/sass',
  'b-c/sass',
  'sass/sass',
  'z/sass',
  'é/sass',
  '.h/sass',
  'x/.h/sass',
  'lib/one/scss',
  'lib/two/scss',
];
const GLOB_PATTERNS = [
  '**/sass',
  '*/sass',
  '*/**/sass',
  '**/b/**/sass',
  '{a/**/sass,sass}',
  '{z,a,B}/**/sass',
  'a/*',
  'a/**',
  '*',
  '**',
  'a/?',
  '[aB]',
  '[!a]*',
  'b*/sass',
  '.*/sass',
  'a/.*',
  'a/.*/sass',
  '*/.*',
  '**/.*',
  '{.,a}/sass',
  '.?/sass',
  'a/[A-Z]',
  'x/**/sass',
  'lib/*/scss/',
  './lib/one/scss',
  'a/b/../sass',
  '\\a',
  '.',
  'none',
  'none/*',
];

describe.runIf(toolAvailable('Jekyll'))("patterns in sass.load_paths against Ruby's own Dir.glob", () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'sass-glob-'));
    await writeTree(root, Object.fromEntries(GLOB_TREE.map((folder) => [`${folder}/f.scss`, ''])));
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('names the same folders, in the same order, as jekyll-sass-converter made of each pattern', () => {
    // scss.rb's sass_load_paths: each pattern globbed from the site's root, expanded, once each, folders only.
    const ruby = [
      'require "json"',
      'root = File.realpath(ARGV[0])',
      'out = JSON.parse(ARGV[1]).map { |pattern| Dir.chdir(root) { Dir.glob(pattern).map { |path| File.expand_path(path) } }.uniq.select { |path| File.directory?(path) } }',
      'puts JSON.generate(out.map { |paths| paths.map { |path| path == root ? "" : path.delete_prefix(root + "/") } })',
    ].join('\n');
    const run = spawnSync('ruby', ['-e', ruby, root, JSON.stringify(GLOB_PATTERNS)], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const theirs = JSON.parse(run.stdout) as string[][];
    const files = GLOB_TREE.map((folder) => `${folder}/f.scss`).sort();
    const ours = GLOB_PATTERNS.map((pattern) => sassSettings({ sass: { load_paths: [pattern] } }, false, files).loadPaths.map((load) => load.path));
    expect(Object.fromEntries(GLOB_PATTERNS.map((pattern, index) => [pattern, ours[index]]))).toEqual(
      Object.fromEntries(GLOB_PATTERNS.map((pattern, index) => [pattern, theirs[index]])),
    );
    // Ruby's order: each folder's entries by their bytes (capitals first), depth first.
    expect(theirs[0]).toEqual([
      'B/sass',
      'a/Z/sass',
      'a/b/c/sass',
      'a/b/sass',
      'a/sass',
      'b/sass',
      'b/x/sass',
      'b-c/sass',
      'sass',
      'sass/sass',
      'z/sass',
      'é/sass',
    ]);
  });
});

describe('a site with its own Sass, imported and built', () => {
  let site: Site;
  let imported: { status: number | null; output: string };
  let build: CommandResult;

  beforeAll(async () => {
    site = await createSite('import-sass');
    await cp(join(PROJECT_ROOT, 'scripts'), join(site.root, 'scripts'), { recursive: true });
    const git = (...args: string[]) => execFileSync('git', args, { cwd: site.root, stdio: 'ignore' });
    git('init', '-q');
    git('add', '-A');
    git('-c', 'user.name=Test', '-c', 'user.email=test@example.org', 'commit', '-q', '-m', 'fresh clone');
    const run = spawnSync(process.execPath, ['scripts/import/main.ts', SASS_SITE], { cwd: site.root, encoding: 'utf8' });
    imported = { status: run.status, output: `${run.stdout}${run.stderr}` };
    build = await buildAstro(site);
  });

  it('imports, says where Sass stopped, and the site checks pass', () => {
    expect(imported.status, imported.output).toBe(0);
    expect(imported.output).toContain(
      '  assets/css/broken.scss line 5: is not compiled: Sass stops here with "Undefined variable.". Its URL /assets/css/broken.css is retired',
    );
    expect(imported.output).toContain('Site checks (the ones npm run build runs first): passed.');
    expect(imported.output).not.toMatch(/\n\s+at |sass\.dart/);
  });

  it('builds, and serves the compiled stylesheet and its map at their old URLs, as the importer wrote them', async () => {
    expect(build.exitCode, build.output).toBe(0);
    const built = await listFiles(site.dist);
    expect(built).toEqual(expect.arrayContaining(['assets/css/site.css', 'assets/css/site.css.map']));
    expect(built.filter((file) => file.includes('broken'))).toEqual([]);
    const plan = planned(SASS_SITE);
    expect(await readFile(join(site.dist, 'assets/css/site.css'), 'utf8')).toBe(plan.get('assets/css/site.css'));
    expect(await readFile(join(site.dist, 'assets/css/site.css.map'), 'utf8')).toBe(plan.get('assets/css/site.css.map'));
    // The URL list the build checks: both served, the broken one a comment with its reason.
    const legacy = (await readFile(join(site.root, 'src/data/legacy-urls.txt'), 'utf8')).split('\n');
    expect(legacy).toEqual(expect.arrayContaining(['/assets/css/site.css', '/assets/css/site.css.map']));
    expect(legacy).toContain('# /assets/css/broken.css  (compiled by Jekyll from assets/css/broken.scss, whose Sass stops here: see the import report)');
    // No page links it: this project's own styles replace the theme's.
    expect(await readFile(join(site.dist, 'index.html'), 'utf8')).not.toContain('/assets/css/site.css');
  });
});
