/**
 * `npm run import -- <Jekyll folder> [--force] [--dry-run]`: reads the Jekyll site, plans the import,
 * checks the project, prints the plan and the report, then writes (unless it is a dry run).
 *
 * Exit codes: 0 imported and the site checks pass, 1 refused (a path leading outside, a clash with the
 * owner's files), 2 bad usage (no path, not a Jekyll site), 3 imported but the site checks (the ones
 * the build runs first) found problems, printed with file, line and fix.
 */
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkImported } from './checks.ts';
import { planImport, type ImportPlan } from './plan.ts';
import { decide, inspectProject, type Action } from './project.ts';
import { compareText, formatReport } from './report.ts';
import { readSource } from './source.ts';
import { LEGACY_URLS_FILE } from '../../src/lib/routing/legacy-urls.ts';
import { urlTable } from './urls.ts';
import { applyActions, checkDestinations } from './write.ts';

export const USAGE = 'Usage: npm run import -- <path to a Jekyll site> [--force] [--dry-run]';

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export interface RunOptions {
  /** The project to import into. */
  projectRoot: string;
  io: Io;
  /** Where a relative source path is read from. */
  cwd?: string;
}

interface Arguments {
  source: string;
  force: boolean;
  dryRun: boolean;
}

export function parseArguments(argv: readonly string[]): Arguments | { error: string } {
  const paths: string[] = [];
  let force = false;
  let dryRun = false;
  for (const argument of argv) {
    if (argument === '--force') force = true;
    else if (argument === '--dry-run') dryRun = true;
    else if (argument === '--help' || argument === '-h') return { error: '' };
    else if (argument.startsWith('-')) return { error: `Unknown option ${argument}.` };
    else paths.push(argument);
  }
  if (paths.length === 0) return { error: 'Give the path of the Jekyll site to import (the folder with _config.yml).' };
  if (paths.length > 1) return { error: `Give one Jekyll site, not ${paths.length} (${paths.join(', ')}).` };
  return { source: paths[0] ?? '', force, dryRun };
}

const VERBS: Record<Action['kind'], string> = { write: 'write', replace: 'replace', unchanged: 'same', remove: 'remove', keep: 'keep' };

function listing(actions: readonly Action[]): string {
  const rows = actions
    .map((action) => {
      if (action.kind === 'remove') return { path: action.path, verb: VERBS.remove, note: 'sample content' };
      if (action.kind === 'keep') return { path: action.path, verb: VERBS.keep, note: 'yours, not touched' };
      return { path: action.file.path, verb: VERBS[action.kind], note: action.file.from ? `from ${action.file.from}` : '' };
    })
    .sort((a, b) => compareText(a.path, b.path));
  const width = Math.max(...rows.map((row) => row.path.length));
  return rows.map((row) => `  ${row.verb.padEnd(8)} ${row.note ? row.path.padEnd(width) : row.path}${row.note ? `  (${row.note})` : ''}`).join('\n');
}

function count(actions: readonly Action[], kind: Action['kind']): number {
  return actions.filter((action) => action.kind === kind).length;
}

/**
 * Runs the command, then (when it wrote the files) the build's pre-build checks on the project, and
 * prints their result. Exit code 3: imported, but the checks found what stops the build.
 */
export async function runAndCheck(argv: readonly string[], options: RunOptions): Promise<number> {
  let written: ImportPlan | undefined;
  const code = run(argv, { ...options, onWritten: (plan) => (written = plan) });
  if (code !== 0 || written === undefined) return code;
  const result = await checkImported(resolve(options.projectRoot), written.posts);
  options.io.out(`\n${result.text}`);
  return result.problems.length > 0 ? 3 : 0;
}

/** Runs the command; returns its exit code. */
export function run(argv: readonly string[], options: RunOptions & { onWritten?: (plan: ImportPlan) => void }): number {
  const { io } = options;
  const args = parseArguments(argv);
  if ('error' in args) {
    io.err(`${args.error ? `${args.error}\n` : ''}${USAGE}\n`);
    return 2;
  }
  const source = resolve(options.cwd ?? process.cwd(), args.source);
  if (!existsSync(source) || !statSync(source).isDirectory()) {
    io.err(`${source} is not a folder. Give the path of the Jekyll site (the folder with _config.yml).\n${USAGE}\n`);
    return 2;
  }
  const project = resolve(options.projectRoot);
  if (!existsSync(join(project, 'package.json'))) {
    io.err(`${project} is not this project's folder (it has no package.json), so there is nowhere to import into.\n`);
    return 2;
  }
  const site = readSource(source);
  const planned = planImport(site, { now: new Date() });
  if (!planned.ok) {
    io.err(`${planned.message}\n${USAGE}\n`);
    return 2;
  }
  const plan: ImportPlan = planned.plan;
  const state = inspectProject(project);
  const decision = decide(plan.files, state, site, args.force);
  const refusals = [...plan.refusals, ...checkDestinations(project, decision.actions, site)];

  io.out(`Importing the Jekyll site ${args.source} into ${project}${args.dryRun ? ' (dry run: nothing is written)' : ''}\n\n`);
  if (refusals.length > 0) {
    io.out('Refused, so nothing was written:\n');
    for (const refusal of refusals) io.out(`  ${refusal.path}: ${refusal.message}\n`);
    return 1;
  }
  io.out(
    `Files (${count(decision.actions, 'write')} new, ${count(decision.actions, 'replace')} replaced, ${count(decision.actions, 'remove')} removed, ${count(decision.actions, 'unchanged')} already as imported):\n`,
  );
  io.out(`${listing(decision.actions)}\n\n`);
  io.out(`${formatReport(plan.report)}\n`);
  const old = plan.urls.filter((url) => !url.retired);
  io.out(
    `Old URLs (${new Set(old.map((url) => url.url)).size}), kept in ${LEGACY_URLS_FILE} and checked by every build, and the file the build writes for each:\n${urlTable(plan.urls)}\n\n`,
  );

  if (decision.clashes.length > 0) {
    io.out('Nothing was written: the project has files of its own where the import would write, or next to it:\n');
    for (const clash of decision.clashes) io.out(`  ${clash.path}: ${clash.message}\n`);
    io.out(
      state.git
        ? 'Move them out of the way (or commit them elsewhere) and run the import again, or run it with --force to replace the files it writes and keep the others.\n'
        : 'This project is not a git checkout, so the importer cannot tell its sample content from yours. Move the files out of the way, or run again with --force to replace the files it writes and keep the others.\n',
    );
    return 1;
  }
  if (args.dryRun) {
    io.out('Dry run: nothing was written. Run again without --dry-run to import.\n');
    return 0;
  }
  applyActions(project, decision.actions, site);
  options.onWritten?.(plan);
  const leftovers = plan.report.filter((line) => line.kind === 'leftover').length;
  io.out(
    `Imported: ${count(decision.actions, 'write')} files written, ${count(decision.actions, 'replace')} replaced, ${count(decision.actions, 'remove')} removed. ` +
      (leftovers > 0 ? `Next: fix the ${leftovers} item(s) under "Left in place" above, then run npm run build.\n` : 'Next: npm run build.\n'),
  );
  return 0;
}
