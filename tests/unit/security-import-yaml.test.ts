import { describe, expect, it } from 'vitest';
import { readConfig } from '../../scripts/import/config.ts';
import { readFrontMatter } from '../../scripts/import/front-matter.ts';
import { planImport } from '../../scripts/import/plan.ts';
import { memorySource } from '../../scripts/import/source.ts';
import { documentExpansionProblem, MAX_EXPANDED_VALUES } from '../../src/lib/safe-yaml.ts';
import { parseDocument } from 'yaml';

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

const TOO_MANY = `its aliases (*name) expand to more than ${MAX_EXPANDED_VALUES.toLocaleString('en')} values`;

describe('the importer reads YAML through the same alias limit as the build', () => {
  it('measures a syntax tree without making its value, and points at the entry that passes the limit', () => {
    const text = `title: T\n${laughs()}`;
    const problem = documentExpansionProblem(parseDocument(text));
    expect(problem?.message).toContain(TOO_MANY);
    // a5 stands for about a million values: the first entry to pass 200,000, on line 7.
    expect(text.slice(0, problem?.offset).split('\n').length).toBe(7);
    expect(documentExpansionProblem(parseDocument('a: &a [1, 2]\nb: *a\nc: [*a, *a]\n'))).toBeUndefined();
    expect(documentExpansionProblem(parseDocument('a: &a [x, *a]\n'))?.message).toContain('an alias inside its own anchor never ends');
  });

  it('reads harmless aliases past the yaml package own count of 100', () => {
    const many = `base: &b {x: 1}\n${Array.from({ length: 150 }, (_, index) => `k${index}: *b`).join('\n')}\n`;
    const read = readConfig(many);
    expect(read.ok).toBe(true);
    if (read.ok) expect(read.config['k149']).toEqual({ x: 1 });
    expect(readFrontMatter(many).ok).toBe(true);
  });

  it('a billion laughs in _config.yml stops the import with the file and line, not a ReferenceError', () => {
    const result = planImport(memorySource({ '_config.yml': `title: T\n${laughs()}`, 'index.md': '---\ntitle: Home\n---\nHi\n' }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toMatch(/^_config\.yml \(line 7\): its aliases \(\*name\) expand to more than/);
    expect(result.message).toContain('Fix it and run the import again.');
  });

  it('a billion laughs in front matter or in a _data file is a report line with the file and line', () => {
    const result = planImport(
      memorySource({
        '_config.yml': 'title: T\n',
        'about.md': `---\nlayout: page\ntitle: About\n${laughs()}---\nHi\n`,
        '_data/projects.yml': `Acme:\n  summary: Engineer\n${laughs('  ')}`,
        '_data/more/list.yml': `x: 1\n${laughs()}`,
      }),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const lines = result.plan.report.filter((line) => line.message.includes(TOO_MANY));
    expect(lines.map(({ file, message }) => `${file}: ${message.slice(0, message.indexOf(':', message.indexOf('line')) + 1)}`).sort()).toEqual([
      '_data/more/list.yml: is not imported: line 7:',
      '_data/projects.yml: is not imported: line 1:',
      'about.md: is not imported: its front matter (line 9):',
    ]);
    // Left out, so the next build does not stop on them.
    expect(result.plan.files.map((file) => file.path).filter((path) => /projects|list|about/.test(path))).toEqual([]);
  });
});
