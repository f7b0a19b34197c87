import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readDataFile, readWithPositions, type DataFileResult } from '../../src/lib/data/data-file.ts';
import { resolveSitePath } from '../../src/lib/links/check.ts';
import { checkLegacyUrls, parseLegacyUrls } from '../../src/lib/routing/legacy-urls.ts';
import { atomFeed } from '../../src/lib/seo/feed.ts';
import { parseAtomFeed } from 'feedsmith';

describe('the old URL list', () => {
  it('reads one URL a line, skipping blank lines and comments, keeping each line number', () => {
    expect(parseLegacyUrls('# Old URLs\n\n/work/\n/work/acme  # the entry\r\n/feed.xml\n')).toEqual([
      { url: '/work/', line: 3 },
      { url: '/work/acme', line: 4 },
      { url: '/feed.xml', line: 5 },
    ]);
  });

  const files = new Set(['index.html', 'work/index.html', 'work/acme.html', 'feed.xml']);
  const check = (text: string, unpublished: [string, string][] = []) =>
    checkLegacyUrls({
      urls: parseLegacyUrls(text),
      resolve: (path) => resolveSitePath(path, files),
      unpublished: new Map(unpublished),
      served: ['/', '/work/', '/work/acme'],
    }).map((problem) => `${problem.field} (line ${problem.line}): ${problem.message}`);

  it('passes every URL still served without a redirect', () => {
    expect(check('/\n/work/\n/work/acme\n/work/acme.html\n/feed.xml\n')).toEqual([]);
  });

  it.each([
    ['a redirect', '/work', 'old URL "/work" (line 1): is only reached through a redirect to "/work/"; give the page the permalink "/work" again.'],
    [
      'a changed permalink',
      '/work/acme-queues',
      'old URL "/work/acme-queues" (line 1): is not served any more: its page\'s permalink may have changed (the closest address now is "/work/acme"), or the page was deleted.',
    ],
    [
      'a deleted file',
      '/assets/files/resume.pdf',
      'old URL "/assets/files/resume.pdf" (line 1): is not served any more: its page or file was deleted or renamed.',
    ],
  ])('names %s, and how to retire the URL', (_case, url, message) => {
    const [problem] = check(`${url}\n`);
    expect(problem).toContain(message);
    expect(problem).toContain('To retire this URL on purpose, delete its line.');
  });

  it('names the draft that no longer publishes an old URL', () => {
    expect(check('/work/state\n', [['/work/state', 'src/content/pages/work/state.md']])[0]).toContain(
      'its page, src/content/pages/work/state.md, is not published',
    );
  });
});

/** What a reading gives: each record's key, place, value (as JSON, the way Astro stores it: -0 is 0), line and the lines of its fields. */
const readingOf = (result: DataFileResult) =>
  result.ok
    ? result.records.map((record) => ({
        key: record.key,
        position: record.position,
        value: JSON.stringify(record.value),
        line: record.line,
        fieldLines: Object.keys((record.value ?? {}) as object).map((field) => record.lineOf(field)),
      }))
    : result.problems;

describe('readDataFile: the fast reading and the reading with positions agree', () => {
  it.each([
    ['records in order', 'B:\n  summary: b\nA:\n  summary: a\n'],
    ['a number-like title keeps its place', 'Zed:\n  page: z\n2048:\n  page: game\n'],
    ['a date stays text', 'A:\n  date: 2019-05-01\n'],
    ['bare lists', 'A:\n  links:\n  press:\n'],
    ['a binary-looking value stays text', 'A:\n  code: 0b101\n'],
    ['a signed fraction is a number', 'A:\n  offset: +.8\n'],
    ['a signed hexadecimal stays text', 'A:\n  code: -0x1F\n'],
  ])('%s', (_case, text) => {
    expect(readingOf(readDataFile(text))).toEqual(readingOf(readWithPositions(text)));
  });

  it('on generated records, values and lines alike (property)', () => {
    const scalar = fc.oneof(
      fc.constantFrom(
        '2019-05-01',
        '0b101',
        '+.8',
        '-0x1F',
        '+0o17',
        '-.5e3',
        '0o17',
        '0x1F',
        '1_000',
        '.inf',
        '-.Inf',
        '.NaN',
        '~',
        'null',
        'yes',
        'No',
        'on',
        'True',
        '1e3',
        '+12',
        '-0',
        '1.',
        '"quoted"',
        "'single'",
        '12:30',
        '[a, b]',
        '{a: 1}',
        '',
      ),
      fc.stringMatching(/^[-+0-9a-fA-Fxob._:eE]{1,6}$/),
    );
    const record = fc.tuple(
      fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ]{0,6}$/),
      fc.uniqueArray(fc.constantFrom('summary', 'page', 'date', 'links'), { maxLength: 3 }),
      fc.array(scalar, { minLength: 3, maxLength: 3 }),
    );
    fc.assert(
      fc.property(fc.uniqueArray(record, { maxLength: 4, selector: ([key]) => key.trim() }), (records) => {
        const text = records
          .map(([key, fields, values]) => `${key.trim()}:\n${fields.map((field, index) => `  ${field}: ${values[index]}\n`).join('')}`)
          .join('');
        expect(readingOf(readDataFile(text)), text).toEqual(readingOf(readWithPositions(text)));
      }),
      { numRuns: 300 },
    );
  });

  it("finds a field's line only when asked", () => {
    const result = readDataFile('A:\n  summary: a\n\nB:\n  summary: b\n  page: b\n');
    expect(result.ok && [result.records[1]?.line, result.records[1]?.lineOf('page')]).toEqual([4, 6]);
  });
});

describe('atomFeed', () => {
  const site = { title: 'Jane', description: 'Posts.', home: 'https://jane.dev/', self: 'https://jane.dev/feed.xml', author: { name: 'Jane' }, lang: 'en' };
  const post = (day: number) => ({
    title: `Post ${day}`,
    url: `https://jane.dev/p${day}.html`,
    published: new Date(Date.UTC(2020, 0, day)),
    content: `<p>${day}</p>`,
    categories: ['x'],
  });

  it('lists the newest ten posts, updated as of the newest, never the build time', () => {
    const xml = atomFeed(
      site,
      Array.from({ length: 12 }, (_, index) => post(index + 1)),
    );
    const feed = parseAtomFeed(xml);
    expect(feed.entries?.map((entry) => (typeof entry.title === 'string' ? entry.title : (entry.title as { value?: string } | undefined)?.value))).toEqual([
      'Post 12',
      'Post 11',
      'Post 10',
      'Post 9',
      'Post 8',
      'Post 7',
      'Post 6',
      'Post 5',
      'Post 4',
      'Post 3',
    ]);
    expect(new Date(String(feed.updated)).toISOString()).toBe('2020-01-12T00:00:00.000Z');
    expect(atomFeed(site, [post(1), post(2)])).toBe(atomFeed(site, [post(2), post(1)]));
  });
});
