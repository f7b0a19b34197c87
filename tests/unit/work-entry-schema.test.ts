import { describe, expect, it } from 'vitest';
import { WORK_ENTRY_KEYS, workEntrySchema } from '../../src/lib/schema/work-entry.ts';
import { schemaProblems, VALID_ENTRY } from '../helpers/work-entry.ts';

const valid = VALID_ENTRY;
const problems = schemaProblems;

describe('the owner’s Jekyll front matter', () => {
  it('parses unchanged, with drafts off by default', () => {
    expect(workEntrySchema.parse(valid)).toEqual({ ...valid, draft: false });
  });

  it('accepts every optional field', () => {
    const full = {
      ...valid,
      description: 'Streaming data at scale.',
      role: 'Software Engineer',
      location: 'Seattle, WA',
      start: '2019-06',
      end: 2022,
      order: 1,
      draft: true,
    };
    expect(workEntrySchema.parse(full)).toEqual({ ...full, end: '2022' });
  });

  it('trims text fields', () => {
    expect(workEntrySchema.parse({ ...valid, title: '  Amazon  ' }).title).toBe('Amazon');
  });

  it('documents the keys it knows', () => {
    expect(WORK_ENTRY_KEYS).toEqual(['layout', 'title', 'data', 'permalink', 'description', 'role', 'location', 'start', 'end', 'order', 'draft', 'image', 'imageAlt']);
  });
});

describe('mistakes', () => {
  it.each([
    ['a missing layout', { ...valid, layout: undefined }, 'layout: is required. Write "layout: work_page".'],
    ['an unknown layout', { ...valid, layout: 'post' }, 'layout: "post" is not a layout. Known layouts: "work_page".'],
    ['a missing title', { ...valid, title: undefined }, 'title: is required.'],
    ['a title that is a number', { ...valid, title: 2019 }, 'title: must be text; put the value in quotes, like title: "..."'],
    ['a null title', { ...valid, title: null }, 'title: must be text'],
    ['an empty title', { ...valid, title: '   ' }, 'title: is empty; write the title, like title: "Amazon".'],
    ['a title over 120 characters', { ...valid, title: 'x'.repeat(121) }, 'title: is longer than 120 characters'],
    ['a data that is a date', { ...valid, data: new Date('2018-06-01') }, 'data: is a date, but "data" names the group this page is listed with; it is not a date.'],
    ['an unknown data group', { ...valid, data: 'jobs' }, 'data: "jobs" names no collection. Known collections: "work".'],
    ['a missing permalink', { ...valid, permalink: undefined }, 'permalink: is required.'],
    ['a permalink without a leading slash', { ...valid, permalink: 'work/amazon' }, 'permalink: must start with "/"'],
    ['an invalid start date', { ...valid, start: '2018-13' }, 'start: has no month 13'],
    ['a full date', { ...valid, start: new Date('2018-06-01') }, 'start: is a full date'],
    ['an end before the start', { ...valid, start: 2020, end: 2018 }, 'end: ("2018") is before start ("2020")'],
    ['an end without a start', { ...valid, end: 2018 }, 'start: is required when "end" is given'],
    ['a draft that is not a boolean', { ...valid, draft: 'yes' }, 'draft: must be true or false (without quotes).'],
    ['an order that is not whole', { ...valid, order: 1.5 }, 'order: must be a whole number'],
  ])('%s', (_case, input, message) => {
    expect(problems(input).join('\n')).toContain(message);
  });

  it('rejects an unknown key instead of dropping it', () => {
    const result = workEntrySchema.safeParse({ ...valid, permalnk: '/x' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['permalnk'] });
  });
});
