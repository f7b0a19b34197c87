/**
 * Pure helpers for `npm run bench`: the generated entries, argument parsing, the median and the
 * result table. No file system or process access, so they are unit-tested without a build.
 */

const ROLES = ['Software Engineer', 'Research Assistant', 'Teaching Assistant', 'Intern', 'Consultant'];

/** `7` as `"0007"`: file names and permalinks sort in generation order. */
export function entryId(index) {
  return String(index).padStart(4, '0');
}

/** The permalink of generated entry `index`. */
export function benchPermalink(index) {
  return `/work/bench-${entryId(index)}`;
}

/** The file name of generated entry `index` inside `src/content/pages/work/`. */
export function benchFileName(index) {
  return `bench-${entryId(index)}.md`;
}

/** The title of generated entry `index`: its record's key. */
export const benchTitle = (index) => `Company ${entryId(index)}`;

/**
 * The text of generated entry `index` of `count`: the front matter an owner writes (layout, title,
 * data, permalink), a few paragraphs, a root-relative link to the next generated entry and a list,
 * so the Markdown pipeline and any link checking do real work.
 */
export function benchEntry(index, count) {
  const next = count > 1 ? (index + 1) % count : index;
  return `---
layout: work_page
title: ${benchTitle(index)}
data: work
permalink: ${benchPermalink(index)}
---

At ${benchTitle(index)} I worked on a service that collected, processed and analysed streaming
data for customers, so that they could react quickly to new information. I developed internal tools,
kept the real-time dashboards up to date and wrote design documents for features that measured usage.

Before joining I worked at [${benchTitle(next)}](${benchPermalink(next)}), where I learned how to
scale infrastructure: safe deployments to many regions, automatic rollback tied to monitoring, and
**canary tests** in production that replicated customer behaviour.

The team valued metrics, dashboards and a large wiki of operating procedures. Every application had
monitors for failures and latency, so impactful events were caught *before* they reached customers.

Some of the projects I am proud of:

- Led the scaling component of a new capacity mode that follows customer workloads up and down
- Load-tested a way of priming thousands of proxy caches with customer metadata
- Refactored control-plane code to raise throughput and reduce complexity
- Raised the default scaling limit of a public API from 500 to 10,000 shards
`;
}

/**
 * The record of generated entry `index` in `src/data/work.yml`, as a Jekyll `_data` file has it:
 * summary, a free-text date (every third one current), the page and a link list.
 */
export function benchRecord(index) {
  const startYear = 2000 + (index % 20);
  const month = (index % 12) + 1;
  const end = index % 3 === 0 ? 'Present' : `${month}/${startYear + 1 + (index % 4)}`;
  return `${benchTitle(index)}:
  summary: ${ROLES[index % ROLES.length]}
  date: ${month}/${startYear} - ${end}
  page: bench-${entryId(index)}
  links:
    - name: ${benchTitle(index)} website
      ref: https://company-${entryId(index)}.example.com
  press:
  awards:
  honors:
`;
}

/** Every generated entry for a run of `count`, as file name to text. */
export function benchEntries(count) {
  /** @type {Record<string, string>} */
  const entries = {};
  for (let index = 0; index < count; index++) entries[benchFileName(index)] = benchEntry(index, count);
  return entries;
}

/** The records of a run of `count`, to append to the project's own `src/data/work.yml`. */
export function benchRecords(count) {
  return Array.from({ length: count }, (_, index) => benchRecord(index)).join('\n');
}

/**
 * `npm run bench -- [N ...] [--runs R] [--warm]`: the entry counts to measure (default 100), how many
 * builds to run per count (the median is reported) and whether to time builds over warm caches.
 * Throws a message for anything else.
 * @param {readonly string[]} args
 * @returns {{ sizes: number[], runs: number, warm?: boolean }}
 */
export function parseBenchArgs(args) {
  /** @type {number[]} */
  const sizes = [];
  let runs = 1;
  let warm = false;
  let noCards = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--warm') warm = true;
    else if (arg === '--no-cards') noCards = true;
    else if (arg === '--runs' || arg.startsWith('--runs=')) {
      const value = arg === '--runs' ? args[++i] : arg.slice('--runs='.length);
      runs = positiveInteger(value, '--runs');
    } else if (arg.startsWith('-')) {
      throw new Error(`Unknown option ${arg}. Usage: npm run bench -- [entries ...] [--runs N] [--warm] [--no-cards]`);
    } else {
      sizes.push(positiveInteger(arg, 'entries'));
    }
  }
  return { sizes: sizes.length > 0 ? sizes : [100], runs, ...(warm ? { warm } : {}), ...(noCards ? { noCards } : {}) };
}

/**
 * @param {string | undefined} value
 * @param {string} name
 */
function positiveInteger(value, name) {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) {
    throw new Error(`${name} must be a whole number of at least 1, not "${value ?? ''}".`);
  }
  return number;
}

/**
 * The middle value (mean of the two middle ones for an even count); NaN for none.
 * @param {readonly number[]} values
 */
export function median(values) {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = /** @type {number} */ (sorted[middle]);
  const lower = /** @type {number} */ (sorted[middle - 1]);
  return sorted.length % 2 === 1 ? upper : (lower + upper) / 2;
}

/**
 * The median of each run's own ours/bare ratio: the two builds of a run are made back to back, so a
 * slow spell of the machine slows both and cancels out. Runs without both builds are left out.
 * @param {readonly { ms: number }[]} ours
 * @param {readonly { ms: number }[]} bare
 */
