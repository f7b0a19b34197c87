import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planImport, type ImportPlan } from '../../scripts/import/plan.ts';
import { formatReport } from '../../scripts/import/report.ts';
import { LOAD_PATH_PATTERNS, PATTERN_PARTIALS, PATTERN_STYLESHEET } from '../helpers/sass-load-paths.ts';
import { memorySource, readSource, type SourceSite } from '../../scripts/import/source.ts';
import { FIXTURES } from '../helpers/site.ts';

/**
 * The stylesheets Jekyll compiled from Sass, compiled again by the importer to their old URLs
 * (scripts/import/sass.ts). tests/build/import-sass.test.ts compares the same fixtures with Jekyll.
 */
function plan(site: SourceSite, now?: Date): ImportPlan {
  const result = planImport(site, now === undefined ? {} : { now });
  if (!result.ok) throw new Error(result.message);
  return result.plan;
}
const fixture = (name: string) => plan(readSource(join(FIXTURES, 'import', name)));
const memory = (files: Record<string, string>) => plan(memorySource({ '_config.yml': 'title: Lee\n', ...files }));

const text = (result: ImportPlan, path: string): string => {
  const file = result.files.find((candidate) => candidate.path === path);
  if (file === undefined) throw new Error(`${path} is not planned`);
  return 'text' in file.content ? file.content.text : '';
};
const legacyLines = (result: ImportPlan) => text(result, 'src/data/legacy-urls.txt').split('\n');
const skipped = (result: ImportPlan) => result.report.filter((line) => line.kind === 'skipped');

interface SourceMap {
  version: number;
  file: string;
  sources: string[];
  sourcesContent: string[];
  mappings: string;
}

describe('a site with its own Sass (tests/fixtures/import/sass)', () => {
  const result = fixture('sass');

  it("compiles the stylesheet to its old URL: the partial's rules, and the Liquid value from _config.yml", () => {
    const css = text(result, 'public/assets/css/site.css');
    expect(css).toContain('.card {\n  border: 1px solid #0b6e4f;\n  padding: 12px;\n}');
    expect(css).toContain('.card .card-title {\n  font-weight: 600;\n}');
    expect(css).toContain('.site-title {\n  color: #0b6e4f;\n  letter-spacing: 0.02em;\n}');
    expect(css).not.toContain('{{');
    expect(css.endsWith('\n\n/*# sourceMappingURL=site.css.map */\n')).toBe(true);
  });

  it("writes its source map beside it, as Jekyll does, naming each source from the site's root as libsass did", () => {
    const map = JSON.parse(text(result, 'public/assets/css/site.css.map')) as SourceMap;
    expect(map.version).toBe(3);
    expect(map.file).toBe('site.css');
    expect([...map.sources].sort()).toEqual(['_sass/_cards.scss', 'site.scss']);
    // The main file's source is its text after Liquid, as Sass read it.
    expect(map.sourcesContent[map.sources.indexOf('site.scss')]).toContain('$brand: #0b6e4f;');
    expect(map.sourcesContent[map.sources.indexOf('_sass/_cards.scss')]).toContain('border: 1px solid $brand;');
    expect(map.mappings).not.toBe('');
  });

  it('lists the compiled URLs as served and the broken one as retired, with the reason', () => {
    const lines = legacyLines(result);
    expect(lines).toEqual(expect.arrayContaining(['/assets/css/site.css', '/assets/css/site.css.map']));
    expect(lines).toContain('# /assets/css/broken.css  (compiled by Jekyll from assets/css/broken.scss, whose Sass stops here: see the import report)');
    expect(lines).toContain(
      '# /assets/css/broken.css.map  (the source map of /assets/css/broken.css: compiled by Jekyll from assets/css/broken.scss, whose Sass stops here: see the import report)',
    );
    expect(lines.filter((line) => line.startsWith('/assets/css/broken'))).toEqual([]);
    expect(result.files.filter((file) => file.path.includes('broken'))).toEqual([]);
  });

  it("reports where Sass stopped in the broken file, with Sass's own words, and no stack trace", () => {
    const broken = skipped(result).filter((line) => line.file === 'assets/css/broken.scss');
    expect(broken).toEqual([
      {
        kind: 'skipped',
        file: 'assets/css/broken.scss',
        line: 5,
        message:
          'is not compiled: Sass stops here with "Undefined variable.". Its URL /assets/css/broken.css is retired (a comment in src/data/legacy-urls.txt) until you fix it and run the import again.',
      },
    ]);
    const printed = formatReport(result.report);
    expect(printed).toContain('  assets/css/broken.scss line 5: is not compiled: Sass stops here with "Undefined variable."');
    expect(printed).not.toMatch(/\n\s+at |sass\.dart|╷/);
  });

  it("says what it compiled, and still takes out the page's own link to it", () => {
    expect(result.report).toContainEqual({
      kind: 'changed',
      file: 'assets/css/site.scss',
      message:
        "is compiled from Sass to public/assets/css/site.css (and its source map), so /assets/css/site.css still answers; no page links it, since this project's styles replace the theme's.",
    });
    expect(text(result, 'src/content/pages/index.md')).not.toContain('<link');
  });
});

