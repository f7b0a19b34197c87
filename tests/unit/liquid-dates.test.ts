/**
 * Liquid's dates as Jekyll 4.3 reads and shows them, in the site's `timezone` and never the
 * machine's: src/lib/liquid/dates.ts, through the engine and the site's variables. The expected
 * texts are what Debian's Jekyll 4.3.1 printed for the same Liquid, or its Ruby (3.1) with TZ set to
 * the site's zone; tests/build/liquid-differential-dates.test.ts compares with Jekyll itself where
 * it is installed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dateFilters, RubyDay, strftime, toRubyTime } from '../../src/lib/liquid/dates.ts';
import { createEngine, renderLiquid } from '../../src/lib/liquid/engine.ts';
import { liquidSite } from '../../src/lib/liquid/site.ts';

const root = mkdtempSync(join(tmpdir(), 'liquid-dates-'));
const FILE = 'src/content/pages/p.md';

const engineIn = (timezone: string | undefined) => createEngine({ root, url: '', baseurl: '', timezone, linkTo: () => undefined, postUrl: () => undefined });

const renderIn = (timezone: string | undefined, body: string, scope: Record<string, unknown> = {}) => {
  const result = renderLiquid(engineIn(timezone), { file: FILE, bodyLine: 3, body, scope }, root);
  if (!result.ok) throw new Error(result.problem.message);
  return result.text;
};

const SHOWN = '%Y-%m-%d %H:%M:%S %z %Z';

describe('a text without an offset is the time on the site\u2019s clocks', () => {
  it.each([
    // The case the review found: liquidjs read it in the machine's zone (UTC), then showed it in the site's.
    ['Asia/Kolkata', `{{ '2024-01-15 23:30' | date: '%Y-%m-%d %H:%M %z' }}`, '2024-01-15 23:30 +0530'],
    ['America/New_York', `{{ '2024-01-15 23:30' | date: '${SHOWN}' }}`, '2024-01-15 23:30:00 -0500 EST'],
    ['America/New_York', `{{ '2024-07-15T23:30:00' | date: '${SHOWN}' }}`, '2024-07-15 23:30:00 -0400 EDT'],
    ['Pacific/Auckland', `{{ '2024-01-15' | date: '${SHOWN}' }}`, '2024-01-15 00:00:00 +1300 NZDT'],
    ['Pacific/Auckland', `{{ '2024-07-15' | date: '${SHOWN}' }}`, '2024-07-15 00:00:00 +1200 NZST'],
    // Ruby's Time.local: a skipped hour moves forward, a repeated one is its second pass.
    ['America/New_York', `{{ '2024-03-10 02:30' | date: '${SHOWN}' }}`, '2024-03-10 03:30:00 -0400 EDT'],
    ['America/New_York', `{{ '2024-11-03 01:30' | date: '${SHOWN}' }}`, '2024-11-03 01:30:00 -0500 EST'],
    ['America/New_York', `{{ 'January 15, 2024 10:00' | date: '${SHOWN}' }}`, '2024-01-15 10:00:00 -0500 EST'],
    ['America/New_York', `{{ '2024/01/15 10:00' | date: '${SHOWN}' }}`, '2024-01-15 10:00:00 -0500 EST'],
    [undefined, `{{ '2024-01-15 23:30' | date: '${SHOWN}' }}`, '2024-01-15 23:30:00 +0000 UTC'],
  ])('%s: %s', (timezone, body, expected) => {
    expect(renderIn(timezone, body)).toBe(expected);
  });
});

describe('a text with an offset keeps it for date, and is shown on the site\u2019s clocks by Jekyll\u2019s filters', () => {
  it.each([
    [`{{ '2024-01-15T23:30:00+02:00' | date: '${SHOWN}' }}`, '2024-01-15 23:30:00 +0200 '],
    [`{{ '2024-01-15 23:30:00 -0800' | date: '${SHOWN}' }}`, '2024-01-15 23:30:00 -0800 '],
    [`{{ '2024-07-15 23:30:00 EST' | date: '${SHOWN}' }}`, '2024-07-15 23:30:00 -0500 '],
    [`{{ '2024-01-15T23:30:00Z' | date: '${SHOWN}' }}`, '2024-01-15 23:30:00 +0000 UTC'],
    [`{{ '2024-01-15T23:30:00Z' }}|{{ '2024-01-15T23:30:00Z' | date_to_xmlschema }}`, '2024-01-15T23:30:00Z|2024-01-15T18:30:00-05:00'],
    [`{{ '2024-01-15T23:30:00+02:00' | date_to_rfc822 }}`, 'Mon, 15 Jan 2024 16:30:00 -0500'],
    [
      `{{ '2024-01-15 23:30:00 -0800' | date_to_string }}|{{ '2024-01-15 23:30:00 -0800' | date_to_long_string: 'ordinal', 'US' }}`,
      '16 Jan 2024|January 16th, 2024',
    ],
  ])('America/New_York: %s', (body, expected) => {
    expect(renderIn('America/New_York', body)).toBe(expected);
  });
});

describe('the other shapes of date Ruby reads', () => {
  // Ruby 3.1, TZ=America/New_York: Time.parse(text).strftime('%Y-%m-%d %H:%M:%S %z|%Z'), or the text where it raises.
  it.each([
    ['March 14, 2016', '2016-03-14 00:00:00 -0400|EDT'],
    ['14 March 2016 5pm', '2016-03-14 17:00:00 -0400|EDT'],
    ['July 4th, 2024', '2024-07-04 00:00:00 -0400|EDT'],
    ['4 Jul 24', '2024-07-04 00:00:00 -0400|EDT'],
    ['Jan 2024', '2024-01-01 00:00:00 -0500|EST'],
    ['Monday, January 15, 2024', '2024-01-15 00:00:00 -0500|EST'],
    ['15/01/2024', '2024-01-15 00:00:00 -0500|EST'],
    ['1/2/2024', '2024-02-01 00:00:00 -0500|EST'],
    ['15.01.2024', '2024-01-15 00:00:00 -0500|EST'],
    ['2024.01.15', '2024-01-15 00:00:00 -0500|EST'],
    ['Mon, 15 Jan 2024 10:00:00 +0100', '2024-01-15 10:00:00 +0100|'],
    ['Sat, 06 Jul 2024 17:30:00 -0400', '2024-07-06 17:30:00 -0400|EDT'],
    ['15 January 2024 10:00 GMT', '2024-01-15 10:00:00 +0000|'],
    ['10 Jan 2024 10:00:00 UT', '2024-01-10 10:00:00 +0000|UTC'],
    ['2024-01-15 10:00:00 CET', '2024-01-15 10:00:00 -0500|EST'],
    ['2024-01-15 10:00 +5', '2024-01-15 10:00:00 -0500|EST'],
    ['2024-02-30', '2024-03-01 00:00:00 -0500|EST'],
    ['01/15/2024', '01/15/2024'],
    ['2024-01', '2024-01'],
    ['2024-13-45', '2024-13-45'],
    ['1.5', '1.5'],
  ])('%s', (text, expected) => {
    expect(dateFilters('America/New_York')['date']?.(text, '%Y-%m-%d %H:%M:%S %z|%Z')).toBe(expected);
  });
});

describe('epoch seconds, now and the site\u2019s time are shown on the site\u2019s clocks', () => {
  it.each([
    [
      'Asia/Kolkata',
      `{{ 1705361400 | date: '${SHOWN}' }}|{{ '1705361400' | date: '${SHOWN}' }}`,
      '2024-01-16 05:00:00 +0530 IST|2024-01-16 05:00:00 +0530 IST',
    ],
    ['America/New_York', `{{ 1705361400 | date_to_xmlschema }}`, '2024-01-15T18:30:00-05:00'],
    ['America/New_York', `{{ site.time | date: '${SHOWN}' }}|{{ site.time }}`, '2024-07-04 08:00:00 -0400 EDT|2024-07-04 08:00:00 -0400'],
  ])('%s: %s', (timezone, body, expected) => {
    expect(renderIn(timezone, body, { site: { time: new Date('2024-07-04T12:00:00Z') } })).toBe(expected);
  });

  it("reads 'now' and 'today', in any case, as the moment of the build", () => {
    const filters = dateFilters('Pacific/Auckland', () => Date.UTC(2024, 6, 4, 12));
    expect(['now', 'today', 'NOW'].map((word) => filters['date']?.(word, SHOWN))).toEqual(Array(3).fill('2024-07-05 00:00:00 +1200 NZST'));
  });
});

describe('what is no date', () => {
  it('date gives it back as it is, and an empty format gives the input', () => {
    expect(
      renderIn(
        'Asia/Kolkata',
        `[{{ 'hello' | date: '%Y' }}|{{ '' | date: '%Y' }}|{{ nothing | date: '%Y' }}|{{ '2024-01-15' | date: '' }}|{{ 1.5 | date: '%Y' }}]`,
      ),
    ).toBe('[hello|||2024-01-15|1.5]');
  });

  it("Jekyll's filters leave nothing as nothing", () => {
    expect(renderIn('Asia/Kolkata', `[{{ nothing | date_to_string }}|{{ '' | date_to_xmlschema }}|{{ nothing | date_to_rfc822 }}]`)).toBe('[||]');
  });

  it("Jekyll's filters fail the build on a text that is no date, as Jekyll does, saying what to write", () => {
    const result = renderLiquid(
      engineIn('Asia/Kolkata'),
      { file: FILE, bodyLine: 3, body: 'Posted\n{{ page.when | date_to_string }}', scope: { page: { when: 'soon' } } },
      root,
    );
    expect(result).toEqual({
      ok: false,
      problem: {
        file: FILE,
        line: 4,
        field: 'Liquid {{ page.when | date_to_string }}',
        message:
          'Invalid Date: "soon" is not a date date_to_string can read. Write it as YYYY-MM-DD, optionally with a time HH:MM[:SS] and an offset like +05:30.',
      },
    });
  });
});

describe('a wrong number of arguments fails the build, as it stops Jekyll ("wrong number of arguments")', () => {
  it.each([
    ['{{ d | date }}', 'date takes one argument, the format, like date: "%Y-%m-%d"; it has 0 here, and Jekyll stops on that too.'],
    ['{{ d | date: "%Y", "Asia/Tokyo" }}', 'date takes one argument, the format, like date: "%Y-%m-%d"; it has 2 here, and Jekyll stops on that too.'],
    ['{{ d | date_to_xmlschema: "x" }}', 'date_to_xmlschema takes no argument; it has 1 here, and Jekyll stops on that too.'],
    ['{{ d | date_to_rfc822: "x" }}', 'date_to_rfc822 takes no argument; it has 1 here, and Jekyll stops on that too.'],
    [
      '{{ d | date_to_string: "ordinal", "US", "x" }}',
      'date_to_string takes at most two arguments, "ordinal" and "US"; it has 3 here, and Jekyll stops on that too.',
    ],
    [
      '{{ d | date_to_long_string: "ordinal", "US", "x" }}',
      'date_to_long_string takes at most two arguments, "ordinal" and "US"; it has 3 here, and Jekyll stops on that too.',
    ],
  ])('%s', (body, message) => {
    const result = renderLiquid(engineIn('Asia/Kolkata'), { file: FILE, bodyLine: 3, body, scope: { d: '2024-01-15' } }, root);
    expect(result).toEqual({ ok: false, problem: { file: FILE, line: 3, field: `Liquid ${body}`, message } });
  });
});

describe("Ruby's strftime", () => {
  // Ruby 3.1: Time.parse("2024-01-15 23:30 UTC").strftime(...) for each format.
  const utc = toRubyTime('2024-01-15 23:30:00 UTC', 'UTC')!;
  it.each([
    ['%c|%D|%F|%x|%X|%r|%R|%T|%v', 'Mon Jan 15 23:30:00 2024|01/15/24|2024-01-15|01/15/24|23:30:00|11:30:00 PM|23:30|23:30:00|15-JAN-2024'],
    ['%-m/%_d/%3N %L %::z %:z %z', '1/15/000 000 +00:00:00 +00:00 +0000'],
    ['%^a %#b %10A|%-10A|%C %g %G %V %U %W %j %u %w %s', 'MON JAN     Monday|Monday|20 24 2024 03 02 03 015 1 1 1705361400'],
    ['%e %k %l %I %p %P %#p %h %n %t %% %+ %Q', '15 23 11 11 PM pm pm Jan \n \t % %+ %Q'],
  ])('%s', (format, expected) => {
    expect(strftime(utc, format)).toBe(expected);
  });

  it('pads a day, an hour and a month as Ruby does, and shows offsets of half and quarter hours', () => {
    const kathmandu = toRubyTime('2024-01-05 07:04:09', 'Asia/Kathmandu')!;
    expect(strftime(kathmandu, '%d|%e|%-d|%_m|%0e|%H|%k|%-I|%y|%j|%z|%:z|%Z')).toBe('05| 5|5| 1|05|07| 7|7|24|005|+0545|+05:45|+0545');
    expect(strftime(toRubyTime('2024-01-05', 'Asia/Kolkata')!, '%z %Z')).toBe('+0530 IST');
  });
});

describe('dates as Liquid prints them, with {{ }}', () => {
  it.each([
    [new Date('2024-01-20T10:00:00Z'), 'America/New_York', '2024-01-20 05:00:00 -0500'],
    [new Date('2024-01-20T10:00:00Z'), undefined, '2024-01-20 10:00:00 +0000'],
    [new RubyDay('2024-01-21T00:00:00Z'), 'America/New_York', '2024-01-21'],
    [[new Date('2024-01-20T10:00:00Z'), ' and ', new RubyDay('2024-01-21T00:00:00Z')], 'Asia/Kolkata', '2024-01-20 15:30:00 +0530 and 2024-01-21'],
  ])('%s in %s', (value, timezone, expected) => {
    expect(renderIn(timezone, '{{ d }}', { d: value })).toBe(expected);
  });

  it('leaves other values as liquidjs prints them', () => {
    expect(renderIn('Asia/Kolkata', '[{{ n }}|{{ list }}|{{ nothing }}|{{ yes }}|{{ s | upcase }}]', { n: 1.5, list: ['a', 2], yes: true, s: 'x' })).toBe(
      '[1.5|a2||true|X]',
    );
  });
});

describe('front-matter dates as Jekyll hands them to Liquid', () => {
  const site = (timezone: string | undefined) =>
    liquidSite({
      config: {},
      url: '',
      data: {},
      time: new Date('2024-07-04T12:00:00Z'),
      timezone,
      posts: [],
      pages: [
        // What the project's YAML reader gives: an unquoted day or time is a Date, read as UTC.
        {
          file: 'p/page.md',
          path: 'page.md',
          data: { title: 'Page', fields: { day: new Date('2024-01-21'), stamp: new Date('2024-01-20T10:00:00Z'), days: [new Date('2024-02-01')] } },
          body: '',
          url: '/page',
          published: true,
        },
        {
          file: 'p/n/day.md',
          path: 'n/day.md',
          data: { title: 'Day', collection: 'notes', fields: { date: new Date('2024-01-21') } },
          body: '',
          url: '/n/day',
          published: true,
        },
        {
          file: 'p/n/stamp.md',
          path: 'n/stamp.md',
          data: { title: 'Stamp', collection: 'notes', fields: { date: new Date('2024-01-21T03:00:00Z') } },
          body: '',
          url: '/n/stamp',
          published: true,
        },
        {
          file: 'p/n/quoted.md',
          path: 'n/quoted.md',
          data: { title: 'Quoted', collection: 'notes', fields: { date: '2024-01-21 01:00' } },
          body: '',
          url: '/n/quoted',
          published: true,
        },
      ],
    });
  const renderPage = (timezone: string | undefined, body: string) => {
    const built = site(timezone);
    return renderIn(timezone, body, { site: built.site, page: built.pageOf('p/page.md') });
  };

  it("a collection document's date is a time on the site's clocks: a day at its midnight, a quoted time as written", () => {
    expect(renderPage('America/New_York', `{% for d in site.notes %}[{{ d.title }} {{ d.date }}]{% endfor %}`)).toBe(
      '[Stamp 2024-01-20 22:00:00 -0500][Day 2024-01-21 00:00:00 -0500][Quoted 2024-01-21 01:00:00 -0500]',
    );
    expect(renderPage('Asia/Kolkata', `{% for d in site.notes %}[{{ d.title }} {{ d.date | date_to_xmlschema }}]{% endfor %}`)).toBe(
      '[Day 2024-01-21T00:00:00+05:30][Quoted 2024-01-21T01:00:00+05:30][Stamp 2024-01-21T08:30:00+05:30]',
    );
  });

  it("a page's unquoted day stays a day: date shows it at +00:00, Jekyll's filters at the site's midnight", () => {
    expect(
      renderPage(
        'America/New_York',
        `{{ page.day }}|{{ page.day | date: '${SHOWN}' }}|{{ page.day | date_to_xmlschema }}|{{ page.days.first }}|{{ page.stamp }}`,
      ),
    ).toBe('2024-01-21|2024-01-21 00:00:00 +0000 +00:00|2024-01-21T00:00:00-05:00|2024-02-01|2024-01-20 05:00:00 -0500');
  });
});

describe('the site\u2019s dates made text by other filters, as Ruby makes a Time or a Date text', () => {
  const built = liquidSite({
    config: {},
    url: '',
    data: { events: [{ when: new Date('2024-03-01T09:00:00Z'), day: new Date('2024-03-02') }] },
    time: new Date('2024-07-04T12:00:00Z'),
    timezone: 'America/New_York',
    posts: [],
    pages: [
      {
        file: 'p/page.md',
        path: 'page.md',
        data: { title: 'Page', fields: { stamp: new Date('2024-01-20T10:00:00Z'), day: new Date('2024-01-21') } },
        body: '',
        url: '/page',
        published: true,
      },
    ],
  });
  const scope = { site: built.site, page: built.pageOf('p/page.md') };

  it.each([
    [
      '{{ page.stamp | jsonify }}|{{ page.stamp | inspect }}|{{ page.stamp | append: "!" }}',
      '"2024-01-20 05:00:00 -0500"|2024-01-20 05:00:00 -0500|2024-01-20 05:00:00 -0500!',
    ],
    [
      '{{ page.day | jsonify }}|{{ page.day | inspect }}|{{ page.day | prepend: "on " }}',
      '"2024-01-21"|#&lt;Date: 2024-01-21 ((2460331j,0s,0n),+0s,2299161j)&gt;|on 2024-01-21',
    ],
    ['{{ site.time | jsonify }}|{{ site.time | inspect }}', '"2024-07-04 08:00:00 -0400"|2024-07-04 08:00:00 -0400'],
    [
      '{% for e in site.data.events %}{{ e.when }}|{{ e.day }}|{{ e.day | date_to_xmlschema }}{% endfor %}',
      '2024-03-01 04:00:00 -0500|2024-03-02|2024-03-02T00:00:00-05:00',
    ],
    // The zone the time keeps is no property Liquid can read, as a Ruby Time has none by that name.
    ['[{{ page.stamp.timeZone }}]', '[]'],
  ])('%s', (body, expected) => {
    expect(renderIn('America/New_York', body, scope)).toBe(expected);
  });
});

describe('the machine\u2019s time zone plays no part', () => {
  // Each site's Liquid, run in a process whose own zone is none of the sites': Pacific/Auckland.
  const CASES: [timezone: string | undefined, body: string][] = [
    ['Asia/Kolkata', `{{ '2024-01-15 23:30' | date: '${SHOWN} %A %B %c' }}`],
    ['America/New_York', `{{ '2024-07-15 23:30' | date: '${SHOWN}' }}|{{ '2024-03-10 02:30' | date_to_xmlschema }}|{{ d }}|{{ d | date_to_long_string }}`],
    [undefined, `{{ '2024-01-15' | date: '${SHOWN}' }}|{{ 1705361400 | date_to_rfc822 }}|{{ d }}|{{ d | date: '%a %b %e' }}`],
  ];
  const D = '2024-04-06T14:30:00Z';

  it('the same site writes the same text under TZ=Pacific/Auckland as here', () => {
    const script = `
      const { createEngine } = await import(${JSON.stringify(new URL('../../src/lib/liquid/engine.ts', import.meta.url).href)});
      const cases = JSON.parse(process.argv[1]);
      const out = cases.map(([timezone, body]) => createEngine({ root: '/', url: '', baseurl: '', timezone: timezone ?? undefined, linkTo: () => undefined, postUrl: () => undefined })
        .parseAndRenderSync(body, { d: new Date(${JSON.stringify(D)}) }));
      process.stdout.write(JSON.stringify({ zone: Intl.DateTimeFormat().resolvedOptions().timeZone, out }));`;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script, JSON.stringify(CASES)], {
      env: { ...process.env, TZ: 'Pacific/Auckland' },
      encoding: 'utf8',
    });
    expect(child.stderr).toBe('');
    const { zone, out } = JSON.parse(child.stdout) as { zone: string; out: string[] };
    expect(zone).toBe('Pacific/Auckland');
    expect(out).toEqual(CASES.map(([timezone, body]) => renderIn(timezone, body, { d: new Date(D) })));
    expect(out).toEqual([
      '2024-01-15 23:30:00 +0530 IST Monday January Mon Jan 15 23:30:00 2024',
      '2024-07-15 23:30:00 -0400 EDT|2024-03-10T03:30:00-04:00|2024-04-06 10:30:00 -0400|06 April 2024',
      '2024-01-15 00:00:00 +0000 UTC|Mon, 15 Jan 2024 23:30:00 +0000|2024-04-06 14:30:00 +0000|Sat Apr  6',
    ]);
  });
});
