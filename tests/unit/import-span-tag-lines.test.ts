import { markdownToMdast } from 'satteri';
import { describe, expect, it } from 'vitest';
import { planImport } from '../../scripts/import/plan.ts';
import { memorySource } from '../../scripts/import/source.ts';

// A kramdown post in small: a <br> line right above a heading and above a fence, as many blogs write
// for spacing, and one right above plain text.
const POST = [
  '---',
  'title: Search',
  '---',
  'Intro.',
  '',
  '<br>',
  '### Linear search',
  '<br>',
  '#### Cost',
  '',
  'Step by step.',
  '',
  '<br>',
  '<img src="/x.png">',
  '```',
  'print(1)',
  '```',
  '',
  '<br>',
  'Plain **text** after a break.',
  '',
].join('\n');

function importedPost(files: Record<string, string>) {
  const result = planImport(memorySource({ '_config.yml': 'title: T\n', 'index.md': '---\nlayout: default\n---\nHi.\n', 'x.png': 'an image', ...files }));
  if (!result.ok) throw new Error(result.message);
  const file = result.plan.files.find((planned) => planned.path === 'src/content/posts/2020-01-02-search.md');
  if (!file || !('text' in file.content)) throw new Error('post not planned');
  return { text: file.content.text, report: result.plan.report };
}

interface Node {
  type: string;
  depth?: number;
  value?: string;
  children?: Node[];
}
const blocks = (text: string) => ((markdownToMdast(text.slice(text.indexOf('\n---\n', 4) + 5)) as unknown as Node).children ?? []).map((node) => node.type);

describe('a line holding only a span tag right above a heading or a fence', () => {
  it('gets a written space after its tag, so the heading and the code are blocks as kramdown made them and the excerpt still ends at the first blank line', () => {
    const { text, report } = importedPost({ '_posts/2020-01-02-search.md': POST });
    expect(text).toContain('<br>&#32;\n### Linear search\n<br>&#32;\n#### Cost');
    // The first of two tag lines: the paragraph it starts holds the second.
    expect(text).toContain('<br>&#32;\n<img src="/x.png">\n```');
    const types = blocks(text);
    expect(types).toContain('heading');
    expect(types).toContain('code');
    expect(report).toContainEqual(
      expect.objectContaining({
        kind: 'changed',
        file: '_posts/2020-01-02-search.md',
        line: 6,
        message: expect.stringContaining('3 lines holding only a tag such as <br>'),
      }),
    );
  });

  it('is left alone above plain text, and a post without one is unchanged', () => {
    const { text } = importedPost({ '_posts/2020-01-02-search.md': POST });
    expect(text).toContain('<br>\nPlain **text** after a break.');
    const plain = importedPost({ '_posts/2020-01-02-search.md': '---\ntitle: Search\n---\n### Linear search\n\n<br>\n\nText.\n' });
    expect(plain.text).toContain('### Linear search\n\n<br>\n\nText.\n');
    expect(plain.report.some((line) => line.message.includes('holding only a tag'))).toBe(false);
  });
});