export function runRatio(ours, bare) {
  return median(ours.flatMap((result, run) => (bare[run] ? [result.ms / /** @type {{ ms: number }} */ (bare[run]).ms] : [])));
}

/**
 * Which build goes first in a run: ours in odd runs, bare in even ones, so neither always finds the
 * machine as the other left it (its file cache warm, say).
 * @param {number} run 1-based
 * @returns {readonly ('ours' | 'bare')[]}
 */
export function buildOrder(run) {
  return run % 2 === 1 ? ['ours', 'bare'] : ['bare', 'ours'];
}

/**
 * The peak resident set size in bytes from GNU time's `-v` report, or undefined when absent.
 * @param {string} text
 */
export function parseMaxRss(text) {
  const match = /Maximum resident set size \(kbytes\):\s*(\d+)/.exec(text);
  return match ? Number(match[1]) * 1024 : undefined;
}

/**
 * The processor time in ms (user + system, the process and its waited-for children, worker threads
 * included) from GNU time's `-v` report, or undefined when absent. On a shared machine it varies
 * far less than the wall time.
 * @param {string} text
 */
export function parseCpuMs(text) {
  const user = /User time \(seconds\):\s*([\d.]+)/.exec(text);
  const system = /System time \(seconds\):\s*([\d.]+)/.exec(text);
  return user && system ? Math.round((Number(user[1]) + Number(system[1])) * 1000) : undefined;
}

/**
 * @typedef {object} BuildFigures
 * @property {number} ms      wall time of the whole `astro build` process
 * @property {number | undefined} rssBytes peak RSS of the build process
 * @property {number | undefined} [cpuMs] processor time of the build process (user + system)
 */

/**
 * @typedef {object} BenchRow
 * @property {number} entries
 * @property {BuildFigures} ours
 * @property {BuildFigures} bare
 * @property {number} [runRatio] The median of each run's ours/bare.
 */

const seconds = (/** @type {number} */ ms) => `${(ms / 1000).toFixed(2)} s`;
const perEntry = (/** @type {number} */ ms, /** @type {number} */ entries) => `${(ms / entries).toFixed(1)}`;
const mebibytes = (/** @type {number | undefined} */ bytes) => (bytes === undefined ? 'n/a' : `${Math.round(bytes / 1024 / 1024)} MiB`);

/**
 * The results as a plain-text table, one row per entry count, ours beside the bare build: the ratio
 * of the medians, and the median of each run's own ratio (ours and bare built back to back, so a
 * slow spell of the machine slows both and cancels out).
 * @param {readonly BenchRow[]} rows
 */
export function formatBenchTable(rows) {
  const header = ['entries', 'ours', 'ms/entry', 'peak RSS', 'bare', 'ms/entry', 'peak RSS', 'ours/bare', 'per run'];
  const body = rows.map(({ entries, ours, bare, runRatio }) => [
    String(entries),
    seconds(ours.ms),
    perEntry(ours.ms, entries),
    mebibytes(ours.rssBytes),
    seconds(bare.ms),
    perEntry(bare.ms, entries),
    mebibytes(bare.rssBytes),
    `${(ours.ms / bare.ms).toFixed(2)}x`,
    runRatio === undefined ? 'n/a' : `${runRatio.toFixed(2)}x`,
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...body.map((row) => (row[column] ?? '').length)));
  const line = (/** @type {string[]} */ cells) =>
    `| ${cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join(' | ')} |`;
  const rule = `|${widths.map((width, column) => (column === 0 ? `${'-'.repeat(width + 1)}-` : `${'-'.repeat(width + 1)}:`)).join('|')}|`;
  return [line(header), rule, ...body.map(line)].join('\n');
}

/**
 * @typedef {object} Phase
 * @property {string} name
 * @property {number} ms
 */

/**
 * Where a build's time went, from when Astro's log lines arrived (ms since spawn):
 * `start` (Node and Astro start-up, config, integrations' setup, content sync and type generation),
 * `bundle` (Vite's build), `pages` (rendering every page), `finish` (what runs after the pages,
 * such as the sitemap and integrations' build:done hooks, until the process exits).
 * A phase whose log line is missing is left out rather than guessed.
 * @param {readonly { at: number, text: string }[]} lines
 * @param {number} totalMs
 * @returns {Phase[]}
 */
export function buildPhases(lines, totalMs) {
  const find = (/** @type {RegExp} */ pattern, from = 0) => {
    const index = lines.findIndex((line, i) => i >= from && pattern.test(line.text));
    return index === -1 ? undefined : { index, at: /** @type {{ at: number }} */ (lines[index]).at };
  };
  const synced = find(/\[content\] Synced content/);
  const routes = find(/generating static routes/);
  const rendered = routes && find(/^\S*\s*✓ Completed in/, routes.index + 1);
  /** @type {Phase[]} */
  const phases = [];
  const marks = [
    ['start', synced?.at],
    ['bundle', routes?.at],
    ['pages', rendered?.at],
    ['finish', totalMs],
  ];
  let previous = 0;
  for (const [name, at] of marks) {
    if (at === undefined) continue;
    phases.push({ name: /** @type {string} */ (name), ms: /** @type {number} */ (at) - previous });
    previous = /** @type {number} */ (at);
  }
  return phases;
}

/**
 * `start 1.9 s · bundle 0.6 s · ...`
 * @param {readonly Phase[]} phases
 */
export function formatPhases(phases) {
  return phases.map(({ name, ms }) => `${name} ${(ms / 1000).toFixed(1)} s`).join(' · ');
}
