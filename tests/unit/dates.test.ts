import { describe, expect, it } from 'vitest';
import { formatPeriod, formatYearMonth, yearMonthProblem } from '../../src/lib/dates.ts';

describe('yearMonthProblem', () => {
  it.each([2018, '2018', '2018-06', '2018-12'])('%j is valid', (value) => expect(yearMonthProblem(value)).toBeUndefined());
  it.each([
    ['2018-6', 'needs a two-digit month: write "2018-06"'],
    ['2018-13', 'has no month 13'],
    ['June 2018', '"June 2018" is not a year'],
    [new Date('2018-06-01'), 'is a full date; write a year or a year and month instead, like "2018-06"'],
    [true, 'must be a year'],
    [18, '"18" is not a year'],
  ])('%j', (value, message) => expect(yearMonthProblem(value)).toContain(message));
});

describe('formatting', () => {
  it.each([
    ['2018', '2018'],
    ['2018-06', 'Jun 2018'],
    ['2021-11', 'Nov 2021'],
  ])('formatYearMonth(%s) = %s', (value, expected) => expect(formatYearMonth(value)).toBe(expected));

  it.each([
    [undefined, undefined, undefined],
    ['2018-06', '2018-08', 'Jun 2018 – Aug 2018'],
    ['2019', undefined, '2019 – present'],
    ['2018', '2018', '2018'],
    [undefined, '2020', '2020'],
  ])('formatPeriod(%s, %s) = %s', (start, end, expected) => expect(formatPeriod(start, end)).toBe(expected));
});
