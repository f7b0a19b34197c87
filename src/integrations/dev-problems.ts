import { sameAddress } from '../lib/routing/navigation.ts';

export { sameAddress };

/**
 * Where the site checks leave their messages for the dev server's middleware. Both run in the same
 * Node process, so a global symbol is the simplest shared slot.
 */
export const DEV_PROBLEMS_KEY = Symbol.for('portfolio.siteProblems');

/** What the middleware reads: each broken page's message, by its address. */
export interface DevProblems {
  /** The message for a page, by `sameAddress(permalink)`. */
  byPage: Map<string, string>;
}

export function readDevProblems(): DevProblems | undefined {
  return (globalThis as Record<symbol, DevProblems | undefined>)[DEV_PROBLEMS_KEY];
}

export function writeDevProblems(problems: DevProblems): void {
  (globalThis as Record<symbol, DevProblems | undefined>)[DEV_PROBLEMS_KEY] = problems;
}
