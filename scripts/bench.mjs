/**
 * `npm run bench -- [N ...] [--runs R] [--warm] [--no-cards]`: how long `astro build` takes for N work
 * entries, against a bare Astro site publishing the same entries. With `--warm`, each site is built
 * once untimed and then timed building again over its own caches (optimised images, social cards), as
 * an owner's second build is. `--no-cards` builds our copy without the social cards, the baseline
 * they are measured against. See docs/performance.md.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { appendFile, cp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { BARE_SITE_FILES } from './lib/bare-site.mjs';
import {
  benchEntries,
  benchFileName,
  benchPermalink,
  benchRecords,
  buildOrder,
  buildPhases,
  formatBenchTable,
  formatPhases,
  median,
  parseBenchArgs,
  parseCpuMs,
  parseMaxRss,
  runRatio,
} from './lib/bench.mjs';
import { buildEnv } from './lib/child-env.mjs';
import { ASTRO_BIN, OUTPUT_ROOT as OUTPUT, PROJECT_ROOT, copyProject } from './lib/project-copy.mjs';

const OUTPUT_ROOT = join(OUTPUT, 'bench');
// GNU time reports the peak RSS of the process it runs (the largest of it and its waited-for children).
const GNU_TIME = '/usr/bin/time';

/** The social cards' integration in a copy built without them: the pages keep their tags, no card is drawn. */
const NO_CARDS = "export function ogCards() {\n  return { name: 'portfolio:og-cards', hooks: {} };\n}\n";

/** Writes a copy of the project with the generated entries and their records added to its own. */
async function writeOurSite(root, entries, records, noCards) {
  await copyProject(root);
  if (noCards) await writeFile(join(root, 'src', 'integrations', 'og-cards.ts'), NO_CARDS);
  await writeFiles(join(root, 'src', 'content', 'pages', 'work'), entries);
  await appendFile(join(root, 'src', 'data', 'work.yml'), `\n${records}`);
}

/** Writes the bare site with exactly the entries our copy has (the project's own and the generated ones). */
async function writeBareSite(root, ourRoot) {
  await rm(root, { recursive: true, force: true });
  await mkdir(root, { recursive: true });
  await writeFiles(root, BARE_SITE_FILES);
  await cp(join(ourRoot, 'src', 'content', 'pages'), join(root, 'src', 'content', 'pages'), { recursive: true });
  await cp(join(ourRoot, 'src', 'data'), join(root, 'src', 'data'), { recursive: true });
}

async function writeFiles(folder, files) {
  for (const [file, text] of Object.entries(files)) {
    await mkdir(dirname(join(folder, file)), { recursive: true });
    await writeFile(join(folder, file), text);
  }
}

/**
 * Runs `astro build` in `root` and measures it: wall time from spawn to exit, and the peak RSS of
 * the build process (from GNU time, or else the child's VmHWM polled from /proc). Every output
 * line is kept with its time since spawn, so a slow phase can be found in the log.
 */
async function build(root, logFile) {
  const useTime = existsSync(GNU_TIME);
  const [command, args] = useTime ? [GNU_TIME, ['-v', process.execPath, ASTRO_BIN, 'build']] : [process.execPath, [ASTRO_BIN, 'build']];
  const started = performance.now();
  const child = spawn(command, args, { cwd: root, env: buildEnv(process.env), stdio: ['ignore', 'pipe', 'pipe'] });
  const lines = [];
  const streams = { stdout: '', stderr: '' };
  // Chunks split lines anywhere: keep each stream's unfinished line until its newline arrives.
  const pending = { stdout: '', stderr: '' };
  const take = (name, text, at) => {
    const parts = (pending[name] + text).split('\n');
    pending[name] = parts.pop() ?? '';
    for (const line of parts) if (line.trim() !== '') lines.push({ at, text: line });
  };
  for (const name of ['stdout', 'stderr']) {
    child[name].on('data', (chunk) => {
      streams[name] += chunk.toString();
      take(name, chunk.toString(), performance.now() - started);
    });
  }
  let polledHwm;
  const poll = useTime ? undefined : setInterval(() => void readHwm(child.pid).then((bytes) => (polledHwm = Math.max(polledHwm ?? 0, bytes ?? 0))), 50);
  const exitCode = await new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 1));
  });
  const ms = performance.now() - started;
  if (poll) clearInterval(poll);
  for (const name of ['stdout', 'stderr']) take(name, '\n', ms);
  await mkdir(dirname(logFile), { recursive: true });
  await writeFile(logFile, `${lines.map(({ at, text }) => `${(at / 1000).toFixed(2).padStart(7)}s  ${text}`).join('\n')}\n`);
  if (exitCode !== 0) throw new Error(`astro build failed in ${root} (exit ${exitCode}); log: ${logFile}\n${(streams.stdout + streams.stderr).slice(-3000)}`);
  return {
    ms,
    cpuMs: useTime ? parseCpuMs(streams.stderr) : undefined,
    rssBytes: useTime ? parseMaxRss(streams.stderr) : polledHwm,
    phases: buildPhases(lines, ms),
  };
}