describe('a site on the minima gem (tests/fixtures/import/sass-minima)', () => {
  const result = fixture('sass-minima');

  it("compiles the gem's stylesheet and the site's own, which imports the gem's Sass", () => {
    expect(text(result, 'public/assets/main.css')).toContain('.site-header {\n  border-top: 5px solid');
    expect(JSON.parse(text(result, 'public/assets/main.css.map'))).toMatchObject({ file: 'main.css' });
    const style = text(result, 'public/assets/css/style.css');
    expect(style).toContain('.site-header {\n  border-top: 5px solid');
    expect(style).toContain('.note {\n  color: #b5179e;\n}');
    // minima.scss imports its own minima/_base beside it, not the site's copy.
    expect(style).not.toContain('not-imported-by-minima');
    expect(legacyLines(result)).toEqual(
      expect.arrayContaining([
        '/assets/css/style.css',
        '/assets/css/style.css.map',
        '/assets/main.css',
        '/assets/main.css.map',
        '/assets/minima-social-icons.svg',
      ]),
    );
    expect(legacyLines(result).filter((line) => line.startsWith('#') && line.includes('.css'))).toEqual([]);
  });
});

describe("the site's sass: settings", () => {
  it('reads sass_dir, load_paths and style, writes no map under sourcemap: never, and compiles the indented syntax (.sass in any case)', () => {
    const result = memory({
      '_config.yml': 'title: Lee\nsass:\n  sass_dir: css/partials\n  load_paths: [vendor/sass]\n  style: :compressed\n  sourcemap: never\n',
      'css/partials/_colours.scss': '$ink: #222;\n',
      'vendor/sass/_grid.scss': '.grid { display: grid; }\n',
      'css/main.scss': '---\n---\n@import "colours", "grid";\nbody { color: $ink; }\n',
      'css/old.sass': '---\n---\n@import "colours"\n.old\n  color: $ink\n',
      'css/OLDER.SASS': '---\n---\n@import "colours"\n.older\n  color: $ink\n',
    });
    expect(text(result, 'public/css/main.css')).toBe('.grid{display:grid}body{color:#222}\n');
    expect(text(result, 'public/css/old.css')).toBe('.old{color:#222}\n');
    expect(text(result, 'public/css/OLDER.css')).toBe('.older{color:#222}\n');
    expect(result.files.filter((file) => file.path.endsWith('.map'))).toEqual([]);
    expect(legacyLines(result)).toEqual(expect.arrayContaining(['/css/main.css', '/css/old.css', '/css/OLDER.css']));
    expect(legacyLines(result).filter((line) => line.includes('.map'))).toEqual([]);
  });

  it("takes the compressed style's byte-order mark off, or writes @charset for it under add_charset, as Jekyll does", () => {
    const arrow = { 'a.scss': '---\n---\n.a::before { content: "→"; }\n' };
    const plain = memory({ '_config.yml': 'sass:\n  style: compressed\n', ...arrow });
    expect(text(plain, 'public/a.css').startsWith('.a::before{content:"→"}')).toBe(true);
    const charset = memory({ '_config.yml': 'sass:\n  style: compressed\n  add_charset: true\n', ...arrow });
    expect(text(charset, 'public/a.css').startsWith('@charset "UTF-8";.a::before{content:"→"}')).toBe(true);
  });

  it('runs Liquid first with the page, the data and the base path', () => {
    const result = memory({
      '_config.yml': 'title: Lee\nbaseurl: /lee\nsass:\n  style: compressed\n',
      '_data/theme.yml': 'accent: "#abcdef"\n',
      'assets/site.scss':
        '---\nwide: 60rem\n---\n.a { max-width: {{ page.wide }}; color: {{ site.data.theme.accent }}; background: url("{{ \'/img/bg.png\' | relative_url }}"); }\n',
    });
    expect(text(result, 'public/assets/site.css')).toContain('.a{max-width:60rem;color:#abcdef;background:url("/lee/img/bg.png")}');
  });
});

