/**
 * Differential test of Liquid's dates in a site with a `timezone` (and one without): Debian's Jekyll
 * renders a small site whose page runs the date filters on every kind of date a page may hand them
 * (texts with and without an offset, a day, epoch seconds, `now`, `site.time`, the dates of posts,
 * of collection documents and of a page's own front matter, each printed as it is too), and
 * src/lib/liquid/ must write the same. The zones: one east of UTC without summer time, one west of it
 * with (its summer and winter, and both clock changes), one in the southern hemisphere, and none.
 *
 * Our side runs with the machine's zone set to Pacific/Auckland, which none of the sites uses, and
 * Jekyll without `timezone` with TZ=UTC: the site without one is in UTC whatever the machine's zone.
 *
 * Needs `jekyll` on PATH (Debian: apt-get install -y jekyll). Without it the test is skipped with one
 * line saying so, except when REQUIRE_JEKYLL=1 (or CI) is set: then a missing Jekyll is a failure.
 */
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectLiquid } from '../../src/lib/liquid/project.ts';
import { casesPage, runJekyll, writeTree } from '../helpers/jekyll.ts';
import { toolAvailable } from '../helpers/tools.ts';

const OUTPUT = fileURLToPath(new URL('../.output/liquid-differential-dates/', import.meta.url));

/** Every field of Ruby's strftime a site may print, names and the zone's abbreviation among them. */
const FORMAT = '%Y-%m-%d %H:%M:%S %z %:z|%a %A %b %B %h|%Z|%s|%j %U %W %V %G %g %u %w|%-d %e %-m %k %l %I %p %P %^b %-H|%C %y|%c|%D %F %T %r %R';

/** The Jekyll filters of dates, on one input. */
const jekyllFilters = (input: string) =>
  `{{ ${input} | date_to_xmlschema }}|{{ ${input} | date_to_rfc822 }}|{{ ${input} | date_to_string }}|{{ ${input} | date_to_string: "ordinal", "US" }}|{{ ${input} | date_to_long_string: "ordinal" }}`;

/** A date every way: Liquid's `date`, Jekyll's filters, and printed as it is. */
const everyWay = (input: string) => `{{ ${input} | date: FORMAT }}|${jekyllFilters(input)}|{{ ${input} }}`;

const TEXTS: [name: string, text: string][] = [
  ['a time without an offset, in winter', '2024-01-15 23:30'],
  ['a time without an offset, in summer', '2024-07-15 23:30:45'],
  ['an ISO time without an offset', '2024-07-15T23:30:00'],
  ['a day', '2024-01-15'],
  ['a time in the hour clocks skip', '2024-03-10 02:30'],
  ['a time in the hour clocks repeat', '2024-11-03 01:30'],
  ['a time in UTC, Z', '2024-01-15T23:30:00Z'],
  ['a time in UTC, by name', '2024-01-15 23:30:00 UTC'],
  ['a time with an offset east', '2024-01-15T23:30:00+02:00'],
  ['a time with an offset west', '2024-01-15 23:30:00 -0800'],
  ['a time with a zone Ruby names', '2024-07-15 23:30:00 EST'],
  ['a month by name', 'January 15, 2024 10:00'],
  ['a month by name, day first, at 5pm', '14 March 2016 5pm'],
  ['an email date with an offset', 'Sat, 06 Jul 2024 17:30:00 -0400'],
  ['a date with slashes', '2024/01/15 10:00'],
  ['a date with slashes, day first', '15/01/2024'],
  ['a zone Ruby does not know', '2024-01-15 10:00:00 CET'],
  ['epoch seconds as text', '1705361400'],
];

