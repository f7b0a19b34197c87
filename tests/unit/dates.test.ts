import { describe, expect, it } from 'vitest';
import { formatDate, parsePeriods } from '../../src/lib/dates.ts';

describe("parsePeriods: a record's free-text date as structured periods, where it parses", () => {
  it.each([
    ['5/2018 - 8/2018, 8/2019 - Present', [{ start: '2018-05', end: '2018-08' }, { start: '2019-08' }]],
    [
      '5/2018 - 8/2018, 8/2019 - 3/2022',
      [
        { start: '2018-05', end: '2018-08' },
        { start: '2019-08', end: '2022-03' },
      ],
    ],
    ['3/2022 - Present', [{ start: '2022-03' }]],
    ['2016', [{ start: '2016', end: '2016' }]],
    [2016, [{ start: '2016', end: '2016' }]],
    ['2015 - 2016', [{ start: '2015', end: '2016' }]],
    ['2015–2016', [{ start: '2015', end: '2016' }]],
    ['8/2014 to 5/2019', [{ start: '2014-08', end: '2019-05' }]],
    ['12/2020 - now', [{ start: '2020-12' }]],
  ])('%s', (text, periods) => {
    expect(parsePeriods(text)).toEqual(periods);
  });

  it.each(['Summer 2018', '13/2018', '2019 - 2015', '5/2018 -', '', 'a, b', undefined])('keeps %s as text only', (text) => {
    expect(parsePeriods(text)).toBeUndefined();
  });
});

describe("formatDate: in the site's language", () => {
  it.each([
    ['en', 'Jun 10, 2019'],
    ['en-GB', '10 Jun 2019'],
    ['de', '10. Juni 2019'],
    ['fr', '10 juin 2019'],
  ])('%s', (lang, text) => {
    expect(formatDate(new Date('2019-06-10T00:00:00Z'), lang)).toBe(text);
  });
});