describe("the stylesheet's Liquid: the build's engine and site variables, with what Jekyll wrote into CSS", () => {
  const stylesheet = [
    '---',
    '---',
    '{% include accent.scss %}',
    `.a::after { content: "{{ site.baseurl }}|{{ site.url }}|{{ '/img/x.png' | relative_url }}|{{ '' | relative_url }}|{{ 'x' | absolute_url }}"; color: $accent; }`,
    `.b::after { content: "{{ site.time | date: '%Y-%m-%d %H:%M %z' }}|{{ site.title }}"; }`,
    '.c::after { content: "{% link img/bg.png %}|{% post_url 2024-01-02-hello %}"; }',
    '',
  ].join('\n');
  const liquidSite = (config: string, now?: Date, body = stylesheet) =>
    plan(
      memorySource({
        '_config.yml': `title: Lee\n${config}sass:\n  style: compressed\n  sourcemap: never\n`,
        '_includes/accent.scss': '$accent: {{ site.palette.accent }};\n',
        'img/bg.png': 'not really a picture\n',
        '_posts/2024-01-02-hello.md': '---\ntitle: Hello\n---\nHello.\n',
        'assets/site.scss': body,
      }),
      now,
    );
  const now = new Date('2024-03-10T20:00:00Z');

  it('shows site.baseurl and site.url as configured, and writes the base path into relative_url, absolute_url, link and post_url, as Jekyll did', () => {
    const css = text(liquidSite('baseurl: "lee/"\nurl: "https://example.org/"\npalette:\n  accent: "#abcdef"\n', now), 'public/assets/site.css');
    expect(css).toContain('.a::after{content:"lee/|https://example.org/|/lee/img/x.png|/lee|https://example.org//lee/x";color:#abcdef}');
    expect(css).toContain('.c::after{content:"/lee/img/bg.png|/lee/2024/01/02/hello.html"}');
  });

  it('without a base path or an address, writes links from the root', () => {
    const css = text(liquidSite('palette:\n  accent: red\n', now), 'public/assets/site.css');
    expect(css).toContain('.a::after{content:"||/img/x.png||/x";color:red}');
    expect(css).toContain('.c::after{content:"/img/bg.png|/2024/01/02/hello.html"}');
  });

  it("shows site.time, the time of the import, in the site's time zone; in UTC for a zone Ruby does not know", () => {
    const kolkata = liquidSite('timezone: Asia/Kolkata\npalette:\n  accent: red\n', now);
    expect(text(kolkata, 'public/assets/site.css')).toContain('.b::after{content:"2024-03-11 01:30 +0530|Lee"}');
    // Without the post: the importer refuses to date it in a zone it does not know.
    const unknown = liquidSite('timezone: Mars/Olympus\npalette:\n  accent: red\n', now, stylesheet.replace(/^\.c::after.*\n/m, ''));
    expect(text(unknown, 'public/assets/site.css')).toContain('.b::after{content:"2024-03-10 20:00 +0000|Lee"}');
  });
});

describe('render_with_liquid: false', () => {
  it('leaves the Liquid of the stylesheet as written, as Jekyll 4.3 does', () => {
    const result = memory({ 'assets/site.scss': '---\nrender_with_liquid: false\n---\n.a::after { content: "{{ site.title }}"; }\n' });
    expect(text(result, 'public/assets/site.css')).toContain('.a::after {\n  content: "{{ site.title }}";\n}');
  });
});

