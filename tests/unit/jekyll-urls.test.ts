import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import {
  converterOutputExt,
  documentOutputExt,
  escapePath,
  outputFileForUrl,
  PAGE_PERMALINK_STYLES,
  pageTemplate,
  pageUrl,
  parsePostFileName,
  PERMALINK_STYLES,
  postCategories,
  postDate,
  postFolderCategories,
  postTags,
  postTemplate,
  postUrl,
  rubyExtname,
  sanitizeUrl,
  slugify,
  type PostDate,
  type SlugMode,
} from '../../src/lib/routing/jekyll-urls.ts';
import { PORTFOLIO, PORTFOLIO_BUILT, PORTFOLIO_URLS } from '../helpers/jekyll-fixture.ts';

function date(fileDate: string, frontMatterDate?: unknown, timezone?: string): PostDate {
  const result = postDate({ fileDate, frontMatterDate, timezone });
  if ('error' in result) throw new Error(result.error);
  return result;
}

describe('slugify', () => {
  // Jekyll's own tests (test/test_utils.rb) and the slugify examples of its filter docs.
  it.each<[string, SlugMode | undefined, boolean, string]>([
    ['Working with drafts', undefined, false, 'working-with-drafts'],
    ['Basic   Usage', undefined, false, 'basic-usage'],
    ['  Working with drafts   ', undefined, false, 'working-with-drafts'],
    ['So what is Jekyll, exactly?', undefined, false, 'so-what-is-jekyll-exactly'],
    ['كيف حالك؟', undefined, false, 'كيف-حالك'],
    ['Pre-releases', undefined, false, 'pre-releases'],
    ['The _config.yml file', undefined, false, 'the-config-yml-file'],
    ['Customizing Git - Git Hooks', undefined, false, 'customizing-git-git-hooks'],
    ['5時〜6時 三・一四', undefined, false, '5時-6時-三-一四'],
    ['மல்லிப்பூ வகைகள்', undefined, false, 'மல்லிப்பூ-வகைகள்'],
    ['மல்லிப்பூ வகைகள்', 'pretty', false, 'மல்லிப்பூ-வகைகள்'],
    ['The _config.yml file?', 'default', false, 'the-config-yml-file'],
    ['The _config.yml file?', undefined, false, 'the-config-yml-file'],
    ['The _config.yml file?', 'pretty', false, 'the-_config.yml-file'],
    ['The _config.yml file', 'pretty', false, 'the-_config.yml-file'],
    ['The _config.yml file?', 'ascii', false, 'the-config-yml-file'],
    ['fürtive glance!!!!', 'ascii', false, 'f-rtive-glance'],
    ['The _cönfig.yml file', 'ascii', false, 'the-c-nfig-yml-file'],
    ['The _config.yml file?', 'latin', false, 'the-config-yml-file'],
    ['fürtive glance!!!!', 'latin', false, 'furtive-glance'],
    ['àáçèéíïòóúü', 'latin', false, 'aaceeiioouu'],
    ['Aあわれ鬱господинZ', 'latin', false, 'a-z'],
    ['The cönfig.yml file', 'latin', false, 'the-config-yml-file'],
    ['The _config.yml file?', 'raw', false, 'the-_config.yml-file?'],
    ['The _config.yml file?', 'none', false, 'the _config.yml file?'],
    ['Working with drafts', undefined, true, 'Working-with-drafts'],
    ['Basic   Usage', undefined, true, 'Basic-Usage'],
    ['  Working with drafts   ', undefined, true, 'Working-with-drafts'],
    ['So what is Jekyll, exactly?', undefined, true, 'So-what-is-Jekyll-exactly'],
    ['Pre-releases', undefined, true, 'Pre-releases'],
    ['The _config.yml file', undefined, true, 'The-config-yml-file'],
    ['Customizing Git - Git Hooks', undefined, true, 'Customizing-Git-Git-Hooks'],
    ['The _config.yml file?', 'default', true, 'The-config-yml-file'],
    ['The _config.yml file?', 'pretty', true, 'The-_config.yml-file'],
    ['The _config.yml file?', 'raw', true, 'The-_config.yml-file?'],
    ['The _config.yml file?', 'none', true, 'The _config.yml file?'],
    ['💎', undefined, false, ''],
    // Compared with Jekyll 4.3.1's Ruby while writing these rules:
    ['  --foo--  ', 'raw', false, '--foo--'], // one leading and one trailing hyphen only
    ['e\u0301t\u00e9', 'latin', false, 'e-te'], // a decomposed accent is not a Latin letter
    ['e\u0301t\u00e9', 'ascii', false, 'e-t'],
    ['ΟΔΟΣ', 'none', false, 'οδοσ'], // Ruby's downcase has no final sigma
    ['a\u00a0b', 'raw', false, 'a\u00a0b'], // Ruby's \s is ASCII whitespace
    ['Bride of Chucky', 'pretty', true, 'Bride-of-Chucky'],
  ])('%j (%s, cased %s) -> %j', (text, mode, cased, expected) => {
    expect(slugify(text, mode, cased)).toBe(expected);
  });
});

