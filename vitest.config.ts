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
    include: ['tests/{unit,build,e2e}/**/*.test.ts'],
    // Two files at a time even on two cores: builds and browser tests spend much of their time
    // waiting on child processes (astro, Chromium), so one file per core would leave cores idle.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    sequence: { sequencer: SlowestFirstSequencer },
    // One line per missing outside tool (Chromium, Jekyll), or a failure when the run requires it.
    globalSetup: ['tests/helpers/global-setup.ts'],
    // Each file's time limits, by its layer: seconds for a unit test, minutes for a build or a browser.
    setupFiles: ['tests/helpers/time-limits.ts'],
    // One module graph per worker, for all its files: they share no state (the one file that sets an
    // environment variable for an import restores it), and re-importing src/lib for each file was
    // most of the unit files' time. The browser files of a worker also share its Chromium
    // (tests/helpers/browser.ts), each in contexts of its own. One project, not one per layer:
    // vitest keeps a worker only for a next file of the same project, and the slowest-first order
    // mixes the layers, so three projects started a worker (and a Chromium) for most files.
    isolate: false,
    // The build files' concurrent tests run two builds at a time at most.
    maxConcurrency: 2,
  },
});
