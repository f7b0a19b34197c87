import { describe, expect, it } from 'vitest';
import { editFrontMatter, hasFrontMatter, readFrontMatter, renderScalar, splitFrontMatter } from '../../scripts/import/front-matter.ts';

describe('front matter as Jekyll reads it', () => {
  it.each([
    ['---\ntitle: x\n---\nbody', true],
    ['---   \r\ntitle: x\n---\n', true],
    ['--- \n---\n', true],
    ['title: x\n---\n', false],
    ['\uFEFF---\ntitle: x\n---\n', false],
    ['----\n', false],
  ])('has front matter: %j -> %s', (text, expected) => expect(hasFrontMatter(text)).toBe(expected));

  it.each([
    ['---\ntitle: x\n---\n\nBody\n', { yaml: 'title: x\n', body: '\nBody\n', bodyLine: 4 }],
    ['---\r\ntitle: x\r\n---\r\nBody', { yaml: 'title: x\n', body: 'Body', bodyLine: 4 }],
    ['---\ntitle: x\n...\nBody', { yaml: 'title: x\n', body: 'Body', bodyLine: 4 }],
    ['---\n---\nBody', { yaml: '', body: 'Body', bodyLine: 3 }],
  ])('splits %j', (text, expected) => expect(splitFrontMatter(text)).toEqual(expected));

  it('reads YAML 1.1 as Psych does, keeping dates as written', () => {
    expect(readFrontMatter('published: no\ndate: 2019-03-02\ntime: 2019-03-02 10:00:00 +0000\ntitle: "x"')).toEqual({
      ok: true,
      data: { published: false, date: '2019-03-02', time: '2019-03-02 10:00:00 +0000', title: 'x' },
    });
  });

  it('explains YAML it cannot read', () => {
    expect(readFrontMatter('title: "unclosed\nlayout: page')).toMatchObject({ ok: false, line: expect.any(Number) });
  });
});

describe('editing front matter keeps every other byte', () => {
  const yaml = [
    '# the page',
    'layout: default # theme layout',
    'title: "Acme: Queues"',
    'comments: true',
    'tags: [a, b]',
    'description: >-',
    '  folded',
    '  text',
    'awards:',
    'sidebar:',
    '  - one',
    '  - two',
    'last: x',
    '',
  ].join('\n');

  it.each([
    ['removes a key with its comment', { delete: ['comments'] }, yaml.replace('comments: true\n', '')],
    ['removes a block value', { delete: ['sidebar'] }, yaml.replace('sidebar:\n  - one\n  - two\n', '')],
    ['removes a folded value', { delete: ['description'] }, yaml.replace('description: >-\n  folded\n  text\n', '')],
    ['replaces a value in place', { set: [['layout', 'page']] as const }, yaml.replace('layout: default #', 'layout: page #')],
    ['fills an empty value', { set: [['awards', 'none']] as const }, yaml.replace('awards:\n', 'awards: none\n')],
    ['appends a new key', { set: [['permalink', '/work/acme']] as const }, `${yaml}permalink: /work/acme\n`],
    ['quotes text YAML would read otherwise', { set: [['title', 'Yes']] as const }, yaml.replace('title: "Acme: Queues"', 'title: "Yes"')],
  ])('%s', (_, edit, expected) => expect(editFrontMatter(yaml, edit)).toBe(expected));

  it('adds keys to empty front matter', () => {
    expect(
      editFrontMatter('', {
        set: [
          ['layout', 'page'],
          ['title', 'About'],
        ],
      }),
    ).toBe('layout: page\ntitle: About\n');
  });

  it.each([
    ['/work/acme', '/work/acme'],
    ['Acme Queues', 'Acme Queues'],
    ['Acme: Queues', '"Acme: Queues"'],
    ['no', '"no"'],
    ['2019', '"2019"'],
    ['#hash', '"#hash"'],
    ['/', '/'],
    [true, 'true'],
  ])('renders %j as %s', (value, expected) => expect(renderScalar(value)).toBe(expected));
});
