import { setTimeout as sleep } from 'node:timers/promises';
import { build } from 'astro';

/**
 * `astro build` for one fixture site after another, in a process that has loaded Astro already
 * (tests/helpers/astro-build.ts sends the sites). It calls the same `build` the CLI calls, on the
 * site's root as its working folder, so a site builds as `npm run build` builds it. A build that
 * fails ends the process, as it ends the command. Each site is built here once: its own modules
 * (its config and the code it imports) stay loaded, so a second build of it runs the command.
 */

/** Printed to stdout and to stderr after each build: everything before it is that build's output. */
const END = process.argv[2] ?? '';

/**
 * How long a build may keep the process busy once `build` has returned. The command ends only when
 * nothing is left to do: a timer, server or watcher a build leaves running would hang `npm run build`.
 */
const SETTLE_MS = 10_000;

interface BuildRequest {
  root: string;
  env: Record<string, string>;
}

process.on('message', (request: BuildRequest) => {
  void buildOne(request);
});
// The test run that started this process is gone.
process.on('disconnect', () => process.exit(0));

/** What keeps the event loop running, by kind, as Node counts it. */
function activeResources(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const kind of process.getActiveResourcesInfo()) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  return counts;
}

/** The resources a build started and left running, beyond those the process had before it. */
function leftRunning(before: Map<string, number>): string[] {
  return [...activeResources()].filter(([kind, count]) => count > (before.get(kind) ?? 0)).map(([kind]) => kind);
}

async function buildOne({ root, env }: BuildRequest): Promise<void> {
  // The project's code keeps values for one run on globalThis, under `portfolio.` symbols (see
  // src/lib/text-memo.ts): each build starts without the last site's, as a new process would.
  const store = globalThis as { [key: symbol]: unknown };
  for (const key of Object.getOwnPropertySymbols(store)) if (key.description?.startsWith('portfolio.')) delete store[key];
  const saved = new Map(Object.keys(env).map((key) => [key, process.env[key]]));
  Object.assign(process.env, env);
  process.chdir(root);
  const before = activeResources();
  try {
    await build({ root });
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  }
  // Where the command would go on to its end: what the build left running settles first (a promise
  // that rejects there ends this process, as it ends the command); what never settles fails the build.
  for (let waited = 0; leftRunning(before).length > 0; waited += 50) {
    if (waited >= SETTLE_MS) {
      process.stderr.write(`The build left ${leftRunning(before).join(', ')} running: \`astro build\` would not end.\n`);
      process.exit(1);
    }
    await sleep(50);
  }
  await new Promise((resolve) => setImmediate(resolve));
  for (const [key, value] of saved) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  process.stdout.write(END);
  process.stderr.write(END);
}
