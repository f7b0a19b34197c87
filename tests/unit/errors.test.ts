import { describe, expect, it } from 'vitest';
import { closest, editDistance, formatProblems, schemaIssuesToProblems } from '../../src/lib/errors.ts';
import { validateSiteConfig } from '../../src/lib/schema/site-config.ts';

describe('editDistance and closest', () => {
  it.each([
    ['permalnk', 'permalink', 1],
    ['titel', 'title', 2],
    ['', 'abc', 3],
    ['same', 'same', 0],
  ])('%s ~ %s = %i', (a, b, distance) => expect(editDistance(a, b)).toBe(distance));

  const keys = ['layout', 'title', 'data', 'permalink', 'description', 'role', 'location', 'start', 'end', 'order', 'draft'];
  it.each([
    ['permalnk', 'permalink'],
    ['Title', 'title'],
    ['descripton', 'description'],
    ['date', 'data'],
    ['tags', undefined],
    ['categories', undefined],
  ])('%s -> %s', (key, expected) => expect(closest(key, keys)).toBe(expected));
});

describe('schemaIssuesToProblems', () => {
  const lineOf = (key: string) => ({ layout: 2, permalnk: 5, tags: 6 })[key];
  it('suggests the closest key for a typo and lists the keys otherwise', () => {
    const problems = schemaIssuesToProblems(
      'src/content/work/a.md',
      [
        { code: 'unrecognized_keys', path: [], message: 'Unrecognized keys', keys: ['permalnk', 'tags'] },
        { code: 'invalid_value', path: ['layout'], message: '"post" is not a layout.' },
        { code: 'custom', path: [], message: 'entry-wide' },
      ],
      ['layout', 'permalink'],
      lineOf,
    );
    expect(problems).toEqual([
      { file: 'src/content/work/a.md', field: 'permalnk', line: 5, message: 'is not a field an entry can have. Did you mean "permalink"?' },
      { file: 'src/content/work/a.md', field: 'tags', line: 6, message: 'is not a field an entry can have. Remove it, or use one of: layout, permalink.' },
      { file: 'src/content/work/a.md', field: 'layout', line: 2, message: '"post" is not a layout.' },
      { file: 'src/content/work/a.md', field: 'front matter', line: undefined, message: 'entry-wide' },
    ]);
  });
});

describe('formatProblems', () => {
  it('groups problems by file in a stable order, with lines, under one title', () => {
    expect(
      formatProblems('Some entries need fixing', [
        { file: 'src/content/work/b.md', field: 'title', line: 3, message: 'is required.' },
        { file: 'src/content/work/a.md', field: 'permalink', line: 5, message: 'must be lowercase.' },
        { file: 'src/content/work/b.md', field: 'layout', line: 2, message: 'is not a layout.' },
      ]),
    ).toMatchInlineSnapshot(`
      "Some entries need fixing (3 problems in 2 files):

      src/content/work/a.md
        permalink (line 5): must be lowercase.

      src/content/work/b.md
        layout (line 2): is not a layout.
        title (line 3): is required.

      Read more: docs/writing.md and docs/build-errors.md."
    `);
  });

  it('speaks of one problem in the singular', () => {
    expect(formatProblems('T', [{ file: 'f.md', field: 'x', message: 'y' }])).toMatch(/^T \(1 problem in 1 file\):/);
  });
});

describe('validateSiteConfig', () => {
  const valid = { name: 'Jane Doe', intro: 'Engineer.', description: 'Portfolio.' };

  it('returns the parsed config', () => {
    expect(validateSiteConfig(valid)).toMatchObject({ name: 'Jane Doe', links: [], lang: 'en' });
  });

  it('fails in the same format as entry problems, naming the file and each field', () => {
    expect(() => validateSiteConfig({ ...valid, name: '', nmae: 'x' } as never)).toThrow(
      'The site config needs fixing (2 problems in 1 file):\n\nsrc/site.config.ts\n' +
        "  name: is empty; write it, like name: 'Jane Doe'.\n" +
        '  nmae: is not a field the site config can have. Did you mean "name"?\n',
    );
  });
});
