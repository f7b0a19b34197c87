import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memorySource, readSource } from '../../scripts/import/source.ts';
import { destinationProblem, scriptRefusals } from '../../scripts/import/write.ts';
import { OUTPUT_ROOT } from '../helpers/site.ts';

/** A project folder with `public/` and `src/data/`, and links laid out by the test. */
function project(name: string): string {
  const root = join(OUTPUT_ROOT, 'security-import-write', name);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(join(root, 'public'), { recursive: true });
  mkdirSync(join(root, 'src', 'data'), { recursive: true });
  mkdirSync(join(root, 'docs'), { recursive: true });
  writeFileSync(join(root, 'package.json'), '{}\n');
  return root;
}

describe('a write resolves inside the folder it targets, after links are followed', () => {
  it('writes into plain folders, made or not yet made', () => {
    const root = project('plain');
    expect(destinationProblem(root, 'public/assets/a.png')).toBeUndefined();
    expect(destinationProblem(root, 'src/content/pages/about.md')).toBeUndefined();
  });

  it('refuses public/x -> .. (which would lead a copy onto package.json)', () => {
    const root = project('up');
    symlinkSync('..', join(root, 'public', 'x'));
    expect(destinationProblem(root, 'public/x/package.json')).toMatch(
      /^is inside public\/x, a symbolic link to .*, outside public\/; the import does not write through links/,
    );
  });

  it('refuses a link to another folder of the project', () => {
    const root = project('sideways');
    symlinkSync(join(root, 'docs'), join(root, 'public', 'docs'));
    expect(destinationProblem(root, 'public/docs/index.md')).toMatch(/outside public\//);
  });

  it('refuses a content folder that is itself a link', () => {
    const root = project('area');
    rmSync(join(root, 'public'), { recursive: true });
    symlinkSync('docs', join(root, 'public'));
    expect(destinationProblem(root, 'public/robots.txt')).toMatch(/^is inside public\/, which is a symbolic link/);
  });

  it('keeps a link that stays inside its folder', () => {
    const root = project('inside');
    mkdirSync(join(root, 'public', 'real'));
    symlinkSync('real', join(root, 'public', 'alias'));
    expect(destinationProblem(root, 'public/alias/a.txt')).toBeUndefined();
  });
});

describe('links that lead nowhere', () => {
  it('in the project: a write below one is refused, not a crash', () => {
    const root = project('dangling');
    symlinkSync('missing-folder', join(root, 'public', 'x'));
    expect(destinationProblem(root, 'public/x/a.txt')).toBe(
      'is inside public/x, a symbolic link that leads nowhere. Remove the link and run the import again.',
    );
  });

  it('in the Jekyll site: reported with its path, not a crash', () => {
    const site = join(OUTPUT_ROOT, 'security-import-write', 'jekyll-dangling');
    rmSync(site, { recursive: true, force: true });
    mkdirSync(join(site, 'assets'), { recursive: true });
    writeFileSync(join(site, '_config.yml'), 'title: T\n');
    symlinkSync('nowhere.png', join(site, 'assets', 'logo.png'));
    symlinkSync('no-folder', join(site, 'files'));
    const source = readSource(site);
    expect(source.refusals.map((refusal) => refusal.path)).toEqual(['assets/logo.png', 'files']);
    expect(source.refusals[0]?.message).toContain('is a symbolic link to a file that does not exist');
  });
});

describe('static files that would run script', () => {
  it('are refused with the Jekyll file and line; clean ones pass', () => {
    const site = memorySource({
      'assets/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg">\n<script>alert(1)</script>\n</svg>\n',
      'old/page.htm': '<!doctype html>\n<p>x</p>\n<img src=x onerror=alert(1)>\n',
      'assets/clean.svg': '<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>\n',
      'notes.txt': '<script>alert(1)</script>\n',
    });
    const actions = Object.keys({ 'assets/logo.svg': 0, 'old/page.htm': 0, 'assets/clean.svg': 0, 'notes.txt': 0 }).map((copy) => ({
      kind: 'write' as const,
      file: { path: `public/${copy}`, content: { copy } },
    }));
    expect(scriptRefusals(actions, site).map((refusal) => `${refusal.path} ${refusal.message.slice(0, 30)}`)).toEqual([
      'assets/logo.svg (line 2) has a <script>, which',
      'old/page.htm (line 3) has an onerror attrib',
    ]);
  });
});
