import { enableCompileCache } from 'node:module';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { SlowestFirstSequencer } from './tests/helpers/sequencer.ts';

// Node's compile cache for every process of the run: the test workers and the ~30 `astro build` and
// `astro dev` children they start inherit the variable, so vite, rollup and astro are compiled once
// per run instead of once per process. A missing or unwritable folder only turns it off.
process.env['NODE_COMPILE_CACHE'] ??= fileURLToPath(new URL('node_modules/.cache/node-compile-cache', import.meta.url));
enableCompileCache(process.env['NODE_COMPILE_CACHE']);

export default defineConfig({
  test: {
    // Two files at a time even on two cores: builds and browser tests spend much of their time
    // waiting on child processes (astro, Chromium), so one file per core would leave cores idle.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    sequence: { sequencer: SlowestFirstSequencer },
    // One line per missing outside tool (Chromium, Jekyll), or a failure when the run requires it.
    globalSetup: ['tests/helpers/global-setup.ts'],
    projects: [
      {
        // One module graph for all unit files: they share no state, and re-importing src/lib for each
        // file was most of their time.
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], isolate: false },
      },
      {
        // Each build test runs `astro build` on a fixture site: slow, so generous timeouts. One module
        // graph per worker, as for the unit files: the builds share through `buildOnce` already, and
        // the one file that sets an environment variable for an import restores it.
        test: { name: 'build', include: ['tests/build/**/*.test.ts'], isolate: false, testTimeout: 180_000, hookTimeout: 300_000, maxConcurrency: 2 },
      },
      {
        // Browser and dev-server files, one module graph per worker too: the files of a worker run one
        // after another and share its Chromium (tests/helpers/browser.ts), each in contexts of its own.
        test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], isolate: false, testTimeout: 180_000, hookTimeout: 300_000 },
      },
    ],
  },
});
