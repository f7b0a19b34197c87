/**
 * Where the entry checks leave their message for the dev server's middleware. Both run in the same
 * Node process, so a global symbol is the simplest shared slot.
 */
export const DEV_PROBLEMS_KEY = Symbol.for('portfolio.entryProblems');
