import { describe, expect, it } from 'vitest';
import { readDataFile } from '../../src/lib/data/data-file.ts';
import { readEntrySource } from '../../src/lib/frontmatter/read-entry.ts';
import { checkLiquidDataFiles } from '../../src/lib/checks/liquid-data.ts';
import type { Problem } from '../../src/lib/errors.ts';
import { readDataTree } from '../../src/lib/liquid/project.ts';
import { expandedSize, MAX_EXPANDED_VALUES } from '../../src/lib/safe-yaml.ts';
import { checkSiteFolder, createSite } from '../helpers/site.ts';

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

describe("Liquid's plain data (src/data/liquid/)", () => {
  it('a file that expands too far, or does not read, is a problem of that file, with its line', () => {
    const problems: Problem[] = [];
    checkLiquidDataFiles(
      [
        { path: 'src/data/liquid/laughs.yml', text: laughs() },
        { path: 'src/data/liquid/broken.yml', text: 'a: 1\nb: [unclosed\n' },
        { path: 'src/data/liquid/fine.json', text: '{"a": [1, 2]}' },
        // Jekyll's reader keeps the last of a key written twice; so does Liquid's.
        { path: 'src/data/liquid/twice.yml', text: 'a: 1\na: 2\n' },
      ],
      problems,
    );
    expect(problems.map(({ file, field }) => `${file} ${field}`)).toEqual(['src/data/liquid/laughs.yml data file', 'src/data/liquid/broken.yml data file']);
    expect(problems[0]?.message).toContain(`expand to more than ${MAX_EXPANDED_VALUES.toLocaleString('en')} values`);
    expect(problems[1]?.line).toBe(3);
    expect(problems[1]?.message).toMatch(/^is not valid YAML: .*Liquid reads it as site\.data/);
  });

  it('stops the build before any page runs Liquid over it, and site.data goes without it', async () => {
    const site = await createSite('liquid-data-laughs', {
      files: {
        'src/data/liquid/laughs.yml': laughs(),
        'src/data/liquid/links.yml': '- name: Home\n  url: /\n',
        'src/content/pages/data.md':
          '---\nlayout: page\ntitle: Data\npermalink: /data\n---\n\n{{ site.data.laughs | jsonify | size }} {{ site.data.links[0].name }}\n',
      },
    });
    const { message } = await checkSiteFolder(site);
    expect(message).toContain('src/data/liquid/laughs.yml\n  data file: its aliases (*name) expand to more than');
    expect(Object.keys(readDataTree(`${site.root}/src/data/liquid`))).toEqual(['links']);
  });
});
