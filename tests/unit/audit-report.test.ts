import { describe, expect, it } from 'vitest';
import { failingAudits, formatFailures, formatScoreTable, score, type Lhr } from '../../scripts/lib/audit-report.mjs';

/** A result whose audits all belong to the categories scoring below 100 (`info-` ones weigh nothing). */
function lhr(scores: Record<string, number | null>, audits: Lhr['audits'] = {}): Lhr {
  const categories: Lhr['categories'] = {};
  for (const [id, value] of Object.entries(scores)) {
    const refs = value === 1 ? [] : Object.keys(audits).map((audit) => ({ id: audit, weight: audit.startsWith('info-') ? 0 : 1 }));
    categories[id] = { score: value, auditRefs: refs };
  }
  return { categories, audits };
}

const audit = (id: string, value: number | null, displayValue?: string) => ({
  id,
  title: `Title of ${id}`,
  score: value,
  scoreDisplayMode: value === null ? 'notApplicable' : 'binary',
  ...(displayValue ? { displayValue } : {}),
});

describe('score', () => {
  it.each([
    [1, '100'],
    [0.994, '99'],
    [null, '-'],
  ])('%j is %s', (value, expected) => expect(score(lhr({ seo: value }), 'seo')).toBe(expected));
  it('is - for a category that was not run', () => expect(score(lhr({}), 'seo')).toBe('-'));
});

describe('failingAudits', () => {
  it.each([
    ['all passing', { a: audit('a', 1) }, []],
    ['lowest first', { a: audit('a', 0.5), b: audit('b', 0), c: audit('c', 1) }, ['b', 'a']],
    ['not applicable and weightless audits never count', { a: audit('a', null), 'info-x': audit('info-x', 0) }, []],
  ])('%s', (_name, audits, expected) => {
    expect(failingAudits(lhr({ seo: 0.9 }, audits), 'seo').map(({ id }) => id)).toEqual(expected);
  });
});

describe('formatting', () => {
  const rows = [
    { page: '/', form: 'mobile', lhr: lhr({ performance: 1, accessibility: 1, 'best-practices': 1, seo: 1 }) },
    {
      page: '/work',
      form: 'desktop',
      lhr: lhr(
        { performance: 0.97, accessibility: 1, 'best-practices': 1, seo: 1 },
        { 'largest-contentful-paint': audit('largest-contentful-paint', 0.9, '2.6 s') },
      ),
    },
  ];

  it('prints a row per page and form factor', () => {
    expect(formatScoreTable(rows).split('\n')).toEqual([
      '| page  | form    | perf | a11y | best practices | seo |',
      '|-------|---------|-----:|-----:|---------------:|----:|',
      '| /     | mobile  |  100 |  100 |            100 | 100 |',
      '| /work | desktop |   97 |  100 |            100 | 100 |',
    ]);
  });

  it('names the audits that cost points', () => {
    expect(formatFailures(rows)).toBe('/work (desktop) performance 97:\n  - largest-contentful-paint: Title of largest-contentful-paint (2.6 s), score 90');
    expect(formatFailures(rows.slice(0, 1))).toBe('');
  });

  it('adds why an audit failed when Lighthouse says', () => {
    const robots = { ...audit('robots-txt', 0), explanation: 'Fetch of robots.txt failed' };
    const row = { page: '/', form: 'mobile', lhr: lhr({ seo: 0.92 }, { 'robots-txt': robots }) };
    expect(formatFailures([row])).toBe('/ (mobile) seo 92:\n  - robots-txt: Title of robots-txt, score 0\n    Fetch of robots.txt failed');
  });
});
