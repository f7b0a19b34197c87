/**
 * Differential test: real Jekyll builds small generated sites, and `src/lib/routing/jekyll-urls.ts`
 * must name exactly the files Jekyll wrote. A second part asks Jekyll's own Ruby functions
 * (slugify, URL.escape_path, Utils.parse_date) about tricky values and compares the answers.
 *
 * Needs `jekyll` on PATH (Debian: apt-get install -y jekyll). Without it the tests are skipped (the
 * run says so once), except with REQUIRE_JEKYLL=1: then a missing Jekyll is a failure.
 */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import {
  documentOutputExt,
  escapePath,
  outputFileForUrl,
  pageUrl,
  parsePostFileName,
  postCategories,
  postDate,
  postFolderCategories,
  postUrl,
  slugify,
  type SlugMode,
} from '../../src/lib/routing/jekyll-urls.ts';
import { toolAvailable } from '../helpers/tools.ts';

/** Generated sources and Jekyll's output, kept for inspection after a run. */
const OUTPUT = fileURLToPath(new URL('../.output/jekyll-differential/', import.meta.url));
const jekyllAvailable = () => toolAvailable('Jekyll');

// ---------------------------------------------------------------------------------------------
// The generated inputs: a fixed table, combined by index so each name meets several variants.

/** Post slugs as file names carry them: capitals, accents, punctuation Jekyll keeps or drops. */
const POST_SLUGS = [
  'hello-world',
  'Capital-Letters',
  'ünïcödé-tïtle',
  'c#-and-c++-tips',
  'trailing..',
  'v1.2-release',
  'emoji-💎-post',
  'under_score',
  '(parens)-[brackets]',
  "it's-here",
  'semi;colon=eq',
  'tilde~and@at',
  'dots.in.name',
  'space in name',
  '100%-done',
  'amp&and',
];
/** File dates: year ends (ISO weeks), a leap day, a one-digit month and day, daylight-saving changes. */
const FILE_DATES = ['2019-06-10', '2020-02-29', '2021-01-03', '2019-12-30', '2020-12-31', '2019-6-1', '2018-03-11', '2022-11-06', '2020-01-01'];
/** Where posts live: the root _posts, a folder below it (not a category), folders above it (categories). */
const POST_FOLDERS = ['_posts', '_posts/sub', 'blog/_posts', 'Movies/Horror/_posts'];
const POST_EXTENSIONS = ['.md', '.md', '.markdown', '.html'];

/** Front matter variants, as YAML text (the date ones take the post's file date, normalized). */
const POST_FRONT_MATTER: ((day: string) => string)[] = [
  () => '',
  () => 'categories: Programming Bash',
  () => 'categories: [Travel Notes, "c#", Ünï]',
  () => 'category: classic hollywood',
  () => 'categories: [a, b]\ncategory: C d',
  (day) => `date: "${day} 23:30:00 -0800"`,
  (day) => `date: ${day} 00:30:00 +09:00`,
  (day) => `date: ${day} 01:00:00`, // unquoted timestamp without offset: UTC to YAML
  (day) => `date: "${day} 01:00"`, // text: local to the site
  () => 'date: 2017-07-04', // an unquoted day: local midnight of another day than the file's
  () => 'slug: "Custom Slug, Here!"',
  () => 'permalink: "/fixed/:categories/:slug/"\ncategories: news',
  () => 'permalink: "/p/:year/:i_month/:title.txt"',
  () => 'title: "Odd: title — with ‘quotes’ & <tags>"\ncategories: [Bash, bash, BASH]',
  () => 'categories: "news news  extra"',
  () => 'categories: ["q?a", "100%", "tilde~"]',
  (day) => `date: "${day}T12:00:00Z"`,
];

/** Pages: plain, nested, index, 404, non-HTML output, odd names, permalinks with and without placeholders. */
const PAGES: [path: string, frontMatter: string][] = [
  ['about.md', ''],
  ['work/acme.md', ''],
  ['404.html', ''],
  ['index.md', ''],
  ['blog/index.html', ''],
  ['feed.xml', ''],
  ['data.json', ''],
  ['notes.txt', ''],
  ['css/style.scss', ''],
  ['notes/v1.2..md', ''],
  ['my dir/über.md', ''],
  ['docs/page.htm', ''],
  ['Mixed Case/Page Name.md', ''],
  ['contact.md', 'permalink: /contact/'],
  ['work/nimbus.md', 'permalink: /work/nimbus'],
  ['resume.md', 'permalink: /assets/files/resume.pdf'],
  ['docs/intro.md', 'permalink: "/:path/:basename:output_ext"'],
  ['docs/archive.md', 'permalink: "/archive/:year/"'],
  ['docs/feed.xml', 'permalink: /docs/feed/'],
];