describe('escapePath and sanitizeUrl (Jekyll::URL)', () => {
  it.each([
    ['2019', '2019'],
    ['a b', 'a%20b'],
    ['c#', 'c%23'],
    ['a#b#c', 'a%23b%23c'],
    ['c++', 'c++'],
    ['q?a', 'q?a'],
    ['100%', '100%25'],
    ['ünï', '%C3%BCn%C3%AF'],
    ['re:invent 2019', 're:invent%202019'],
    ['a[b]', 'a%5Bb%5D'],
    ["it's", "it's"],
    ['<tag>', '%3Ctag%3E'],
    ['//x', '//x'], // only safe characters: returned as it is
  ])('escapePath(%j) -> %j', (value, expected) => {
    expect(escapePath(value)).toBe(expected);
  });

  // Addressable parses the value as a URI first; Jekyll 4.3.1 stops the build on these.
  it.each([['1:1'], ['2019: a year'], [':x'], ['http:']])('escapePath(%j) fails as Jekyll does', (value) => {
    expect(() => escapePath(value)).toThrow(/Jekyll 4\.3 cannot build a URL/);
  });

  it.each([
    ['', '/'],
    ['//a///b/', '/a/b/'],
    ['/a/../b', '/a///b'.replace(/\/+/g, '/')],
    ['/a/./b', '/a/b'],
    ['/foo./', '/foo'], // "./" is removed even at the end of a name
    ['/a...b', '/a/.b'],
  ])('sanitizeUrl(%j) -> %j', (url, expected) => {
    expect(sanitizeUrl(url)).toBe(expected);
  });
});

describe('permalink styles', () => {
  // Jekyll's docs, "Built-in formats" (docs/_data/permalinks.yml).
  it.each([
    ['date', '/:categories/:year/:month/:day/:title:output_ext'],
    ['pretty', '/:categories/:year/:month/:day/:title/'],
    ['ordinal', '/:categories/:year/:y_day/:title:output_ext'],
    ['weekdate', '/:categories/:year/W:week/:short_day/:title:output_ext'],
    ['none', '/:categories/:title:output_ext'],
  ])('%s is %s for posts', (style, template) => {
    expect(PERMALINK_STYLES[style]).toBe(template);
    expect(postTemplate(style)).toBe(template);
  });

  // Utils.add_permalink_suffix("/:path/:basename", style), and its tests in test_utils.rb.
  it.each([
    [undefined, '/:path/:basename:output_ext'],
    ['date', '/:path/:basename:output_ext'],
    ['pretty', '/:path/:basename/'],
    ['ordinal', '/:path/:basename:output_ext'],
    ['none', '/:path/:basename:output_ext'],
    ['weekdate', '/:path/:basename'],
    ['/:title/', '/:path/:basename/'],
    ['/:title:output_ext', '/:path/:basename:output_ext'],
    ['/:title', '/:path/:basename'],
    // Docs: "/:categories/:year/:month/:day/:title:output_ext for posts becomes /:title.html for pages".
    ['/:categories/:year/:month/:day/:title:output_ext', '/:path/:basename:output_ext'],
  ])('style %j gives pages %s', (style, template) => {
    expect(pageTemplate(style)).toBe(template);
    if (style && Object.hasOwn(PAGE_PERMALINK_STYLES, style)) expect(PAGE_PERMALINK_STYLES[style]).toBe(template);
  });

  it('a custom pattern is its own post template; a built-in name is matched exactly', () => {
    expect(postTemplate('/blog/:title/')).toBe('/blog/:title/');
    expect(postTemplate(undefined)).toBe(PERMALINK_STYLES['date']);
    expect(postTemplate('Pretty')).toBe('Pretty');
  });
});

