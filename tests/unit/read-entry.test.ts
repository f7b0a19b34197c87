import { describe, expect, it } from 'vitest';
import { readEntrySource } from '../../src/lib/frontmatter/read-entry.ts';

const good = '---\nlayout: work_page\ntitle: Amazon\n---\nBody\n';

describe('readEntrySource reads', () => {
  it.each([
    ['plain', good],
    ['a UTF-8 BOM', `\uFEFF${good}`],
    ['CRLF line endings', good.replace(/\n/g, '\r\n')],
    ['a fence with trailing spaces', good.replace('---\nBody', '---   \nBody')],
  ])('%s', (_case, text) => {
    const result = readEntrySource(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.source.data).toEqual({ layout: 'work_page', title: 'Amazon' });
    expect(result.source.body).toBe('Body\n');
    expect(result.source.bodyLine).toBe(5);
    expect(result.source.lineOf('title')).toBe(3);
    expect(result.source.lineOf('missing')).toBeUndefined();
  });

  it('reads front matter after blank lines, as Astro does, with every line number moved along', () => {
    const result = readEntrySource(`\n  \n${good}`);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.source.data).toEqual({ layout: 'work_page', title: 'Amazon' });
    expect(result.source.bodyLine).toBe(7);
    expect(result.source.lineOf('title')).toBe(5);
  });

  it('finds the line of a quoted key and of a key holding a block', () => {
    const result = readEntrySource('---\n"title": A\nlinks:\n  - x\ndescription: >-\n  long\n---\n');
    expect(result.ok && [result.source.lineOf('title'), result.source.lineOf('links'), result.source.lineOf('description')]).toEqual([2, 3, 5]);
  });

  it('parses dates the way Astro does (js-yaml), so the schema sees the same values', () => {
    const result = readEntrySource('---\nstart: 2018-06-01\nend: 2019\n---\n');
    expect(result.ok && result.source.data).toEqual({ start: new Date('2018-06-01'), end: 2019 });
  });
});

describe('readEntrySource explains', () => {
  it.each([
    ['', undefined, 'the file is empty'],
    ['   \n\n', undefined, 'the file is empty'],
    ['Just text', 1, 'the file has no front matter'],
    ['---\ntitle: A\nBody', 1, 'never closed'],
    ['---\ntitle: A\ntitle: B\n---\n', 3, '"title" is written twice (lines 2 and 3). Keep one.'],
    ['---\ntitle: a: b\n---\n', 2, 'not valid YAML: bad indentation of a mapping entry'],
    ['---\ntitle: "open\n---\n', 3, 'not valid YAML'],
    ['---\n---\n', 1, 'the front matter is empty'],
    ['---\n- a\n- b\n---\n', 2, 'but it is a list'],
    ['---\nwords\n---\n', 2, 'but it is the text "words"'],
    ['\n\n---\ntitle: A\ntitle: B\n---\n', 5, '"title" is written twice (lines 4 and 5). Keep one.'],
    ['\n---\ntitle: a: b\n---\n', 3, 'not valid YAML'],
  ])('%j', (text, line, message) => {
    const result = readEntrySource(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.line).toBe(line);
    expect(result.error.message).toContain(message);
  });
});
