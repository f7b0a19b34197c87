#!/usr/bin/env node
/**
 * The owner's GitHub workflows, run here as GitHub's stock Ubuntu runner would run them, on a fresh
 * repository made from this one:
 *
 *   1. a fresh clone in a temporary folder (nothing beside it: no shared/ folder of examples), with no `jekyll` on
 *      PATH and the runner's variables (CI, GITHUB_ACTIONS, GITHUB_REPOSITORY, GITHUB_ENV...);
 *   2. every `run:` step of .github/workflows/ci.yml's jobs and deploy.yml's `build` job, in order,
 *      with the env the workflow gives it; the `uses:` steps done by hand (checkout, setup-node...);
 *   3. in the test job's clone, before its tests run, another owner's site: every file of the
 *      sample content replaced or removed by an import of tests/fixtures/import/portfolio, and a
 *      favicon of its own; `npm run build` passes; with a broken entry added, `npm run build` fails
 *      with the friendly message. The job's `npm test` then runs on that site, broken entry and all:
 *      one run of the suite shows that the workflow passes, that the tests ignore the owner's
 *      content, and that they pass a mistake by, which only the build catches.
 *
 * In this project's CI (.ci/run) this is where the whole suite runs, with Chromium required; .ci/run
 * itself runs only the files that compare with Jekyll, which is never on the runner's PATH here.
 *
 * Usage: node scripts/ci/emulate-github.mjs   (from a checkout with node_modules installed; it
 * clones HEAD, so commit first). Exits non-zero at the first step that does not do what GitHub would.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const REPOSITORY = 'someone/someone.github.io';
/** The Node 24 that actions/setup-node would put first on PATH: the project's own `node` package. */
const NODE_24 = join(ROOT, 'node_modules', 'node', 'bin');
/** GitHub's runners ship Google Chrome here; where it is missing, Debian's Chromium stands in. */
const RUNNER_CHROME = '/usr/bin/google-chrome';
const LOCAL_CHROMIUM = '/usr/bin/chromium';

const started = Date.now();
const log = (line) => console.log(`[emulate-github ${((Date.now() - started) / 1000).toFixed(0).padStart(4)}s] ${line}`);
function fail(message) {
  console.error(`\nemulate-github: FAILED: ${message}`);
  process.exit(1);
}

const temp = mkdtempSync(join(tmpdir(), 'emulate-github-'));
const keep = process.argv.includes('--keep');
process.on('exit', () => {
  if (!keep) rmSync(temp, { recursive: true, force: true });
});

/** PATH without `jekyll`: each folder that holds one is replaced by a folder of links to all but it. */
let strippedPath;
function pathWithoutJekyll() {
  if (strippedPath !== undefined) return strippedPath;
  const folders = (process.env['PATH'] ?? '').split(delimiter).filter(Boolean);
  strippedPath = folders
    .map((folder, index) => {
      if (!existsSync(join(folder, 'jekyll'))) return folder;
      const shadow = join(temp, `path-${index}`);
      mkdirSync(shadow);
      for (const name of readdirSync(folder)) if (name !== 'jekyll') symlinkSync(join(folder, name), join(shadow, name));
      return shadow;
    })
    .join(delimiter);
  return strippedPath;
}

/**
 * The runner's environment: only what a job on GitHub starts with, nothing of this machine's test
 * setup; the machine's network settings (proxy, certificates) pass through, so npm can reach the registry.
 */
function runnerEnv(workspace) {
  const passed = Object.fromEntries(
    Object.entries(process.env).filter(([key]) =>
      /^(HOME|USER|LANG|LC_ALL|TERM|TZ|TMPDIR|https?_proxy|HTTPS?_PROXY|NO_PROXY|no_proxy|npm_config_.*|NODE_EXTRA_CA_CERTS|SSL_CERT_(FILE|DIR)|CURL_CA_BUNDLE|GIT_SSL_CAINFO)$/.test(
        key,
      ),
    ),
  );
  const runnerTemp = join(temp, 'runner-temp');
  mkdirSync(runnerTemp, { recursive: true });
  return {
    ...passed,
    PATH: pathWithoutJekyll(),
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: REPOSITORY,
    GITHUB_REPOSITORY_OWNER: REPOSITORY.split('/')[0],
    GITHUB_REF: 'refs/heads/main',
    GITHUB_REF_NAME: 'main',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_WORKSPACE: workspace,
    RUNNER_OS: 'Linux',
    // setup-node's `cache: npm` restores the npm cache: installs come from it, as on a warm runner.
    npm_config_prefer_offline: 'true',
    RUNNER_TEMP: runnerTemp,
    ImageOS: 'ubuntu24',
  };
}