describe('parsePostFileName', () => {
  it.each([
    ['2019-06-10-useful-shell-aliases.md', { date: '2019-06-10', slug: 'useful-shell-aliases', ext: '.md' }],
    ['2009-04-29-slap-chop.markdown', { date: '2009-04-29', slug: 'slap-chop', ext: '.markdown' }],
    ['2019-6-1-short-date.html', { date: '2019-6-1', slug: 'short-date', ext: '.html' }],
    ['19-06-10-two-digit-year.md', { date: '19-06-10', slug: 'two-digit-year', ext: '.md' }],
    ['2019-06-10-v1.2-release.md', { date: '2019-06-10', slug: 'v1.2-release', ext: '.md' }],
    ['2019-06-10-trailing..md', { date: '2019-06-10', slug: 'trailing', ext: '.md' }],
    ['2019-06-10-Capital Letters & Spaces.md', { date: '2019-06-10', slug: 'Capital Letters & Spaces', ext: '.md' }],
    ['_posts/2019-06-10-in-a-folder.md', { date: '2019-06-10', slug: 'in-a-folder', ext: '.md' }],
    ['about.md', undefined],
    ['2019-06-10-no-extension', undefined],
    ['20190610-no-dashes.md', undefined],
    ['2019-06-10.md', undefined],
  ])('%s', (name, expected) => {
    expect(parsePostFileName(name)).toEqual(expected);
  });
});

