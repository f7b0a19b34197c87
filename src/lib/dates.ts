/**
 * Entry dates are a year (`2018`) or a year and month (`2018-06`): a career page never needs days.
 * They are kept as normalised text (`"2018"`, `"2018-06"`), which also sorts correctly as text.
 */

export const YEAR_MONTH_PATTERN = /^(\d{4})(?:-(0[1-9]|1[0-2]))?$/;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** Why a written date is not a year or year-month, with what to write instead; undefined when valid. */
export function yearMonthProblem(value: unknown): string | undefined {
  if (value instanceof Date) {
    const month = String(value.getUTCMonth() + 1).padStart(2, '0');
    return `is a full date; write a year or a year and month instead, like "${value.getUTCFullYear()}-${month}".`;
  }
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string') return 'must be a year ("2018") or a year and month ("2018-06").';
  if (YEAR_MONTH_PATTERN.test(text)) return undefined;
  const loose = /^(\d{4})-(\d{1,2})$/.exec(text);
  if (loose) {
    const month = Number(loose[2]);
    if (month >= 1 && month <= 12) return `needs a two-digit month: write "${loose[1]}-${String(month).padStart(2, '0')}".`;
    return `has no month ${loose[2]}: months run from 01 to 12.`;
  }
  return `"${text}" is not a year ("2018") or a year and month ("2018-06").`;
}

/** The normalised text of a valid year or year-month written as a number or a string. */
export function normalizeYearMonth(value: string | number): string {
  return String(value);
}

/** `"2018-06"` as `Jun 2018`; `"2018"` as `2018`. */
export function formatYearMonth(value: string): string {
  const match = YEAR_MONTH_PATTERN.exec(value);
  if (!match) return value;
  const [, year, month] = match;
  return month ? `${MONTHS[Number(month) - 1]} ${year}` : String(year);
}

/** The period an entry covers, as shown to visitors: `Jun 2018 – Aug 2018`, `2019 – present`. */
export function formatPeriod(start: string | undefined, end: string | undefined): string | undefined {
  if (!start) return end ? formatYearMonth(end) : undefined;
  if (end === start) return formatYearMonth(start);
  return `${formatYearMonth(start)} – ${end ? formatYearMonth(end) : 'present'}`;
}

