import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSiteInput } from '../../src/lib/checks/read-site.ts';
import { checkSite } from '../../src/lib/checks/site.ts';
import { OUTPUT_ROOT } from '../helpers/site.ts';

const PAGES = 'src/content/pages';
const page = (permalink: string) => `---\nlayout: page\ntitle: Long\npermalink: ${permalink}\n---\n\nBody.\n`;

function check(pageText: string): string[] {
  return checkSite({
    pagesDir: PAGES,
    pageFiles: [{ path: `${PAGES}/long.md`, text: pageText }],
    postsDir: 'src/content/posts',
    postFiles: [],
    posts: { permalink: 'date', timezone: 'UTC' },
    dataFiles: [],
    routes: [],
    publicFiles: [],
  }).problems.map((p) => `${p.file} ${p.field}${p.line ? ` (line ${p.line})` : ''}: ${p.message}`);
}

describe('names too long for the disk are found before the build writes anything', () => {
  it('a 300-character permalink segment', () => {
    expect(check(page(`/notes/${'a'.repeat(300)}`))).toEqual([
      `${PAGES}/long.md permalink (line 4): "${'a'.repeat(40)}…" is 305 bytes long, but a file or folder name may be at most 255. Shorten that part of the address.`,
    ]);
  });
  it('counts the name the build writes (with ".html"), and passes one that fits', () => {
    expect(check(page(`/${'a'.repeat(250)}`))).toHaveLength(0);
    expect(check(page(`/${'a'.repeat(251)}`))).toHaveLength(1);
  });
});

describe('a page that is not UTF-8', () => {
  it('fails with the file and line', async () => {
    const root = join(OUTPUT_ROOT, 'security-input-files', 'utf8');
    rmSync(root, { recursive: true, force: true });
    mkdirSync(join(root, PAGES), { recursive: true });
    writeFileSync(
      join(root, PAGES, 'bad.md'),
      Buffer.concat([Buffer.from('---\nlayout: page\ntitle: Bad\npermalink: /bad\n---\n\nCaf'), Buffer.from([0xe9]), Buffer.from('.\n')]),
    );
    const input = await readSiteInput(root, join(root, 'public'), [], { permalink: 'date', timezone: 'UTC' });
    const problems = checkSite(input).problems.filter((problem) => problem.file === `${PAGES}/bad.md`);
    expect(problems).toEqual([{ file: `${PAGES}/bad.md`, field: 'file', line: 7, message: expect.stringContaining('is not valid UTF-8') }]);
  });
});
