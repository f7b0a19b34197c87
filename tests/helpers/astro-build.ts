import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import { buildEnv } from '../../scripts/lib/child-env.mjs';

/**
 * `astro build` in processes that have loaded Astro already: tests/helpers/astro-build-child.ts, which
 * calls the `build` the CLI calls. A fresh `astro build` spends about 1.8 s of its 2.6 s of processor
 * time loading and compiling Astro, Vite and Rolldown before it reads the site; a warm process builds
 * the next site in about 0.8 s. The run keeps two of them (tests/helpers/global-setup.ts) and every
 * test worker sends its builds there. A test of what a failing build prints runs the command itself
 * (`runAstro`), as the owner would.
 */

export interface BuildOutput {
  exitCode: number;
  /** stdout and stderr together, as the command prints them. */
  output: string;
}

interface BuildRequest {
  root: string;
  env: Record<string, string>;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The address of the run's warm build processes (see `startBuildService`). */
    astroBuildService: string;
  }
}

const CHILD = fileURLToPath(new URL('astro-build-child.ts', import.meta.url));
/** Builds at once: one per core of the machines this suite is timed on. */
const PROCESSES = 2;
/** Builds per process before a new one takes over: each site's own modules stay loaded. */
const BUILDS_PER_PROCESS = 20;

interface BuildProcess {
  child: ChildProcess;
  /** The marker the process prints to stdout and stderr after each build. */
  end: string;
  builds: number;
  /** Resolves with the exit code when the process ends. */
  exited: Promise<number>;
  /** Set when the process has ended: a build's failure can end it after the build was answered. */
  ended: boolean;
}

function startProcess(): BuildProcess {
  const end = `\n<<astro-build ${randomUUID()}>>\n`;
  const child = fork(CHILD, [end], {
    execPath: process.execPath,
    execArgv: [],
    env: buildEnv(process.env),
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const worker: BuildProcess = { child, end, builds: 0, exited: Promise.resolve(1), ended: false };
  worker.exited = new Promise<number>((resolve) =>
    child.on('close', (code) => {
      worker.ended = true;
      resolve(code ?? 1);
    }),
  );
  // A message sent as the process ends is lost with it; `exited` says so.
  child.on('error', () => undefined);
  return worker;
}

/** One build in a warm process: its output up to the process's marker, or up to its exit if it failed. */
async function buildIn(worker: BuildProcess, request: BuildRequest): Promise<BuildOutput & { alive: boolean }> {
  worker.builds += 1;
  let output = '';
  const done = new Promise<'built'>((resolve) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      // A marker may come in two chunks: counted in all that came, stdout's and stderr's.
      if (output.split(worker.end).length - 1 === 2) resolve('built');
    };
    worker.child.stdout?.on('data', read);
    worker.child.stderr?.on('data', read);
  });
  worker.child.send(request);
  const finished = await Promise.race([done, worker.exited]);
  worker.child.stdout?.removeAllListeners('data');
  worker.child.stderr?.removeAllListeners('data');
  const alive = finished === 'built';
  return { exitCode: alive ? 0 : finished || 1, output: output.replaceAll(worker.end, ''), alive };
}

/**
 * An HTTP endpoint on 127.0.0.1 through which test workers ask the warm build processes for builds,
 * one site at a time per process. A site is built there once: its second build
 * (after an edit, say) runs the command, as its own modules are loaded in the process by then.
 */
export async function startBuildService(): Promise<{ url: string; close: () => Promise<void> }> {
  const idle: BuildProcess[] = [];
  const waiting: ((worker: BuildProcess) => void)[] = [];
  const built = new Set<string>();
  // Started at the first builds, so a run that builds no site starts none.
  let started = 0;
  const acquire = async (): Promise<BuildProcess> => {
    const ready = idle.pop();
    if (ready && !ready.ended) return ready;
    // One that ended while idle (a late failure of its last build) makes room for a new one.
    if (ready) started -= 1;
    if (started < PROCESSES) {
      started += 1;
      return startProcess();
    }
    return new Promise<BuildProcess>((resolve) => waiting.push(resolve));
  };
  const release = (worker: BuildProcess, alive: boolean) => {
    const keep = alive && worker.builds < BUILDS_PER_PROCESS;
    if (!keep) {
      if (alive) worker.child.kill();
      started -= 1;
    }
    const waiter = waiting.shift();
    if (!waiter) {
      if (keep) idle.push(worker);
    } else if (keep) {
      waiter(worker);
    } else {
      started += 1;
      waiter(startProcess());
    }
  };

  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      void (async () => {
        const build = JSON.parse(body) as BuildRequest;
        let result: BuildOutput | undefined;
        if (!built.has(build.root)) {
          built.add(build.root);
          const worker = await acquire();
          const { alive, ...output } = await buildIn(worker, build);
          release(worker, alive);
          result = output;
        }
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify(result ?? null));
      })().catch((error: unknown) => {
        // The test worker runs the command instead, and meets the same trouble there if it is the site's.
        response.writeHead(500, { 'content-type': 'text/plain' });
        response.end(String(error));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: async () => {
      for (const worker of idle) worker.child.kill();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The run's build service, or none where the code runs outside a vitest run (`inject` throws there). */
function buildService(): string | undefined {
  try {
    return inject('astroBuildService');
  } catch {
    return undefined;
  }
}

/**
 * Runs `astro build` in `root` with these variables added to the environment, in a warm process of
 * the run; `runCommand` runs the command instead when the run has built this site already, or could
 * not take the build, or there is no run. Asked with `node:http`, which waits as long as the build
 * takes: `fetch` gives up on an answer after 300 s, which a queue of builds on a slow machine can reach.
 */
export async function buildInWarmProcess(root: string, env: Record<string, string>, runCommand: () => Promise<BuildOutput>): Promise<BuildOutput> {
  const service = buildService();
  if (!service) return runCommand();
  const answer = await new Promise<string | undefined>((resolve) => {
    const request = httpRequest(service, { method: 'POST' }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve(response.statusCode === 200 ? body : undefined));
      response.on('error', () => resolve(undefined));
    });
    request.on('error', () => resolve(undefined));
    request.end(JSON.stringify({ root, env } satisfies BuildRequest));
  });
  const result = answer === undefined ? null : (JSON.parse(answer) as BuildOutput | null);
  return result ?? runCommand();
}
