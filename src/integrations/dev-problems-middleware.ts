import { defineMiddleware } from 'astro:middleware';
import { AstroError } from 'astro/errors';
import { readDevProblems, sameAddress } from './dev-problems.ts';

/**
 * In `astro dev`, a page whose files have a problem shows it in the error overlay until it is fixed;
 * every other page keeps rendering.
 */
export const onRequest = defineMiddleware((context, next) => {
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  const path = context.url.pathname.startsWith(base) ? context.url.pathname.slice(base.length) || '/' : context.url.pathname;
  const message = readDevProblems()?.byPage.get(sameAddress(decodeURI(path)));
  if (message) throw new AstroError(message, 'Fix the files named above; the page reloads when they are saved.');
  return next();
});