/**
 * Writes what the copies and the last build left in memory to disk, so the kernel does not do it
 * during the next build: otherwise a build may share the disk with the one before it.
 */
function flushToDisk() {
  if (process.platform !== 'win32') spawnSync('sync', { stdio: 'ignore' });
}

/** VmHWM (peak RSS) of a live process, in bytes. */
async function readHwm(pid) {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const match = /VmHWM:\s*(\d+) kB/.exec(status);
  return match ? Number(match[1]) * 1024 : undefined;
}

/** Fails loudly when a build "succeeded" without writing the pages it was given. */
async function expectPages(root, count) {
  const dist = join(root, 'dist');
  const missing = [0, count - 1].map((index) => `${benchPermalink(index).slice(1)}.html`).filter((file) => !existsSync(join(dist, file)));
  if (missing.length > 0) throw new Error(`${root}: the build wrote no ${missing.join(', ')}`);
  const pages = (await readdir(join(dist, 'work'))).filter((file) => file.startsWith('bench-')).length;
  if (pages !== count) throw new Error(`${root}: expected ${count} generated pages, found ${pages}`);
}

async function measure(entries, runs, warm, noCards) {
  const ourRoot = join(OUTPUT_ROOT, 'ours');
  const bareRoot = join(OUTPUT_ROOT, 'bare');
  const generated = benchEntries(entries);
  const ours = [];
  const bare = [];
  for (let run = 1; run <= runs; run++) {
    // Fresh copies every run: no content cache (.astro, node_modules/.astro) carries over, except the
    // one a warm run makes on purpose with an untimed build first.
    await writeOurSite(ourRoot, generated, benchRecords(entries), noCards);
    await writeBareSite(bareRoot, ourRoot);
    const sites = { ours: { root: ourRoot, results: ours }, bare: { root: bareRoot, results: bare } };
    if (warm) for (const name of buildOrder(run)) await build(sites[name].root, join(OUTPUT_ROOT, 'logs', `${name}-${entries}-${run}-first.log`));
    for (const name of buildOrder(run)) {
      const { root, results } = sites[name];
      flushToDisk();
      const figures = await build(root, join(OUTPUT_ROOT, 'logs', `${name}-${entries}-${run}.log`));
      await expectPages(root, entries);
      results.push(figures);
      const rss = figures.rssBytes === undefined ? 'n/a' : `${Math.round(figures.rssBytes / 1024 / 1024)} MiB`;
      const cpu = figures.cpuMs === undefined ? '' : `, CPU ${(figures.cpuMs / 1000).toFixed(2)} s`;
      console.log(
        `  ${name.padEnd(4)} ${entries} entries, run ${run}/${runs}: ${(figures.ms / 1000).toFixed(2)} s${cpu}, peak RSS ${rss}  (${formatPhases(figures.phases)})`,
      );
    }
    console.log(`  ours/bare in run ${run}: ${((ours[run - 1]?.ms ?? Number.NaN) / (bare[run - 1]?.ms ?? Number.NaN)).toFixed(2)}x`);
  }
  const cpu = ours.map((result) => result.cpuMs);
  if (cpu.every((ms) => ms !== undefined)) console.log(`  ours ${entries} entries, median CPU (user + system): ${(median(cpu) / 1000).toFixed(2)} s`);
  const pick = (results) => ({
    ms: median(results.map((result) => result.ms)),
    rssBytes: results.some((result) => result.rssBytes === undefined) ? undefined : median(results.map((result) => result.rssBytes)),
  });
  return { entries, ours: pick(ours), bare: pick(bare), runRatio: runRatio(ours, bare) };
}

async function main() {
  const { sizes, runs, warm = false, noCards = false } = parseBenchArgs(process.argv.slice(2));
  const astro = JSON.parse(await readFile(join(PROJECT_ROOT, 'node_modules', 'astro', 'package.json'), 'utf8'));
  const cpu = cpus();
  console.log(
    `Node ${process.version}, Astro ${astro.version}, ${cpu.length} × ${cpu[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, ${new Date().toISOString().slice(0, 10)}`,
  );
  // Other work on the machine slows both builds unevenly; the load average shows when it did.
  const load = () =>
    loadavg()
      .map((value) => value.toFixed(2))
      .join(' ');
  console.log(`Load average (1, 5, 15 min) at start: ${load()}`);
  console.log(`Peak RSS: ${existsSync(GNU_TIME) ? 'GNU time -v, maximum resident set size of the build process' : 'VmHWM of the build process from /proc'}.`);
  console.log(
    `Generated entries are ${benchFileName(0)} ... added to the project's own; ${runs} run(s) per size, median reported; ours builds first in odd runs, bare in even ones${warm ? '; warm: each timed build follows an untimed one in the same folder' : ''}${noCards ? '; ours without the social cards' : ''}.\n`,
  );
  const rows = [];
  for (const entries of sizes) rows.push(await measure(entries, runs, warm, noCards));
  console.log(`\n${formatBenchTable(rows)}\n`);
  console.log(`Load average at end: ${load()}`);
  console.log(`Build logs with per-line timings: ${join('tests', '.output', 'bench', 'logs')}/`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
