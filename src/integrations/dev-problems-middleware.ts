import { defineMiddleware } from 'astro:middleware';
import { AstroError } from 'astro/errors';
import { DEV_PROBLEMS_KEY } from './dev-problems.ts';

/** In `astro dev`, shows the entry problems in the error overlay on every page until they are fixed. */
export const onRequest = defineMiddleware((_context, next) => {
  const message = (globalThis as Record<symbol, unknown>)[DEV_PROBLEMS_KEY];
  if (typeof message === 'string') throw new AstroError(message, 'Fix the files named above; the page reloads when they are saved.');
  return next();
});
