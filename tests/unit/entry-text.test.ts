import { describe, expect, it } from 'vitest';
import { entryDescription, entryMeta } from '../../src/lib/entry-text.ts';

describe('entryDescription', () => {
  it.each([
    [{ title: 'Amazon', description: 'Streaming at scale.' }, 'First paragraph.', 'Streaming at scale.'],
    [{ title: 'Amazon' }, 'First [paragraph](/x).\n\nSecond.', 'First paragraph.'],
    [{ title: 'Amazon', role: 'Engineer' }, '## Only a heading\n\n- and a list', 'Amazon: Engineer'],
    [{ title: 'Amazon' }, undefined, 'Amazon'],
  ])('%j', (data, body, expected) => expect(entryDescription(data, body)).toBe(expected));
});

describe('entryMeta', () => {
  it.each([
    [{ title: 'A' }, undefined],
    [{ title: 'A', role: 'Engineer', location: 'Seattle, WA' }, { details: 'Engineer · Seattle, WA', period: undefined }],
    [{ title: 'A', start: '2018-06', end: '2018-08' }, { details: '', period: 'Jun 2018 – Aug 2018' }],
    [{ title: 'A', role: 'Engineer', start: '2019' }, { details: 'Engineer', period: '2019 – present' }],
  ])('%j', (data, expected) => expect(entryMeta(data)).toEqual(expected));
});