describe('postDate', () => {
  const fields = (d: PostDate) => [d.year, d.month, d.day, d.hour, d.minute, d.second];

  it.each<[string, string, unknown, string | undefined, number[]]>([
    ['the file date, at midnight', '2019-06-10', undefined, undefined, [2019, 6, 10, 0, 0, 0]],
    ['a one-digit month and day', '2019-6-1', undefined, undefined, [2019, 6, 1, 0, 0, 0]],
    ['a two-digit year', '19-06-10', undefined, undefined, [2019, 6, 10, 0, 0, 0]],
    ['a two-digit year from 69 on is 19xx', '99-06-10', undefined, undefined, [1999, 6, 10, 0, 0, 0]],
    ['February 30 rolls over (Ruby Time.local)', '2019-02-30', undefined, undefined, [2019, 3, 2, 0, 0, 0]],
    ['front matter text overrides the file date', '2019-06-10', '2019-06-12 08:30:15', undefined, [2019, 6, 12, 8, 30, 15]],
    ['an offset that crosses midnight forward', '2019-06-10', '2019-06-10 23:30:00 -0800', 'UTC', [2019, 6, 11, 7, 30, 0]],
    ['an offset that crosses midnight backward', '2019-06-10', '2019-06-10 01:00:00 +0200', 'UTC', [2019, 6, 9, 23, 0, 0]],
    ['an offset converted into the site zone', '2019-06-16', '2019-06-16 23:30:00 -0800', 'America/New_York', [2019, 6, 17, 3, 30, 0]],
    ['text without an offset is the site zone local time', '2019-06-14', '2019-06-14 01:00:00', 'America/New_York', [2019, 6, 14, 1, 0, 0]],
    ['ISO 8601 with Z', '2019-06-10', '2019-06-10T10:00:00Z', 'Asia/Tokyo', [2019, 6, 10, 19, 0, 0]],
    ['an offset with a colon', '2019-06-10', '2019-06-10 10:00:00 +05:30', 'UTC', [2019, 6, 10, 4, 30, 0]],
    ['a zone Ruby knows by name', '2014-08-02', '2014-08-02 14:43:06 PDT', 'UTC', [2014, 8, 2, 21, 43, 6]],
    ['pm', '2019-06-10', '2019-06-10 10:00 pm', undefined, [2019, 6, 10, 22, 0, 0]],
    ['24:00 is the next day', '2019-06-10', '2019-06-10 24:00:00', undefined, [2019, 6, 11, 0, 0, 0]],
    ['a skipped hour moves forward (Ruby Time.local)', '2019-03-10', '2019-03-10 02:30:00', 'America/New_York', [2019, 3, 10, 3, 30, 0]],
    // YAML's reading: an unquoted timestamp without an offset is UTC, an unquoted day is local midnight.
    ['an unquoted timestamp (YAML Date) is UTC', '2019-06-13', new Date('2019-06-13T01:00:00Z'), 'America/New_York', [2019, 6, 12, 21, 0, 0]],
    [
      'an unquoted day (YAML Date at UTC midnight) is local midnight',
      '2019-06-15',
      new Date('2019-06-15T00:00:00Z'),
      'America/New_York',
      [2019, 6, 15, 0, 0, 0],
    ],
    ['a YAML Date loses its fraction of a second', '2019-06-15', new Date('2019-06-15T10:20:30.999Z'), 'UTC', [2019, 6, 15, 10, 20, 30]],
  ])('%s', (_name, fileDate, frontMatterDate, timezone, expected) => {
    expect(fields(date(fileDate, frontMatterDate, timezone))).toEqual(expected);
  });

  it.each<[string, number, number, number, number, number]>([
    // [date, weekday, yearDay, isoWeek, isoWeekYear, year]
    ['2021-01-03', 7, 3, 53, 2020, 2021],
    ['2019-12-30', 1, 364, 1, 2020, 2019],
    ['2020-12-31', 4, 366, 53, 2020, 2020],
    ['2019-06-10', 1, 161, 24, 2019, 2019],
  ])('%s: weekday %i, day of year %i, ISO week %i of %i', (day, weekday, yearDay, isoWeek, isoWeekYear, year) => {
    expect(date(day)).toMatchObject({ weekday, yearDay, isoWeek, isoWeekYear, year });
  });

  it('gives the UTC offset and the moment', () => {
    expect(date('2019-06-10', '2019-06-10 10:00:00 -0500', 'America/Chicago')).toMatchObject({
      hour: 10,
      utcOffsetSeconds: -5 * 3600,
      epochMilliseconds: Date.UTC(2019, 5, 10, 15),
    });
  });

  it.each<[string, string, unknown, string | undefined, RegExp]>([
    ["an empty date: (Jekyll: Invalid date '')", '2019-06-10', null, undefined, /not a date/],
    ['text that is no date', '2019-06-10', 'Blah', undefined, /not a date/],
    ['a month out of range', '2019-13-01', undefined, undefined, /month out of range/],
    ['a zone name Ruby does not know', '2019-06-10', '2019-06-10 10:00:00 CET', undefined, /does not know/],
    ['an unknown site time zone', '2019-06-10', undefined, 'Mars/Olympus', /not an IANA time zone/],
  ])('error: %s', (_name, fileDate, frontMatterDate, timezone, message) => {
    const result = postDate({ fileDate, frontMatterDate, timezone });
    expect(result).toHaveProperty('error');
    expect((result as { error: string }).error).toMatch(message);
  });
});

describe('postCategories', () => {
  it.each<[string, Parameters<typeof postCategories>[0], string[]]>([
    ['none', {}, []],
    ['categories as a string, split on spaces', { categories: 'programming bash' }, ['programming', 'bash']],
    ['categories as a list', { categories: ['programming', 'bash'] }, ['programming', 'bash']],
    ['category as a string is one category, spaces and all', { category: 'classic hollywood' }, ['classic hollywood']],
    ['category as a list', { category: ['a', 'b'] }, ['a', 'b']],
    ['folders above _posts', { folders: ['movies', 'horror'] }, ['movies', 'horror']],
    ['folders, then categories', { folders: ['movies', 'horror'], categories: 'classic hollywood' }, ['movies', 'horror', 'classic', 'hollywood']],
    ['folders, then category', { folders: ['movies', 'horror'], category: 'classic hollywood' }, ['movies', 'horror', 'classic hollywood']],
    ['categories, then category', { categories: ['A', 'B'], category: 'C d' }, ['A', 'B', 'C d']],
    ['a folder repeated in categories appears once', { folders: ['blog'], categories: 'blog news' }, ['blog', 'news']],
    ['capitals are kept; repeats differing in case both stay', { categories: ['Bash', 'bash', 'Bash'] }, ['Bash', 'bash']],
    ['numbers and booleans become text', { categories: [2019, true], category: 7 }, ['2019', 'true', '7']],
    ['a null in the list is an empty category', { categories: ['a', null, 'b'] }, ['a', '', 'b']],
    ['categories: null is none', { categories: null, folders: ['x'] }, ['x']],
    ['category: null falls back to categories', { categories: 'a', category: null }, ['a']],
  ])('%s', (_name, input, expected) => {
    expect(postCategories(input)).toEqual(expected);
  });

  it('categories that are neither text nor a list: Jekyll drops the whole front matter, so this throws', () => {
    expect(() => postCategories({ categories: 2019 })).toThrow(/neither text nor a list/);
  });

  it.each([
    ['_posts/2019-06-10-x.md', []],
    ['_posts/sub/2019-06-10-x.md', []], // folders below _posts are not categories
    ['movies/horror/_posts/2019-05-21-bride-of-chucky.markdown', ['movies', 'horror']],
    ['blog/_posts/2019/2019-06-10-x.md', ['blog']],
  ])('postFolderCategories(%j) -> %j', (path, expected) => {
    expect(postFolderCategories(path)).toEqual(expected);
  });
});