/** Each case: a name and the Liquid. */
const CASES: [name: string, liquid: string][] = [
  ...TEXTS.map(([name, text]): [string, string] => [name, everyWay(`'${text}'`)]),
  ['epoch seconds', `{{ 1705361400 | date: FORMAT }}|${jekyllFilters('1705361400')}`],
  // The moment differs between the two runs; its offset and zone do not.
  ['now', `{{ 'now' | date: '%z %Z' }}|{{ 'today' | date: '%z %Z' }}|{{ 'NOW' | date: '%:z' }}`],
  ['site.time', `{{ site.time | date: '%z %Z' }}|{{ site.time | date_to_xmlschema | slice: 19, 6 }}`],
  ['not a date', `{{ 'hello' | date: '%Y' }}|{{ '' | date: '%Y' }}|{{ nothing | date: '%Y' }}|{{ nothing | date_to_string }}|{{ '2024-01-15' | date: '' }}`],
  ...['Winter post', 'Summer post', 'Quoted time', 'Time with an offset', 'Day in front matter'].map((title): [string, string] => [
    `post: ${title}`,
    `{% assign p = site.posts | where: "title", "${title}" | first %}${everyWay('p.date')}`,
  ]),
  ...['Timestamp note', 'Day note', 'Quoted note'].map((title): [string, string] => [
    `document: ${title}`,
    `{% assign d = site.notes | where: "title", "${title}" | first %}${everyWay('d.date')}`,
  ]),
  ['documents by date', `{{ site.notes | map: "title" | join: ", " }}`],
  ['page: a timestamp', everyWay('page.stamp')],
  ['page: a day', everyWay('page.day')],
  ['page: a quoted time', everyWay('page.quoted')],
  ['page: date', everyWay('page.date')],
  ['page: days in a list', `{% for d in page.days %}[{{ d }} {{ d | date: '%F %z' }}]{% endfor %}`],
  [
    'dates made text by other filters',
    `{% assign p = site.posts | where: "title", "Summer post" | first %}{% assign d = site.notes | where: "title", "Day note" | first %}${[
      'p.date',
      'd.date',
      'page.stamp',
      'page.day',
    ]
      .map((value) => `[{{ ${value} | jsonify }} {{ ${value} | inspect }} {{ ${value} | append: "!" }} {{ ${value} | size }}]`)
      .join('')}[{{ page.days | jsonify }} {{ page.days | inspect }}]`,
  ],
  [
    'data: a time and a day',
    `{% for e in site.data.events %}[{{ e.when }}|{{ e.when | date: FORMAT }}|{{ e.day }}|{{ e.day | date: FORMAT }}|${jekyllFilters('e.day')}]{% endfor %}`,
  ],
];

/** A data file with an unquoted time and day, as the old site's `_data/` holds them. */
const EVENTS = '- when: 2024-03-01 09:00:00\n  day: 2024-03-02\n';

const POSTS: Record<string, string> = {
  '2024-01-15-winter.md': 'title: Winter post',
  '2024-07-04-summer.md': 'title: Summer post\ndate: 2024-07-04 23:30:00',
  '2024-07-05-quoted.md': 'title: Quoted time\ndate: "2024-07-05 23:30"',
  '2024-07-06-offset.md': 'title: Time with an offset\ndate: 2024-07-06 23:30:00 +0200',
  '2024-07-07-day.md': 'title: Day in front matter\ndate: 2024-07-08',
};

const NOTES: Record<string, string> = {
  'stamp.md': 'title: Timestamp note\ndate: 2024-01-22 02:00:00',
  'day.md': 'title: Day note\ndate: 2024-01-21',
  'quoted.md': 'title: Quoted note\ndate: "2024-01-22 01:00"',
};

/**
 * The page's own dates. Not here: an unquoted time with an offset (`2024-07-06 23:30:00 +0200`) in a
 * page's front matter, which Ruby's YAML keeps at its offset and the project's YAML reader makes a
 * moment, so `date` shows it in the site's zone (the same moment, another clock).
 */
const PAGE_DATES = 'stamp: 2024-01-20 10:00:00\nday: 2024-01-21\nquoted: "2024-01-22 10:00"\ndate: 2024-01-23 08:00:00\ndays: [2024-02-01, 2024-02-02]';

const cases = casesPage(CASES);
const casesText = `{% assign FORMAT = '${FORMAT}' %}\n${cases.text}`;
const { outputsOf } = cases;

/** Runs `work` with the process's zone set to `zone` (Node reads TZ again when it changes). */
function inZone<T>(zone: string, work: () => T): T {
  const before = process.env['TZ'];
  process.env['TZ'] = zone;
  try {
    return work();
  } finally {
    if (before === undefined) delete process.env['TZ'];
    else process.env['TZ'] = before;
  }
}

