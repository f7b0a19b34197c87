import { describe, expect, it } from 'vitest';
import { readDataFile } from '../../src/lib/data/data-file.ts';

const WORK = [
  'Acme:',
  '  summary: Engineer',
  '  date: 2019 - 2021',
  '  page: acme',
  '  links:',
  '    - name: Acme',
  '      ref: https://acme.example',
  '',
  'Beta:',
  '  summary: Intern',
  '  page: beta',
  '',
].join('\n');

const problemsOf = (text: string) => {
  const result = readDataFile(text);
  return result.ok ? [] : result.problems;
};

describe('one slip in a data file is one message', () => {
  it.each([
    ['a key moved one space left', WORK.replace('  page: acme', ' page: acme'), 4],
    ['a key moved to the margin', WORK.replace('  page: acme', 'page: acme'), 4],
    ['a list item moved left', WORK.replace('    - name: Acme', '  - name: Acme'), 6],
    ['a key moved right', WORK.replace('  page: acme', '    page: acme'), 3],
  ])('%s: the first error, on its line, and none of those that follow from it', (_name, text, line) => {
    const problems = problemsOf(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.line).toBe(line);
    expect(problems[0]?.message).toMatch(/^is not valid YAML: .+ Check quotes and indentation/);
  });

  it('still names every title written twice', () => {
    const problems = problemsOf(`${WORK}Acme:\n  summary: Again\nBeta:\n  summary: Again\n`);
    expect(problems.map((problem) => problem.field)).toEqual(['"Acme"', '"Beta"']);
  });
});