describe('postUrl', () => {
  // One post, every placeholder. Sunday 3 January 2021 is in ISO week 53 of 2020.
  const post = {
    date: date('2021-01-03', '2021-01-03 14:05:09'),
    slug: 'Slap-Chop',
    categories: ['Kitchen Tools', 'As Seen On TV'],
    relativePath: '_posts/2021-01-03-Slap-Chop.md',
  };

  it.each([
    ['/:year/', '/2021/'],
    ['/:short_year/', '/21/'],
    ['/:month/', '/01/'],
    ['/:i_month/', '/1/'],
    ['/:short_month/', '/Jan/'],
    ['/:long_month/', '/January/'],
    ['/:day/', '/03/'],
    ['/:i_day/', '/3/'],
    ['/:y_day/', '/003/'],
    ['/:w_year/', '/2020/'],
    ['/:week/', '/53/'],
    ['/:w_day/', '/7/'],
    ['/:short_day/', '/Sun/'],
    ['/:long_day/', '/Sunday/'],
    ['/:hour/', '/14/'],
    ['/:minute/', '/05/'],
    ['/:second/', '/09/'],
    ['/:title/', '/Slap-Chop/'], // the slug, case kept
    ['/:slug/', '/slap-chop/'],
    ['/:categories/', '/kitchen%20tools/as%20seen%20on%20tv/'], // lowercased, not slugified
    ['/:slugified_categories/', '/kitchen-tools/as-seen-on-tv/'],
    ['/x:output_ext', '/x.html'],
    ['/:collection/:name', '/posts/2021-01-03-slap-chop'], // docs, Collections
    ['/:path/', '/2021-01-03-Slap-Chop/'],
    ['/:year/:month_:day/:title', '/2021/01_03/Slap-Chop'], // "_" after a key is not part of it
    ['/:name-:slug_:collection_:title', '/2021-01-03-slap-chop-slap-chop_posts_Slap-Chop'], // test_url.rb
    ['/:Year/:title', '/:Year/Slap-Chop'], // only lowercase names are placeholders
    ['blog/:title.html', '/blog/Slap-Chop.html'], // the leading "/" is added
  ])('placeholder pattern %s -> %s', (style, expected) => {
    expect(postUrl({ ...post, style })).toBe(expected);
  });

  it.each([
    ['date', '/kitchen%20tools/as%20seen%20on%20tv/2021/01/03/Slap-Chop.html'],
    ['pretty', '/kitchen%20tools/as%20seen%20on%20tv/2021/01/03/Slap-Chop/'],
    ['ordinal', '/kitchen%20tools/as%20seen%20on%20tv/2021/003/Slap-Chop.html'],
    ['weekdate', '/kitchen%20tools/as%20seen%20on%20tv/2021/W53/Sun/Slap-Chop.html'],
    ['none', '/kitchen%20tools/as%20seen%20on%20tv/Slap-Chop.html'],
    [undefined, '/kitchen%20tools/as%20seen%20on%20tv/2021/01/03/Slap-Chop.html'],
  ])('style %s -> %s', (style, expected) => {
    expect(postUrl({ ...post, style })).toBe(expected);
  });

  // Jekyll's docs, Posts > Categories: movies/horror/_posts/2019-05-21-bride-of-chucky.markdown.
  it.each([
    [{ category: 'classic hollywood' }, '/movies/horror/classic%20hollywood/2019/05/21/bride-of-chucky.html'],
    [{ categories: 'classic hollywood' }, '/movies/horror/classic/hollywood/2019/05/21/bride-of-chucky.html'],
  ])('docs example with %j -> %s', (frontMatter, expected) => {
    const file = parsePostFileName('2019-05-21-bride-of-chucky.markdown')!;
    const categories = postCategories({ ...frontMatter, folders: postFolderCategories('movies/horror/_posts/2019-05-21-bride-of-chucky.markdown') });
    expect(postUrl({ date: date(file.date), slug: file.slug, categories })).toBe(expected);
  });

  it.each<[string, Partial<Parameters<typeof postUrl>[0]>, string]>([
    ['no categories: the empty segment is squeezed', { categories: [] }, '/2021/01/03/Slap-Chop.html'],
    ['capitals and repeats in categories', { categories: ['Bash', 'bash', 'Linux'] }, '/bash/linux/2021/01/03/Slap-Chop.html'],
    ['odd characters in categories', { categories: ['C#', 'Ünï Code', 'c++'] }, '/c%23/%C3%BCn%C3%AF%20code/c++/2021/01/03/Slap-Chop.html'],
    [
      'front-matter slug with odd characters',
      { slug: 'Hello, World! (Part 2)' },
      '/kitchen%20tools/as%20seen%20on%20tv/2021/01/03/Hello,-World!-(Part-2).html',
    ],
    ['front-matter slug ending in a dot loses "./"', { slug: 'v1.', style: 'pretty', categories: [] }, '/2021/01/03/v1'],
    ['the front-matter title is never used', { title: 'Something Else Entirely' }, '/kitchen%20tools/as%20seen%20on%20tv/2021/01/03/Slap-Chop.html'],
    ['a permalink wins over the style', { permalink: '/fixed/address/', style: 'pretty' }, '/fixed/address/'],
    ['placeholders in a front-matter permalink are filled', { permalink: '/:categories/:year/:slug/' }, '/kitchen%20tools/as%20seen%20on%20tv/2021/slap-chop/'],
    ['a permalink with an extension sets :output_ext', { permalink: '/feeds/:slug:output_ext.txt' }, '/feeds/slap-chop.txt.txt'],
    ['an empty permalink is the root', { permalink: '' }, '/'],
    ['another output extension', { outputExt: '.xml', style: 'none', categories: [] }, '/Slap-Chop.xml'],
    ['".." cannot climb', { permalink: '/../../etc/:slug' }, '/etc/slap-chop'],
  ])('%s', (_name, change, expected) => {
    expect(postUrl({ ...post, ...change })).toBe(expected);
  });

  it.each([
    ['an unknown placeholder', { style: '/:year/:headline/' }, /not a placeholder Jekyll knows/],
    ['a category Addressable reads as a URI scheme', { categories: ['2019: a year'] }, /invalid URI scheme/],
    [':path without the relative path', { style: '/:path/', relativePath: undefined }, /relativePath/],
  ])('throws for %s, as Jekyll stops the build', (_name, change, message) => {
    expect(() => postUrl({ ...post, ...change })).toThrow(message);
  });
});