/** One Jekyll build per site style, each in its own time zone (none: the machine's, UTC here). */
const BUILDS: { name: string; permalink: string; timezone?: string }[] = [
  { name: 'date', permalink: 'date' },
  { name: 'pretty', permalink: 'pretty', timezone: 'America/New_York' },
  { name: 'ordinal', permalink: 'ordinal', timezone: 'Asia/Kolkata' },
  { name: 'weekdate', permalink: 'weekdate', timezone: 'Pacific/Auckland' },
  { name: 'none', permalink: 'none', timezone: 'America/Los_Angeles' },
  { name: 'custom-no-suffix', permalink: '/:categories/:year/:i_month/:i_day/:title', timezone: 'Europe/Berlin' },
  { name: 'custom-ext', permalink: '/blog/:slugified_categories/:w_year/W:week/:short_month-:long_month/:long_day-:w_day/:slug:output_ext', timezone: 'UTC' },
  { name: 'custom-slash', permalink: '/:year/:month_:day/:hour:minute:second/:short_year/:y_day/:title/', timezone: 'America/Chicago' },
];

interface SourceFile {
  path: string;
  text: string;
}

/** The posts: every slug three times, each time with another date, folder, extension and front matter. */
function generatedPosts(): SourceFile[] {
  const posts: SourceFile[] = [];
  for (let round = 0; round < 3; round++) {
    POST_SLUGS.forEach((slug, i) => {
      const n = round * POST_SLUGS.length + i;
      const fileDate = FILE_DATES[n % FILE_DATES.length]!;
      const [y, m, d] = fileDate.split('-').map(Number) as [number, number, number];
      const day = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      const frontMatter = POST_FRONT_MATTER[(n * 5) % POST_FRONT_MATTER.length]!(day);
      posts.push({
        path: `${POST_FOLDERS[n % POST_FOLDERS.length]}/${fileDate}-${slug}${POST_EXTENSIONS[n % POST_EXTENSIONS.length]}`,
        text: `---\n${frontMatter}\n---\nPost ${n}.\n`,
      });
    });
  }
  return posts;
}

const generatedPages = (): SourceFile[] =>
  PAGES.map(([path, frontMatter]) => ({ path, text: `---\n${frontMatter}\n---\n${path.endsWith('.scss') ? 'body { color: red; }' : `Page ${path}.`}\n` }));

/** Front matter as Ruby's YAML 1.1 reads it (unquoted timestamps are dates), as the importer reads it. */
function frontMatter(text: string): Record<string, unknown> {
  const yaml = /^---\n([\s\S]*?)\n---\n/.exec(text)?.[1] ?? '';
  return (parseYaml(yaml, { version: '1.1' }) ?? {}) as Record<string, unknown>;
}

/** The files this module says Jekyll writes for these sources under one build's configuration. */
function expectedFiles(posts: readonly SourceFile[], pages: readonly SourceFile[], build: (typeof BUILDS)[number]): Set<string> {
  const files = new Set<string>();
  for (const { path, text } of posts) {
    const data = frontMatter(text);
    const file = parsePostFileName(path)!;
    const permalink = data['permalink'] as string | undefined;
    const date = postDate({ fileDate: file.date, frontMatterDate: data['date'], timezone: build.timezone });
    if ('error' in date) throw new Error(`${path}: ${date.error}`);
    const url = postUrl({
      style: build.permalink,
      permalink,
      date,
      slug: (data['slug'] as string | undefined) ?? file.slug,
      categories: postCategories({ categories: data['categories'], category: data['category'], folders: postFolderCategories(path) }),
      relativePath: path,
    });
    files.add(outputFileForUrl(url, documentOutputExt({ path, permalink }), 'post'));
  }
  for (const { path, text } of pages) {
    const permalink = frontMatter(text)['permalink'] as string | undefined;
    files.add(outputFileForUrl(pageUrl({ path, permalink, style: build.permalink }), documentOutputExt({ path, permalink }), 'page'));
  }
  return files;
}

function run(
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
  input?: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

async function writeSite(root: string, files: readonly SourceFile[], config: string): Promise<void> {
  await rm(root, { recursive: true, force: true });
  for (const { path, text } of [...files, { path: '_config.yml', text: config }]) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text);
  }
}