/** `${{ vars.X }}` and `${{ secrets.X }}` are empty in a fresh repository; any other expression is not emulated. */
function expand(value) {
  return String(value).replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (whole, expression) => {
    if (/^(vars|secrets)\.\w+$/.test(expression)) return '';
    fail(`the expression ${whole} is not one this emulation knows`);
    return '';
  });
}

/** Reads what a step wrote to $GITHUB_ENV (`KEY=value` or `KEY<<EOF` … `EOF`) and $GITHUB_PATH. */
function applyGithubFiles(env, files) {
  const lines = readFileSync(files.env, 'utf8').split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    const heredoc = /^([A-Za-z_][A-Za-z0-9_]*)<<(.+)$/.exec(line);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2], index + 1);
      env[heredoc[1]] = lines.slice(index + 1, end).join('\n');
      index = end;
    } else if (line.includes('=')) {
      env[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  writeFileSync(files.env, '');
  const paths = readFileSync(files.path, 'utf8').split('\n').filter(Boolean);
  if (paths.length > 0) env['PATH'] = [...paths.reverse(), env['PATH']].join(delimiter);
  writeFileSync(files.path, '');
}

function sh(command, options) {
  const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', command], {
    stdio: options.capture ? 'pipe' : 'inherit',
    encoding: 'utf8',
    ...options,
  });
  return { status: result.status ?? 1, output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
}

function clone(name) {
  const workspace = join(temp, name, REPOSITORY.split('/')[1]);
  mkdirSync(join(temp, name));
  const result = spawnSync('git', ['clone', '--quiet', '--no-local', ROOT, workspace], { stdio: 'inherit' });
  if (result.status !== 0) fail(`git clone of ${ROOT} failed`);
  if (existsSync(join(workspace, '..', 'shared'))) fail('a shared/ folder of examples is beside the clone');
  return workspace;
}

/**
 * Runs one job of a workflow as the runner would, in its own fresh clone; returns its clone and env.
 * `afterInstall` runs once the dependencies are installed, before the job's other steps.
 */
function runJob(workflowFile, jobName, afterInstall) {
  const workflow = parse(readFileSync(join(ROOT, '.github', 'workflows', workflowFile), 'utf8'));
  const job = workflow.jobs?.[jobName];
  if (!job) fail(`${workflowFile} has no job "${jobName}"`);
  if (job['runs-on'] !== 'ubuntu-latest') fail(`${workflowFile} ${jobName} runs on ${job['runs-on']}, not GitHub's stock Ubuntu runner`);
  const workspace = clone(`${workflowFile}-${jobName}`);
  const env = runnerEnv(workspace);
  const files = { env: join(temp, `${jobName}.env`), path: join(temp, `${jobName}.path`) };
  writeFileSync(files.env, '');
  writeFileSync(files.path, '');
  Object.assign(env, {
    GITHUB_ENV: files.env,
    GITHUB_PATH: files.path,
    GITHUB_OUTPUT: join(temp, `${jobName}.output`),
    GITHUB_STEP_SUMMARY: join(temp, `${jobName}.summary`),
  });
  for (const [key, value] of Object.entries({ ...workflow.env, ...job.env })) env[key] = expand(value);
  if (env['CHROMIUM_PATH'] === RUNNER_CHROME && !existsSync(RUNNER_CHROME)) {
    log(`${RUNNER_CHROME} (GitHub's Chrome) is not on this machine: Debian's Chromium at ${LOCAL_CHROMIUM} stands in for it`);
    env['CHROMIUM_PATH'] = LOCAL_CHROMIUM;
  }
  if (sh('command -v jekyll', { cwd: workspace, env, capture: true }).status === 0) fail('jekyll is still on PATH');
  log(`${workflowFile}, job ${jobName}: fresh clone at ${workspace}, no jekyll on PATH, GITHUB_REPOSITORY=${REPOSITORY}`);

  for (const step of job.steps ?? []) {
    const name = step.name ?? step.uses ?? step.run;
    if (step.uses) {
      const action = step.uses.split('@')[0];
      if (action === 'actions/checkout') log(`step "${name}": the fresh clone`);
      else if (action === 'actions/setup-node') {
        const version = String(step.with?.['node-version']);
        const found = spawnSync(join(NODE_24, 'node'), ['--version'], { encoding: 'utf8' }).stdout?.trim() ?? '';
        if (!found.startsWith(`v${version}.`)) fail(`setup-node asks for Node ${version}; the project's node package has ${found || 'none'}`);
        env['PATH'] = [NODE_24, env['PATH']].join(delimiter);
        log(`step "${name}": Node ${found} first on PATH`);
      } else if (action === 'actions/cache') log(`step "${name}": skipped (an empty cache, as on a first run)`);
      else if (action === 'actions/upload-pages-artifact') {
        const folder = join(workspace, String(step.with?.path ?? '_site'));
        for (const file of ['index.html', '404.html', ...(step.with?.['include-hidden-files'] ? ['.nojekyll'] : [])]) {
          if (!existsSync(join(folder, file))) fail(`step "${name}": ${file} is not in ${folder}`);
        }
        log(`step "${name}": ${step.with?.path} holds index.html, 404.html and .nojekyll`);
      } else fail(`step "${name}": the action ${action} is not one this emulation knows`);
      continue;
    }
    const stepEnv = { ...env };
    for (const [key, value] of Object.entries(step.env ?? {})) stepEnv[key] = expand(value);
    log(`step "${name}": ${step.run.trim().split('\n').join(' ; ')}`);
    const result = sh(expand(step.run), { cwd: workspace, env: stepEnv });
    if (result.status !== 0) fail(`${workflowFile}, job ${jobName}, step "${name}" exited with ${result.status}`);
    applyGithubFiles(env, files);
    if (afterInstall && /\bnpm ci\b/.test(step.run)) {
      afterInstall(workspace, env);
      afterInstall = undefined;
    }
  }
  log(`${workflowFile}, job ${jobName}: passed`);
  return { workspace, env };
}

