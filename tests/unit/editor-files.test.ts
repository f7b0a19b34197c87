import { describe, expect, it } from 'vitest';
import { isEditorFile, readMidSave } from '../../src/lib/content/editor-files.ts';

describe('files an editor writes while saving', () => {
  it.each([
    'sedKzga9D',
    '.amazon.md.swp',
    'amazon.md.swo',
    '4913',
    'amazon.md~',
    '.#amazon.md',
    '#amazon.md#',
    'amazon.md___jb_tmp___',
    'amazon.md.kate-swp',
    '.goutputstream-X1Y2Z3',
    'amazon.md.tmp',
    '.DS_Store',
  ])('%s is one: astro dev leaves it out', (name) => expect(isEditorFile(name)).toBe(true));

  it.each(['amazon.md', 'research.mdx', 'work.yml', 'logo.png', 'sed.md', 'notes.txt', 'sedimentary.md'])('%s is the owner’s', (name) => {
    expect(isEditorFile(name)).toBe(false);
  });
});

describe('a check that read a file mid-save', () => {
  it('is one where a page’s front matter could not be read yet, and then it is checked again before anything is said', () => {
    expect(readMidSave([{ field: 'front matter' }, { field: '"Typo Inc" page' }])).toBe(true);
    expect(readMidSave([{ field: 'permalnk' }])).toBe(false);
    expect(readMidSave([])).toBe(false);
  });
});
