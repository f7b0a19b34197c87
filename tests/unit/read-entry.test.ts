import fc from 'fast-check';
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

describe('readEntrySource on generated files: the lines between the first line with text and the next fence', () => {
  const FENCE = /^---[ \t]*$/;
  /** The rule applied to the whole file split into lines: what the reader must agree with. */
  function byLines(text: string) {
    const lines = text
      .replace(/^\uFEFF/, '')
      .replace(/\r\n?/g, '\n')
      .split('\n');
    if (lines.every((line) => line.trim() === '')) return { kind: 'empty' };
    const opening = lines.findIndex((line) => line.trim() !== '');
    if (!FENCE.test(lines[opening] ?? '')) return { kind: 'no front matter', line: opening + 1 };
    const closing = lines.findIndex((line, index) => index > opening && FENCE.test(line));
    if (closing === -1) return { kind: 'not closed', line: opening + 1 };
    return { kind: 'read', body: lines.slice(closing + 1).join('\n'), bodyLine: closing + 2 };
  }
  function asRead(text: string) {
    const read = readEntrySource(text);
    if (read.ok) return { kind: 'read', body: read.source.body, bodyLine: read.source.bodyLine };
    const { message, line } = read.error;
    if (message.startsWith('the file is empty')) return { kind: 'empty' };
    if (message.startsWith('the file has no front matter')) return { kind: 'no front matter', line };
    if (message.includes('is never closed')) return { kind: 'not closed', line };
    // The fences were found; what is between them is not a map of fields (the YAML tests' concern).
    return { kind: 'read', body: undefined, bodyLine: undefined };
  }

  it('finds the fences and the body exactly as reading the file line by line does', () => {
    const line = fc.constantFrom('---', '--- ', '---\t', '----', '', ' ', '\t', 'title: x', 'layout: page', 'text');
    const newline = fc.constantFrom('\n', '\r\n', '\r');
    const file = fc
      .tuple(fc.boolean(), fc.array(fc.tuple(line, newline), { maxLength: 8 }), fc.boolean())
      .map(([bom, parts, last]) => (bom ? '\uFEFF' : '') + parts.map(([text, end], index) => text + (index < parts.length - 1 || last ? end : '')).join(''));
    fc.assert(
      fc.property(file, (text) => {
        const read = asRead(text);
        const expected = byLines(text);
        if (read.kind === 'read' && read.body === undefined) expect(expected.kind).toBe('read');
        else expect(read).toEqual(expected);
      }),
      { numRuns: 1000, seed: 20261126 },
    );
  });
});