describe('pageUrl', () => {
  it.each<[string, string | undefined, string | undefined, string]>([
    ['about.md', undefined, undefined, '/about.html'],
    ['about.md', undefined, 'date', '/about.html'],
    ['about.md', undefined, 'pretty', '/about/'],
    ['about.md', undefined, 'ordinal', '/about.html'],
    ['about.md', undefined, 'none', '/about.html'],
    ['about.md', undefined, 'weekdate', '/about'],
    ['about.md', undefined, '/:categories/:title/', '/about/'],
    ['about.md', undefined, '/:categories/:title', '/about'],
    ['about.md', undefined, '/:year/:title:output_ext', '/about.html'],
    ['work/acme.md', undefined, undefined, '/work/acme.html'],
    ['work/acme.md', undefined, 'pretty', '/work/acme/'],
    ['404.html', undefined, undefined, '/404.html'],
    ['404.html', undefined, 'pretty', '/404/'], // the style applies to 404.html too
    ['index.html', undefined, 'pretty', '/'],
    ['index.md', undefined, undefined, '/'],
    ['blog/index.html', undefined, undefined, '/blog/'],
    ['blog/index.md', undefined, 'weekdate', '/blog/'],
    ['feed.xml', undefined, 'pretty', '/feed.xml'], // not HTML: always /:path/:basename:output_ext
    ['index.xml', undefined, undefined, '/index.xml'],
    ['assets/style.scss', undefined, 'pretty', '/assets/style.css'],
    ['docs/page.htm', undefined, 'pretty', '/docs/page/'],
    ['README', undefined, undefined, '/README'],
    ['my dir/über.md', undefined, undefined, '/my%20dir/%C3%BCber.html'],
    ['notes/v1.2..md', undefined, undefined, '/notes/v1.2.html'], // trailing dots of the name dropped
    // Docs, Front Matter: /my_pages/about-me.html with permalink /about/.
    ['my_pages/about-me.html', '/about/', undefined, '/about/'],
    ['work/acme.md', '/work/acme', 'pretty', '/work/acme'],
    ['resume.md', '/assets/files/resume.pdf', undefined, '/assets/files/resume.pdf'],
    ['docs/intro.md', '/:path/:basename:output_ext', 'pretty', '/docs/intro.html'],
    ['docs/intro.md', '/archive/:year/', undefined, '/archive/:year/'], // pages have no :year
    ['docs/intro.md', '/:pathology/', undefined, '/docsology/'], // plain text replacement
    ['about.md', '', undefined, '/'],
  ])('%s (permalink %j, style %j) -> %s', (path, permalink, style, expected) => {
    expect(pageUrl({ path, permalink, style })).toBe(expected);
  });

  it('uses the given converter extension', () => {
    expect(pageUrl({ path: 'notes.textile', outputExt: '.html' })).toBe('/notes.html');
  });
});