describe.runIf(jekyllAvailable())('Jekyll itself agrees', () => {
  const posts = generatedPosts();
  const pages = generatedPages();
  const written = new Map<string, string[]>();

  beforeAll(async () => {
    await rm(OUTPUT, { recursive: true, force: true });
    // Each style is its own small site and build; they run side by side.
    await Promise.all(
      BUILDS.map(async (build) => {
        const source = join(OUTPUT, build.name, 'source');
        const destination = join(OUTPUT, build.name, 'site');
        // No Sass source maps: the site's only non-page output.
        const config = `permalink: ${JSON.stringify(build.permalink)}\n${build.timezone ? `timezone: ${build.timezone}\n` : ''}sass:\n  sourcemap: never\n`;
        await writeSite(source, [...posts, ...pages], config);
        const result = await run('jekyll', ['build', '--safe', '-q', '--source', source, '--destination', destination], {
          ...process.env,
          TZ: 'UTC',
          JEKYLL_ENV: 'production',
        });
        if (result.code !== 0) throw new Error(`jekyll build (${build.name}) failed:\n${result.stderr}${result.stdout}`);
        written.set(
          build.name,
          readdirSync(destination, { recursive: true, withFileTypes: true })
            .filter((entry) => entry.isFile())
            .map((entry) => join(entry.parentPath, entry.name).slice(destination.length + 1)),
        );
      }),
    );
  });

  it(`generates ${POST_SLUGS.length * 3} posts and ${PAGES.length} pages for ${BUILDS.length} permalink styles`, () => {
    expect(new Set(posts.map((post) => post.path)).size).toBe(posts.length);
    expect(written.size).toBe(BUILDS.length);
  });

  it.each(BUILDS.map((build) => [build.name, build] as const))('permalink style %s: the module names exactly the files Jekyll wrote', (name, build) => {
    expect([...(written.get(name) ?? [])].sort()).toEqual([...expectedFiles(posts, pages, build)].sort());
  });

  it("slugify, escape_path and parse_date answer as Jekyll's Ruby does", async () => {
    const strings = [
      ...POST_SLUGS,
      'The _config.yml file?',
      'fürtive glance!!!!',
      'Aあわれ鬱господинZ',
      '  --foo--  ',
      'e\u0301t\u00e9',
      'ΟΔΟΣ Σίσυφος',
      'a\u00a0b\tc',
      '5時〜6時 三・一四',
      'கிடைத்தது வகைகள்',
      'x💎y',
      'Æsir Œuvre ŉ',
      'c# tips',
      're:invent 2019',
      'q?a#b#c',
      '100%',
      'a[b]{c}|d^e`f"g<h>',
      'İstanbul',
      'ǅemal ẞ',
      '1:1',
      '2019: a year',
      ':x',
      'http:',
      'mailto:',
      '/a?b',
      '',
    ];
    const modes: SlugMode[] = ['raw', 'default', 'pretty', 'ascii', 'latin', 'none'];
    const dates = [
      '2019-06-10',
      '19-06-10',
      '2019-6-1',
      '2019-02-30',
      '2019-13-01',
      '2019-06-10 23:30:00 -0800',
      '2019-06-10 00:30:00 +09:00',
      '2019-06-10 01:00:00',
      '2019-06-10 01:00',
      '2019-06-10T12:00:00Z',
      '2014-08-02 14:43:06 PDT',
      '2019-06-10 10:00 pm',
      '2019-06-10 24:00:00',
      '2019-03-10 02:30:00',
      '2019-11-03 01:30:00',
      '2019-06-10 10:00:00 +5',
      '2019-06-10 10:00:00.75 +0530',
      'Blah',
    ];
    const zones = ['UTC', 'America/New_York', 'Asia/Kolkata', 'Pacific/Auckland'];
    const ruby = `
      require "jekyll"; require "json"
      Jekyll.logger.log_level = :error
      # Utils.parse_date is Time.parse(input).localtime behind a cache keyed by the text alone, which would keep the first zone's answers.
      input = JSON.parse($stdin.read)
      attempt = lambda { |&block| begin; block.call; rescue StandardError => e; "error"; end }
      out = {
        "slugify" => input["strings"].map { |s| input["modes"].flat_map { |m| [Jekyll::Utils.slugify(s, mode: m), Jekyll::Utils.slugify(s, mode: m, cased: true)] } },
        "escape" => input["strings"].map { |s| attempt.call { Jekyll::URL.escape_path(s) } },
        "dates" => input["zones"].map { |z| ENV["TZ"] = z; input["dates"].map { |d| attempt.call { Time.parse(d).localtime.strftime("%Y-%m-%d %H:%M:%S %u %j %V %G") } } },
      }
      puts JSON.generate(out)`;
    const result = await run('ruby', ['-e', ruby], process.env, JSON.stringify({ strings, modes, dates, zones }));
    expect(result.stderr).toBe('');
    const jekyll = JSON.parse(result.stdout) as { slugify: string[][]; escape: string[]; dates: string[][] };

    const ours = {
      slugify: strings.map((s) => modes.flatMap((mode) => [slugify(s, mode), slugify(s, mode, true)])),
      escape: strings.map((s) => {
        try {
          return escapePath(s);
        } catch {
          return 'error';
        }
      }),
      dates: zones.map((timezone) =>
        dates.map((text) => {
          const d = postDate({ fileDate: text, timezone });
          if ('error' in d) return 'error';
          const p = (n: number, w = 2) => String(n).padStart(w, '0');
          return `${p(d.year, 4)}-${p(d.month)}-${p(d.day)} ${p(d.hour)}:${p(d.minute)}:${p(d.second)} ${d.weekday} ${p(d.yearDay, 3)} ${p(d.isoWeek)} ${p(d.isoWeekYear, 4)}`;
        }),
      ),
    };
    expect(ours.slugify).toEqual(jekyll.slugify);
    expect(ours.escape).toEqual(jekyll.escape);
    expect(ours.dates).toEqual(jekyll.dates);
  });
});
