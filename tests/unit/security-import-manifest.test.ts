import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../scripts/import/cli.ts';
import { MANIFEST, readManifest, writeSampleManifest } from '../../scripts/import/project.ts';
import { FIXTURES, OUTPUT_ROOT } from '../helpers/site.ts';

const OUTPUT = join(OUTPUT_ROOT, 'security-import-manifest');
const MINIMAL = join(FIXTURES, 'import', 'minimal');
const SAMPLE: Record<string, string> = {
  'src/content/pages/home.md': '---\nlayout: home\ntitle: Home\npermalink: /\n---\nPlaceholder.\n',
  'src/content/pages/work/gt.md': '---\nlayout: work_page\ntitle: Georgia Tech\ndata: work\npermalink: /work/gt\n---\nSample.\n',
  'src/data/work.yml': 'Georgia Tech:\n  summary: Sample\n',
  'src/site.config.ts': "export default { name: 'Your Name' };\n",
};

/** A fresh clone with its manifest of sample content, committed to git. */
function project(name: string): string {
  const root = join(OUTPUT, name);
  rmSync(root, { recursive: true, force: true });
  for (const [path, text] of Object.entries({ ...SAMPLE, 'package.json': '{}\n', 'public/favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>\n' })) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  writeSampleManifest(root, Object.keys(SAMPLE));
  commit(root, 'fresh clone');
  return root;
}

function commit(root: string, message: string): void {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, stdio: 'ignore' });
  if (!existsSync(join(root, '.git'))) git('init', '-q');
  git('add', '-A');
  git('-c', 'user.name=Test', '-c', 'user.email=test@example.org', 'commit', '-q', '-m', message);
}

function importInto(root: string, args: string[] = []): { code: number; out: string } {
  let out = '';
  const code = run([MINIMAL, ...args], { projectRoot: root, io: { out: (text) => (out += text), err: (text) => (out += text) } });
  return { code, out };
}

describe('the import knows exactly what it wrote and what the sample is', () => {
  it('replaces the sample of a fresh clone and records what it wrote', () => {
    const root = project('fresh');
    expect(importInto(root).code).toBe(0);
    expect(existsSync(join(root, 'src/content/pages/home.md'))).toBe(false);
    const manifest = readManifest(root);
    expect(Object.keys(manifest?.imported ?? {}).sort()).toEqual([
      'public/robots.txt',
      'src/content/pages/about.md',
      'src/data/legacy-urls.txt',
      'src/data/liquid/_config.yml',
      'src/site.config.ts',
    ]);
    expect(manifest?.sample).toEqual({});
    // The next import finds only its own files, unchanged.
    const again = importInto(root);
    expect(again.code).toBe(0);
    expect(again.out).toContain('0 new, 0 replaced, 0 removed, 5 already as imported');
  });

  it('never removes a page the owner committed, nor replaces a config they edited and committed, without --force', () => {
    const root = project('owner-committed');
    writeFileSync(join(root, 'src/content/pages/mine.md'), '---\nlayout: page\ntitle: Mine\npermalink: /mine\n---\nMine.\n');
    writeFileSync(join(root, 'src/site.config.ts'), "export default { name: 'Jane' };\n");
    commit(root, 'my own page and config');
    const refused = importInto(root);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain("src/content/pages/mine.md: is not the project's sample content");
    expect(refused.out).toContain('src/site.config.ts: exists with other content');
    expect(readFileSync(join(root, 'src/site.config.ts'), 'utf8')).toBe("export default { name: 'Jane' };\n");
    const forced = importInto(root, ['--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(join(root, 'src/content/pages/mine.md'), 'utf8')).toContain('Mine.');
  });

  it('treats an imported file the owner edited as theirs', () => {
    const root = project('edited-import');
    expect(importInto(root).code).toBe(0);
    writeFileSync(join(root, 'src/content/pages/about.md'), '---\nlayout: page\ntitle: About me\npermalink: /about.html\n---\nEdited.\n');
    const again = importInto(root);
    expect(again.code).toBe(1);
    expect(again.out).toContain('src/content/pages/about.md: exists with other content');
    expect(readFileSync(join(root, 'src/content/pages/about.md'), 'utf8')).toContain('Edited.');
  });

  it("is not itself taken for the owner's file", () => {
    const root = project('manifest-itself');
    expect(importInto(root, ['--dry-run']).out).not.toContain(`${MANIFEST}:`);
  });
});

describe("the project's own manifest", () => {
  it('lists the sample content a fresh clone ships, as it is', () => {
    const root = join(import.meta.dirname, '..', '..');
    const manifest = readManifest(root);
    expect(manifest).toBeDefined();
    for (const [path, hash] of Object.entries(manifest?.sample ?? {})) {
      const actual = createHash('sha256')
        .update(readFileSync(join(root, path)))
        .digest('hex');
      expect(actual, `${path} changed: write the manifest again with writeSampleManifest (scripts/import/project.ts)`).toBe(hash);
    }
  });
});
