import { describe, expect, it } from 'vitest';
import { lineOfRecordField } from '../../src/lib/data/data-file.ts';
import { blameRecords, recordLinkProblem, recordLinks } from '../../src/lib/links/record-links.ts';

const WORK =
  'Acme:\n  summary: Engineer\n  date: 2020\n  page: acme\n  links:\n    - name: Home\n      ref: https://acme.example/\n    - name: Team\n      ref: /work/team\nBeta:\n  press:\n    - name: Story\n      ref: " /work/team "\n';

describe('a dead link a record writes is blamed on the record, not on the pages that show it', () => {
  const links = recordLinks([{ file: 'src/data/work.yml', text: WORK }]);

  it('lists every link of every record with its field', () => {
    expect(links.map(({ record, field, ref }) => `${record} ${field} ${ref}`)).toEqual([
      'Acme links.0.ref https://acme.example/',
      'Acme links.1.ref /work/team',
      'Beta press.0.ref /work/team',
    ]);
    expect(lineOfRecordField(WORK, ['Acme', 'links', 1, 'ref'])).toBe(9);
    expect(lineOfRecordField(WORK, ['Beta', 'press', 0, 'ref'])).toBe(13);
  });

  it('once per record field, however many pages show it; a page that writes the address itself keeps its problem', () => {
    const problems = [
      { page: 'work/acme.html', url: '/work/team' },
      { page: 'work.html', url: '/work/team' },
      { page: 'about.html', url: '/work/team' },
      { page: 'work/acme.html', url: '/elsewhere' },
    ];
    const blamed = blameRecords({
      problems,
      written: (problem) => problem.url,
      page: (problem) => problem.page,
      writtenInSource: (page) => page === 'about.html',
      links,
    });
    expect(blamed.pages).toEqual([problems[2], problems[3]]);
    expect(blamed.records.map(({ problem, link }) => `${problem.page} ${link.record} ${link.field}`)).toEqual([
      'work/acme.html Acme links.1.ref',
      'work/acme.html Beta press.0.ref',
    ]);
    const [first] = blamed.records;
    if (!first) throw new Error('no record blamed');
    expect(
      recordLinkProblem(
        { file: 'src/data/work.yml', field: 'link "/work/team"', message: 'points to a page or file that does not exist.' },
        first.link,
        () => WORK,
        '/work/acme',
      ),
    ).toEqual({
      file: 'src/data/work.yml',
      record: 'Acme',
      field: '"Acme" links.1.ref',
      line: 9,
      message: '"/work/team" points to a page or file that does not exist. (shown on the page /work/acme)',
    });
  });
});
