import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../scripts/import/cli.ts';
import { destinationProblem } from '../../scripts/import/write.ts';
import { PORTFOLIO, PORTFOLIO_URLS } from '../helpers/jekyll-fixture.ts';
import { SAMPLE_SITE } from '../helpers/site.ts';

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const OUTPUT = join(PROJECT_ROOT, 'tests', '.output', 'import');
const FIXTURES = join(PROJECT_ROOT, 'tests', 'fixtures', 'import');
const EXAMPLE = PORTFOLIO;
/** The seed entry a fresh clone ships, as the sample site keeps it: the importer knows it by its bytes. */
const SEED = readFileSync(join(SAMPLE_SITE, 'src', 'content', 'pages', 'work', 'amazon.md'));

/** A stand-in for a fresh clone: the sample content the project ships, committed. */
function freshProject(name: string, git = true): string {
  const root = join(OUTPUT, name, 'project');
  rmSync(join(OUTPUT, name), { recursive: true, force: true });
  const files: Record<string, string | Buffer> = {
    'src/content/pages/home.md': '---\nlayout: home\ntitle: Home\npermalink: /\n---\nPlaceholder.\n',
    'src/content/pages/work/amazon.md': SEED,
    'src/content/pages/work/gt.md': '---\nlayout: work_page\ntitle: Georgia Tech\ndata: work\npermalink: /work/gt\n---\nSample.\n',
    'src/data/work.yml': 'Amazon:\n  summary: Sample\n',
    'src/content/posts/.gitkeep': '',
    'src/site.config.ts': "export default { name: 'Your Name' };\n",
    'public/favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>\n',
    'src/lib/keep.ts': 'export {};\n',
    'package.json': '{ "name": "portfolio" }\n',
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  if (git) {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: root, stdio: 'ignore' });
    git('init', '-q');
    git('add', '-A');
    git('-c', 'user.name=Test', '-c', 'user.email=test@example.org', 'commit', '-q', '-m', 'sample');
  }
  return root;
}

/** A Jekyll site to import: a copy of a fixture that a test may change. */
function jekyllSite(name: string, from: string): string {
  const root = join(OUTPUT, name, 'site');
  cpSync(from, root, { recursive: true });
  return root;
}

/** Every file under a folder (git's own files aside), by path, with a hash of its bytes. */
function snapshot(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = relative(root, join(entry.parentPath, entry.name)).split('\\').join('/');
    if (path.startsWith('.git/')) continue;
    files[path] = createHash('sha256')
      .update(readFileSync(join(root, path)))
      .digest('hex');
  }
  return files;
}

function importInto(projectRoot: string, args: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = run(args, { projectRoot, cwd: OUTPUT, io: { out: (text) => (out += text), err: (text) => (err += text) } });
  return { code, out, err };
}

beforeEach(() => mkdirSync(OUTPUT, { recursive: true }));

describe('bad usage exits with 2 and says how to call it', () => {
  it.each([
    ['no path', [], 'Give the path of the Jekyll site to import'],
    ['two paths', ['a', 'b'], 'Give one Jekyll site, not 2'],
    ['an unknown option', ['--yes', 'a'], 'Unknown option --yes.'],
    ['a path that is not a folder', [join(FIXTURES, 'minimal', 'about.md')], 'is not a folder'],
    ['not a Jekyll site (no _config.yml)', [join(FIXTURES, 'not-jekyll')], 'The folder has no _config.yml, so it is not a Jekyll site.'],
  ])('%s', (name, args, message) => {
    const project = freshProject(`usage-${name.replace(/\W+/g, '-')}`);
    const before = snapshot(project);
    const result = importInto(project, args);
    expect(result.code).toBe(2);
    expect(result.err).toContain(message);
    expect(result.err).toContain('Usage: npm run import -- <path to a Jekyll site> [--force] [--dry-run]');
    expect(snapshot(project)).toEqual(before);
  });
});

