import { defineMiddleware } from 'astro:middleware';
import { escapeHtml } from '../lib/html/escape.ts';
import { readDevProblems, sameAddress } from './dev-problems.ts';

/** JSON that is safe inside a `<script>`: `<` escaped, so no value can end the element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/**
 * In `astro dev`, a page whose files have a problem answers with the problem, in the dev server's
 * error overlay, until it is fixed; every other page keeps rendering. The page is answered here
 * rather than by throwing, so the terminal shows each problem once per change (the checks print
 * it) instead of once more, with a stack trace, on every request.
 */
export const onRequest = defineMiddleware((context, next) => {
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  const path = context.url.pathname.startsWith(base) ? context.url.pathname.slice(base.length) || '/' : context.url.pathname;
  const message = readDevProblems()?.byPage.get(sameAddress(decodeURI(path)));
  if (!message) return next();
  const problem = {
    name: 'Content problem',
    title: 'This page needs fixing',
    message,
    hint: 'Fix the files named above; the page reloads when they are saved.',
  };
  const client = `${base}/@vite/client`;
  const html = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>This page needs fixing</title>
    <script type="module" src="${client}"></script>
    <script type="module">
      import { ErrorOverlay } from ${scriptJson(client)};
      document.body.appendChild(new ErrorOverlay(${scriptJson(problem)}));
    </script>
  </head>
  <body>
    <pre>${escapeHtml(message)}</pre>
  </body>
</html>
`;
  return new Response(html, { status: 500, headers: { 'content-type': 'text/html; charset=utf-8' } });
});
