import { build } from 'astro';

/**
 * `astro build` for one fixture site after another, in a process that has loaded Astro already
 * (tests/helpers/astro-build.ts sends the sites). It calls the same `build` the CLI calls, on the
 * site's root as its working folder, so a site builds as `npm run build` builds it. A build that
 * fails ends the process, as it ends the command.
 */

/** Printed to stdout and to stderr after each build: everything before it is that build's output. */
const END = process.argv[2] ?? '';

interface BuildRequest {
  root: string;
  env: Record<string, string>;
}

process.on('message', (request: BuildRequest) => {
  void buildOne(request);
});
// The test run that started this process is gone.
process.on('disconnect', () => process.exit(0));

async function buildOne({ root, env }: BuildRequest): Promise<void> {
  // The project's code keeps values for one run on globalThis, under `portfolio.` symbols (see
  // src/lib/text-memo.ts): each build starts without the last site's, as a new process would.
  const store = globalThis as { [key: symbol]: unknown };
  for (const key of Object.getOwnPropertySymbols(store)) if (key.description?.startsWith('portfolio.')) delete store[key];
  const saved = new Map(Object.keys(env).map((key) => [key, process.env[key]]));
  Object.assign(process.env, env);
  process.chdir(root);
  try {
    await build({ root });
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  }
  for (const [key, value] of saved) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  process.stdout.write(END);
  process.stderr.write(END);
}
