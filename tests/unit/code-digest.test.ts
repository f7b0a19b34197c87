import { appendFile, mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { codeDigest } from '../../src/lib/content/code-digest.ts';
import { OUTPUT_ROOT } from '../helpers/site.ts';

describe('codeDigest: what tells Astro its stored content was made by other code', () => {
  const root = join(OUTPUT_ROOT, 'unit', 'code-digest');
  const digest = () => codeDigest(root, ['src/lib', 'src/content.config.ts']);

  beforeEach(async () => {
    await rm(root, { recursive: true, force: true });
    await mkdir(join(root, 'src', 'lib', 'schema'), { recursive: true });
    await writeFile(join(root, 'src', 'lib', 'schema', 'page.ts'), 'export const page = 1;\n');
    await writeFile(join(root, 'src', 'lib', 'url.ts'), 'export const url = 2;\n');
    await writeFile(join(root, 'src', 'content.config.ts'), 'export const collections = {};\n');
  });

  it('stays the same while the code does', () => {
    expect(digest()).toMatch(/^[0-9a-f]{16}$/);
    expect(digest()).toBe(digest());
  });

  it('changes with any TypeScript file of the folders or the files named', async () => {
    const before = digest();
    await appendFile(join(root, 'src', 'lib', 'schema', 'page.ts'), '// a comment\n');
    const afterSchema = digest();
    expect(afterSchema).not.toBe(before);
    await appendFile(join(root, 'src', 'content.config.ts'), '// a comment\n');
    expect(digest()).not.toBe(afterSchema);
  });

  it('changes when a file is added, or moved with the same text', async () => {
    const before = digest();
    await writeFile(join(root, 'src', 'lib', 'extra.ts'), '');
    const added = digest();
    expect(added).not.toBe(before);
    await rm(join(root, 'src', 'lib', 'extra.ts'));
    await writeFile(join(root, 'src', 'lib', 'schema', 'extra.ts'), '');
    expect(digest()).not.toBe(added);
  });

  it('leaves out files that are not TypeScript, and paths that do not exist', async () => {
    const before = digest();
    await writeFile(join(root, 'src', 'lib', 'notes.md'), 'Notes');
    expect(digest()).toBe(before);
    expect(codeDigest(root, ['src/lib', 'src/content.config.ts', 'src/missing'])).toBe(before);
  });
});