describe('Sass that does not compile', () => {
  it('names the partial and its line where Sass stopped', () => {
    const result = memory({ '_sass/_bad.scss': '.a {\n  color: $nope;\n}\n', 'assets/site.scss': '---\n---\n@import "bad";\n' });
    expect(skipped(result).filter((line) => line.file === 'assets/site.scss')).toEqual([
      {
        kind: 'skipped',
        file: 'assets/site.scss',
        line: undefined,
        message:
          'is not compiled: Sass stops at _sass/_bad.scss line 2 with "Undefined variable.". Its URL /assets/site.css is retired (a comment in src/data/legacy-urls.txt) until you fix it and run the import again.',
      },
    ]);
  });

  it('names a construct libsass took and dart-sass refuses (extending a compound selector)', () => {
    const result = memory({ 'assets/site.scss': '---\n---\n.a.b { color: red; }\n.c {\n  @extend .a.b;\n}\n' });
    const line = skipped(result).find((item) => item.file === 'assets/site.scss');
    expect(line?.line).toBe(5);
    expect(line?.message).toMatch(/^is not compiled: Sass stops here with "compound selectors may no longer be extended\./);
  });

  it('names a Liquid mistake in the stylesheet, and reads nothing outside the site', () => {
    const liquid = memory({ 'assets/site.scss': '---\n---\n\n.a { color: {{ site.title | no_such_filter }}; }\n' });
    expect(skipped(liquid).find((item) => item.file === 'assets/site.scss')).toMatchObject({
      line: 4,
      message: expect.stringMatching(
        /^is not compiled: its Liquid stops here \(Liquid \{\{ site\.title \| no_such_filter \}\}: "no_such_filter" is not a Liquid filter/,
      ),
    });
    const outside = memory({ 'assets/site.scss': '---\n---\n@import "../../../../etc/hosts";\n' });
    expect(skipped(outside).find((item) => item.file === 'assets/site.scss')?.message).toContain('Sass stops here with "Can\'t find stylesheet to import."');
  });
});

describe('patterns in sass.load_paths, expanded as Jekyll expands them (Dir.glob from the site root)', () => {
  const result = memory({
    '_config.yml': `title: Lee\nsass:\n  style: compressed\n  load_paths: ${LOAD_PATH_PATTERNS}\n`,
    ...PATTERN_PARTIALS,
    'assets/globs.scss': PATTERN_STYLESHEET,
  });

  it("searches each folder a pattern names, in Ruby's order: the first one holding the partial wins", () => {
    expect(text(result, 'public/assets/globs.css')).toBe(
      '.grid-one{a:b}.order-Zed{a:b}.brace-b{a:b}.deep{a:b}.shallow{a:b}.root{a:b}\n\n/*# sourceMappingURL=globs.css.map */\n',
    );
  });
});

describe("where an @import in the stylesheet is looked for: from the site's root, as libsass saw the file", () => {
  it('finds a path from the root, and the partial in _sass before the one beside the stylesheet', () => {
    const result = memory({
      '_config.yml': 'sass:\n  style: compressed\n  sourcemap: never\n',
      '_sass/_near.scss': '.sass-near{a:b}\n',
      'assets/css/_near.scss': '.beside-near{a:b}\n',
      'assets/css/_beside.scss': '.beside{a:b}\n',
      'assets/css/site.scss': '---\n---\n@import "near", "assets/css/beside";\n',
    });
    expect(text(result, 'public/assets/css/site.css')).toBe('.sass-near{a:b}.beside{a:b}\n');
  });

  it('does not find a partial only beside the stylesheet, as Jekyll did not; a partial still finds its own neighbours', () => {
    const result = memory({
      '_sass/sub/_a.scss': '@import "b";\n',
      '_sass/sub/_b.scss': '.b { color: red; }\n',
      'assets/css/_alone.scss': '.alone { color: red; }\n',
      'assets/css/site.scss': '---\n---\n@import "sub/a";\n',
      'assets/css/other.scss': '---\n---\n\n@import "alone";\n',
    });
    expect(text(result, 'public/assets/css/site.css')).toContain('.b {\n  color: red;\n}');
    expect(skipped(result).find((item) => item.file === 'assets/css/other.scss')).toMatchObject({
      line: 4,
      message: expect.stringMatching(/^is not compiled: Sass stops here with "Can't find stylesheet to import\."/),
    });
  });
});

describe('what Sass may read', () => {
  it('ignores SASS_PATH, which dart-sass would otherwise search on disk outside the site', () => {
    const outside = mkdtempSync(join(tmpdir(), 'sass-path-'));
    writeFileSync(join(outside, '_evil.scss'), '.evil { color: red; }\n');
    const before = process.env['SASS_PATH'];
    process.env['SASS_PATH'] = outside;
    try {
      const result = memory({ 'assets/site.scss': '---\n---\n@import "evil";\n.a { color: blue; }\n' });
      expect(result.files.some((file) => file.path === 'public/assets/site.css')).toBe(false);
      expect(skipped(result).find((item) => item.file === 'assets/site.scss')?.message).toContain('Sass stops here with "Can\'t find stylesheet to import."');
      expect(process.env['SASS_PATH']).toBe(outside);
    } finally {
      if (before === undefined) delete process.env['SASS_PATH'];
      else process.env['SASS_PATH'] = before;
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('says when a load path is one the importer does not read (installed packages, outside the site), rather than only "fix it"', () => {
    const result = memory({
      '_config.yml': 'title: Lee\nsass:\n  load_paths: [node_modules, "../theme/sass", "*/scss"]\n',
      'assets/site.scss': '---\n---\n@import "bootstrap/scss/bootstrap";\n',
    });
    expect(skipped(result).find((item) => item.file === 'assets/site.scss')?.message).toContain(
      'Sass stops here with "Can\'t find stylesheet to import."; sass.load_paths names node_modules (installed packages), ../theme/sass (outside the site) and */scss (which may reach into node_modules/, installed packages), which the importer does not read: copy the Sass it imports from there into _sass/. Its URL /assets/site.css is retired',
    );
  });

  it('keeps load paths inside the site under safe: true, as Jekyll sanitises them there', () => {
    const files = { 'lib/_x.scss': '.x { color: red; }\n', 'assets/site.scss': '---\n---\n@import "x";\n' };
    const safe = memory({ '_config.yml': 'safe: true\nsass:\n  load_paths: ["../lib"]\n', ...files });
    expect(text(safe, 'public/assets/site.css')).toContain('.x {\n  color: red;\n}');
    const unsafe = memory({ '_config.yml': 'sass:\n  load_paths: ["../lib"]\n', ...files });
    expect(skipped(unsafe).find((item) => item.file === 'assets/site.scss')?.message).toContain('; sass.load_paths names ../lib (outside the site), which');
  });
  it('keeps a "#" or "?" in a file name as part of the name', () => {
    const result = memory({ '_sass/_a#b.scss': '.part { color: red; }\n', 'assets/c#d.scss': '---\n---\n@import "a#b";\n.a { color: blue; }\n' });
    expect(text(result, 'public/assets/c#d.css')).toContain('.part {');
    const map = JSON.parse(text(result, 'public/assets/c#d.css.map')) as SourceMap;
    expect(map.sources).toEqual(['_sass/_a#b.scss', 'c#d.scss']);
  });
});

describe('an empty stylesheet', () => {
  it('is written empty, without the source map Jekyll could not write for it', () => {
    const result = memory({ 'assets/empty.scss': '---\n---\n', 'assets/quiet.scss': '---\n---\n{% comment %}Nothing yet.{% endcomment %}' });
    expect(text(result, 'public/assets/empty.css')).toBe('');
    expect(text(result, 'public/assets/quiet.css')).toBe('');
    expect(result.files.filter((file) => file.path.endsWith('.map'))).toEqual([]);
    expect(legacyLines(result)).toEqual(expect.arrayContaining(['/assets/empty.css', '/assets/quiet.css']));
    expect(legacyLines(result).filter((line) => line.includes('.map'))).toEqual([]);
  });
});

describe('a stylesheet Jekyll did not write', () => {
  it('is neither compiled nor listed: published: false, or a partial with front matter', () => {
    const result = memory({ 'assets/draft.scss': '---\npublished: false\n---\n.a { color: red; }\n', 'assets/_part.scss': '---\n---\n.b { color: red; }\n' });
    expect(result.files.filter((file) => file.path.startsWith('public/assets/'))).toEqual([]);
    expect(result.urls.filter((url) => url.url.startsWith('/assets/'))).toEqual([]);
  });
});

describe('a stylesheet with a permalink', () => {
  it('is compiled to the file Jekyll wrote, without the map Jekyll wrote over it or beside it', () => {
    const result = memory({
      'assets/x.scss': '---\npermalink: /style.css\n---\n.a { color: red; }\n',
      'assets/y.scss': '---\npermalink: /pretty/\n---\n.b { color: red; }\n',
    });
    expect(result.files.filter((file) => file.path.startsWith('public/')).map((file) => file.path)).toEqual(['public/pretty/index.css', 'public/style.css']);
    expect(text(result, 'public/style.css')).toBe('.a {\n  color: red;\n}\n');
    expect(legacyLines(result)).toEqual(expect.arrayContaining(['/pretty/index.css', '/style.css']));
  });
});