describe('refusals exit with 1 and write nothing', () => {
  it('an include that climbs out of _includes/', () => {
    const project = freshProject('refuse-include');
    const before = snapshot(project);
    const result = importInto(project, [join(FIXTURES, 'include-outside')]);
    expect(result.code).toBe(1);
    expect(result.out).toContain('Refused, so nothing was written:\n  index.md line 8: {% include ../../secret.html %} reaches outside _includes/');
    expect(snapshot(project)).toEqual(before);
  });

  it('a symbolic link in the site that leads outside it', () => {
    const project = freshProject('refuse-symlink');
    const site = jekyllSite('refuse-symlink', join(FIXTURES, 'minimal'));
    writeFileSync(join(OUTPUT, 'refuse-symlink', 'secret.txt'), 'not for the web\n');
    mkdirSync(join(site, 'assets'), { recursive: true });
    symlinkSync('../../secret.txt', join(site, 'assets', 'notes.txt'));
    const before = snapshot(project);
    const result = importInto(project, [site]);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/Refused, so nothing was written:\n {2}assets\/notes\.txt: is a symbolic link to .*secret\.txt, outside the Jekyll site/);
    expect(snapshot(project)).toEqual(before);
  });

  it('a folder of the project that leads outside it', () => {
    const project = freshProject('refuse-destination');
    const elsewhere = join(OUTPUT, 'refuse-destination', 'elsewhere');
    mkdirSync(elsewhere, { recursive: true });
    rmSync(join(project, 'src', 'data'), { recursive: true });
    symlinkSync(elsewhere, join(project, 'src', 'data'));
    const result = importInto(project, [join(FIXTURES, 'minimal'), '--force']);
    expect(result.code).toBe(1);
    expect(result.out).toContain('src/data/legacy-urls.txt: is inside');
    expect(result.out).toContain('which leads outside the project (a symbolic link). The import writes nothing outside its folders.');
    expect(readdirSync(elsewhere)).toEqual([]);
    expect(existsSync(join(project, 'src', 'content', 'pages', 'about.md'))).toBe(false);
  });

  it.each([
    ['../outside.txt', 'is not a place the import writes'],
    ['src/lib/x.ts', 'is not a place the import writes'],
    ['public/../../x', 'is not a place the import writes'],
    ['public/ok.txt', undefined],
    ['src/site.config.ts', undefined],
  ])('destination %s', (path, problem) => {
    const message = destinationProblem(freshProject('destinations'), path);
    if (problem === undefined) expect(message).toBeUndefined();
    else expect(message).toContain(problem);
  });
});

