import { describe, expect, it } from 'vitest';
import {
  benchEntries,
  benchEntry,
  benchPermalink,
  benchRecords,
  buildPhases,
  buildOrder,
  formatBenchTable,
  median,
  parseBenchArgs,
  parseCpuMs,
  parseMaxRss,
  runRatio,
} from '../../scripts/lib/bench.mjs';
import { checkSite } from '../../src/lib/checks/site.ts';

/** The front matter of a generated entry, parsed just enough for these checks. */
function frontMatter(text: string): Record<string, string> {
  const block = /^---\n([\s\S]*?)\n---\n/.exec(text)?.[1] ?? '';
  return Object.fromEntries(block.split('\n').map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()]));
}

describe('generated entries', () => {
  it.each([1, 2, 10])('%i entries have distinct permalinks and records, and pass every check of the site', (count) => {
    const entries = Object.values(benchEntries(count));
    expect(entries).toHaveLength(count);
    const permalinks = entries.map((text) => frontMatter(text)['permalink']);
    expect(new Set(permalinks).size).toBe(count);
    const result = checkSite({
      pagesDir: 'src/content/pages',
      pageFiles: Object.entries(benchEntries(count)).map(([name, text]) => ({ path: `src/content/pages/work/${name}`, text })),
      postsDir: 'src/content/posts',
      postFiles: [],
      posts: { permalink: 'date', timezone: 'UTC' },
      dataFiles: [{ path: 'src/data/work.yml', text: benchRecords(count) }],
      routes: [],
      publicFiles: [],
    });
    expect(result.problems).toEqual([]);
    expect(result.records).toHaveLength(count);
  });

  it.each([
    [0, 3, benchPermalink(1)],
    [2, 3, benchPermalink(0)],
    [0, 1, benchPermalink(0)],
  ])('entry %i of %i links to %s', (index, count, target) => {
    expect(benchEntry(index, count)).toContain(`](${target})`);
  });

  it('has a body with paragraphs and a list', () => {
    const body = benchEntry(4, 10).split('---\n')[2] ?? '';
    expect(body.split('\n\n').length).toBeGreaterThanOrEqual(4);
    expect(body).toMatch(/^- /m);
  });
});

describe('parseBenchArgs', () => {
  it.each([
    [[], { sizes: [100], runs: 1 }],
    [['1000'], { sizes: [1000], runs: 1 }],
    [['100', '1000'], { sizes: [100, 1000], runs: 1 }],
    [['100', '--runs', '3'], { sizes: [100], runs: 3 }],
    [['--runs=5', '10'], { sizes: [10], runs: 5 }],
    [['30', '--warm'], { sizes: [30], runs: 1, warm: true }],
    [['30', '--no-cards'], { sizes: [30], runs: 1, noCards: true }],
  ])('%j', (args, expected) => expect(parseBenchArgs(args)).toEqual(expected));

  it.each([
    [['0'], 'entries must be a whole number'],
    [['ten'], 'entries must be a whole number'],
    [['--runs'], '--runs must be a whole number'],
    [['--fast'], 'Unknown option --fast'],
  ])('%j fails', (args, message) => expect(() => parseBenchArgs(args)).toThrow(message));
});

describe('median', () => {
  it.each([
    [[3], 3],
    [[5, 1, 3], 3],
    [[4, 1, 3, 2], 2.5],
  ])('%j is %d', (values, expected) => expect(median(values)).toBe(expected));
  it('is NaN for nothing', () => expect(median([])).toBeNaN());
});

describe('parseCpuMs', () => {
  it.each([
    ['\tUser time (seconds): 3.21\n\tSystem time (seconds): 0.45\n', 3660],
    ['\tUser time (seconds): 3.21\n', undefined],
    ['Exit status: 0\n', undefined],
  ])('%j', (text, expected) => expect(parseCpuMs(text)).toBe(expected));
});

describe('parseMaxRss', () => {
  it.each([
    ['\tMaximum resident set size (kbytes): 591696\n', 591696 * 1024],
    ['Exit status: 0\n', undefined],
  ])('%j', (text, expected) => expect(parseMaxRss(text)).toBe(expected));
});

describe('buildPhases', () => {
  const lines = [
    { at: 1000, text: '07:11:13 [content] Syncing content' },
    { at: 1900, text: '07:11:13 [content] Synced content' },
    { at: 2600, text: ' generating static routes ' },
    { at: 2700, text: '07:11:14   ├─ /work.html' },
    { at: 3000, text: '07:11:14 ✓ Completed in 396ms.' },
    { at: 3000, text: '07:11:14 [build] ✓ Completed in 986ms.' },
  ];
  it.each([
    [
      'a full log',
      lines,
      [
        ['start', 1900],
        ['bundle', 700],
        ['pages', 400],
        ['finish', 100],
      ],
    ],
    [
      'no page rendering',
      lines.slice(0, 2),
      [
        ['start', 1900],
        ['finish', 1200],
      ],
    ],
    ['no log', [], [['finish', 3100]]],
  ])('%s', (_name, input, expected) => {
    expect(buildPhases(input, 3100).map(({ name, ms }) => [name, ms])).toEqual(expected);
  });
});

describe('runRatio and buildOrder', () => {
  it.each([
    ['one run', [3000], [2000], 1.5],
    ['the median of three', [3000, 5000, 4400], [2000, 4000, 2000], 1.5],
    ['the middle two of four', [2000, 3000, 4000, 6000], [2000, 2000, 2000, 2000], 1.75],
    ['a run without its bare build left out', [3000, 9000], [2000], 1.5],
  ])('%s', (_case, ours, bare, ratio) => {
    expect(
      runRatio(
        ours.map((ms) => ({ ms })),
        bare.map((ms) => ({ ms })),
      ),
    ).toBeCloseTo(ratio, 10);
  });

  it('starts with ours in odd runs and with bare in even ones', () => {
    expect([1, 2, 3, 4].map(buildOrder)).toEqual([
      ['ours', 'bare'],
      ['bare', 'ours'],
      ['ours', 'bare'],
      ['bare', 'ours'],
    ]);
  });
});

describe('formatBenchTable', () => {
  it('puts ours beside bare with ms per entry and the ratio', () => {
    const table = formatBenchTable([
      { entries: 100, ours: { ms: 3000, rssBytes: 600 * 2 ** 20 }, bare: { ms: 2000, rssBytes: undefined }, runRatio: 1.45 },
      { entries: 1000, ours: { ms: 7000, rssBytes: 750 * 2 ** 20 }, bare: { ms: 4000, rssBytes: 630 * 2 ** 20 } },
    ]);
    expect(table.split('\n')).toEqual([
      '| entries |   ours | ms/entry | peak RSS |   bare | ms/entry | peak RSS | ours/bare | per run |',
      '|---------|-------:|---------:|---------:|-------:|---------:|---------:|----------:|--------:|',
      '| 100     | 3.00 s |     30.0 |  600 MiB | 2.00 s |     20.0 |      n/a |     1.50x |   1.45x |',
      '| 1000    | 7.00 s |      7.0 |  750 MiB | 4.00 s |      4.0 |  630 MiB |     1.75x |     n/a |',
    ]);
  });
});