describe('output extensions', () => {
  it.each([
    ['.md', '.html'],
    ['.MD', '.html'],
    ['.markdown', '.html'],
    ['.html', '.html'],
    ['.htm', '.htm'],
    ['.xml', '.xml'],
    ['.scss', '.css'],
    ['', ''],
  ])('converterOutputExt(%j) -> %j', (ext, expected) => {
    expect(converterOutputExt(ext)).toBe(expected);
  });

  it.each<[string, string | undefined, string]>([
    ['about.md', undefined, '.html'],
    ['resume.md', '/assets/files/resume.pdf', '.pdf'],
    ['work/acme.md', '/work/acme', '.html'],
    ['feed.xml', '/feed/', '.xml'],
    ['notes.md', '/v1.2', '.2'], // the permalink's extension, whatever it is
  ])('documentOutputExt(%s, permalink %j) -> %j', (path, permalink, expected) => {
    expect(documentOutputExt({ path, permalink })).toBe(expected);
  });

  it.each([
    ['foo.md', '.md'],
    ['foo.', '.'],
    ['.htaccess', ''],
    ['a.b.md', '.md'],
    ['dir.d/file', ''],
  ])('rubyExtname(%j) -> %j', (path, expected) => {
    expect(rubyExtname(path)).toBe(expected);
  });
});

describe('outputFileForUrl', () => {
  it.each<[string, string | undefined, 'page' | 'post' | undefined, string]>([
    ['/', undefined, undefined, 'index.html'],
    ['/work/', undefined, undefined, 'work/index.html'],
    ['/work/acme', undefined, undefined, 'work/acme.html'],
    ['/a/b.html', undefined, undefined, 'a/b.html'],
    ['/about.html', '.html', 'page', 'about.html'],
    ['/assets/files/resume.pdf', '.pdf', 'page', 'assets/files/resume.pdf'],
    ['/assets/files/resume.pdf', '.html', 'page', 'assets/files/resume.pdf.html'],
    ['/feed/', '.xml', 'page', 'feed/index.xml'],
    ['/feed/', '.xml', 'post', 'feed/index.html'],
    ['/programming/bash/2019/06/10/useful-shell-aliases.html', '.html', 'post', 'programming/bash/2019/06/10/useful-shell-aliases.html'],
    ['/2019/06/10/x/', '.html', 'post', '2019/06/10/x/index.html'],
    ['/a%20b/c%23', undefined, undefined, 'a b/c#.html'],
    ['/%C3%BCber/', undefined, undefined, 'über/index.html'],
    ['/x/%2E%2E/y', undefined, undefined, 'y.html'],
  ])('%s (%s, %s) -> %s', (url, ext, kind, expected) => {
    expect(outputFileForUrl(url, ext, kind)).toBe(expected);
  });
});

