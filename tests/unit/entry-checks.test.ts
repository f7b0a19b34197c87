import { describe, expect, it } from 'vitest';
import { checkEntries, type CollectionFile } from '../../src/lib/checks/entries.ts';

const DIR = 'src/content/work';
const entry = (permalink: string, extra = '') =>
  `---\nlayout: work_page\ntitle: Example\ndata: work\npermalink: ${permalink}\n${extra}---\n\nBody.\n`;
const file = (name: string, text: string): CollectionFile => ({ path: `${DIR}/${name}`, text });

function problems(files: CollectionFile[], publicFiles: string[] = []): string[] {
  return checkEntries({
    collectionDir: DIR,
    files,
    pages: [
      { path: '/', file: 'src/pages/index.astro' },
      { path: '/work', file: 'src/pages/work.astro' },
    ],
    publicFiles,
  }).problems.map((p) => `${p.file} ${p.field}${p.line ? `:${p.line}` : ''}: ${p.message}`);
}

describe('checkEntries', () => {
  it('passes a valid collection and returns its entries', () => {
    const result = checkEntries({
      collectionDir: DIR,
      files: [file('a.md', entry('/work/a')), file('b.mdx', entry('/work/b', 'draft: true\n')), file('.DS_Store', ''), file('logo.png', '')],
      pages: [],
      publicFiles: ['favicon.svg'],
    });
    expect(result.problems).toEqual([]);
    expect(result.entries.map((e) => [e.file, e.published])).toEqual([
      [`${DIR}/a.md`, true],
      [`${DIR}/b.mdx`, false],
    ]);
  });

  it('reports every invalid entry, not just the first', () => {
    const found = problems([file('a.md', entry('/work/A')), file('b.md', entry('/work/b', 'tittle: x\n'))]);
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/^src\/content\/work\/a\.md permalink:5: must be lowercase/);
    expect(found[1]).toBe('src/content/work/b.md tittle:6: is not a field an entry can have. Did you mean "title"?');
  });

  it.each([
    ['an empty folder', [], [], ['src/content/work entries: the folder has no entries.']],
    ['an unsupported file', [file('a.md', entry('/work/a')), file('notes.txt', '')], [], ['src/content/work/notes.txt file: is not an entry']],
    ['foo.md beside foo.mdx', [file('foo.md', entry('/work/a')), file('foo.mdx', entry('/work/b'))], [], ['src/content/work/foo.md file: has the same name as "foo.mdx"', 'src/content/work/foo.mdx file: has the same name as "foo.md"']],
    ['two entries at one address', [file('a.md', entry('/work/x')), file('b.md', entry('/work/x'))], [], ['src/content/work/a.md permalink: "/work/x" is also the permalink of src/content/work/b.md', 'src/content/work/b.md permalink: "/work/x" is also the permalink of src/content/work/a.md']],
    ['a draft at a taken address', [file('a.md', entry('/work/x')), file('b.md', entry('/work/x', 'draft: true\n'))], [], []],
    ['an entry at a page’s address', [file('a.md', entry('/work'))], [], ['src/content/work/a.md permalink: "/work" is the address of src/pages/work.astro. Choose another permalink, like "/work/a".']],
    ['an entry at a public file’s address', [file('a.md', entry('/cv'))], ['cv.html'], ['src/content/work/a.md permalink: "/cv" is also served by public/cv.html.']],
    ['Liquid in a body', [file('a.md', `${entry('/work/a')}{{ site.baseurl }}/work/a\n`)], [], ['src/content/work/a.md body:9: Jekyll Liquid']],
  ])('%s', (_case, files, publicFiles, expected) => {
    const found = problems(files, publicFiles);
    expect(found).toHaveLength(expected.length);
    expected.forEach((start, index) => expect(found[index]).toContain(start));
  });

  it('compares pages and public files without regard to case', () => {
    expect(problems([file('a.md', entry('/about'))], ['About.html'])).toEqual([
      'src/content/work/a.md permalink: "/about" is also served by public/About.html. Remove that file or choose another permalink.',
    ]);
  });
});