// ---------------------------------------------------------------------------------------------

const BROKEN = 'src/content/pages/work/broken.md';

/** Makes the clone another owner's site, none of the sample content left, then breaks one entry. */
function otherOwnersSite(workspace, env) {
  const run = (command, { expect: expected = 0 } = {}) => {
    log(`${command}`);
    const result = sh(command, { cwd: workspace, env, capture: expected !== 0 });
    if (expected === 0 && result.status !== 0) fail(`"${command}" exited with ${result.status} in the other owner's site`);
    if (expected !== 0 && result.status === 0) fail(`"${command}" passed in the other owner's site with a broken entry`);
    return result;
  };
  const sample = sh('git ls-files src/content src/data src/includes src/site.config.ts public', { cwd: workspace, env, capture: true })
    .output.split('\n')
    .filter(Boolean);
  run('npm run import -- tests/fixtures/import/portfolio');
  writeFileSync(
    join(workspace, 'public', 'favicon.svg'),
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><circle cx="8" cy="8" r="7" fill="#1e5a8c"/></svg>\n',
  );
  const unchanged = sample.filter(
    (file) => existsSync(join(workspace, file)) && spawnSync('git', ['diff', '--quiet', 'HEAD', '--', file], { cwd: workspace }).status === 0,
  );
  if (unchanged.length > 0) fail(`sample content still in place after the import: ${unchanged.join(', ')}`);
  log(`every piece of sample content replaced (${sample.length} files): ${sample.join(', ')}`);
  run('npm run build');

  writeFileSync(
    join(workspace, BROKEN),
    '---\nlayout: work_page\ntitel: Broken Inc\ndata: work\npermalink: /work/broken\n---\nA page with a typo in its front matter.\n',
  );
  const message = run('npm run build', { expect: 'failure' }).output;
  for (const expected of ['Some files need fixing', BROKEN, 'titel', 'Did you mean "title"?']) {
    if (!message.includes(expected)) fail(`the failed build's output does not say ${JSON.stringify(expected)}:\n${message}`);
  }
  if (/^\s+at .+:\d+:\d+\)?$/m.test(message)) fail(`the failed build printed a stack trace:\n${message}`);
  log(`npm run build fails with the friendly message naming ${BROKEN}; the job's tests now run on this site`);
}

for (const job of Object.keys(parse(readFileSync(join(ROOT, '.github', 'workflows', 'ci.yml'), 'utf8')).jobs)) runJob('ci.yml', job, otherOwnersSite);
const deploy = runJob('deploy.yml', 'build');
if (!readFileSync(join(deploy.workspace, 'dist', 'index.html'), 'utf8').includes('https://someone.github.io/')) {
  fail('the deploy build does not name https://someone.github.io/ (from GITHUB_REPOSITORY) as the site');
}
log("passed: both workflows as on GitHub; ci.yml's tests on another owner's site with a broken entry, which npm run build refuses");
