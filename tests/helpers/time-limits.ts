import { expect, vi } from 'vitest';

/**
 * The time limits of the file about to run, set before each file (a worker runs files of every
 * layer, one after another): a unit test that takes seconds is stuck; a build or a browser test may
 * take minutes on a busy two-core machine.
 */
const slow = /[\\/]tests[\\/](build|e2e)[\\/]/.test(expect.getState().testPath ?? '');
vi.setConfig(slow ? { testTimeout: 180_000, hookTimeout: 300_000 } : { testTimeout: 5_000, hookTimeout: 10_000 });