async function jekyllOutputs(folder: string, timezone: string | undefined): Promise<Map<string, string>> {
  const files: Record<string, string> = {
    '_config.yml': `title: Dates\n${timezone ? `timezone: ${timezone}\n` : ''}collections:\n  notes:\n    output: true\n`,
    'cases.html': `---\nlayout: null\n${PAGE_DATES}\n---\n${casesText}`,
    '_data/events.yml': EVENTS,
  };
  for (const [name, front] of Object.entries(POSTS)) files[`_posts/${name}`] = `---\n${front}\n---\n\nA post.\n`;
  for (const [name, front] of Object.entries(NOTES)) files[`_notes/${name}`] = `---\n${front}\n---\n\nA note.\n`;
  const source = join(folder, 'jekyll');
  await writeTree(source, files);
  // Without `timezone` Jekyll uses the machine's zone: UTC, as on GitHub Pages. The child takes the
  // environment when it starts, so the zone is set back at once.
  const run = inZone('UTC', () => runJekyll(['build', '--safe', '--source', source, '--destination', join(folder, 'jekyll-site')], folder));
  const built = await run;
  if (built.code !== 0) throw new Error(`jekyll build failed:\n${built.output}`);
  return outputsOf(await readFile(join(folder, 'jekyll-site', 'cases.html'), 'utf8'));
}

async function ourOutputs(folder: string, timezone: string | undefined): Promise<Map<string, string>> {
  const project: Record<string, string> = {
    'src/content/pages/cases.md': `---\ntitle: Cases\npermalink: /cases.html\nfields:\n${PAGE_DATES.replace(/^/gm, '  ')}\n---\n${casesText}`,
    // The importer keeps the old site's plain data here.
    'src/data/liquid/events.yml': EVENTS,
  };
  for (const [name, front] of Object.entries(POSTS)) project[`src/content/posts/${name}`] = `---\n${front}\n---\n\nA post.\n`;
  // A collection document is a page naming its collection; its other keys are in `fields`, as the importer writes them.
  for (const [name, front] of Object.entries(NOTES)) {
    const [title = '', ...rest] = front.split('\n');
    project[`src/content/pages/notes/${name}`] = `---\n${title}\ncollection: notes\nfields:\n${rest.map((line) => `  ${line}`).join('\n')}\n---\n\nA note.\n`;
  }
  const root = join(folder, 'ours');
  await writeTree(root, project);
  const files = (prefix: string) =>
    Object.entries(project)
      .filter(([path]) => path.startsWith(prefix))
      .map(([path, text]) => ({ path, text }));
  // A machine zone none of the sites uses: what we write must not depend on it.
  const result = inZone('Pacific/Auckland', () => {
    const liquid = projectLiquid({
      root,
      pageFiles: files('src/content/pages/'),
      postFiles: files('src/content/posts/'),
      publicFiles: [],
      // The site config's default zone is UTC, as the importer writes a site without one.
      posts: { permalink: 'date', timezone: timezone ?? 'UTC' },
      config: { name: 'Dates' },
      url: 'https://example.org',
      baseurl: '',
    });
    return liquid.render('src/content/pages/cases.md', casesText, 1);
  });
  if (!result.ok) throw new Error(`our Liquid failed: ${JSON.stringify(result.problem)}`);
  return outputsOf(result.text);
}

const SITES: [label: string, timezone: string | undefined][] = [
  ['Asia/Kolkata (+05:30, no summer time)', 'Asia/Kolkata'],
  ['America/New_York (-05:00, -04:00 in summer)', 'America/New_York'],
  ['Pacific/Auckland (+13:00 in January, +12:00 in July)', 'Pacific/Auckland'],
  ['no timezone (UTC)', undefined],
];

describe.runIf(toolAvailable('Jekyll')).each(SITES)('Liquid dates in a site with %s: ours against Debian\u2019s Jekyll', (label, timezone) => {
  let jekyll = new Map<string, string>();
  let ours = new Map<string, string>();

  beforeAll(async () => {
    const folder = join(OUTPUT, label.split(' ')[0]!.replace('/', '-'));
    await rm(folder, { recursive: true, force: true });
    jekyll = await jekyllOutputs(folder, timezone);
    ours = await ourOutputs(folder, timezone);
  });

  it('Jekyll wrote every case', () => {
    expect([...jekyll.keys()]).toEqual(CASES.map(([name]) => name));
  });

  it.each(CASES)('%s', (name) => {
    expect(ours.get(name) ?? '(missing)').toBe(jekyll.get(name) ?? '(missing)');
  });
});
