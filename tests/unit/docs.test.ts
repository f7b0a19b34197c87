import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { markdownToMdast } from 'satteri';
import { describe, expect, it } from 'vitest';
import { OUTPUT_ROOT, PROJECT_ROOT } from '../helpers/site.ts';

/** What the owner reads first, read as Markdown (its syntax tree), and the commands in it tried. */

interface Node {
  type: string;
  value?: string;
  lang?: string | null;
  depth?: number;
  children?: Node[];
}

const tree = (file: string) => markdownToMdast(readFileSync(join(PROJECT_ROOT, file), 'utf8')) as unknown as Node;
const textOf = (node: Node): string => node.value ?? (node.children ?? []).map(textOf).join('');

/** The top-level nodes under each heading, by the heading's text. */
function sections(root: Node): Map<string, Node[]> {
  const result = new Map<string, Node[]>();
  let current: Node[] = [];
  for (const node of root.children ?? []) {
    if (node.type === 'heading') result.set(textOf(node), (current = []));
    else current.push(node);
  }
  return result;
}

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

describe('docs/deploy.md', () => {
  const deploy = sections(tree('docs/deploy.md'));
  const steps = deploy.get('From an empty repository to a live site')?.find((node) => node.type === 'list');

  it('step 2 points a fresh clone, which already has an origin, at the owner’s repository', () => {
    const step = steps?.children?.[1];
    expect(textOf(step?.children?.[0] ?? { type: 'text' })).toContain('Push');
    const commands = (step?.children ?? []).filter((node) => node.type === 'code' && node.lang === 'sh').flatMap((node) => (node.value ?? '').split('\n'));
    const remote = commands.filter((line) => line.startsWith('git remote'));
    expect(remote).toHaveLength(1);

    // A clone of the project, as the README's quick start makes: its origin is the project.
    const root = join(OUTPUT_ROOT, 'docs-deploy');
    rmSync(root, { recursive: true, force: true });
    mkdirSync(join(root, 'project'), { recursive: true });
    git(join(root, 'project'), 'init', '-q');
    git(root, 'clone', '-q', join(root, 'project'), 'clone');
    const owner = 'https://github.com/jane/jane.github.io.git';
    const args = (remote[0] ?? '').replace('https://github.com/<you>/<repository>.git', owner).split(' ').slice(1);
    git(join(root, 'clone'), ...args);
    expect(git(join(root, 'clone'), 'remote', 'get-url', 'origin').trim()).toBe(owner);
  });

  it('explains the preview under its own heading, right after the commands it is about', () => {
    const section = deploy.get('Build and preview what the workflow will publish') ?? [];
    const code = section.findIndex((node) => node.type === 'code');
    expect(section[code]?.value).toContain('npm run build && npm run preview');
    expect(textOf(section[code + 1] ?? { type: 'text' })).toContain('npm run preview reads BASE_PATH too');
    for (const [heading, nodes] of deploy) {
      if (heading !== 'Build and preview what the workflow will publish') expect(nodes.map(textOf).join('\n'), heading).not.toContain('npm run preview reads');
    }
  });
});

describe('README.md', () => {
  it('says how to stop npm run dev', () => {
    const quickStart = sections(tree('README.md')).get('Quick start') ?? [];
    expect(quickStart.map(textOf).join('\n')).toContain('Stop npm run dev with Ctrl-C');
  });
});
