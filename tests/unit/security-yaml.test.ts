import { describe, expect, it } from 'vitest';
import { readDataFile } from '../../src/lib/data/data-file.ts';
import { readEntrySource } from '../../src/lib/frontmatter/read-entry.ts';
import { expandedSize, MAX_EXPANDED_VALUES } from '../../src/lib/safe-yaml.ts';

/** Nine levels of ten aliases each: a few hundred bytes that stand for a billion values. */
function laughs(indent = ''): string {
  const lines = [`${indent}a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]`];
  for (let level = 1; level <= 8; level++)
    lines.push(
      `${indent}a${level}: &a${level} [${Array(10)
        .fill(`*a${level - 1}`)
        .join(', ')}]`,
    );
  return `${lines.join('\n')}\n`;
}

describe('YAML aliases are measured, never expanded', () => {
  it('counts shared parts as often as they are used, quickly', () => {
    const shared = ['x', 'y'];
    expect(expandedSize({ a: shared, b: shared })).toBe(1 + 3 + 3);
    const cyclic: unknown[] = [];
    cyclic.push(cyclic);
    expect(expandedSize(cyclic)).toBe(Infinity);
  });

  it('a data file that expands too far is a problem of that file, not a crash', () => {
    const result = readDataFile(`Acme:\n  summary: Engineer\n  date: 2020\n${laughs('  ')}`);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]?.message).toContain(`expand to more than ${MAX_EXPANDED_VALUES.toLocaleString('en')} values`);
  });

  it('front matter that expands too far is a front-matter problem', () => {
    const read = readEntrySource(`---\nlayout: page\ntitle: T\npermalink: /t\n${laughs()}---\n\nBody.\n`);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.error.line).toBe(1);
    expect(read.error.message).toMatch(/^the front matter: its aliases \(\*name\) expand to more than/);
  });

  it('leaves ordinary aliases alone', () => {
    expect(readDataFile('Acme:\n  summary: &s Engineer\n  date: *s\n').ok).toBe(true);
  });
});
