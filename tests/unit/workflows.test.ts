import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PROJECT_ROOT } from '../helpers/site.ts';

const WORKFLOWS = join(PROJECT_ROOT, '.github', 'workflows');
const README = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');

/** The most each job may ask for (least privilege). Lower levels (`read`, `none`) are fine too. */
const ALLOWED: Record<string, string[]> = {
  contents: ['read', 'none'],
  pages: ['write', 'read', 'none'],
  'id-token': ['write', 'none'],
};

type Step = { uses?: string; run?: string; with?: Record<string, unknown>; id?: string };
type Job = { permissions?: unknown; steps?: Step[]; uses?: string; needs?: unknown; environment?: unknown };
type Workflow = { on?: Record<string, unknown>; permissions?: unknown; concurrency?: unknown; jobs: Record<string, Job> };

/**
 * Every problem with a workflow's pinning and permissions, as readable lines (empty when it is fine):
 * each `uses:` is `owner/repo@<40-hex SHA> # vX...`, top-level permissions are `{}`, and no job asks
 * for more than contents: read, pages: write, id-token: write.
 */
function workflowProblems(text: string): string[] {
  const problems: string[] = [];
  const workflow = parse(text) as Workflow;
  const jobs = Object.entries(workflow.jobs ?? {});
  const uses = jobs.flatMap(([, job]) => [job.uses, ...(job.steps ?? []).map((step) => step.uses)]).filter((u) => u !== undefined);

  // The version comment only survives in the text, so every `uses:` is also checked line by line.
  const usesLines = text.split('\n').filter((line) => /^\s*(-\s+)?uses:/.test(line));
  if (usesLines.length !== uses.length) problems.push(`found ${uses.length} uses: values but ${usesLines.length} uses: lines; write one per line`);
  for (const line of usesLines) {
    const match = /uses:\s*["']?([^\s"'#]+)["']?\s*(#.*)?$/.exec(line);
    const ref = match?.[1] ?? line.trim();
    if (ref.startsWith('./')) continue; // a local action is pinned by this commit
    if (!/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/.test(ref)) problems.push(`${ref}: not pinned by a full 40-hex commit SHA`);
    if (!/^#\s*v\d+(\.\d+)*\b/.test(match?.[2] ?? '')) problems.push(`${ref}: no version comment (# v1.2.3) after the SHA`);
  }

  if (!isEmptyObject(workflow.permissions)) problems.push(`top-level permissions must be {}, not ${JSON.stringify(workflow.permissions)}`);
  for (const [name, job] of jobs) {
    if (job.permissions === undefined) continue; // inherits {}
    if (typeof job.permissions !== 'object' || job.permissions === null) {
      problems.push(`job ${name}: permissions must list scopes, not ${JSON.stringify(job.permissions)}`);
      continue;
    }
    for (const [scope, level] of Object.entries(job.permissions)) {
      if (!ALLOWED[scope]?.includes(String(level))) problems.push(`job ${name}: ${scope}: ${String(level)} is more than it may ask for`);
    }
  }
  return problems;
}

function isEmptyObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0;
}

function load(file: string): { text: string; workflow: Workflow } {
  const text = readFileSync(join(WORKFLOWS, file), 'utf8');
  return { text, workflow: parse(text) as Workflow };
}

/** The first command in the README's shell blocks that starts with `prefix` (`npm run build`), comment dropped. */
function readmeCommand(prefix: string): string {
  const line = README.split('\n').find((l) => l.startsWith(prefix));
  if (!line) throw new Error(`README.md has no command starting with "${prefix}"`);
  return line
    .replace(/\s+#.*$/, '')
    .split('&&')[0]!
    .trim();
}

const SHA = 'a'.repeat(40);
const GOOD = `permissions: {}\njobs:\n  a:\n    permissions:\n      contents: read\n    steps:\n      - uses: actions/checkout@${SHA} # v7.0.1\n`;

describe('workflowProblems', () => {
  it('passes a pinned, least-privilege workflow', () => expect(workflowProblems(GOOD)).toEqual([]));

  it.each([
    [GOOD.replace(`@${SHA} # v7.0.1`, '@v7'), 'actions/checkout@v7: not pinned by a full 40-hex commit SHA'],
    [GOOD.replace(`@${SHA}`, '@3d3c42e'), 'actions/checkout@3d3c42e: not pinned by a full 40-hex commit SHA'],
    [GOOD.replace(' # v7.0.1', ''), `actions/checkout@${SHA}: no version comment (# v1.2.3) after the SHA`],
    [GOOD.replace('permissions: {}\n', ''), 'top-level permissions must be {}, not undefined'],
    [GOOD.replace('permissions: {}', 'permissions:\n  contents: read'), 'top-level permissions must be {}, not {"contents":"read"}'],
    [GOOD.replace('contents: read', 'contents: write'), 'job a: contents: write is more than it may ask for'],
    [GOOD.replace('contents: read', 'actions: read'), 'job a: actions: read is more than it may ask for'],
    [GOOD.replace('    permissions:\n      contents: read', '    permissions: write-all'), 'job a: permissions must list scopes, not "write-all"'],
  ])('finds %#: %s', (text, problem) => expect(workflowProblems(text)).toContain(problem));
});

describe('the workflow files', () => {
  const files = readdirSync(WORKFLOWS).filter((file) => /\.ya?ml$/.test(file));

  it('include deploy.yml and ci.yml', () => expect(files).toEqual(expect.arrayContaining(['deploy.yml', 'ci.yml'])));

  it.each(files)('%s pins every action and asks for least privilege', (file) => expect(workflowProblems(load(file).text)).toEqual([]));
});

describe('deploy.yml', () => {
  const { workflow } = load('deploy.yml');
  const build = workflow.jobs['build']!;
  const deploy = workflow.jobs['deploy']!;
  const steps = build.steps ?? [];
  const indexOf = (find: (step: Step) => boolean): number => steps.findIndex(find);

  it('runs on a push to main and by hand', () => {
    expect(workflow.on?.['push']).toEqual({ branches: ['main'] });
    expect(workflow.on).toHaveProperty('workflow_dispatch');
  });

  it('never runs two deployments at once', () => expect(workflow.concurrency).toMatchObject({ group: expect.any(String) }));

  it('installs from the lockfile, works out the address, builds with the README’s command, then uploads dist', () => {
    const install = indexOf((step) => /^npm ci\b/.test(step.run ?? ''));
    const address = indexOf((step) => step.run === 'node scripts/pages-env.ts');
    const buildStep = indexOf((step) => step.run === readmeCommand('npm run build'));
    const upload = indexOf((step) => step.uses?.startsWith('actions/upload-pages-artifact@') ?? false);
    expect(readmeCommand('npm run build')).toBe('npm run build');
    expect([install, address, buildStep, upload].every((i) => i >= 0)).toBe(true);
    expect(install < address && address < buildStep && buildStep < upload).toBe(true);
    expect(String(steps[upload]?.with?.['path']).replace(/^\.\//, '').replace(/\/$/, '')).toBe('dist');
  });

  it('restores the optimised images before building, keyed on the images and the lockfile', () => {
    const cache = indexOf((step) => step.uses?.startsWith('actions/cache@') ?? false);
    const buildStep = indexOf((step) => step.run === 'npm run build');
    expect(cache).toBeGreaterThanOrEqual(0);
    expect(cache).toBeLessThan(buildStep);
    expect(steps[cache]?.with?.['path']).toBe('node_modules/.astro/assets');
    expect(String(steps[cache]?.with?.['key'])).toMatch(/^astro-images-\$\{\{ hashFiles\(.*'public\/\*\*\/\*\.png'.*'package-lock\.json'\) \}\}$/);
  });

  it('lets repository variables override SITE_URL and BASE_PATH', () => {
    const address = steps.find((step) => step.run === 'node scripts/pages-env.ts') as Step & { env?: Record<string, string> };
    expect(address.env).toEqual({ SITE_URL: '${{ vars.SITE_URL }}', BASE_PATH: '${{ vars.BASE_PATH }}' });
  });

  it('builds with contents: read only and deploys with pages and id-token write only', () => {
    expect(build.permissions).toEqual({ contents: 'read' });
    expect(deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(deploy.needs).toBe('build');
    expect(deploy.environment).toMatchObject({ name: 'github-pages' });
    expect(deploy.steps?.map((step) => step.uses?.split('@')[0])).toEqual(['actions/deploy-pages']);
  });
});

describe('ci.yml', () => {
  const { workflow } = load('ci.yml');
  const jobs = Object.values(workflow.jobs);
  const runs = jobs.flatMap((job) => (job.steps ?? []).map((step) => step.run));

  it('runs on pushes and pull requests', () => {
    expect(workflow.on).toHaveProperty('push');
    expect(workflow.on).toHaveProperty('pull_request');
  });

  it('installs from the lockfile and runs the README’s test command', () => {
    expect(readmeCommand('npm test')).toBe('npm test');
    expect(runs.some((run) => /^npm ci\b/.test(run ?? ''))).toBe(true);
    expect(runs).toContain(readmeCommand('npm test'));
  });

  it('reads the repository only', () => expect(jobs.map((job) => job.permissions)).toEqual(jobs.map(() => ({ contents: 'read' }))));

  it('points the browser tests at a Chromium the runner has', () =>
    expect(jobs.map((job) => (job as Job & { env?: Record<string, string> }).env?.['CHROMIUM_PATH'])).toEqual(jobs.map(() => '/usr/bin/google-chrome')));
});