/** Front matter of a file, read as Ruby's YAML 1.1 reads it (timestamps are dates). */
function frontMatter(path: string): Record<string, unknown> | undefined {
  const match = /^---\s*\n([\s\S]*?\n?)^---\s*$/m.exec(readFileSync(path, 'utf8'));
  if (!match) return undefined;
  return (parseYaml(match[1]!, { version: '1.1' }) ?? {}) as Record<string, unknown>;
}

describe('the example site (tests/fixtures/import/portfolio)', () => {
  const source = `${PORTFOLIO}/`;
  const built = `${PORTFOLIO_BUILT}/`;
  const servedUrls = PORTFOLIO_URLS;
  const config = parseYaml(readFileSync(`${source}_config.yml`, 'utf8'), { version: '1.1' }) as Record<string, string | undefined>;

  it.each([
    ['2019-04-12-streaming-joins.md', '/data/2019/04/12/streaming-joins.html'],
    ['2020-02-03-notes-on-backfills.md', '/data/ops/2020/02/03/notes-on-backfills.html'],
  ])('post %s is at %s, a URL the site served, written where Jekyll wrote it', (name, expected) => {
    const data = frontMatter(`${source}_posts/${name}`)!;
    const file = parsePostFileName(name)!;
    const url = postUrl({
      style: config['permalink'],
      permalink: data['permalink'] as string | undefined,
      date: date(file.date, data['date'], config['timezone']),
      slug: (data['slug'] as string | undefined) ?? file.slug,
      categories: postCategories({ categories: data['categories'], category: data['category'], folders: postFolderCategories(`_posts/${name}`) }),
    });
    expect(url).toBe(expected);
    expect(servedUrls).toContain(url);
    expect(existsSync(built + outputFileForUrl(url, '.html', 'post'))).toBe(true);
  });

  // Every page of the example (a file with front matter outside _ folders) is written where Jekyll wrote it.
  const pages = readdirSync(source, { recursive: true, encoding: 'utf8' })
    .filter((path) => !/(^|\/)[_.]/.test(path) && !path.startsWith('assets/'))
    .filter((path) => !readdirSync(source, { withFileTypes: true }).some((entry) => entry.isDirectory() && entry.name === path))
    .filter((path) => readFileSync(source + path, 'utf8').startsWith('---'))
    .sort();

  it('finds the example pages', () => {
    expect(pages).toContain('work/harbor.md');
    expect(pages).toContain('404.html');
  });

  it.each(pages)('page %s', (path) => {
    const data = frontMatter(source + path)!;
    const permalink = data['permalink'] as string | undefined;
    const url = pageUrl({ path, permalink, style: config['permalink'] });
    expect(existsSync(built + outputFileForUrl(url, documentOutputExt({ path, permalink })))).toBe(true);
    // The URL list writes pages without ".html", as the site links them.
    expect(servedUrls).toContain(url.replace(/\.html$/, ''));
  });
});

describe('postTags', () => {
  // Jekyll 4.3.1's Utils.pluralized_array_from_hash(data, "tag", "tags"), asked with these values.
  it.each<[unknown, string[]]>([
    [undefined, []],
    [null, []],
    ['batch', ['batch']],
    ['batch  operations\tops', ['batch', 'operations', 'ops']],
    [
      ['batch', 'long tag'],
      ['batch', 'long tag'],
    ],
    [
      ['a', null, 2019],
      ['a', '2019'],
    ],
    [
      ['x', ['y']],
      ['x', 'y'],
    ],
    [2019, []],
  ])('tags: %j is %j', (tags, expected) => {
    expect(postTags(tags)).toEqual(expected);
  });
});
