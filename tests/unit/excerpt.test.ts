import { describe, expect, it } from 'vitest';
import { excerptFromMarkdown } from '../../src/lib/markdown/excerpt.ts';

describe('excerptFromMarkdown', () => {
  it.each([
    ['Plain first paragraph.\n\nSecond.', 'Plain first paragraph.'],
    ['# Heading\n\nThe *first* [real](/work/gt) paragraph with `code`.', 'The first real paragraph with code.'],
    ["import X from './x';\nexport const a = 1;\n\nBody text {a}.", 'Body text {a}.'],
    ['- a list\n- item\n\nAfter the list.', 'After the list.'],
    ['Line one\r\nline two\r\n\r\nNext', 'Line one line two'],
    ['', ''],
  ])('%j', (body, expected) => expect(excerptFromMarkdown(body)).toBe(expected));

  it('cuts long text at a word boundary with an ellipsis', () => {
    const text = excerptFromMarkdown('word '.repeat(100), 40);
    expect(text.length).toBeLessThanOrEqual(40);
    expect(text).toMatch(/word…$/);
  });
});