describe("the project: sample content is replaced, the owner's content is not", () => {
  it('replaces the sample content of a fresh clone', () => {
    const project = freshProject('fresh');
    const result = importInto(project, [join(FIXTURES, 'minimal')]);
    expect(result.code).toBe(0);
    expect(Object.keys(snapshot(project)).sort()).toEqual([
      'package.json',
      'public/favicon.svg',
      'public/robots.txt',
      'src/content/pages/about.md',
      'src/content/posts/.gitkeep',
      // What the import wrote, by path and hash, for the next import (tests/unit/security-import-manifest.test.ts).
      'src/data/.import-manifest.json',
      'src/data/legacy-urls.txt',
      'src/data/liquid/_config.yml',
      'src/lib/keep.ts',
      'src/site.config.ts',
    ]);
    expect(result.out).toContain('  remove   src/content/pages/work/amazon.md  (sample content)');
    // The folder the sample emptied goes too; the content folders stay.
    expect(existsSync(join(project, 'src/content/pages/work'))).toBe(false);
    expect(existsSync(join(project, 'src/content/pages'))).toBe(true);
    expect(readFileSync(join(project, 'src/content/pages/about.md'), 'utf8')).toBe(
      '---\nlayout: page\ntitle: About\npermalink: /about.html\n---\n\nI build queues.\n',
    );
  });

  it.each([
    [
      'a file of the owner next to the import',
      'src/content/pages/mine.md',
      '---\ntitle: Mine\n---\n',
      "is not the project's sample content and not something the import writes",
    ],
    [
      'a changed sample file the import replaces',
      'src/site.config.ts',
      "export default { name: 'Mine' };\n",
      'exists with other content (not the sample content of a fresh clone); the import would overwrite it.',
    ],
    [
      'a changed sample file the import would remove',
      'src/content/pages/home.md',
      '---\ntitle: Changed\n---\n',
      "is not the project's sample content and not something the import writes",
    ],
    [
      'a file in public/ the import would overwrite',
      'public/robots.txt',
      'User-agent: *\nDisallow: /\n',
      'exists with other content (not the sample content of a fresh clone); the import would overwrite it.',
    ],
    ['a file in public/ next to the import', 'public/notes.txt', 'mine\n', "is not the project's sample content and not something the import writes"],
  ])('stops on %s, unless --force', (name, path, text, message) => {
    const project = freshProject(`clash-${name.replace(/\W+/g, '-')}`);
    writeFileSync(join(project, path), text);
    const before = snapshot(project);
    const refused = importInto(project, [join(FIXTURES, 'minimal')]);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain(`Nothing was written: the project has files of its own where the import would write, or next to it:\n  ${path}: ${message}`);
    expect(refused.out).toContain('or run it with --force');
    expect(snapshot(project)).toEqual(before);

    const forced = importInto(project, [join(FIXTURES, 'minimal'), '--force']);
    expect(forced.code).toBe(0);
    expect(existsSync(join(project, 'src/content/pages/about.md'))).toBe(true);
  });

  it("keeps the owner's other files with --force, and never removes them", () => {
    const project = freshProject('force-keeps');
    writeFileSync(join(project, 'src/content/pages/mine.md'), 'mine\n');
    const result = importInto(project, [join(FIXTURES, 'minimal'), '--force']);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^ {2}keep {5}src\/content\/pages\/mine\.md +\(yours, not touched\)$/m);
    expect(readFileSync(join(project, 'src/content/pages/mine.md'), 'utf8')).toBe('mine\n');
  });

  it('outside a git checkout, knows only the seed entry as sample content', () => {
    const project = freshProject('no-git', false);
    const refused = importInto(project, [join(FIXTURES, 'minimal')]);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('This project is not a git checkout, so the importer cannot tell its sample content from yours.');
    expect(refused.out).not.toContain('src/content/pages/work/amazon.md:');
    const forced = importInto(project, [join(FIXTURES, 'minimal'), '--force']);
    expect(forced.code).toBe(0);
    expect(existsSync(join(project, 'src/content/pages/work/amazon.md'))).toBe(false);
    expect(existsSync(join(project, 'src/content/pages/work/gt.md'))).toBe(true);
  });
});

describe('--dry-run and running twice', () => {
  it('--dry-run prints the plan and the report and writes nothing', () => {
    const project = freshProject('dry-run');
    const before = snapshot(project);
    const result = importInto(project, [EXAMPLE, '--dry-run']);
    expect(result.code).toBe(0);
    expect(result.out).toContain('(dry run: nothing is written)');
    expect(result.out).toMatch(/^ {2}write {4}src\/content\/pages\/work\/harbor\.md /m);
    expect(result.out).toContain('  replace  src/site.config.ts');
    expect(result.out).toContain(`Old URLs (${PORTFOLIO_URLS.length})`);
    expect(result.out).toContain('Dry run: nothing was written.');
    expect(snapshot(project)).toEqual(before);
  });

  it('gives the same files, byte for byte, when run again', () => {
    const project = freshProject('twice');
    expect(importInto(project, [EXAMPLE]).code).toBe(0);
    const first = snapshot(project);
    const again = importInto(project, [EXAMPLE]);
    expect(again.code).toBe(0);
    expect(again.out).toContain('Files (0 new, 0 replaced, 0 removed, 25 already as imported)');
    expect(snapshot(project)).toEqual(first);
  });
});
